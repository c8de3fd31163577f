"""The masthead's date line: today's date in the page's language, never kept past its day."""

import datetime
import time
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.cache.backends import locmem
from django.test import Client
from django.utils import timezone

from bilingual.dates import english_dateline, mongolian_dateline, next_local_midnight
from portal import page_cache

pytestmark = pytest.mark.django_db

ULAANBAATAR = ZoneInfo("Asia/Ulaanbaatar")


def dateline(reader, address):
    response = reader.get(address)
    assert response.status_code == 200, address
    line = BeautifulSoup(response.content, "html.parser").select_one(".masthead__dateline time")
    return line.get_text(), line["datetime"], response


def at(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_the_date_line_is_written_in_each_languages_form():
    monday = datetime.date(2026, 11, 30)
    assert english_dateline(monday) == "Monday 30 November 2026"
    assert mongolian_dateline(monday) == "2026 оны 11 дүгээр сарын 30, Даваа"
    assert mongolian_dateline(datetime.date(2025, 6, 1)) == "2025 оны 6 дугаар сарын 1, Ням"


def test_the_day_ends_at_midnight_in_ulaanbaatar():
    # 23:59:30 in Ulaanbaatar is 15:59:30 UTC: the day ends 30 seconds later.
    now = datetime.datetime(2026, 11, 30, 15, 59, 30, tzinfo=datetime.UTC)
    midnight = next_local_midnight(now)
    assert midnight == datetime.datetime(2026, 12, 1, tzinfo=ULAANBAATAR)
    assert (midnight - now).total_seconds() == 30


def test_every_page_shows_todays_date_in_its_language(demo_site, monkeypatch):
    at(monkeypatch, datetime.datetime(2026, 11, 30, 2, 0, tzinfo=datetime.UTC))
    reader = Client()

    for address in ("/en/", "/en/news/", "/en/headlines/en/"):
        text, iso, _ = dateline(reader, address)
        assert (text, iso) == ("Monday 30 November 2026", "2026-11-30"), address
    for address in ("/mn/", "/mn/news/"):
        text, iso, _ = dateline(reader, address)
        assert (text, iso) == ("2026 оны 11 дүгээр сарын 30, Даваа", "2026-11-30"), address


def test_the_date_line_never_outlives_its_day_in_the_page_cache(demo_site, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 3600
    settings.PAGE_CACHE_SHARED_SECONDS = 600
    stored = []
    real_set = page_cache.page_cache().set

    def recording_set(key, value, timeout=None, **kwargs):
        if key.startswith(page_cache.PAGE_KEY_PREFIX):
            stored.append(timeout)
        return real_set(key, value, timeout, **kwargs)

    monkeypatch.setattr(page_cache.page_cache(), "set", recording_set)
    reader = Client()
    # 23:59:30 in Ulaanbaatar: the page may be kept for the 30 seconds left of the day only.
    at(monkeypatch, datetime.datetime(2026, 11, 30, 15, 59, 30, tzinfo=datetime.UTC))
    text, _, response = dateline(reader, "/mn/")
    assert text == "2026 оны 11 дүгээр сарын 30, Даваа"
    assert stored and 0 < max(stored) <= 30
    assert "s-maxage=30" in response["Cache-Control"]

    # A second after midnight, for the cache's clock and the page's alike: the new day.
    later = time.time() + 31
    monkeypatch.setattr(locmem, "time", SimpleNamespace(time=lambda: later))
    at(monkeypatch, datetime.datetime(2026, 11, 30, 16, 0, 1, tzinfo=datetime.UTC))
    assert dateline(reader, "/mn/")[0] == "2026 оны 12 дугаар сарын 1, Мягмар"
    assert dateline(reader, "/en/")[0] == "Tuesday 1 December 2026"
