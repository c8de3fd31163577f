from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Author, ProfileChange
from .permissions import profile_change_policy
from .views import LOG_ACTION_PREFIX, ProfileChangeViewSet

# Before any view asks for it, or Wagtail makes a plain model policy of its own.
register_permission_policy(ProfileChange, profile_change_policy)


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Authors")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "kind", "credentials"]
    list_filter = ["kind"]
    search_fields = ["name"]


register_snippet(AuthorViewSet)


@hooks.register("register_admin_viewset")
def register_profile_change_review():
    return ProfileChangeViewSet()


class ProfileChangeLogFormatter(LogFormatter):
    """Shows the editor's reason, kept in the log entry, as its comment."""

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("comment", "")


@hooks.register("register_log_actions")
def register_profile_change_actions(actions):
    for action, label, message in [
        ("approve", _("Approve profile change"), _("Guest's profile change approved")),
        ("reject", _("Reject profile change"), _("Guest's profile change not approved")),
    ]:
        actions.register_action(f"{LOG_ACTION_PREFIX}.{action}")(
            type(
                "ProfileChangeLogFormatter",
                (ProfileChangeLogFormatter,),
                {"label": label, "message": message},
            )
        )
