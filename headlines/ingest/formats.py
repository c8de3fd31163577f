"""The formats the importer reads, and guessing which one a file is in."""

import re

from .parse_csv import translated_title_columns

FORMATS = ("rss", "atom", "csv", "lines")
FEED_FORMATS = ("rss", "atom")
_XML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<", re.DOTALL
)
_OTHER_COLUMNS = {"url", "published", "language", "source"}


def guess_format(data: bytes | str, name: str = "", content_type: str = "") -> str:
    """The format of `data`, from its file name, content type and first bytes."""
    head = data[:4096]
    if isinstance(head, str):
        head = head.encode("utf-8", errors="replace")
    head = head.removeprefix(b"\xef\xbb\xbf")
    extension = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    content_type = content_type.lower()
    if extension == "csv" or "csv" in content_type:
        return "csv"
    if _XML_START.match(head) or extension in ("xml", "rss", "atom") or "xml" in content_type:
        return "atom" if re.search(rb"<(?:\w+:)?feed[\s>]", head) else "rss"
    first_line = head.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    columns = {column.strip().strip('"').lower() for column in first_line.split(",")}
    title_columns = {"title", *translated_title_columns()}
    if columns & title_columns and columns & _OTHER_COLUMNS:
        return "csv"
    return "lines"
