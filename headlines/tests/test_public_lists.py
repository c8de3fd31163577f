"""What readers see: the home page lists, the archive day by day, the RSS feeds."""

import datetime
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from headlines.factories import HeadlineFactory, SourceFactory
from headlines.models import Headline, HeadlineListSettings

pytestmark = pytest.mark.django_db

LATEST_DAY = datetime.date(2025, 12, 5)
DAY_BEFORE = datetime.date(2025, 12, 4)
TWO_DAYS_BEFORE = datetime.date(2025, 12, 3)


def items(html, language):
    soup = BeautifulSoup(html, "html.parser")
    return [
        " ".join(li.get_text().split())
        for li in soup.select(f"ol.headline-list__items[lang={language}] > li")
    ]


def translations_shown(*lists):
    """The lists (language codes) that show translated headlines on the default site."""
    settings = HeadlineListSettings.for_site(Site.objects.get(is_default_site=True))
    settings.lists_showing_translations = list(lists)
    settings.save()


@pytest.fixture(scope="class")
def lists(home_page):
    """On the site, two English headlines, a Mongolian one with an English title, and a draft:
    once per test class."""
    montsame = SourceFactory(domain="www.montsame.mn")
    news = SourceFactory(domain="www.news.mn", language="mn")
    HeadlineFactory(title_en="ENGLISH OLDER", source=montsame, published_on=DAY_BEFORE)
    HeadlineFactory(title_en="ENGLISH NEWER", source=montsame, published_on=LATEST_DAY)
    HeadlineFactory(
        title_mn="МАЛ ТООЛЛОГО ЭХЭЛНЭ",
        title_en="LIVESTOCK CENSUS BEGINS",
        language="mn",
        source=news,
        published_on=LATEST_DAY,
    )
    HeadlineFactory(title_mn="ДРАФТ", title_en="", language="mn", source=news, live=False)


