"""The house format, one headline a line, as the lists print it:

    [number] <headline> <SOURCE DOMAIN> PUBLISHED:YYYY/MM/DD
    [number] <headline> <SOURCE DOMAIN> НИЙТЭЛСЭН:YYYY/MM/DD

The label gives the language (PUBLISHED English, НИЙТЭЛСЭН Mongolian). The domain
may be a link to the story instead. A line copied from a page where several items
ran together is split after each date.
"""

import re

from django.utils.translation import gettext as _

from .decoding import has_bad_bytes, printable
from .rows import ParsedRow, Rejection

LABEL_LANGUAGES = {"published": "en", "нийтэлсэн": "mn"}
_LABEL = r"(?P<label>PUBLISHED|НИЙТЭЛСЭН)\s*:[^\S\n]*(?P<date>\S*)"
# Where one item ends: its label and date. Several may share a physical line.
_ITEM_END = re.compile(r"(?:PUBLISHED|НИЙТЭЛСЭН)\s*:[^\S\n]*\S*", re.IGNORECASE)
_ITEM = re.compile(rf"^(?P<rest>.*?)(?P<where>\S+?)\s*{_LABEL}$", re.IGNORECASE | re.DOTALL)
_NUMBER = re.compile(r"^(?:(?P<marked>\d{1,4})[.)]\s+|(?P<bare>\d{1,4})\s+)(?=\S)")


def _items(line: str) -> list[str]:
    """Split a physical line after each `LABEL:date`; text after the last one is its own item."""
    items, start = [], 0
    for match in _ITEM_END.finditer(line):
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
    numbering = ListNumbering()
    for line_number, line in enumerate(text.splitlines(), start=1):
        for item in _items(line):
            yield _parse_item(line_number, item, numbering)


def _parse_item(line_number: int, item: str, numbering: ListNumbering):
    if has_bad_bytes(item):
        return Rejection(line_number, _("The line is not valid UTF-8 text."), printable(item))
    match = _ITEM.match(numbering.strip(item))
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
        language=LABEL_LANGUAGES[match.group("label").lower()],
    )
