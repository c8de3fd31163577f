import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils import translation

pytestmark = pytest.mark.django_db


def heading(response):
    return BeautifulSoup(response.content, "html.parser").select_one("h1").get_text()


@pytest.mark.parametrize(
    "language, expected", [("en", "Something went wrong"), ("mn", "Алдаа гарлаа")]
)
def test_server_error_page_is_localized_and_needs_no_context(language, expected):
    with translation.override(language):
        html = render_to_string("500.html")

    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == language
    assert soup.select_one("h1").get_text() == expected


def test_an_exception_in_a_view_answers_the_500_page(client, home_page, monkeypatch):
    from portal.models import HomePage

    def broken(*args, **kwargs):
        raise RuntimeError("database fell over")

    monkeypatch.setattr(HomePage, "get_context", broken)
    client.raise_request_exception = False

    response = client.get("/mn/")

    assert response.status_code == 500
    assert heading(response) == "Алдаа гарлаа"


class TestPagesThatAreNotThere:
    """Missing, malformed and unpublished addresses on one site, built once for the class."""

    @pytest.mark.parametrize(
        "path, expected",
        [
            ("/en/no-such-page/", "Page not found"),
            ("/mn/no-such-page/", "Хуудас олдсонгүй"),
            ("/en/news/no-such-article/", "Page not found"),
            ("/mn/authors/nobody/", "Хуудас олдсонгүй"),
            ("/mn/topics/nothing/", "Хуудас олдсонгүй"),
            ("/en/%ff%fe/", "Page not found"),
            ("/en/" + "x" * 3000 + "/", "Page not found"),
        ],
    )
    def test_missing_or_malformed_pages_get_the_localized_404(
        self, client, section, path, expected
    ):
        response = client.get(path)

        assert response.status_code == 404
        assert heading(response) == expected

    def test_unknown_language_prefix_ends_on_the_localized_404(self, client, home_page):
        response = client.get("/fr/news/", follow=True, headers={"accept-language": "mn"})

        assert response.status_code == 404
        assert heading(response) == "Хуудас олдсонгүй"

    def test_draft_page_is_not_public(self, client, section):
        from articles.factories import ArticlePageFactory

        ArticlePageFactory(parent=section, slug="secret-draft", live=False)

        response = client.get("/en/news/secret-draft/")

        assert response.status_code == 404
        assert heading(response) == "Page not found"