@pytest.mark.usefixtures("lists")
class TestListsArchiveAndFeeds:
    """Every test here reads the same small site (see `lists`)."""

    def test_home_lists_show_each_language_in_the_seed_form(self, client):
        html = client.get("/mn/").content.decode()

        assert items(html, "en") == [
            "ENGLISH NEWER WWW.MONTSAME.MN PUBLISHED:2025/12/05",
            "ENGLISH OLDER WWW.MONTSAME.MN PUBLISHED:2025/12/04",
        ]
        assert items(html, "mn") == ["МАЛ ТООЛЛОГО ЭХЭЛНЭ WWW.NEWS.MN НИЙТЭЛСЭН:2025/12/05"]
        links = BeautifulSoup(html, "html.parser").select("ol[lang=en] a.headline__title")
        # Links open the original story.
        assert [link["href"] for link in links] == list(
            Headline.objects.filter(language="en").values_list("url", flat=True)
        )

    def test_the_english_list_shows_translations_when_the_site_says_so(self, client):
        translations_shown("en")

        english = items(client.get("/en/").content.decode(), "en")
        mongolian_page = items(client.get("/mn/").content.decode(), "en")

        assert english == [
            "LIVESTOCK CENSUS BEGINS WWW.NEWS.MN PUBLISHED:2025/12/05 Translated from Mongolian",
            "ENGLISH NEWER WWW.MONTSAME.MN PUBLISHED:2025/12/05",
            "ENGLISH OLDER WWW.MONTSAME.MN PUBLISHED:2025/12/04",
        ]
        # The mark follows the list's language, like the PUBLISHED label.
        assert mongolian_page[0].endswith("PUBLISHED:2025/12/05 Translated from Mongolian")
        # The Mongolian list is unchanged: its own setting is off.
        assert items(client.get("/en/").content.decode(), "mn") == [
            "МАЛ ТООЛЛОГО ЭХЭЛНЭ WWW.NEWS.MN НИЙТЭЛСЭН:2025/12/05"
        ]

    def test_the_mongolian_list_marks_translations_in_mongolian(self, client):
        HeadlineFactory(
            title_en="COPPER OUTPUT RISES",
            title_mn="ЗЭСИЙН ҮЙЛДВЭРЛЭЛ ӨСӨВ",
            source=SourceFactory(domain="www.mining.mn"),
            published_on=TWO_DAYS_BEFORE,
        )
        translations_shown("mn")

        mongolian = items(client.get("/en/").content.decode(), "mn")

        assert mongolian == [
            "МАЛ ТООЛЛОГО ЭХЭЛНЭ WWW.NEWS.MN НИЙТЭЛСЭН:2025/12/05",
            "ЗЭСИЙН ҮЙЛДВЭРЛЭЛ ӨСӨВ WWW.MINING.MN НИЙТЭЛСЭН:2025/12/03 Англи хэлнээс орчуулав",
        ]

    def test_a_pinned_headline_leads_its_list(self, client):
        Headline.objects.filter(title_en="ENGLISH OLDER").update(pinned=True)

        assert items(client.get("/en/").content.decode(), "en")[0].startswith("ENGLISH OLDER")

    def test_archive_lists_every_day_with_a_source_filter(self, client):
        page = BeautifulSoup(client.get("/en/headlines/en/").content, "html.parser")

        assert [h.get_text(strip=True) for h in page.select(".headline-archive__day h2")] == [
            "2025-12-05",
            "2025-12-04",
        ]
        assert [o["value"] for o in page.select("#archive-source option")] == [
            "",
            "www.montsame.mn",
        ]

        mongolian = BeautifulSoup(
            client.get("/mn/headlines/mn/?source=WWW.NEWS.MN").content, "html.parser"
        )
        assert items(str(mongolian), "mn") == [
            "МАЛ ТООЛЛОГО ЭХЭЛНЭ WWW.NEWS.MN НИЙТЭЛСЭН:2025/12/05"
        ]
        assert mongolian.select_one("h2").get_text(strip=True) == "2025 оны 12 дугаар сарын 5"

        # A source that is not in the list is no filter at all (rather than an empty page).
        unknown = client.get("/en/headlines/en/?source=www.unknown.mn").content.decode()
        everything = client.get("/en/headlines/en/").content.decode()
        assert items(unknown, "en") == items(everything, "en") != []

    def test_archive_day_links_to_the_neighbouring_days(self, client):
        HeadlineFactory(title_en="MUCH OLDER", published_on=datetime.date(2025, 11, 1))

        day = BeautifulSoup(client.get("/en/headlines/en/2025-12-04/").content, "html.parser")

        assert items(str(day), "en") == ["ENGLISH OLDER WWW.MONTSAME.MN PUBLISHED:2025/12/04"]
        assert day.select_one("a[rel=prev]")["href"] == "/en/headlines/en/2025-11-01/"
        assert day.select_one("a[rel=next]")["href"] == "/en/headlines/en/2025-12-05/"
        filtered = BeautifulSoup(
            client.get("/en/headlines/en/2025-12-04/?source=www.montsame.mn").content, "html.parser"
        )
        assert filtered.select_one("a[rel=prev]") is None  # montsame had nothing on 1 November
        assert filtered.select_one("a[rel=next]")["href"] == (
            "/en/headlines/en/2025-12-05/?source=www.montsame.mn"
        )
        empty = client.get("/en/headlines/en/2025-12-02/").content.decode()
        assert "No headlines on this day." in empty

    def test_the_day_form_and_impossible_days(self, client):
        jump = client.get("/en/headlines/en/", {"day": "2025-12-05", "source": "www.montsame.mn"})

        assert jump["Location"] == "/en/headlines/en/2025-12-05/?source=www.montsame.mn"
        assert client.get("/en/headlines/en/2025-02-30/").status_code == 404
        assert client.get("/en/headlines/fr/").status_code == 404
        assert client.get("/mn/headlines/")["Location"] == "/mn/headlines/mn/"

    def test_rss_feed_per_list(self, client):
        translations_shown("en")

        channel = ElementTree.fromstring(client.get("/mn/headlines/en/feed/").content).find(
            "channel"
        )

        assert channel.findtext("language") == "en"
        assert [item.findtext("title") for item in channel.iter("item")] == [
            "LIVESTOCK CENSUS BEGINS (Translated from Mongolian)",
            "ENGLISH NEWER",
            "ENGLISH OLDER",
        ]
        assert [item.findtext("link") for item in channel.iter("item")][1:] == list(
            Headline.objects.filter(language="en").values_list("url", flat=True)
        )
        # Texts about the feed follow the reader (here Mongolian); the headlines, the list.
        assert channel.findtext("title") == "Англи хэлээрх мэдээний тойм · Монголын мэдээний портал"

    def test_feed_survives_a_control_character_saved_before_it_was_refused(self, client):
        HeadlineFactory(title_en="OLD\x0bROW")  # factories skip validation, like old data

        response = client.get("/en/headlines/en/feed/")

        assert response.status_code == 200
        assert "OLDROW" in response.content.decode()

    @pytest.mark.parametrize(
        "day", ["9999-12-31T23:00:00-12:00", "Fri, 31 Dec 9999 23:00:00 -1200"]
    )
    def test_archive_go_to_day_with_an_impossible_date_returns_to_the_archive(self, client, day):
        response = client.get("/en/headlines/en/", {"day": day})

        assert response.status_code == 302
        assert response["Location"] == "/en/headlines/en/"

    # A NUL in the filter is refused before the view: portal/tests/test_hostile_addresses.py
    @pytest.mark.parametrize("source", ["www.not-a-source.mn", "<script>"])
    def test_archive_ignores_a_source_filter_it_does_not_know(self, client, source):
        response = client.get("/en/headlines/en/", {"source": source})

        assert response.status_code == 200
        assert "ENGLISH NEWER" in response.content.decode()


