"""Canonical discipline: one address per page for search engines.

A page's canonical address drops every query parameter but the number of a listing's page past
the first; a page number that names no page is a 404 (not page 1 or the last page again under
a new address); paged listings link their neighbours; a story shown in a language it is not
written in sends search engines to its page in the language of its text.
"""

import datetime

import pytest
from bs4 import BeautifulSoup

from articles.factories import ArticlePageFactory, TopicFactory
from articles.models import ArticleAuthor, ArticlePage
from authors.factories import AuthorFactory
from headlines.factories import HeadlineFactory, SourceFactory

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
DAY = datetime.date(2025, 12, 5)
# Ten cards a page: three pages of articles; 50 headlines a page: three pages of headlines.
ARTICLES = 25
HEADLINES = 120
BAD_PAGES = ["abc", "0", "-1", "4", "1.5", "01", " 2", "\u0663", "9" * 30, "last!"]


def soup_of(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    return BeautifulSoup(response.content, "html.parser")


def head_links(page, rel):
    return [link["href"] for link in page.select(f"head link[rel={rel}]")]


@pytest.fixture(scope="class")
def listings(section):
    """A section, an author, a topic and a day of headlines, each three pages long."""
    author = AuthorFactory(slug="writer", kind="staff")
    topic = TopicFactory(slug="economy")
    for number in range(ARTICLES):
        article = ArticlePageFactory(parent=section, slug=f"story-{number}")
        article.topics.add(topic)
        article.save()
        ArticleAuthor.objects.create(page=article, author=author)
    source = SourceFactory(domain="www.montsame.mn")
    for number in range(HEADLINES):
        HeadlineFactory(title_en=f"HEADLINE {number}", source=source, published_on=DAY)


LISTINGS = [
    "/{lang}/news/",
    "/{lang}/authors/writer/",
    "/{lang}/topics/economy/",
    "/{lang}/headlines/en/",
    "/{lang}/headlines/en/2025-12-05/",
]


@pytest.mark.usefixtures("listings")
class TestPagedListings:
    @pytest.mark.parametrize("listing", LISTINGS)
    def test_the_canonical_address_keeps_only_a_page_past_the_first(self, client, listing):
        bare = listing.format(lang="mn")

        tracked = soup_of(client, f"{bare}?utm_source=x&fbclid=abc&source=www.montsame.mn")
        first = soup_of(client, f"{bare}?page=1")
        second = soup_of(client, f"{bare}?page=2&utm_medium=mail")
        last = soup_of(client, f"{bare}?page=last")

        assert head_links(tracked, "canonical") == [SITE + bare]
        assert head_links(first, "canonical") == [SITE + bare]
        assert head_links(second, "canonical") == [f"{SITE}{bare}?page=2"]
        assert head_links(last, "canonical") == [f"{SITE}{bare}?page=3"]
        # The alternates name the same page in each language, no tracking parameter either.
        alternates = {link["hreflang"]: link["href"] for link in tracked.select("link[hreflang]")}
        assert alternates["en"] == SITE + listing.format(lang="en")
        assert alternates["mn"] == SITE + bare
        second_alternates = [link["href"] for link in second.select("link[hreflang]")]
        assert all(href.endswith("?page=2") for href in second_alternates)

    @pytest.mark.parametrize("listing", LISTINGS)
    def test_neighbouring_pages_are_linked_and_the_first_is_the_bare_address(self, client, listing):
        bare = listing.format(lang="en")

        first = soup_of(client, bare)
        second = soup_of(client, f"{bare}?page=2")
        last = soup_of(client, f"{bare}?page=last")

        assert head_links(first, "prev") == []
        assert head_links(first, "next") == [f"{SITE}{bare}?page=2"]
        assert head_links(second, "prev") == [SITE + bare]
        assert head_links(second, "next") == [f"{SITE}{bare}?page=3"]
        assert head_links(last, "prev") == [f"{SITE}{bare}?page=2"]
        assert head_links(last, "next") == []
        # "Previous" on page 2 is the first page's own address, not ?page=1.
        assert second.select_one(".pagination a[rel=prev]")["href"] == bare
        assert second.select_one(".pagination a[rel=next]")["href"] == f"{bare}?page=3"

    @pytest.mark.parametrize("listing", LISTINGS)
    def test_a_page_that_is_not_there_is_not_found(self, client, listing):
        bare = listing.format(lang="en")
        for bad in BAD_PAGES:
            response = client.get(bare, {"page": bad})
            assert response.status_code == 404, f"{bare}?page={bad!r}"
            assert "Page not found" in response.content.decode()

    def test_an_empty_page_parameter_is_the_first_page(self, client):
        page = soup_of(client, "/en/news/?page=")

        assert head_links(page, "canonical") == [f"{SITE}/en/news/"]

    def test_a_filter_survives_paging_but_not_the_canonical_address(self, client):
        bare = "/en/headlines/en/"

        second = soup_of(client, f"{bare}?source=www.montsame.mn&page=2")

        assert second.select_one(".pagination a[rel=prev]")["href"] == (
            f"{bare}?source=www.montsame.mn"
        )
        assert head_links(second, "next") == [f"{SITE}{bare}?source=www.montsame.mn&page=3"]
        assert head_links(second, "canonical") == [f"{SITE}{bare}?page=2"]


def test_an_empty_listing_has_its_first_page_and_nothing_else(client, section):
    assert soup_of(client, "/en/news/?page=last").select_one("link[rel=canonical]")["href"] == (
        f"{SITE}/en/news/"
    )
    assert client.get("/en/news/?page=2").status_code == 404


def test_a_page_that_is_no_listing_has_no_page_in_its_canonical_address(client, section):
    ArticlePageFactory(
        parent=section,
        slug="story",
        title_mn="Мэдээ",
        summary_mn="Товч.",
        body_mn=[("paragraph", "<p>Бие.</p>")],
    )

    page = soup_of(client, "/mn/news/story/?page=2&utm_source=x")

    assert head_links(page, "canonical") == [f"{SITE}/mn/news/story/"]
    assert page.select_one("meta[property='og:url']")["content"] == f"{SITE}/mn/news/story/"
    assert head_links(page, "prev") == head_links(page, "next") == []
    assert page.select_one("meta[name=robots]") is None


class TestStoriesReadInTheOtherLanguage:
    def test_an_untranslated_story_under_mn_sends_search_engines_to_the_english_page(
        self, client, section
    ):
        ArticlePageFactory(parent=section, slug="only-english", title_en="Only in English")

        page = soup_of(client, "/mn/news/only-english/?utm_source=x")

        assert page.select_one("meta[name=robots]")["content"] == "noindex"
        assert head_links(page, "canonical") == [f"{SITE}/en/news/only-english/"]
        assert page.select_one("meta[property='og:url']")["content"] == (
            f"{SITE}/en/news/only-english/"
        )
        assert page.select_one("meta[property='og:locale']")["content"] == "en_GB"
        # The text stays marked as English inside the Mongolian page.
        assert page.select_one(".article__body")["lang"] == "en"
        assert page.html["lang"] == "mn"
        # Its English page is the one to index.
        english = soup_of(client, "/en/news/only-english/")
        assert english.select_one("meta[name=robots]") is None
        assert head_links(english, "canonical") == [f"{SITE}/en/news/only-english/"]
        assert english.select_one("meta[property='og:locale']")["content"] == "en_GB"

    def test_a_mongolian_original_under_en_sends_search_engines_to_the_mongolian_page(
        self, client, section
    ):
        story = ArticlePageFactory(
            parent=section,
            slug="zuvkhun-mongol",
            title_mn="Зөвхөн монголоор",
            summary_mn="Товч.",
            body_mn=[("paragraph", "<p>Монгол бичвэр.</p>")],
        )
        # Written in Mongolian only, as generate_large_site writes such stories.
        ArticlePage.objects.filter(pk=story.pk).update(title_en=None, summary_en=None, body_en=None)

        page = soup_of(client, "/en/news/zuvkhun-mongol/")
        mongolian = soup_of(client, "/mn/news/zuvkhun-mongol/")

        assert page.select_one("meta[name=robots]")["content"] == "noindex"
        assert head_links(page, "canonical") == [f"{SITE}/mn/news/zuvkhun-mongol/"]
        assert page.select_one("meta[property='og:locale']")["content"] == "mn_MN"
        assert page.select_one(".article__body")["lang"] == "mn"
        assert mongolian.select_one("meta[name=robots]") is None
        assert head_links(mongolian, "canonical") == [f"{SITE}/mn/news/zuvkhun-mongol/"]

    def test_a_story_missing_only_its_mongolian_summary_is_not_yet_mongolian(self, client, section):
        ArticlePageFactory(
            parent=section,
            slug="partly",
            title_mn="Хэсэгчлэн",
            body_mn=[("paragraph", "<p>Бие.</p>")],
        )

        page = soup_of(client, "/mn/news/partly/")

        assert page.select_one("meta[name=robots]")["content"] == "noindex"
        assert head_links(page, "canonical") == [f"{SITE}/en/news/partly/"]
