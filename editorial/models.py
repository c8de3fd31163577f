from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from bilingual.translated_content import TranslatedContent


class TranslationIncomplete(Exception):
    """Approval refused: the item still lacks text in a language (shown to the user as is)."""

    def __init__(self, obj, message):
        super().__init__(message)
        self.obj = obj
        self.message = message


class TranslationTask(AbstractGroupApprovalTask):
    """The translators' step: their approval is refused until every language is written."""

    class Meta:
        verbose_name = _("translation task")
        verbose_name_plural = _("translation tasks")
        permissions = [("use_translation_desk", _("Can use the translation desk"))]

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            obj = task_state.workflow_state.content_object
            # The item's latest text, as the edit page's status panel reads it.
            latest = obj.get_latest_revision_as_object()
            missing = latest.missing_fields() if isinstance(latest, TranslatedContent) else {}
            if missing:
                # Built now, while the admin user's language is active.
                raise TranslationIncomplete(
                    obj,
                    gettext("The translation cannot be approved yet. Still missing: %(missing)s.")
                    % {"missing": latest.describe_missing(missing)},
                )
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve it once the title, summary and body exist "
            "in English and Mongolian."
        )
