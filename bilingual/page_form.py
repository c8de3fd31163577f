"""The form every page of the house is edited with in the admin."""

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .languages import localized_names
from .plain_text import refuse_invisible_characters
from .slugs import AsciiSlugPageForm


class HousePageForm(AsciiSlugPageForm):
    """ASCII slugs (from AsciiSlugPageForm), one-line titles, and no silent lost updates."""

    def clean(self):
        cleaned_data = super().clean()
        for name in localized_names(("title",)):
            # A line break in a title ends up in the moderation e-mails' subject line,
            # which Django then refuses to send.
            try:
                refuse_invisible_characters(cleaned_data.get(name) or "")
            except ValidationError as error:
                self.add_error(name, error)
        if self.edited_a_stale_version():
            self.add_error(None, self.stale_version_message())
        return cleaned_data

    def edited_a_stale_version(self) -> bool:
        """True when someone saved this page after the editor opened the form.

        The edit page carries the revision it was opened on (and the editor's own autosaved
        revision, if any). Wagtail refuses a stale autosave but lets a stale Save replace the
        other editor's draft without a word; this form refuses it once. The form shown again
        then carries the newest revision, so saving a second time replaces it knowingly.
        """
        latest = self.instance.latest_revision if self.instance.pk else None
        if latest is None:
            return False
        own_autosave = self.data.get("overwrite_revision_id")
        if own_autosave:
            return own_autosave != str(latest.pk)
        loaded = self.data.get("loaded_revision_id")
        if not loaded:
            return False
        if loaded != str(latest.pk):
            return True
        loaded_at = self.data.get("loaded_revision_created_at")
        return bool(loaded_at) and loaded_at != latest.created_at.isoformat()

    def stale_version_message(self) -> str:
        latest = self.instance.latest_revision
        author = ""
        if latest.user:
            author = latest.user.get_full_name() or latest.user.get_username()
        when = formats.date_format(timezone.localtime(latest.created_at), "DATETIME_FORMAT")
        return _(
            "%(author)s saved a newer version of this page at %(time)s, after you opened it. "
            "Your changes are still in the form below: compare them with the page's history, "
            "then save again to replace that version."
        ) % {"author": author or _("Someone"), "time": when}
