import pytest
from bs4 import BeautifulSoup

from portal import demo_data

pytestmark = pytest.mark.django_db


def list_items(html, language):
    soup = BeautifulSoup(html, "html.parser")
    items = soup.select(f"ol.headline-list__items[lang={language}] > li")
    return [" ".join(item.get_text().split()) for item in items]


def seed_lines(language):
    """The seed page's list lines, as its reader sees them."""
    label = "PUBLISHED" if language == "en" else "НИЙТЭЛСЭН"
    return [
        f"{title} {domain.upper()} {label}:{date:%Y/%m/%d}"
        for title, domain, date, line_language in demo_data.HEADLINES
        if line_language == language
    ]


def test_home_lists_newest_first_and_only_published(client, home_page):
    from headlines.factories import HeadlineFactory

    HeadlineFactory(title_en="OLDER STORY", published_on="2025-12-01")
    HeadlineFactory(title_en="NEWER STORY", published_on="2025-12-03")
    HeadlineFactory(title_en="DRAFT STORY", published_on="2025-12-04", live=False)

    lines = list_items(client.get("/en/").content.decode(), "en")

    assert [line.split(" WWW.")[0] for line in lines] == ["NEWER STORY", "OLDER STORY"]


def test_root_redirects_by_cookie_then_accept_language(client, home_page):
    assert client.get("/", headers={"accept-language": "mn,en;q=0.5"})["Location"] == "/mn/"
    assert client.get("/", headers={"accept-language": "fr"})["Location"] == "/en/"
    client.cookies["django_language"] = "mn"
    assert client.get("/", headers={"accept-language": "en"})["Location"] == "/mn/"


def test_home_page_query_count_does_not_grow_with_articles(client, section):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.factories import ArticlePageFactory
    from articles.models import ArticleAuthor
    from authors.factories import AuthorFactory

    author = AuthorFactory()

    def add_articles(count):
        for _ in range(count):
            ArticleAuthor.objects.create(page=ArticlePageFactory(parent=section), author=author)

    def queries():
        client.get("/en/")  # the shared fragments are made (a setting is created on the way)
        client.get("/en/")
        with CaptureQueriesContext(connection) as captured:
            client.get("/en/")
        return len(captured)

    add_articles(2)
    few = queries()
    add_articles(12)

    assert queries() == few


