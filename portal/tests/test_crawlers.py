"""What crawlers read: /robots.txt and the Google News sitemap of each language.

The news sitemaps are public documents in the page cache; every publication, unpublication,
move and deletion of an article purges them, so the next anonymous read shows the change.
"""

import datetime
from urllib.robotparser import RobotFileParser
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from articles.models import ArticlePage
from portal import sitemaps

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
NAMES = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "n": "http://www.google.com/schemas/sitemap-news/0.9",
}


def hours_ago(hours: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(hours=hours)


def bilingual_story(parent, slug, title_en, title_mn, **fields):
    return ArticlePageFactory(
        parent=parent,
        slug=slug,
        title_en=title_en,
        title_mn=title_mn,
        summary_mn="Товч агуулга.",
        body_mn=[("paragraph", "<p>Монгол бичвэр.</p>")],
        **fields,
    )


def news_entries(client, code) -> dict[str, dict]:
    """Each <url> of the news sitemap in `code`: its address, with what news:news says."""
    response = client.get(f"/sitemap-news-{code}.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    document = ElementTree.fromstring(response.content)
    assert document.tag == f"{{{NAMES['s']}}}urlset"
    entries = {}
    for url in document.findall("s:url", NAMES):
        news = url.find("n:news", NAMES)
        entries[url.findtext("s:loc", namespaces=NAMES)] = {
            "name": news.findtext("n:publication/n:name", namespaces=NAMES),
            "language": news.findtext("n:publication/n:language", namespaces=NAMES),
            "date": news.findtext("n:publication_date", namespaces=NAMES),
            "title": news.findtext("n:title", namespaces=NAMES),
        }
    return entries


# --- robots.txt ----------------------------------------------------------------------------------


def robots(client) -> tuple[str, RobotFileParser]:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    return text, parser


def test_robots_txt_keeps_crawlers_on_the_public_site(client, home_page):
    text, parser = robots(client)

    for public in ("/", "/en/", "/mn/news/some-story/", "/en/headlines/mn/", "/sitemap.xml"):
        assert parser.can_fetch("Googlebot", SITE + public), public
    for closed in (
        "/en/search/?q=mining",
        "/mn/search/",
        "/en/contribute/",
        "/mn/contribute/login/?next=/mn/contribute/",
        "/en/contribute/welcome/abc/def/",
        "/admin/",
        "/admin/pages/",
        "/language/mn/?next=/mn/",
    ):
        assert not parser.can_fetch("Googlebot", SITE + closed), closed
    assert parser.site_maps() == [
        f"{SITE}/sitemap.xml",
        f"{SITE}/sitemap-news-en.xml",
        f"{SITE}/sitemap-news-mn.xml",
    ]
    assert "Disallow: /en/search/\n" in text and "Disallow: /mn/search/\n" in text


def test_robots_txt_is_served_from_the_page_cache(client, home_page, monkeypatch):
    from portal import robots as robots_module

    first, _parser = robots(client)
    monkeypatch.setattr(robots_module, "closed_paths", lambda: ["/changed/"])

    second, _parser = robots(client)

    assert second == first
    assert not client.get("/robots.txt").cookies


# --- the news sitemaps -----------------------------------------------------------------------------


@pytest.fixture
def newsroom_stories(section):
    """Stories of the last days in the News section; the comment says which sitemap has each."""
    bilingual_story(
        section,
        "talks",
        "Talks & <trade> resume",
        "Худалдааны хэлэлцээ сэргэв",
        first_published_at=hours_ago(1),
    )  # both
    ArticlePageFactory(
        parent=section,
        slug="english-only",
        title_en="Only English",
        first_published_at=hours_ago(2),
    )  # en
    bilingual_story(
        section, "old", "Old story", "Хуучин мэдээ", first_published_at=hours_ago(49)
    )  # neither: older than 48 hours
    bilingual_story(
        section,
        "draft",
        "Draft",
        "Ноорог",
        live=False,
        first_published_at=hours_ago(3),
    )  # neither
    private = bilingual_story(
        section, "private", "Private", "Хаалттай", first_published_at=hours_ago(4)
    )  # neither
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")


@pytest.mark.usefixtures("newsroom_stories")
def test_each_language_has_the_recent_public_stories_written_in_it(client):
    english = news_entries(client, "en")
    mongolian = news_entries(client, "mn")

    assert list(english) == [f"{SITE}/en/news/talks/", f"{SITE}/en/news/english-only/"]
    assert list(mongolian) == [f"{SITE}/mn/news/talks/"]
    talks_en, talks_mn = english[f"{SITE}/en/news/talks/"], mongolian[f"{SITE}/mn/news/talks/"]
    assert talks_en["title"] == "Talks & <trade> resume"
    assert talks_mn["title"] == "Худалдааны хэлэлцээ сэргэв"
    assert (talks_en["name"], talks_en["language"]) == ("Mongolia News Portal", "en")
    assert (talks_mn["name"], talks_mn["language"]) == ("Монголын мэдээний портал", "mn")
    published = ArticlePage.objects.get(slug="talks").first_published_at
    # W3C date and time, with its offset.
    assert datetime.datetime.fromisoformat(talks_mn["date"]) == published.replace(microsecond=0)
    assert talks_mn["date"].endswith("+00:00")


def test_the_index_and_robots_txt_list_both_news_sitemaps(client, home_page):
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    listed = [location.text for location in index.findall("s:sitemap/s:loc", NAMES)]

    assert f"{SITE}/sitemap-news-en.xml" in listed
    assert f"{SITE}/sitemap-news-mn.xml" in listed
    assert f"{SITE}/sitemap-pages.xml" in listed
    assert client.get("/sitemap-news-xx.xml").status_code == 404


def test_a_story_drops_out_48_hours_after_its_first_publication(
    client, section, monkeypatch, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the document as it is made at each moment
    bilingual_story(section, "fresh", "Fresh", "Шинэ", first_published_at=hours_ago(47))
    assert list(news_entries(client, "mn")) == [f"{SITE}/mn/news/fresh/"]

    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(sitemaps.timezone, "now", lambda: later)

    assert news_entries(client, "mn") == {}


def test_at_most_the_limit_newest_first(client, section, monkeypatch):
    monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 3)
    for number in range(5):
        ArticlePageFactory(
            parent=section, slug=f"story-{number}", first_published_at=hours_ago(10 - number)
        )

    assert list(news_entries(client, "en")) == [
        f"{SITE}/en/news/story-4/",
        f"{SITE}/en/news/story-3/",
        f"{SITE}/en/news/story-2/",
    ]


def test_the_news_sitemap_reads_as_many_rows_whatever_the_number_of_stories(client, section):
    def queries_for(count):
        for number in range(count):
            ArticlePageFactory(
                parent=section,
                slug=f"s-{count}-{number}",
                first_published_at=hours_ago(1),
            )
        cache.clear()  # a new document, not the page cache's copy
        with CaptureQueriesContext(connection) as queries:
            assert len(news_entries(client, "en")) >= count
        return len(queries)

    assert queries_for(3) == queries_for(40)


# --- purges: the next anonymous read shows the change ----------------------------------------------


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def staff(make_user):
    staff = Client()
    staff.force_login(make_user("chief", is_superuser=True))
    return staff


@pytest.fixture
def cached_news(reader, django_assert_num_queries):
    """Reads both news sitemaps twice: the second answer must come from the cache."""

    def prime():
        for code in ("en", "mn"):
            news_entries(reader, code)
            with django_assert_num_queries(0):
                news_entries(reader, code)

    return prime


def test_a_published_story_shows_on_the_next_read(
    reader, section, cached_news, committed, make_user
):
    story = bilingual_story(section, "new", "New", "Шинэ", live=False, first_published_at=None)
    cached_news()

    with committed():
        story.save_revision(user=make_user("editor")).publish()

    assert f"{SITE}/en/news/new/" in news_entries(reader, "en")
    assert f"{SITE}/mn/news/new/" in news_entries(reader, "mn")


def test_an_unpublished_story_goes_on_the_next_read(reader, staff, section, cached_news, committed):
    story = bilingual_story(section, "gone", "Gone", "Алга", first_published_at=hours_ago(1))
    cached_news()

    with committed():
        assert staff.post(f"/admin/pages/{story.pk}/unpublish/").status_code == 302

    assert news_entries(reader, "en") == news_entries(reader, "mn") == {}


def test_a_deleted_story_goes_on_the_next_read(reader, staff, section, cached_news, committed):
    story = bilingual_story(section, "gone", "Gone", "Алга", first_published_at=hours_ago(1))
    cached_news()

    with committed():
        assert staff.post(f"/admin/pages/{story.pk}/delete/").status_code == 302

    assert news_entries(reader, "en") == news_entries(reader, "mn") == {}


def test_a_moved_story_has_its_new_address_on_the_next_read(
    reader, staff, home_page, section, cached_news, committed
):
    opinion = ArticleIndexPageFactory(parent=home_page, slug="opinion", title_mn="Үзэл бодол")
    story = bilingual_story(section, "moved", "Moved", "Зөөсөн", first_published_at=hours_ago(1))
    cached_news()

    with committed():
        response = staff.post(f"/admin/pages/{story.pk}/move/{opinion.pk}/confirm/")
        assert response.status_code == 302

    assert list(news_entries(reader, "mn")) == [f"{SITE}/mn/opinion/moved/"]
    assert list(news_entries(reader, "en")) == [f"{SITE}/en/opinion/moved/"]
