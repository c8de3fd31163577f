"""Every check a row passes before it may become a headline, whichever door it came in by."""

import re
import unicodedata
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from bilingual.languages import language_codes, language_from_alias
from bilingual.plain_text import tidy_one_line

from ..links import canonical_url, normalise_domain
from ..models import TITLE_MAX_LENGTH, URL_MAX_LENGTH, latest_allowed_date
from ..validators import http_url_validator, refuse_html
from .dates import EARLIEST_DATE, DateError, read_date
from .decoding import has_bad_bytes, printable
from .rows import ParsedRow, Rejection, ValidRow

_DOMAIN = re.compile(
    r"^(?=.{4,253}$)(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{1,59})$"
)


class RowValidator:
    """Turns a ParsedRow into a ValidRow, or a Rejection naming the first problem found.

    `source` (a domain) is forced on every row; `language` is used where a row gives none,
    then the language of the row's source (`source_languages`, domain -> code).
    """

    def __init__(self, *, source="", language="", source_languages=None, undated_is_today=False):
        self.source = normalise_domain(source) if source else ""
        self.language = language
        self.source_languages = source_languages or {}
        self.undated_is_today = undated_is_today

    def validate(self, row: ParsedRow):
        try:
            return self._validate(row)
        except RowError as error:
            return Rejection(row.line, str(error), printable(row.title or row.url))

    def _validate(self, row: ParsedRow) -> ValidRow:
        if has_bad_bytes(row.title, row.url, row.source, *row.titles.values()):
            raise RowError(_("The row is not valid UTF-8 text."))
        url = clean_url(row.url) if row.url.strip() else ""
        domain = self._domain(row, url)
        language = self._language(row, domain)
        titles = {code: clean_title(text) for code, text in row.titles.items() if text.strip()}
        if row.title.strip():
            titles[language] = clean_title(row.title)
        if language not in titles:
            raise RowError(_("The headline is empty."))
        published_on, date_given = self._date(row.published)
        return ValidRow(
            line=row.line,
            titles=titles,
            language=language,
            url=url,
            domain=domain,
            published_on=published_on,
            date_given=date_given,
        )

    def _domain(self, row: ParsedRow, url: str) -> str:
        if self.source:
            return self.source
        if row.source.strip():
            domain = normalise_domain(row.source)
            if not _DOMAIN.match(domain):
                raise RowError(
                    _("“%(source)s” is not a domain such as www.montsame.mn.")
                    % {"source": printable(row.source, 60)}
                )
            return domain
        if url:
            return normalise_domain(url)
        raise RowError(_("The row has neither a link nor a source domain."))

    def _language(self, row: ParsedRow, domain: str) -> str:
        if row.language.strip():
            language = language_from_alias(row.language.strip().split("-")[0])
            if language is None:
                raise RowError(
                    _("Unknown language “%(language)s”: use %(codes)s.")
                    % {"language": printable(row.language, 20), "codes": known_codes()}
                )
            return language
        language = self.language or self.source_languages.get(domain, "")
        if not language:
            raise RowError(
                _("The row does not say its language: give %(codes)s.") % {"codes": known_codes()}
            )
        return language

    def _date(self, value):
        if value is None or (isinstance(value, str) and not value.strip()):
            if self.undated_is_today:
                return timezone.localdate(), False
            raise RowError(_("The row has no date."))
        try:
            published_on = read_date(value)
        except DateError as error:
            raise RowError(str(error)) from None
        if published_on > latest_allowed_date():
            raise RowError(
                _("The date %(date)s is in the future.") % {"date": published_on.isoformat()}
            )
        if published_on < EARLIEST_DATE:
            raise RowError(
                _("The date %(date)s is too far in the past.") % {"date": published_on.isoformat()}
            )
        return published_on, True


class RowError(ValueError):
    """Why a row cannot be imported, in the reader's language."""


def known_codes() -> str:
    """The table's codes for a message: "en or mn"."""
    return str(get_text_list(language_codes()))


def clean_title(text: str) -> str:
    """The headline as written, on one line: line breaks, control characters and invisible
    formatting (right-to-left overrides, zero-width spaces) tidied away, as nobody on staff
    typed it. Refused when too long or not plain text."""
    title = tidy_one_line(unicodedata.normalize("NFC", text))
    if not title:
        raise RowError(_("The headline is empty."))
    # The length first: the HTML check need never read more than a headline's worth.
    if len(title) > TITLE_MAX_LENGTH:
        raise RowError(
            _("The headline is %(length)d characters long; the most is %(limit)d.")
            % {"length": len(title), "limit": TITLE_MAX_LENGTH}
        )
    try:
        refuse_html(title)
    except ValidationError as error:
        raise RowError(error.messages[0]) from None
    return title


def clean_url(text: str) -> str:
    """An http(s) link in canonical form; anything else (javascript:, ftp:, junk) is refused."""
    url = text.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme not in ("http", "https"):
        raise RowError(
            _("Only http:// and https:// links are accepted, not “%(link)s”.")
            % {"link": printable(url, 60)}
        )
    try:
        url = canonical_url(url)
        http_url_validator(url)
    except (ValueError, ValidationError):
        raise RowError(
            _("“%(link)s” is not a valid web address.") % {"link": printable(url, 60)}
        ) from None
    if len(url) > URL_MAX_LENGTH:
        raise RowError(
            _("The link is longer than %(limit)s characters.") % {"limit": URL_MAX_LENGTH}
        )
    return url
