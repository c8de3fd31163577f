"""The house format, one headline a line, as the lists print it:

    [number] <headline> <SOURCE DOMAIN> PUBLISHED:YYYY/MM/DD
    [number] <headline> <SOURCE DOMAIN> НИЙТЭЛСЭН:YYYY/MM/DD

The label gives the language (each language's `published_label` in the language
table: PUBLISHED English, НИЙТЭЛСЭН Mongolian). The domain may be a link to the story
instead. A line copied from a page where several items ran together is split after
each date. A line longer than MAX_LINE_LENGTH is refused by its length alone.
"""

import functools
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from bilingual.languages import site_languages

from .decoding import has_bad_bytes, printable
from .rows import ParsedRow, Rejection

# One item is at most a 500-character headline, a 1,000-character link and its date; a page's
# two lists copied in one run come to about 2,400. Longer lines are refused before any pattern
# sees them, so no pasted line can make the parser slow.
MAX_LINE_LENGTH = 5_000

_NUMBER = re.compile(r"^(?:(?P<marked>\d{1,4})[.)]\s+|(?P<bare>\d{1,4})\s+)(?=\S)")


@dataclass(frozen=True)
class HouseFormat:
    """The patterns for the labels of the site's languages, and which language each label says."""

    label_languages: dict  # lower-case label -> language code
    item_end: re.Pattern  # where one item ends: its label and date; several may share a line
    item: re.Pattern  # one item: headline, source (or link), label and date


@functools.lru_cache(maxsize=4)
def _house_format(labels: tuple[tuple[str, str], ...]) -> HouseFormat:
    alternatives = "|".join(re.escape(label) for label, _code in labels)
    label = rf"(?P<label>{alternatives})\s*:[^\S\n]*(?P<date>\S*)"
    return HouseFormat(
        label_languages={label.lower(): code for label, code in labels},
        item_end=re.compile(rf"(?:{alternatives})\s*:[^\S\n]*\S*", re.IGNORECASE),
        # `where` starts after a space (or at the start): without that lookbehind a long
        # line that is not an item takes quadratic time to refuse.
        item=re.compile(
            rf"^(?P<rest>.*?)(?<!\S)(?P<where>\S+?)\s*{label}$", re.IGNORECASE | re.DOTALL
        ),
    )


def house_format() -> HouseFormat:
    return _house_format(
        tuple(
            (language.published_label, language.code)
            for language in site_languages()
            if language.published_label
        )
    )


def _items(line: str, item_end: re.Pattern) -> list[str]:
    """Split a physical line after each `LABEL:date`; text after the last one is its own item."""
    items, start = [], 0
    for match in item_end.finditer(line):
        items.append(line[start : match.end()])
        start = match.end()
    items.append(line[start:])
    return [item.strip() for item in items if item.strip()]


class ListNumbering:
    """Tells a list number (`1 `, `2. `) from a headline that starts with a figure (`11575 АЙЛЫН`).

    `1.` and `1)` are always numbers; a bare figure is one only when it starts a list (1)
    or continues the one being read.
    """

    def __init__(self):
        self.last = 0

    def strip(self, text: str) -> str:
        match = _NUMBER.match(text)
        if not match:
            return text
        number = int(match.group("marked") or match.group("bare"))
        if match.group("marked") or number in (1, self.last + 1):
            self.last = number
            return text[match.end() :]
        return text


def parse_lines(text: str):
    """Yield a ParsedRow or a Rejection for every item; blank lines are skipped."""
    numbering, patterns = ListNumbering(), house_format()
    for line_number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE_LENGTH:
            yield _too_long(line_number, line)
            continue
        for item in _items(line, patterns.item_end):
            yield _parse_item(line_number, item, numbering, patterns)


def _too_long(line_number: int, line: str) -> Rejection:
    return Rejection(
        line_number,
        _(
            "The line is %(length)d characters long; lines over %(limit)d characters are not "
            "read. Put each headline on a line of its own."
        )
        % {"length": len(line), "limit": MAX_LINE_LENGTH},
        printable(line[:200]),
    )


def _parse_item(line_number: int, item: str, numbering: ListNumbering, patterns: HouseFormat):
    if has_bad_bytes(item):
        return Rejection(line_number, _("The line is not valid UTF-8 text."), printable(item))
    match = patterns.item.match(numbering.strip(item))
    if not match:
        return Rejection(
            line_number,
            _(
                "The line does not follow the house format "
                "“headline SOURCE.DOMAIN PUBLISHED:YYYY/MM/DD”."
            ),
            printable(item),
        )
    title, where = match.group("rest").strip(), match.group("where")
    if not title:
        return Rejection(line_number, _("The headline is empty."), printable(item))
    is_link = ":" in where
    return ParsedRow(
        line=line_number,
        title=title,
        url=where if is_link else "",
        source="" if is_link else where,
        published=match.group("date"),
        language=patterns.label_languages[match.group("label").lower()],
    )
