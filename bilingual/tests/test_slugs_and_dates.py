import datetime

import pytest
from django.utils import timezone

from bilingual.dates import mongolian_long_date, short_date
from bilingual.languages import long_date
from bilingual.slugs import ascii_slug, free_slug


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Улаанбаатар", "ulaanbaatar"),
        ("Тавантолгой", "tavantolgoi"),
        ("Хөвсгөл", "khovsgol"),
        ("Өмнөговь", "omnogovi"),
        ("Мэдээ", "medee"),
        ("ЕРӨНХИЙЛӨГЧ У.ХҮРЭЛСҮХ", "yeronkhiilogch-ukhurelsukh"),
        ("Mongolia Hosts 7th Ulaanbaatar Dialogue", "mongolia-hosts-7th-ulaanbaatar-dialogue"),
        ("Цэцэг, Юү, Яагаад? Щ Ъ Ы Ь Ё Ж Ч Ш", "tsetseg-yuu-yaagaad-sh-i-y-i-yo-j-ch-sh"),
    ],
)
def test_mongolian_titles_become_ascii_slugs(title, slug):
    assert ascii_slug(title) == slug


@pytest.mark.parametrize("max_length", [200, 255])
def test_a_numbered_slug_never_outgrows_its_column(max_length):
    """A 200-letter Mongolian name is some 300 in Latin letters; "-2", "-12" must still fit."""
    name = ("Шүүдэрцэцэг Шаншаа " * 11)[:200]
    taken = set()
    for _person in range(12):
        slug = free_slug(name, taken.__contains__, max_length=max_length, fallback="guest")
        assert len(slug) <= max_length and slug not in taken
        assert slug.startswith("shuudertsetseg-shanshaa") and not slug.startswith("-")
        taken.add(slug)
    assert f"-{len(taken)}" in slug


def test_a_slug_that_is_only_a_fallback_fits_too():
    assert free_slug("!!!", {"guest"}.__contains__, max_length=5, fallback="guest") == "gue-2"


def test_short_and_long_dates():
    day = datetime.date(2025, 12, 5)

    assert short_date(day) == "2025/12/05"
    assert long_date(day, "en") == "2025-12-05"
    assert long_date(day, "mn") == "2025 оны 12 дугаар сарын 5"


@pytest.mark.parametrize(
    "month, suffix", [(1, "дүгээр"), (4, "дүгээр"), (6, "дугаар"), (9, "дүгээр"), (11, "дүгээр")]
)
def test_month_ordinal_follows_vowel_harmony(month, suffix):
    assert (
        mongolian_long_date(datetime.date(2024, month, 1)) == f"2024 оны {month} {suffix} сарын 1"
    )


def test_datetimes_are_shown_in_ulaanbaatar_time():
    # 20:00 UTC on 28 June is already 29 June in Ulaanbaatar (UTC+8).
    moment = datetime.datetime(2022, 6, 28, 20, 0, tzinfo=datetime.UTC)

    assert timezone.is_aware(moment)
    assert short_date(moment) == "2022/06/29"
