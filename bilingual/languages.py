"""The site's languages, and reading a translated field with an honest fallback.

`LANGUAGE_TABLE` is the one place a language is described: settings, lists, feeds, the
archive, the switcher, imports and date forms all read it. Every app may import this
module; it imports nothing of the project's.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import dates


@dataclass(frozen=True)
class Language:
    """One of the site's languages and every fact that hangs off it."""

    code: str
    name: Promise  # in the reader's language: "Mongolian" / "Монгол"
    native_name: str  # in itself, for the switcher: "Монгол"
    list_title: Promise  # the numbered list's heading
    translated_from: Promise  # the mark on a headline translated from this language
    long_date: Callable  # the article's date form
    og_locale: str  # OpenGraph's locale
    # What imports accept for this language (lower case), and the house-format date label.
    aliases: tuple[str, ...] = ()
    published_label: str = ""
    # Words an adult reads in a minute, for an article's reading time.
    reading_rate: int = 200
    # The masthead's date line: weekday and date.
    dateline: Callable = dates.english_dateline

    def __str__(self):
        return str(self.name)


LANGUAGE_TABLE: tuple[Language, ...] = (
    Language(
        code="en",
        name=_("English"),
        native_name="English",
        list_title=_("Headlines in English"),
        translated_from=_("Translated from English"),
        long_date=dates.iso_date,
        dateline=dates.english_dateline,
        og_locale="en_GB",
        aliases=("en", "eng", "english", "англи"),
        published_label="published",
        # 228 words a minute for English in the IReST study of reading speed in 17
        # languages (Trauzettel-Klosinski & Dietz, Invest. Ophthalmol. Vis. Sci. 2012).
        reading_rate=230,
    ),
    Language(
        code="mn",
        name=_("Mongolian"),
        native_name="Монгол",
        list_title=_("Headlines in Mongolian"),
        translated_from=_("Translated from Mongolian"),
        long_date=dates.mongolian_long_date,
        dateline=dates.mongolian_dateline,
        og_locale="mn_MN",
        aliases=("mn", "mon", "mongolian", "монгол"),
        published_label="нийтэлсэн",
        # IReST has no Mongolian. Mongolian is agglutinative: case, number and possession
        # are endings on the word (Улаанбаатар-т, малчд-ын), so a text has fewer, longer
        # words than its English version and fewer words are read a minute. The study's
        # agglutinative languages, Finnish and Turkish, read at about 160-166 words a
        # minute, and Russian, in the same Cyrillic script, at about 184: 170 sits between.
        reading_rate=170,
    ),
)

# Settings are derived from the table (see portal/settings/base.py).
DEFAULT_LANGUAGE = LANGUAGE_TABLE[0].code


def site_languages() -> tuple[Language, ...]:
    """The languages the site runs in (those of `settings.LANGUAGES`), in the table's order.

    A code in the settings that the table does not describe is an error worth seeing early.
    """
    by_code = {language.code: language for language in LANGUAGE_TABLE}
    try:
        return tuple(by_code[code] for code, _name in settings.LANGUAGES)
    except KeyError as unknown:
        raise LookupError(
            f"settings.LANGUAGES names {unknown}, which LANGUAGE_TABLE lacks"
        ) from None


def language_codes() -> list[str]:
    return [language.code for language in site_languages()]


def localized_names(fields: Sequence[str]) -> list[str]:
    """Each field's column per language, field by field: title_en, title_mn, summary_en…"""
    return [f"{name}_{code}" for name in fields for code in language_codes()]


def language_choices() -> list[tuple[str, Promise]]:
    """`(code, name)` pairs for form and model choices."""
    return [(language.code, language.name) for language in site_languages()]


def get_language_info(code: str) -> Language:
    """The table's entry for `code` (LookupError for a language the site does not run in)."""
    for language in site_languages():
        if language.code == code:
            return language
    raise LookupError(code)


def other_languages(code: str) -> list[Language]:
    return [language for language in site_languages() if language.code != code]


def language_from_alias(text: str) -> str | None:
    """The code for "mn", "Mongolian", "монгол"…, or None."""
    wanted = (text or "").strip().lower()
    for language in site_languages():
        if wanted in language.aliases or wanted == language.code:
            return language.code
    return None


def label_in(label, code: str) -> Promise:
    """A label for one language's copy of a field: "Name in English", "Нэр (Англи хэлээр)"."""
    return format_lazy(
        _("{label} in {language}"), label=label, language=get_language_info(code).name
    )


def long_date(value, code: str) -> str:
    """The article date in `code`'s form (2022-06-29, 2022 оны 6 дугаар сарын 29)."""
    return get_language_info(code).long_date(value)


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