def test_archive_pages_keep_numbering_and_filter(client, home_page):
    source = SourceFactory(domain="www.montsame.mn")
    Headline.objects.bulk_create(
        [
            Headline(
                title_en=f"STORY {n}",
                url=f"https://www.montsame.mn/{n}",
                source=source,
                published_on=LATEST_DAY,
                language="en",
                live=True,
                dedup_key=f"{n:064d}",
            )
            for n in range(60)
        ]
    )

    second = BeautifulSoup(
        client.get("/en/headlines/en/?source=www.montsame.mn&page=2").content, "html.parser"
    )

    assert second.select_one("ol.headline-list__items")["start"] == "51"
    assert len(second.select("ol.headline-list__items > li")) == 10
    # The first page is the address without a page number.
    assert second.select_one(".pagination a[rel=prev]")["href"] == (
        "/en/headlines/en/?source=www.montsame.mn"
    )


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def make_headlines(start, stop):
    sources = [SourceFactory(domain=f"www.site{n}.mn") for n in range(5)]
    Headline.objects.bulk_create(
        [
            Headline(
                title_en=f"HEADLINE {n}",
                title_mn=f"ГАРЧИГ {n}" if n % 3 == 0 else None,
                url=f"https://www.site{n % 5}.mn/story/{n}",
                source=sources[n % 5],
                published_on=LATEST_DAY - datetime.timedelta(days=n % 400),
                language="en" if n % 2 else "mn",
                live=True,
                pinned=n % 1000 == 0,
                dedup_key=f"{n:064d}",
            )
            for n in range(start, stop)
        ],
        batch_size=2000,
    )


PAGES = [
    "/en/",
    "/mn/",
    "/en/headlines/en/",
    "/mn/headlines/mn/?page=last",
    "/en/headlines/en/2025-12-05/",
    "/en/headlines/mn/?source=www.site1.mn",
    "/en/headlines/mn/feed/",
]


def test_pages_run_as_many_queries_with_10000_headlines_as_with_10(client, home_page):
    translations_shown("en", "mn")
    make_headlines(0, 10)
    for path in PAGES:
        count_queries(client, path)  # warm the site and settings caches
    few = {path: count_queries(client, path) for path in PAGES}

    make_headlines(10, 10_000)
    many = {path: count_queries(client, path) for path in PAGES}

    assert Headline.objects.count() == 10_000
    assert many == few
