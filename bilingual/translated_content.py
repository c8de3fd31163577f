"""The translated-content contract: which fields make an item "written" in a language.

A model declares its `translated_fields` once; the edit page's status panel, the
Translation task's approval check, the translation desk, the hreflang links and the
sitemap all read that declaration, so they cannot disagree about what is missing.
"""

from collections.abc import Mapping, Sequence
from functools import reduce
from operator import or_
from typing import ClassVar

from django.db.models import F, Q, TextField, Value
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Cast, Coalesce
from django.db.models.lookups import IsNull, Regex
from django.utils.text import format_lazy
from wagtail.fields import StreamField

from .languages import get_language_info, language_codes, languages_with
from .translation_status import (
    TranslationStatus,
    json_text,
    missing_in,
    status_for,
    values_from_object,
)

# Text that says nothing to a reader, as the database holds it, written to agree with
# `has_content` (which strips tags, then Unicode white space) on SQLite (Python's `re`) and
# PostgreSQL (whose `\s` follows the server's locale, so other blanks are listed as such):
# blanks and empty markup (`<p></p>`, `<p data-block-key="…"><br/></p>`), and streams (their
# stored JSON, where blanks are escaped as `\n` or `\u00a0`) of such text or struct blocks.
_BLANKS = "\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_EMPTY_MARKUP = rf"([\s{_BLANKS}]|<[^>]*>)*"
_ESCAPED_BLANK = r"\\([nrtfb]|u(0085|00a0|1680|200[0-9a]|2028|2029|202f|205f|3000))"
_EMPTY_JSON_TEXT = rf'"([\s{_BLANKS}]|{_ESCAPED_BLANK}|<[^>]*>)*"'
_EMPTY_STRUCT = rf'\{{("[^"]*": {_EMPTY_JSON_TEXT}(, )?)*\}}'
_EMPTY_BLOCK_ITEM = rf'("(id|type)": "[^"]*"|"value": ({_EMPTY_JSON_TEXT}|{_EMPTY_STRUCT}))'
EMPTY_TEXT = rf"^{_EMPTY_MARKUP}$"
EMPTY_STREAM = rf"^\[(\s|,|\{{{_EMPTY_BLOCK_ITEM}(, {_EMPTY_BLOCK_ITEM})*\}})*\]$"
# A quick proof that a stored stream is not empty: a tag followed by a letter, which
# EMPTY_STREAM can never match (after a tag it allows only a tag, a blank, an escape or the
# string's end). Tested first, it spares 100,000 bodies the long pattern on the desk.
TEXT_AFTER_TAG = rf'>[^<\s{_BLANKS}\\"]'
# The same proof on a string as JSON decodes it, where the escapes are characters again
# (control characters, which the stored JSON escapes with a backslash, stay out).
TEXT_AFTER_TAG_DECODED = rf'>[^<\s{_BLANKS}\\"\x01-\x1f]'


def translated_field_label(model, name: str) -> str:
    """A field as people call it ("summary"), from the model's verbose name."""
    return str(model._meta.get_field(name).verbose_name)


def describe_missing(model, missing: Mapping[str, Sequence[str]]) -> str:
    """`{"mn": ("summary", "body")}` -> "Mongolian: summary, body"."""
    return "; ".join(
        str(
            format_lazy(
                "{}: {}",
                get_language_info(code).name,
                ", ".join(translated_field_label(model, name) for name in names),
            )
        )
        for code, names in missing.items()
    )


def _lacking_in_row(column: str, stream: bool) -> Q:
    """The row's own column is empty. A stream is proved written by its first block when it
    can be: a JSON lookup, without turning the whole body into text, settles most rows."""
    if not stream:
        return _lacking_in_text(F(column), stream=False)
    first_block = KeyTextTransform("value", KeyTransform("0", F(column)))
    first_block = Coalesce(first_block, Value(""), output_field=TextField())
    return Q(IsNull(F(column), True)) | (
        ~Q(Regex(first_block, TEXT_AFTER_TAG_DECODED))
        & _lacking_in_text(Cast(F(column), TextField()), stream=True)
    )


def _lacking_in_text(text, stream: bool) -> Q:
    """Stored text, or a stream's JSON as text, that says nothing to a reader."""
    empty = Q(IsNull(text, True)) | Q(Regex(text, EMPTY_TEXT))
    if stream:
        empty |= ~Q(Regex(text, TEXT_AFTER_TAG)) & Q(Regex(text, EMPTY_STREAM))
    return empty


def lacking_text(
    model,
    fields: Sequence[str],
    languages: Sequence[str] | None = None,
    *,
    published: bool = False,
    through: str = "",
) -> Q:
    """A filter for items whose current text leaves one of `fields` empty in one of
    `languages` (every site language by default).

    The current text is the latest revision's copy when the item has revisions (drafts live
    there), else the row's own value. `published` reads the row as readers see it instead;
    `through` is the lookup from the queried model to `model` for columns `model` adds
    (`articlepage__` when querying wagtailcore's Page).
    """
    revised = hasattr(model, "latest_revision") and not published
    conditions, stream_conditions = [], []
    for code in languages or language_codes():
        for name in fields:
            column = f"{name}_{code}"
            field = model._meta.get_field(column)
            stream = isinstance(field, StreamField)
            own = column if field.model is not model else f"{through}{column}"
            lacking = _lacking_in_row(own, stream)
            if revised:
                lacking = (Q(latest_revision__isnull=True) & lacking) | (
                    Q(latest_revision__isnull=False)
                    & _lacking_in_text(json_text("latest_revision__content", column), stream)
                )
            (stream_conditions if stream else conditions).append(lacking)
    # Short text first: an item lacking a title is found before any body is read.
    return reduce(or_, conditions + stream_conditions)


class TranslatedContent:
    """A model written in every site language: declare `translated_fields` once per class.

    `original_language_field` names the field holding the language an item was first written
    in, when only the others can fall behind it (a headline's source language).
    """

    translated_fields: ClassVar[tuple[str, ...]]  # every class states its own
    original_language_field: ClassVar[str | None] = None

    def translated_languages(self) -> list[str]:
        """The languages this item really exists in: every translated field written."""
        return languages_with(self, self.translated_fields)

    def text_language(self, wanted: str) -> str:
        """The language a reader asking for `wanted` reads this item in: `wanted` when it is
        written in it, else the first language it is written in, in the order `localized`
        falls back."""
        written = self.translated_languages()
        fallbacks = [wanted, *(code for code in language_codes() if code != wanted)]
        return next((code for code in fallbacks if code in written), wanted)

    def missing_fields(self) -> dict[str, tuple[str, ...]]:
        """Translated fields of this object still empty, by language (complete ones left out)."""
        values = values_from_object(self, self.translated_fields)
        missing = {
            code: missing_in(values, self.translated_fields, code) for code in language_codes()
        }
        return {code: names for code, names in missing.items() if names}

    def translation_status(self) -> TranslationStatus:
        """Each language missing, out of date or complete, read from the revision history."""
        original = (
            getattr(self, self.original_language_field) if self.original_language_field else None
        )
        return status_for(self, self.translated_fields, original)

    @classmethod
    def describe_missing(cls, missing: Mapping[str, Sequence[str]]) -> str:
        return describe_missing(cls, missing)
