"""What makes two headlines the same: their story link, or for site-only lines the words.

The key is stored (unique) on each headline, so every door of the import finds
duplicates with one indexed lookup and the database refuses a second copy.
"""

import datetime
import hashlib
import re
import unicodedata

from .links import is_site_link

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"'})
_SPACES = re.compile(r"\s+")


def comparable_title(title: str) -> str:
    """The headline's words, ignoring case, spacing and the kind of apostrophe."""
    title = unicodedata.normalize("NFKC", title or "").translate(_QUOTES)
    return _SPACES.sub(" ", title).strip().casefold()


def headline_key(url: str, domain: str, published_on: datetime.date, title: str) -> str:
    """One story link is one headline; a link to a site's front page is told apart by its words."""
    if is_site_link(url):
        identity = f"site|{domain}|{published_on.isoformat()}|{comparable_title(title)}"
    else:
        identity = f"link|{url}"
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()
