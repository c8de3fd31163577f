"""Date forms used on the public site: one helper per form, used everywhere."""

import datetime

from django.utils import timezone

# Digits take the ordinal suffix of the spoken numeral's vowel harmony:
# нэг (1), дөрөв (4), ес (9) and арван нэг (11) are front-vowel words.
_FRONT_VOWEL_MONTHS = {1, 4, 9, 11}


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def short_date(value) -> str:
    """The headline lists' form: 2025/12/05."""
    return _as_date(value).strftime("%Y/%m/%d")


def iso_date(value) -> str:
    """The article's English form, as on the original page: 2022-06-29."""
    return _as_date(value).isoformat()


def mongolian_long_date(value) -> str:
    """The house long form: 2025 оны 12 дугаар сарын 5."""
    day = _as_date(value)
    suffix = "дүгээр" if day.month in _FRONT_VOWEL_MONTHS else "дугаар"
    return f"{day.year} оны {day.month} {suffix} сарын {day.day}"
