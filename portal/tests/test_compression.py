"""Pages, feeds and sitemaps are sent gzip-compressed to clients that accept it; a page with
a CSRF token (a form) never is, since compression next to reflected input leaks the token
(BREACH)."""

import gzip

import pytest

from articles.factories import ArticlePageFactory
from headlines.factories import HeadlineFactory

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture(scope="class")
def site_with_news(section):
    for number in range(3):
        HeadlineFactory(title_en=f"RAIN EXPECTED IN THE GOBI {number}")
    return ArticlePageFactory(parent=section, title_en="Herders and the winter", slug="herders")


def text(response):
    return gzip.decompress(response.content).decode()


class TestCompressed:
    @pytest.mark.parametrize(
        "path, shows",
        [
            ("/en/", "RAIN EXPECTED IN THE GOBI"),
            ("/mn/", "RAIN EXPECTED IN THE GOBI"),
            ("/en/news/herders/", "Herders and the winter"),
            ("/en/headlines/en/feed/", "RAIN EXPECTED IN THE GOBI"),
            ("/sitemap.xml", "/sitemap-pages.xml"),
            ("/sitemap-pages.xml", "/en/news/herders/"),
        ],
    )
    def test_reading_pages_feeds_and_the_sitemap_come_gzipped(
        self, client, site_with_news, path, shows
    ):
        response = client.get(path, **GZIP)

        assert response.status_code == 200
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert shows in text(response)

    def test_without_accept_encoding_the_page_is_plain_but_still_varies(
        self, client, site_with_news
    ):
        response = client.get("/en/")

        assert response.status_code == 200
        assert "Content-Encoding" not in response
        assert "Accept-Encoding" in response["Vary"]
        assert "RAIN EXPECTED IN THE GOBI" in response.content.decode()

    @pytest.mark.parametrize(
        "path, shows",
        [
            ("/en/contribute/login/", "csrfmiddlewaretoken"),
            ("/mn/contribute/login/", "csrfmiddlewaretoken"),
            ("/admin/login/", "csrfmiddlewaretoken"),
        ],
    )
    def test_form_pages_with_a_csrf_token_are_never_compressed(
        self, client, site_with_news, path, shows
    ):
        response = client.get(path, **GZIP)

        assert response.status_code == 200
        assert "Content-Encoding" not in response
        assert shows in response.content.decode()

    def test_a_form_posted_back_with_its_errors_is_not_compressed(self, client, site_with_news):
        response = client.post(
            "/en/contribute/login/",
            {"username": "<reflected>@example.mn", "password": "wrong"},
            **GZIP,
        )

        assert response.status_code == 200
        assert "Content-Encoding" not in response
        assert "csrfmiddlewaretoken" in response.content.decode()

    def test_a_guests_own_area_is_not_compressed(self, client, site_with_news, make_guest):
        client.force_login(make_guest().user)

        response = client.get("/en/contribute/new/", **GZIP)

        assert response.status_code == 200
        assert "Content-Encoding" not in response
