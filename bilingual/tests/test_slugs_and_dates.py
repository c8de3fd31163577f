import datetime

import pytest
from django.utils import timezone

from bilingual.dates import mongolian_long_date, short_date
from bilingual.languages import long_date
from bilingual.slugs import ascii_slug


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
