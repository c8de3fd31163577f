"""The request's Wagtail Site comes from the cache, and a changed Site is seen at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site


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
