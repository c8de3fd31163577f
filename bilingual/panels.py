"""A read-only panel on the edit page: is each language written, and is it up to date?"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .translation_status import status_for


class TranslationStatusPanel(Panel):
    """Shows, per language, the translated `fields` still empty or behind the other language."""

    def __init__(self, fields=("title",), **kwargs):
        kwargs.setdefault("heading", _("Translation status"))
        super().__init__(**kwargs)
        self.fields = tuple(fields)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["fields"] = self.fields
        return kwargs

    @property
    def clean_name(self):
        return super().clean_name or "translation_status"

    class BoundPanel(Panel.BoundPanel):
        template_name = "bilingual/panels/translation_status.html"

        def is_shown(self):
            return bool(self.instance is not None and self.instance.pk) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            status = status_for(self.instance, self.panel.fields)
            names = dict(settings.LANGUAGES)
            labels = {
                name: self.panel.model._meta.get_field(name).verbose_name
                for name in self.panel.fields
            }
            context["languages"] = [
                {
                    "code": language.language,
                    "name": names.get(language.language, language.language),
                    "state": language.state,
                    "missing": ", ".join(str(labels[name]) for name in language.missing),
                    "changed_at": language.changed_at and timezone.localtime(language.changed_at),
                }
                for language in status.languages
            ]
            return context