class TestTheDemoSite:
    """Reading the demo site, built once for the class."""

    @pytest.mark.parametrize("page_language", ["en", "mn"])
    def test_home_shows_both_numbered_lists_exactly_as_the_seed(
        self, client, demo_site, page_language
    ):
        html = client.get(f"/{page_language}/").content.decode()

        # Numbered (an ordered list), newest first, in the seed's order, labels in the list's language.
        assert list_items(html, "en") == seed_lines("en")
        assert list_items(html, "mn") == seed_lines("mn")
        assert list_items(html, "en")[0] == (
            "D. DALAIJARGAL: URANIUM MINING PROJECT ADVANCES FAST WITH FRENCH FUNDING "
            "WWW.MONGOLIANMININGJOURNAL.COM PUBLISHED:2025/12/05"
        )
        assert list_items(html, "mn")[-1] == (
            "NETFLIX-ИЙН МОНГОЛД ХИЙХ ШИНЭ НЭВТРҮҮЛГИЙН НӨЛӨӨ БА АЛГАН ДЭЭР ТАВЬСАН БОЛОМЖОО "
            "АШИГЛАХУЙ WWW.ITOIM.MN НИЙТЭЛСЭН:2025/12/04"
        )

    def test_home_page_language_and_labels(self, client, demo_site):
        english = BeautifulSoup(client.get("/en/").content, "html.parser")
        mongolian = BeautifulSoup(client.get("/mn/").content, "html.parser")

        assert english.html["lang"] == "en"
        assert mongolian.html["lang"] == "mn"
        assert english.select_one("#lead-heading").get_text() == "Lead story"
        assert mongolian.select_one("#lead-heading").get_text() == "Гол мэдээ"
        assert mongolian.select_one("#headlines-mn").get_text() == "Монгол хэлээрх мэдээний тойм"
        lead_title = mongolian.select_one(".card--lead .card__title").get_text(strip=True)
        assert lead_title.startswith("Монгол Улс Зүүн хойд Азийн аюулгүй байдлын")

    def test_language_switcher_leads_to_the_same_page(self, client, demo_site):
        path = "/en/analysis/mongolia-hosts-7th-ulaanbaatar-dialogue-on-northeast-asian-security/"
        soup = BeautifulSoup(client.get(path).content, "html.parser")

        switch = soup.select_one(".language-switcher a[hreflang=mn]")

        assert switch["href"] == "/language/mn/?next=" + path.replace("/en/", "/mn/", 1)
        assert client.get(switch["href"])["Location"] == path.replace("/en/", "/mn/", 1)
        assert switch.get_text() == "Монгол"
        assert soup.select_one(".language-switcher [aria-current]").get_text() == "English"

    def test_hreflang_alternates_on_home(self, client, demo_site):
        soup = BeautifulSoup(client.get("/mn/").content, "html.parser")

        alternates = {
            link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")
        }

        assert alternates == {
            "en": "http://testserver/en/",
            "mn": "http://testserver/mn/",
            "x-default": "http://testserver/",
        }

    def test_header_lists_the_sections_and_marks_the_current_one(self, client, demo_site):
        soup = BeautifulSoup(client.get("/mn/analysis/").content, "html.parser")

        links = [(a.get_text(), a["href"]) for a in soup.select(".site-nav a")]
        current = soup.select_one(".site-nav a[aria-current]")

        assert links == [
            ("Мэдээ", "/mn/news/"),
            ("Дүн шинжилгээ", "/mn/analysis/"),
            ("Үзэл бодол", "/mn/opinion/"),
            ("Мэдээний тойм", "/mn/headlines/"),
        ]
        assert current.get_text() == "Дүн шинжилгээ"

    def test_unprefixed_address_sends_each_reader_to_their_language(self, client, demo_site):
        path = "/analysis/mongolia-hosts-7th-ulaanbaatar-dialogue-on-northeast-asian-security/"

        response = client.get(path, headers={"accept-language": "mn"})

        assert response["Location"] == "/mn" + path

    def test_sitemap_lists_each_page_in_the_languages_it_exists_in(self, client, demo_site):
        from xml.etree import ElementTree

        names = {
            "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
            "x": "http://www.w3.org/1999/xhtml",
        }
        index = ElementTree.fromstring(client.get("/sitemap.xml").content)
        entries = {}
        for section in index.findall("s:sitemap/s:loc", names):
            if "/sitemap-news-" in section.text:
                continue  # the news sitemaps (portal/tests/test_crawlers.py) have no alternates
            sitemap = ElementTree.fromstring(client.get(section.text).content)
            entries |= {
                url.findtext("s:loc", namespaces=names): {
                    link.get("hreflang"): link.get("href") for link in url.findall("x:link", names)
                }
                for url in sitemap.findall("s:url", names)
            }
        dialogue = "analysis/mongolia-hosts-7th-ulaanbaatar-dialogue-on-northeast-asian-security/"
        copper = "opinion/what-a-copper-deal-renegotiation-would-mean/"
        assert f"http://testserver/en/{dialogue}" in entries
        assert f"http://testserver/en/{copper}" in entries
        # Written in English only: no Mongolian entry, as its pages announce no Mongolian version.
        assert f"http://testserver/mn/{copper}" not in entries
        assert entries[f"http://testserver/mn/{dialogue}"] == {
            "en": f"http://testserver/en/{dialogue}",
            "mn": f"http://testserver/mn/{dialogue}",
            "x-default": f"http://testserver/{dialogue}",
        }
