"""A read-only panel on the edit page: is each language written, and is it up to date?"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .languages import get_language_info
from .translated_content import translated_field_label


class TranslationStatusPanel(Panel):
    """Shows, per language, the model's `translated_fields` still empty or behind the other
    language (the model is a `TranslatedContent`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Translation status"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "translation_status"

    class BoundPanel(Panel.BoundPanel):
        template_name = "bilingual/panels/translation_status.html"

        def is_shown(self):
            return bool(self.instance is not None and self.instance.pk) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            model = self.panel.model
            context["languages"] = [
                {
                    "code": language.language,
                    "name": get_language_info(language.language).name,
                    "state": language.state,
                    "missing": ", ".join(
                        translated_field_label(model, name) for name in language.missing
                    ),
                    "changed_at": language.changed_at and timezone.localtime(language.changed_at),
                }
                for language in self.instance.translation_status().languages
            ]
            return context
