"""CSV files with the header `title,url,published,language` (optional: `source`, and a title
column per language of the site, `title_en,title_mn`)."""

import csv
import io

from django.utils.translation import gettext as _

from bilingual.languages import language_codes

from .decoding import has_bad_bytes, printable
from .rows import ParsedRow, Rejection

REQUIRED_COLUMNS = ("title", "url", "published", "language")


def translated_title_columns() -> dict[str, str]:
    """`title_en` -> `en`, one per language in the table."""
    return {f"title_{code}": code for code in language_codes()}


def optional_columns() -> tuple[str, ...]:
    return ("source", *translated_title_columns())


def parse_csv(text: str):
    """Yield a ParsedRow or a Rejection per record; a bad header rejects the file (line 0)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as error:
        yield Rejection(0, _("The CSV file could not be read: %(error)s.") % {"error": error})
        return
    columns = [name.strip().lower() for name in header or []]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        yield Rejection(
            0,
            _(
                "The CSV file lacks the columns: %(missing)s. Its first line must be "
                "“title,url,published,language” (optional columns: %(optional)s)."
            )
            % {"missing": ", ".join(missing), "optional": ", ".join(optional_columns())},
            printable(",".join(header or [])),
        )
        return
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Rejection(
                reader.line_num,
                _("The CSV file cannot be read from this line on: %(error)s.") % {"error": error},
            )
            return
        if not any(value.strip() for value in record):
            continue
        yield _row(reader.line_num, columns, record)


def _row(line: int, columns: list[str], record: list[str]):
    if has_bad_bytes(*record):
        return Rejection(line, _("The row is not valid UTF-8 text."), printable(",".join(record)))
    if len(record) > len(columns):
        return Rejection(
            line,
            _("The row has more values (%(values)d) than the header has columns (%(columns)d).")
            % {"values": len(record), "columns": len(columns)},
            printable(",".join(record)),
        )
    values = dict(zip(columns, record, strict=False))
    return ParsedRow(
        line=line,
        title=values.get("title", ""),
        url=values.get("url", "").strip(),
        published=values.get("published", "").strip(),
        language=values.get("language", "").strip(),
        source=values.get("source", "").strip(),
        titles={
            language: values[column]
            for column, language in translated_title_columns().items()
            if values.get(column, "").strip()
        },
    )
