"""Reading pages stay cheap without the full-page cache: bounded queries, shared fragments
that show a change on the next render in both languages, and no image resized in a
reader's request."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from articles.factories import ArticlePageFactory
from articles.models import ArticleAuthor, ArticlePage
from authors.factories import AuthorFactory
from headlines.factories import HeadlineFactory, SourceFactory
from headlines.ingest.pipeline import run_import

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "mn"]
ARTICLE = "/{lang}/analysis/mongolia-hosts-7th-ulaanbaatar-dialogue-on-northeast-asian-security/"

# Before issue 8: home 16, article 13, section 11 queries.
MAX_QUERIES = {"/{lang}/": 8, ARTICLE: 8, "/{lang}/news/": 9}


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Only the fragment caches are under test: the full-page cache (when present) is off.
    settings.PAGE_CACHE_SECONDS = 0


def soup(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def get_test_image_file(size):
    """A PNG file of `size` for an Image row."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(buffer, format="PNG")
    return ImageFile(buffer, name="picture.png")


def rendition_count():
    return get_image_model().get_rendition_model().objects.count()


class TestTheDemoSite:
    @pytest.mark.parametrize("lang", LANGUAGES)
    @pytest.mark.parametrize("path", list(MAX_QUERIES))
    def test_reading_pages_stay_within_their_query_bound(
        self, client, demo_site, django_assert_max_num_queries, path, lang
    ):
        address = path.format(lang=lang)
        client.get(address)  # the shared fragments (menu, headline lists, body) are made once
        client.get(address)
        with django_assert_max_num_queries(MAX_QUERIES[path]):
            page = soup(client, address)

        assert page.select(".site-nav a")  # the cached menu is still there

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_no_image_is_resized_in_a_readers_request(self, client, demo_site, lang):
        before = rendition_count()
        article = soup(client, ARTICLE.format(lang=lang))
        home = soup(client, f"/{lang}/")

        assert rendition_count() == before
        assert article.select_one(".article__lead-image picture img")["src"]
        assert home.select_one(".card--lead picture img")["src"]

    def test_images_are_responsive_and_only_the_first_is_urgent(self, client, demo_site):
        home = soup(client, "/en/")

        lead = home.select_one(".card--lead picture")
        others = home.select(".card-grid picture img")
        assert lead.select_one("source")["type"] == "image/webp"
        assert len(lead.select_one("source")["srcset"].split(",")) == 3
        image = lead.select_one("img")
        assert image["fetchpriority"] == "high" and not image.get("loading")
        assert image["width"] == "960" and image["height"] == "540"
        assert image["src"].endswith(".png")  # the demo's drawings keep their format
        assert others and all(img["loading"] == "lazy" for img in others)
        assert all(img.get("width") and img.get("height") for img in others)

        article = soup(client, ARTICLE.format(lang="en"))
        lead_image = article.select_one(".article__lead-image img")
        assert lead_image["fetchpriority"] == "high"
        assert "1200w" in lead_image["srcset"]
        assert article.select_one('meta[property="og:image"]')["content"].endswith(".png")


def test_publishing_makes_every_rendition_a_reader_needs(client, section):
    image = get_image_model().objects.create(
        title="Lead", file=get_test_image_file(size=(1600, 900))
    )
    in_body = get_image_model().objects.create(
        title="Body", file=get_test_image_file(size=(1200, 800))
    )
    article = ArticlePageFactory(parent=section, live=False, lead_image=image, title_mn="Гарчиг")
    article.summary_mn = "Товч."
    article.body_en = [("image", {"image": in_body, "caption": "A view"})]
    article.body_mn = [("image", {"image": in_body, "caption": "Харагдац"})]
    article.save_revision().publish()
    home = section.get_parent().specific
    home.lead_article = article
    home.save_revision().publish()

    before = rendition_count()
    for lang in LANGUAGES:
        page = soup(client, f"/{lang}{article.url_path.removeprefix('/home')}")
        assert page.select_one(".body-image picture source[type='image/webp']")
        soup(client, f"/{lang}/")
        soup(client, f"/{lang}/{section.slug}/")

    assert before > 0
    assert rendition_count() == before


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_published_headline_shows_on_the_next_render(client, home_page, lang):
    english = SourceFactory(domain="montsame.mn", language="en")
    HeadlineFactory(title_en="FIRST STORY", source=english, published_on="2025-12-01")
    assert "FIRST STORY" in soup(client, f"/{lang}/").get_text()

    story = HeadlineFactory(
        title_en="SECOND STORY", source=english, published_on="2025-12-02", live=False
    )
    assert "SECOND STORY" not in soup(client, f"/{lang}/").get_text()
    story.save_revision().publish()

    assert "SECOND STORY" in soup(client, f"/{lang}/").get_text()
    english.domain = "news.mn"
    english.save()
    assert "NEWS.MN" in soup(client, f"/{lang}/").get_text()


