"""Bulk publish and unpublish for the headline listing (Wagtail already offers bulk delete)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .models import Headline


class HeadlineBulkAction(SnippetBulkAction):
    """Only for headlines, and only for users allowed to publish them."""

    models = [Headline]
    template_name = "headlines/admin/confirm_bulk_action.html"
    confirmation_texts = {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"texts": self.confirmation_texts}

    def check_perm(self, headline):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "publish", headline
        )


class PublishHeadlinesBulkAction(HeadlineBulkAction):
    display_name = _("Publish")
    action_type = "publish"
    aria_label = _("Publish selected headlines")
    confirmation_texts = {
        "title": _("Publish headlines"),
        "question": _("Are you sure you want to publish these headlines?"),
        "no_access": _("You do not have permission to publish these headlines"),
        "yes": _("Yes, publish"),
        "no": _("No, don't publish"),
    }
    action_priority = 40

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        published = 0
        for headline in objects:
            if headline.live and not headline.has_unpublished_changes:
                continue
            # An editor's pending draft is what goes live; otherwise the headline as stored.
            revision = (
                headline.get_latest_revision()
                if headline.has_unpublished_changes and headline.latest_revision_id
                else None
            ) or headline.save_revision(user=user)
            revision.publish(user=user)
            published += 1
        return published, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d headline has been published.",
            "%(count)d headlines have been published.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class UnpublishHeadlinesBulkAction(HeadlineBulkAction):
    display_name = _("Unpublish")
    action_type = "unpublish"
    aria_label = _("Unpublish selected headlines")
    confirmation_texts = {
        "title": _("Unpublish headlines"),
        "question": _("Are you sure you want to unpublish these headlines?"),
        "no_access": _("You do not have permission to unpublish these headlines"),
        "yes": _("Yes, unpublish"),
        "no": _("No, don't unpublish"),
    }
    action_priority = 45

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        unpublished = 0
        for headline in objects:
            if headline.live:
                headline.unpublish(user=user)
                unpublished += 1
        return unpublished, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d headline has been unpublished.",
            "%(count)d headlines have been unpublished.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
