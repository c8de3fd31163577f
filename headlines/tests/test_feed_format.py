"""RSS 2.0 and Atom through feedparser: links made canonical, dates in Ulaanbaatar time."""

import datetime

import pytest

from headlines.factories import SourceFactory
from headlines.ingest.dates import DateError, read_date
from headlines.models import Headline, Source

from .feeds_samples import ATOM, BROKEN, RSS

pytestmark = pytest.mark.django_db


def test_rss_items_are_imported_for_the_given_source(importer):
    report = importer(
        RSS, source="www.montsame.mn", language="en", base_url="https://www.montsame.mn/rss"
    )

    assert report.format == "rss"
    assert report.created == 2
    assert [(r.line, r.reason) for r in report.rejected_rows] == [
        (3, "The headline contains HTML; give it as plain text."),
        (4, "Only http:// and https:// links are accepted, not “javascript:alert(1)”."),
    ]
    first = Headline.objects.get(title_en="MONGOLIA, INDIA TO ADVANCE STRATEGIC PARTNERSHIP")
    assert first.url == "https://www.montsame.mn/en/read/1"
    assert first.published_on == datetime.date(2025, 12, 5)
    second = Headline.objects.get(title_en="AT&T AND MONGOLIA")
    # A relative link is resolved against the feed's address; 20:00 GMT is the next day in UB.
    assert second.url == "https://www.montsame.mn/en/read/2"
    assert second.published_on == datetime.date(2025, 12, 5)
    assert Source.objects.get().domain == "www.montsame.mn"


def test_atom_entries_take_their_source_from_the_link(importer):
    report = importer(ATOM, language="mn")

    assert (report.format, report.created, report.rejected) == ("atom", 2, [])
    titles = dict(Headline.objects.values_list("url", "title_mn"))
    assert titles == {
        "https://www.eguur.mn/a/100": "ТАВАНТОЛГОЙ-ГАШУУНСУХАЙТ ЧИГЛЭЛИЙН ТӨМӨР ЗАМААР НҮҮРС ТЭЭВЭРЛЭВ",
        "https://www.eguur.mn/a/101": "ЗЭС & АЛТ",
    }
    assert set(Headline.objects.values_list("published_on", flat=True)) == {
        datetime.date(2025, 12, 5)
    }
    assert list(Source.objects.values_list("domain", "language")) == [("www.eguur.mn", "mn")]


def test_a_feed_without_a_language_says_so(importer):
    report = importer(ATOM)

    assert {r.reason for r in report.rejected_rows} == {
        "The row does not say its language: give en or mn."
    }
    assert Headline.objects.count() == 0


def test_broken_xml_is_rejected_as_a_whole(importer):
    report = importer(BROKEN)

    assert report.failure.reason.startswith("The feed is not well-formed XML")
    assert Headline.objects.count() == 0


def test_a_web_page_is_not_a_feed(importer):
    report = importer("<!DOCTYPE html><html><body><p>Hello</p></body></html>", format="rss")

    assert report.failure.reason == "This is not an RSS or Atom feed."
    assert Headline.objects.count() == 0


def test_re_importing_a_feed_creates_nothing(importer):
    importer(ATOM, language="mn")

    again = importer(ATOM, language="mn")

    assert (again.created, again.updated, again.duplicates) == (0, 0, 2)
    assert Headline.objects.count() == 2


@pytest.mark.parametrize("language", ["en", ""])
def test_a_feed_on_the_bare_domain_fills_the_stored_www_source(importer, language):
    """Issue 10: links on montsame.mn once stopped the import with KeyError: 'www.montsame.mn'."""
    montsame = SourceFactory(domain="www.montsame.mn", language="en")
    feed = RSS.replace("https://www.montsame.mn/", "https://montsame.mn/")

    report = importer(feed, language=language, base_url="https://montsame.mn/rss")

    assert (report.created, len(report.rejected_rows)) == (2, 2)
    assert {outcome.domain for outcome in report.outcomes} == {"www.montsame.mn"}
    assert set(Headline.objects.values_list("source", "language", "url")) == {
        (montsame.pk, "en", "https://montsame.mn/en/read/1"),
        (montsame.pk, "en", "https://montsame.mn/en/read/2"),
    }
    assert list(Source.objects.all()) == [montsame]


@pytest.mark.parametrize("text", ["9999-12-31T23:00:00-12:00", "Fri, 31 Dec 9999 23:00:00 -1200"])
def test_dates_past_the_end_of_the_calendar_are_refused_not_crashed(text):
    with pytest.raises(DateError):
        read_date(text)


def test_invisible_characters_are_tidied_out_of_feed_titles(importer):
    """Issue 10, finding 11: a feed's title cannot carry a right-to-left override or
    zero-width characters into the lists."""
    feed = RSS.replace(
        "MONGOLIA, INDIA TO ADVANCE STRATEGIC PARTNERSHIP",
        "MONGOLIA,&#x202E; INDIA&#x200B; TO\n  ADVANCE&#x2066; STRATEGIC&#x9;PARTNERSHIP",
    )

    report = importer(
        feed, source="www.montsame.mn", language="en", base_url="https://www.montsame.mn/rss"
    )

    assert report.created == 2
    assert Headline.objects.filter(
        title_en="MONGOLIA, INDIA TO ADVANCE STRATEGIC PARTNERSHIP"
    ).exists()
