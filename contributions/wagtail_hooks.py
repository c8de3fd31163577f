from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from .models import LOG_ACTION_PREFIX, GuestSubmission
from .permissions import guest_contribution_policy
from .views.inbox import GuestSubmissionViewSet
from .views.invitations import GuestInvitationViewSet

# Before any view asks for it, or Wagtail makes a plain model policy of its own.
register_permission_policy(GuestSubmission, guest_contribution_policy)


@hooks.register("register_admin_viewset")
def register_guest_submission_inbox():
    return GuestSubmissionViewSet()


@hooks.register("register_admin_viewset")
def register_guest_invitation_form():
    return GuestInvitationViewSet()


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
        actions.register_action(f"{LOG_ACTION_PREFIX}.{action}")(
            type(
                "SubmissionLogFormatter",
                (SubmissionLogFormatter,),
                {"label": label, "message": message},
            )
        )
