"""The request's Wagtail Site and page come from the cache, and a change is seen at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory


def site_queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return sum('"wagtailcore_site"' in query["sql"] for query in queries)


@pytest.mark.django_db
class TestKnownSite:
    def test_the_site_is_looked_up_once_then_remembered(self, demo_site, client, settings):
        settings.PAGE_CACHE_SECONDS = 0
        site_queries(client, "/en/news/")  # the Site, and Wagtail's own root paths, once
        assert site_queries(client, "/mn/news/") == 0
        assert site_queries(client, "/en/") == 0

    def test_a_new_site_for_a_host_answers_its_next_request(self, demo_site, client, settings):
        settings.PAGE_CACHE_SECONDS = 0
        settings.ALLOWED_HOSTS = ["testserver", "sections.example"]
        assert client.get("/en/news/", HTTP_HOST="sections.example").status_code == 200
        news = Site.objects.get(is_default_site=True).root_page.get_children().get(slug="news")
        # A second site whose home is the News section: /en/news/ is no longer an address there.
        Site.objects.create(hostname="sections.example", port=80, root_page=news)
        assert client.get("/en/news/", HTTP_HOST="sections.example").status_code == 404
        assert client.get("/en/news/", HTTP_HOST="testserver").status_code == 200


def address(page, lang="en") -> str:
    return f"/{lang}{page.url_path.removeprefix('/home')}"


def read(client, page, lang="en"):
    response = client.get(address(page, lang))
    return response.status_code, response.content.decode()


@pytest.mark.django_db
class TestRememberedRoutes:
    """An article's address is remembered after its first reader; whatever happens to the page
    afterwards, the next reader gets what Wagtail's own routing would give."""

    @pytest.fixture(autouse=True)
    def _no_page_cache(self, settings):
        settings.PAGE_CACHE_SECONDS = 0

    @pytest.fixture
    def story(self, section):
        story = ArticlePageFactory(parent=section, title_en="Steppe story", slug="steppe-story")
        story.save_revision().publish()
        story.refresh_from_db()
        return story

    def test_a_read_article_is_served_without_a_query(
        self, client, story, django_assert_num_queries
    ):
        for lang in ("en", "mn"):
            read(client, story, lang)
            with django_assert_num_queries(0):
                status, text = read(client, story, lang)
            assert status == 200 and "Steppe story" in text

    def test_a_section_is_read_afresh_in_one_query(self, client, story, section):
        client.get(address(section))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address(section)).status_code == 200
        routing = [q["sql"] for q in queries if 'FROM "articles_articleindexpage"' in q["sql"]]
        assert len(routing) == 1  # the section's own row; its listing reads the articles

    def test_a_republished_article_shows_its_new_text_at_once(self, client, story):
        read(client, story)
        story.title_en = "Steppe story, revised"
        story.save_revision().publish()
        assert "Steppe story, revised" in read(client, story)[1]

    def test_an_unpublished_article_is_gone_at_once(self, client, story):
        read(client, story)
        story.unpublish()
        assert read(client, story)[0] == 404

    def test_a_deleted_article_is_gone_at_once(self, client, story):
        read(client, story)
        old = address(story)
        story.delete()
        assert client.get(old).status_code == 404

    def test_a_new_slug_moves_the_article_to_its_new_address(self, client, story):
        old = address(story)
        read(client, story)
        story.slug = "steppe-story-updated"
        story.save_revision().publish()
        story.refresh_from_db()

        assert client.get(old).status_code == 404
        status, text = read(client, story)
        assert status == 200 and "Steppe story" in text

    def test_an_article_moved_to_another_section_answers_only_there(self, client, story, section):
        other = ArticleIndexPageFactory(parent=section.get_parent(), slug="opinion")
        old = address(story)
        read(client, story)
        story.move(other, pos="last-child")
        story.refresh_from_db()

        # Wagtail's redirects app keeps the old address, as a redirect to the new one.
        moved = client.get(old)
        assert (moved.status_code, moved["Location"]) == (301, address(story))
        assert read(client, story)[0] == 200

    def test_a_section_made_private_keeps_a_remembered_article_from_strangers(
        self, client, story, section
    ):
        assert "Steppe story" in read(client, story)[1]
        restriction = PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
        )
        status, text = read(client, story)
        assert "Steppe story" not in text
        assert 'name="password"' in text

        restriction.delete()
        assert "Steppe story" in read(client, story)[1]