def test_an_import_shows_on_the_next_render_in_both_languages(client, home_page):
    for lang in LANGUAGES:
        assert "IMPORTED STORY" not in soup(client, f"/{lang}/").get_text()

    # The importer saves in bulk, past the model signals.
    report = run_import("IMPORTED STORY WWW.MONTSAME.MN PUBLISHED:2025/12/06", publish=True)
    assert report.created == 1

    for lang in LANGUAGES:
        assert "IMPORTED STORY" in soup(client, f"/{lang}/").get_text()


def test_a_retitled_section_shows_in_the_menu_in_both_languages(client, section):
    assert section.title_en in soup(client, "/en/").select_one(".site-nav").get_text()
    assert section.title_mn in soup(client, "/mn/").select_one(".site-nav").get_text()

    section.title_en = "World"
    section.title_mn = "Дэлхий"
    section.save_revision().publish()

    assert "World" in soup(client, "/en/").select_one(".site-nav").get_text()
    assert "Дэлхий" in soup(client, "/mn/").select_one(".site-nav").get_text()
    section.unpublish()
    assert "World" not in soup(client, "/en/").select_one(".site-nav").get_text()


def test_a_republished_body_shows_on_the_next_render_in_both_languages(client, section):
    article = ArticlePageFactory(parent=section, title_mn="Гарчиг", summary_mn="Товч.")
    article.body_mn = [("paragraph", RichText("<p>Анхны бичвэр.</p>"))]
    article.save_revision().publish()
    path = article.url_path.removeprefix("/home")
    assert "Body text." in soup(client, f"/en{path}").select_one(".article__body").get_text()
    assert "Анхны" in soup(client, f"/mn{path}").select_one(".article__body").get_text()

    article = ArticlePage.objects.get(pk=article.pk)
    article.body_en = [("paragraph", RichText("<p>Corrected text.</p>"))]
    article.body_mn = [("paragraph", RichText("<p>Засварласан бичвэр.</p>"))]
    article.save_revision().publish()

    assert "Corrected text." in soup(client, f"/en{path}").select_one(".article__body").get_text()
    assert "Засварласан" in soup(client, f"/mn{path}").select_one(".article__body").get_text()


def test_the_lead_byline_is_read_once_on_the_home_page(
    client, section, django_assert_max_num_queries
):
    home = section.get_parent().specific
    lead = ArticlePageFactory(
        parent=section, published_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )

    ArticleAuthor.objects.create(page=lead, author=AuthorFactory(name_en="Lead Writer"))
    for _ in range(8):
        ArticlePageFactory(parent=section)
    home.lead_article = lead
    home.save_revision().publish()
    client.get("/en/")
    client.get("/en/")

    with django_assert_max_num_queries(8):
        page = soup(client, "/en/")

    assert "Lead Writer" in page.select_one(".card--lead").get_text()
    assert len(page.select(".card-grid .card")) == 6


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_image_whose_file_is_lost_leaves_the_page_standing(client, section, lang):
    image = get_image_model().objects.create(
        title="Lost", file=get_test_image_file(size=(1600, 900))
    )
    article = ArticlePageFactory(parent=section, lead_image=image, title_mn="Гарчиг")
    image.file.storage.delete(image.file.name)  # a lost disk, an emptied bucket

    page = soup(client, f"/{lang}{article.url_path.removeprefix('/home')}")

    assert page.select_one("h1")
    assert not page.select(".article__lead-image img")
    # The link preview falls back to the site's own image.
    share = page.select_one('meta[property="og:image"]')["content"]
    assert share.endswith("/static/img/share-default.png")


def listed(client, address: str) -> int:
    response = client.get(address)
    assert response.status_code == 200, address
    context = response.context
    return (context.get("articles") or context.get("page_obj")).paginator.count


def test_a_listings_kept_count_follows_publishing_and_unpublishing(client, section):
    first = ArticlePageFactory(parent=section, title_mn="Нэгдүгээр")
    author = ArticleAuthor.objects.create(page=first, author=AuthorFactory()).author
    addresses = [f"/{lang}/{section.slug}/" for lang in LANGUAGES] + [f"/en/authors/{author.slug}/"]
    assert [listed(client, address) for address in addresses] == [1, 1, 1]

    second = ArticlePageFactory(parent=section, title_mn="Хоёрдугаар", live=False)
    second.save_revision().publish()
    assert [listed(client, address) for address in addresses[:2]] == [2, 2]

    first.unpublish()
    assert [listed(client, address) for address in addresses[:2]] == [1, 1]
    assert client.get(addresses[2]).status_code == 404 or listed(client, addresses[2]) == 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_archives_kept_count_follows_each_new_headline(client, home_page, lang):
    source = SourceFactory(language="en")
    HeadlineFactory(source=source, language="en")
    address = f"/{lang}/headlines/en/"
    assert listed(client, address) == 1
    HeadlineFactory(source=source, language="en")
    assert listed(client, address) == 2
    assert listed(client, f"{address}?source={source.domain}") == 2
