"""The site's languages, and reading a translated field with an honest fallback.

Every app may import this module; it imports nothing of the project's.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString
from django.utils.translation import get_language

NATIVE_NAMES = {"en": "English", "mn": "Монгол"}


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def current_language() -> str:
    """The active language reduced to one of ours (English outside a request)."""
    active = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return active if active in language_codes() else settings.LANGUAGE_CODE


def has_content(value) -> bool:
    """Whether a field value says anything to a reader.

    Blank strings, empty markup such as `<p></p>`, and streams (or their stored JSON) whose
    blocks are all empty say nothing; an image or any other object does.
    """
    if value is None:
        return False
    if isinstance(value, str):
        return bool(strip_tags(value).strip())
    if isinstance(getattr(value, "source", None), str):  # rich text
        return has_content(value.source)
    if hasattr(value, "block_type") and hasattr(value, "value"):  # one block of a stream
        return has_content(value.value)
    if isinstance(value, Mapping):  # a struct block, or a block as stored JSON
        return any(has_content(item) for key, item in value.items() if key not in ("id", "type"))
    if isinstance(value, Sequence):  # a stream, a list block, or their stored JSON
        return any(has_content(item) for item in value)
    return True


@dataclass(frozen=True)
class LocalizedValue:
    """A field's value in the reader's language, or in the language it fell back to."""

    value: object
    language: str
    is_fallback: bool

    def __str__(self):
        return "" if self.value is None else str(self.value)

    def __bool__(self):
        return has_content(self.value)

    @property
    def lang_attr(self) -> SafeString:
        """` lang="xx"` for an element that shows fallback text, else nothing."""
        if self.is_fallback:
            return format_html(' lang="{}"', self.language)
        return SafeString("")


def localized(obj, field: str, language: str | None = None) -> LocalizedValue:
    """Read `field` of `obj` in `language`, falling back to the other languages in turn."""
    wanted = language or current_language()
    for code in [wanted, *[c for c in language_codes() if c != wanted]]:
        value = getattr(obj, f"{field}_{code}", None)
        if has_content(value):
            return LocalizedValue(value, code, code != wanted)
    return LocalizedValue("", wanted, False)


def languages_with(obj, fields) -> list[str]:
    """The languages in which every one of `fields` of `obj` has content."""
    return [
        code
        for code in language_codes()
        if all(has_content(getattr(obj, f"{field}_{code}", None)) for field in fields)
    ]
