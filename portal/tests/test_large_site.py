"""generate_large_site, and reading pages whose queries do not grow with the content."""

import re
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage, Topic
from authors.models import Author
from headlines.models import Headline
from portal import demo_data

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
CYRILLIC = re.compile("[а-яөүё]", re.IGNORECASE)


def generate(**sizes):
    call_command("generate_large_site", seed=3, years=2, stdout=open("/dev/null", "w"), **sizes)


def relative(page) -> str:
    return page.url_path.split("/", 2)[2]


def sitemap_urls(client) -> list[str]:
    """Every address of every page of every section, read through the index."""
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    urls = []
    for location in index.findall("s:sitemap/s:loc", SITEMAP):
        page = ElementTree.fromstring(client.get(location.text).content)
        urls += [
            url.findtext("s:loc", namespaces=SITEMAP) for url in page.findall("s:url", SITEMAP)
        ]
    return urls


@pytest.fixture(scope="class")
def generated(class_db):
    generate(articles=60, headlines=500)


@pytest.mark.usefixtures("generated")
class TestAGeneratedSite:
    def test_the_page_tree_is_valid_and_every_page_is_live(self):
        assert Page.find_problems() == ([], [], [], [], [])
        articles = ArticlePage.objects.all()
        assert articles.count() == len(demo_data.ARTICLES) + 60
        assert not articles.filter(live=False).exists()
        assert not articles.filter(first_published_at__isnull=True).exists()
        assert not articles.filter(last_published_at__isnull=True).exists()
        for section in ArticleIndexPage.objects.all():
            assert section.numchild == section.get_children().count()

    def test_it_writes_what_a_desk_writes(self):
        generated = ArticlePage.objects.exclude(slug__in=[a["slug"] for a in demo_data.ARTICLES])
        both = generated.exclude(title_en__isnull=True).exclude(title_mn__isnull=True)
        assert both.exists()
        assert generated.filter(title_mn__isnull=True).exists()  # English only
        assert generated.filter(title_en__isnull=True).exists()  # Mongolian only
        seed_text = str(demo_data.ARTICLES) + str(demo_data.HEADLINES)
        for article in generated.exclude(title_mn__isnull=True)[:20]:
            assert CYRILLIC.search(article.title_mn) and CYRILLIC.search(article.summary_mn)
            assert article.title_mn not in seed_text
        assert Headline.objects.count() == len(demo_data.HEADLINES) + 500
        assert Headline.objects.filter(language="mn").exists()
        assert Headline.objects.filter(language="en").exists()
        assert Author.objects.filter(article_bylines__isnull=True, kind="guest").exists()
        assert Topic.objects.filter(articlepage__isnull=False).exists()

    @pytest.mark.parametrize("language", ["en", "mn"])
    def test_every_kind_of_page_answers_in_both_languages(self, client, language):
        generated = ArticlePage.objects.exclude(slug__in=[a["slug"] for a in demo_data.ARTICLES])
        articles = [
            generated.filter(title_mn__isnull=True).first(),
            generated.filter(title_en__isnull=True).first(),
            generated.exclude(title_en__isnull=True).exclude(title_mn__isnull=True).first(),
        ]
        staff = Author.objects.filter(kind="staff", article_bylines__isnull=False).first()
        guest = Author.objects.filter(kind="guest", article_bylines__isnull=False).first()
        topic = Topic.objects.filter(articlepage__isnull=False).first()
        day = Headline.objects.filter(language="mn", live=True).order_by("published_on").first()
        paths = [
            "",
            *(relative(section) for section in ArticleIndexPage.objects.all()),
            *(relative(article) for article in articles),
            f"authors/{staff.slug}/",
            f"authors/{guest.slug}/",
            f"topics/{topic.slug}/",
            "headlines/en/",
            "headlines/mn/?page=last",
            f"headlines/mn/{day.published_on.isoformat()}/",
            "headlines/en/feed/",
            "feeds/atom/",
            f"feeds/authors/{guest.slug}/rss/",
            f"feeds/topics/{topic.slug}/atom/",
        ]
        for path in paths:
            response = client.get(f"/{language}/{path}")
            assert response.status_code == 200, path
        title = articles[2].title_en if language == "en" else articles[2].title_mn
        assert title in client.get(f"/{language}/{relative(articles[2])}").content.decode()

    def test_an_invited_guest_with_nothing_published_has_no_page(self, client):
        guest = Author.objects.filter(kind="guest", article_bylines__isnull=True).first()
        assert client.get(f"/en/authors/{guest.slug}/").status_code == 404
        assert f"/authors/{guest.slug}/" not in "".join(sitemap_urls(client))

    def test_the_last_page_is_the_last_page(self, client):
        section = ArticleIndexPage.objects.order_by("path").first()
        oldest = ArticlePage.objects.child_of(section).order_by("published_at", "pk").first()
        pages = -(-ArticlePage.objects.child_of(section).count() // 10)

        html = client.get(f"/en/{relative(section)}?page=last").content.decode()

        assert f"Page {pages} of {pages}" in html
        assert oldest.title in html or str(oldest.title_mn) in html

    def test_the_deepest_archive_page_ends_with_the_oldest_headline(self, client):
        oldest = Headline.objects.filter(language="en", live=True).order_by("published_on", "pk")
        html = client.get("/en/headlines/en/?page=last").content.decode()
        assert oldest.first().title_en in html

    def test_the_sitemap_index_lists_every_section_and_each_address_answers(self, client):
        urls = sitemap_urls(client)
        generated = ArticlePage.objects.exclude(slug__in=[a["slug"] for a in demo_data.ARTICLES])
        english_only = generated.filter(title_mn__isnull=True).first()
        mongolian_only = generated.filter(title_en__isnull=True).first()
        assert f"http://testserver/en/{relative(english_only)}" in urls
        assert f"http://testserver/mn/{relative(english_only)}" not in urls
        assert f"http://testserver/mn/{relative(mongolian_only)}" in urls
        assert f"http://testserver/en/{relative(mongolian_only)}" not in urls
        assert any("/en/topics/" in url for url in urls)
        assert any("/mn/headlines/mn/" in url for url in urls)
        for url in urls[::25]:
            assert client.get(url.removeprefix("http://testserver")).status_code == 200, url


def test_the_sitemap_is_paged_and_each_page_stays_under_its_size(client, db, monkeypatch):
    from portal import sitemaps

    generate(articles=12, headlines=30)
    monkeypatch.setattr(sitemaps.BilingualSitemap, "limit", 5)
    index = client.get("/sitemap.xml").content.decode()

    assert "http://testserver/sitemap-pages.xml?p=2</loc>" in index
    assert "http://testserver/sitemap-pages.xml?p=4</loc>" in index
    pages = [
        ElementTree.fromstring(client.get(f"/sitemap-pages.xml?p={n}").content) for n in (1, 4)
    ]
    assert all(len(page.findall("s:url", SITEMAP)) <= 5 * 2 for page in pages)
    assert client.get("/sitemap-pages.xml?p=99").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def reading_paths() -> dict[str, str]:
    section = ArticleIndexPage.objects.order_by("path").first()
    article = (
        ArticlePage.objects.exclude(title_en__isnull=True)
        .exclude(title_mn__isnull=True)
        .order_by("pk")
        .last()
    )
    author = Author.objects.filter(kind="staff", slug__regex=r"-\d+$").order_by("pk").first()
    topic = Topic.objects.filter(articlepage__isnull=False).order_by("pk").first()
    source = Headline.objects.filter(language="en", live=True).order_by("pk").last().source
    return {
        "home": "/en/",
        "home mn": "/mn/",
        "section": f"/en/{relative(section)}",
        "section last": f"/mn/{relative(section)}?page=last",
        "article": f"/en/{relative(article)}",
        "article mn": f"/mn/{relative(article)}",
        "author": f"/en/authors/{author.slug}/",
        "author last": f"/en/authors/{author.slug}/?page=last",
        "topic": f"/en/topics/{topic.slug}/",
        "archive": "/en/headlines/en/",
        "archive last": "/mn/headlines/en/?page=last",
        "archive by source": f"/en/headlines/en/?source={source.domain}",
        "feed": "/en/headlines/mn/feed/",
        "article feed": "/en/feeds/rss/",
        "section feed": f"/mn/feeds/sections/{section.slug}/atom/",
        "author feed": f"/en/feeds/authors/{author.slug}/atom/",
        "topic feed": f"/mn/feeds/topics/{topic.slug}/rss/",
        "sitemap": "/sitemap.xml",
        "sitemap pages": "/sitemap-pages.xml",
        "sitemap headlines": "/sitemap-headlines.xml",
        "news sitemap": "/sitemap-news-mn.xml",
    }


def query_counts(client, paths) -> dict[str, int]:
    counts = {}
    for label, path in paths.items():
        client.get(path)  # what a running site keeps warm
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[label] = len(queries)
    return counts


def test_reading_pages_make_as_many_queries_at_hundreds_of_rows_as_at_dozens(client, db):
    generate(articles=30, headlines=60)
    paths = reading_paths()
    few = query_counts(client, paths)

    generate(articles=300, headlines=1500)

    assert query_counts(client, paths) == few
