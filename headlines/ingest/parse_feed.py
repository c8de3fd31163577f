"""RSS 2.0 and Atom feeds, read by feedparser from bytes (it never fetches anything here)."""

import calendar
import datetime
import html
import io

import feedparser
import nh3
from django.utils.translation import gettext as _

from .rows import ParsedRow, Rejection

# Parser warnings that leave the feed perfectly readable.
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def parse_feed(data: bytes, base_url: str = ""):
    """Yield a ParsedRow or Rejection per entry; a broken or foreign document rejects the file."""
    headers = {"content-location": base_url} if base_url else None
    # Always a stream: given bytes or str, feedparser would try them as a path or URL.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=False)
    if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), _HARMLESS):
        yield Rejection(
            0,
            _("The feed is not well-formed XML: %(error)s.") % {"error": parsed.bozo_exception},
        )
        return
    if not parsed.get("version"):
        yield Rejection(0, _("This is not an RSS or Atom feed."))
        return
    for number, entry in enumerate(parsed.entries, start=1):
        yield ParsedRow(
            line=number,
            title=_title(entry),
            url=(entry.get("link") or "").strip(),
            published=_published(entry),
        )


def _title(entry) -> str:
    title = entry.get("title", "")
    kind = (entry.get("title_detail") or {}).get("type", "")
    if "html" in kind and not nh3.is_html(title):
        # Escaped text (AT&amp;T) becomes the text it stands for; real markup stays for the validator.
        title = html.unescape(title)
    return title


def _published(entry):
    """The entry's date as an aware UTC datetime, its raw text when unreadable, or None."""
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return datetime.datetime.fromtimestamp(calendar.timegm(parsed), tz=datetime.UTC)
        if entry.get(key):
            return entry[key]
    return None
