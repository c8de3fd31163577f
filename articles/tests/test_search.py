import pytest
from bs4 import BeautifulSoup

from articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def found_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select("main .card__title a")]


@pytest.fixture(scope="class")
def articles(section):
    """Two published articles and a draft, once for the class."""
    ArticlePageFactory(
        parent=section,
        slug="dialogue",
        title_en="Ulaanbaatar Dialogue on security",
        title_mn="Улаанбаатарын яриа хэлэлцээ",
        summary_mn="Аюулгүй байдлын хурал.",
    )
    ArticlePageFactory(
        parent=section,
        slug="census",
        title_en="Herders get ready for the census",
        title_mn="Малчид тооллогод бэлтгэж байна",
    )
    ArticlePageFactory(parent=section, slug="secret", title_en="Ulaanbaatar draft", live=False)


class TestSearch:
    """Searching two published articles and a draft."""

    @pytest.mark.parametrize("words", ["МАЛЧИД", "малчид", "Малчид", "HERDERS", "herders"])
    def test_search_ignores_letter_case_in_both_alphabets(self, client, articles, words):
        assert found_titles(client.get("/mn/search/", {"q": words})) == [
            "Малчид тооллогод бэлтгэж байна"
        ]

    def test_a_word_finds_its_inflected_forms(self, client, articles):
        # "Улаанбаатар" stands as "Улаанбаатарын" in the title.
        response = client.get("/mn/search/", {"q": "УЛААНБААТАР"})

        assert found_titles(response) == ["Улаанбаатарын яриа хэлэлцээ"]

    def test_drafts_are_never_found(self, client, articles):
        assert found_titles(client.get("/en/search/", {"q": "draft"})) == []

    @pytest.mark.parametrize("language, message", [("en", "No results"), ("mn", "Илэрц олдсонгүй")])
    def test_no_results_says_so_in_the_readers_language(self, client, articles, language, message):
        soup = BeautifulSoup(
            client.get(f"/{language}/search/", {"q": "zzzz"}).content, "html.parser"
        )

        assert soup.select_one(".search-empty").get_text() == message

    @pytest.mark.parametrize("words", ["", "   ", "x" * 5000, "%00<script>", "' OR 1=1 --", "*:()"])
    def test_odd_queries_answer_a_page_not_an_error(self, client, articles, words):
        response = client.get("/en/search/", {"q": words})

        assert response.status_code == 200
        assert BeautifulSoup(response.content, "html.parser").select_one("h1").get_text() in (
            "Search",
            "Search results",
        )

    def test_search_form_is_on_every_page_and_keeps_the_words(self, client, articles):
        home = BeautifulSoup(client.get("/mn/").content, "html.parser")
        results = BeautifulSoup(client.get("/mn/search/", {"q": "малчид"}).content, "html.parser")

        assert home.select_one("header form[role=search]")["action"] == "/mn/search/"
        assert results.select_one("#search-page-q")["value"] == "малчид"
