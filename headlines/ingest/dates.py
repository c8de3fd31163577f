"""Reading the date a row gives, in whichever form its format writes it."""

import datetime
import email.utils
import re

from django.utils import timezone
from django.utils.translation import gettext as _

# Year first, as the lists write it (2025/12/05) or as files do (2025-12-05, 2025.12.05),
# optionally followed by a time.
_YEAR_FIRST = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?:$|[T ])")
EARLIEST_DATE = datetime.date(1900, 1, 1)


class DateError(ValueError):
    """The row's date cannot be used; the message says why, in the reader's language."""


def read_date(value) -> datetime.date:
    """A date from a date, an aware datetime (taken in Ulaanbaatar time) or text."""
    if isinstance(value, datetime.datetime):
        try:
            return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
        except OverflowError:  # the last hours of year 9999 in a time zone west of us
            raise DateError(_("“%(date)s” is not a real date.") % {"date": value}) from None
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    match = _YEAR_FIRST.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        try:
            day_only = datetime.date(year, month, day)
        except ValueError:
            raise DateError(_("“%(date)s” is not a real date.") % {"date": text}) from None
        if len(text) > 10:  # a full timestamp: its time zone may move the day
            try:
                return read_date(datetime.datetime.fromisoformat(text))
            except DateError:
                raise
            except ValueError:
                pass
        return day_only
    try:
        return read_date(email.utils.parsedate_to_datetime(text))
    except DateError:
        raise
    except (TypeError, ValueError, IndexError, OverflowError):
        raise DateError(
            _("The date “%(date)s” is not understood: write it as YYYY/MM/DD.") % {"date": text}
        ) from None
