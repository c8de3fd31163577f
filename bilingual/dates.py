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


_ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONGOLIAN_WEEKDAYS = ("Даваа", "Мягмар", "Лхагва", "Пүрэв", "Баасан", "Бямба", "Ням")


def english_dateline(value) -> str:
    """The masthead's date line: Monday 30 November 2026 (spelled here, whatever the locale)."""
    day = _as_date(value)
    return (
        f"{_ENGLISH_WEEKDAYS[day.weekday()]} {day.day} {_ENGLISH_MONTHS[day.month - 1]} {day.year}"
    )


def mongolian_dateline(value) -> str:
    """The masthead's date line in the house long form and weekday: 2026 оны 11 дүгээр сарын 30, Даваа."""
    day = _as_date(value)
    return f"{mongolian_long_date(day)}, {_MONGOLIAN_WEEKDAYS[day.weekday()]}"


def next_local_midnight(now: datetime.datetime) -> datetime.datetime:
    """The aware moment the local date (Ulaanbaatar time) after `now` begins: when a date line
    written at `now` stops being true."""
    local = timezone.localtime(now)
    tomorrow = local.date() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
