from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic
from .submission_inbox import GuestSubmissionViewSet


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


@hooks.register("register_admin_viewset")
def register_guest_submission_inbox():
    return GuestSubmissionViewSet("guest_submissions")


class SubmissionLogFormatter(LogFormatter):
    """Shows the editors' feedback or reason, kept in the log entry, as its comment."""

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("comment", "")


@hooks.register("register_log_actions")
def register_guest_submission_actions(actions):
    for action, label, message in [
        ("submit", _("Submit"), _("Submitted by the guest author")),
        ("request_changes", _("Request changes"), _("Changes requested from the guest author")),
        ("decline", _("Decline"), _("Declined")),
        ("accept", _("Accept"), _("Accepted and made into an article draft")),
    ]:
        actions.register_action(f"articles.guest_submission.{action}")(
            type(
                "SubmissionLogFormatter",
                (SubmissionLogFormatter,),
                {"label": label, "message": message},
            )
        )
