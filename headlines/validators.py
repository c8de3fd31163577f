"""The checks a headline's text and links pass, one message each, whichever door they came in by.

The model fields use them (so the admin forms do too) and the importer calls them on every row.
"""

from urllib.parse import urlsplit

import nh3
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from bilingual.plain_text import refuse_invisible_characters

from .ingest.addresses import is_public, literal_address


def refuse_control_characters(value: str) -> None:
    """The shared one-line check under its old name, which migrations 0003 and 0004 import.

    Fields use `bilingual.plain_text.refuse_invisible_characters` itself: besides control
    characters it refuses right-to-left overrides and zero-width characters (spoofing).
    """
    refuse_invisible_characters(value)


def refuse_html(value: str) -> None:
    """Lists and feeds print a headline as text: markup would show as tags, or worse, run."""
    if nh3.is_html(value):
        raise ValidationError(_("The headline contains HTML; give it as plain text."), code="html")


http_url_validator = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address that starts with http:// or https://."),
    code="not_web_address",  # its own code, so forms keep this message over "Enter a valid URL."
)


def refuse_private_feed_address(value: str) -> None:
    """The fetcher never reaches a private network (see ingest/addresses.py): an address
    written as one is refused while the editor is still looking at it."""
    try:
        host = (urlsplit(value).hostname or "").rstrip(".")
    except ValueError:
        return  # not a web address at all: http_url_validator says so
    address = literal_address(host)
    private_name = host == "localhost" or host.endswith(".localhost")
    if private_name or (address is not None and not is_public(address)):
        raise ValidationError(
            _(
                "This address is on a private network, which the portal never fetches from. "
                "Give the feed's public web address."
            ),
            code="private_address",
        )
