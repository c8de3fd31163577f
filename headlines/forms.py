"""Admin forms for headlines: the edit form, and the import form behind paste-preview-confirm."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from bilingual.languages import language_choices

from .models import Source

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# A page's two lists are about 2,400 characters; a million (2 MB of Cyrillic) stays under
# Django's limit on form data, so a bigger paste gets this form's message, not a bare 400.
MAX_PASTED_CHARACTERS = 1_000_000


class HeadlineForm(WagtailAdminModelForm):
    """The source may be left empty: it is then found from the link's domain, or created."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "source" in self.fields:
            self.fields["source"].required = False

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("source") and cleaned.get("url"):
            # Found before the model's checks, so its duplicate check sees the stored source
            # (www.montsame.mn for a link on montsame.mn). An unknown one is created on save.
            cleaned["source"] = Source.objects.for_domain(cleaned["url"])
        return cleaned

    def save(self, commit=True):
        headline = super().save(commit=False)
        if headline.source_id is None and headline.url:
            headline.source = Source.objects.for_link(
                headline.url, headline.language or settings.LANGUAGE_CODE
            )
        if commit:
            headline.save()
            self.save_m2m()
        return headline


FORMAT_CHOICES = [
    ("", _("Guess from the content")),
    ("lines", _("Lines: headline SOURCE.DOMAIN PUBLISHED:YYYY/MM/DD")),
    ("csv", _("CSV: title,url,published,language")),
    ("rss", "RSS"),
    ("atom", "Atom"),
]


class ImportOptionsForm(forms.Form):
    """What every import step needs besides the data itself."""

    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES, required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=lambda: [("", _("As each row says")), *language_choices()],
        required=False,
        help_text=_("For rows that do not say their language (CSV without it, feeds)."),
    )
    publish = forms.BooleanField(
        label=_("Publish at once"),
        required=False,
        help_text=_("Otherwise new headlines are saved as drafts."),
    )

    def __init__(self, *args, can_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_publish:
            # Without the publish permission, imports can only make drafts.
            del self.fields["publish"]


class ImportForm(ImportOptionsForm):
    """Step one: pasted lines or an uploaded file."""

    text = forms.CharField(
        label=_("Paste headlines"),
        required=False,
        strip=False,
        max_length=MAX_PASTED_CHARACTERS,
        error_messages={
            "max_length": _(
                "Paste at most %(limit_value)d characters at a time (this is %(show_value)d); "
                "upload a file for more."
            )
        },
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
        help_text=_(
            "One headline a line, as the lists print it: "
            "“1 HEADLINE WWW.MONTSAME.MN PUBLISHED:2025/12/05” or "
            "“ГАРЧИГ WWW.NEWS.MN НИЙТЭЛСЭН:2025/12/05”."
        ),
    )
    file = forms.FileField(
        label=_("Or upload a file"),
        required=False,
        help_text=_("CSV, RSS, Atom or a text file of lines; at most 5 MB."),
    )
    field_order = ["text", "file", "format", "language", "publish"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload

    def clean(self):
        cleaned = super().clean()
        has_text = bool((cleaned.get("text") or "").strip())
        if has_text and cleaned.get("file"):
            raise forms.ValidationError(_("Paste lines or upload a file, not both."))
        if not has_text and not cleaned.get("file") and not self.errors:
            raise forms.ValidationError(_("Paste some lines or choose a file."))
        return cleaned

    def payload(self) -> tuple[bytes, str]:
        """The data to import and its name."""
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.read(), upload.name
        return self.cleaned_data["text"].encode("utf-8"), ""


class ConfirmImportForm(forms.Form):
    """Step two: the id of the previewed import, which waits on the server with its options."""

    import_id = forms.UUIDField(widget=forms.HiddenInput)
