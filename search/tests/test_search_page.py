"""The search page as a reader uses it: inflected words, both languages, every kind of thing,
filters, pages, and whatever is typed into the box."""

import datetime

import pytest
from bs4 import BeautifulSoup

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory, TopicFactory
from articles.models import ArticleAuthor
from authors.factories import AuthorFactory
from authors.models import Author
from headlines.factories import HeadlineFactory

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def found_titles(response, kind="articles"):
    soup = soup_of(response)
    group = soup.select_one(f"section[aria-labelledby=results-{kind}]")
    if group is None:
        return []
    return [a.get_text() for a in group.select(".card__title a, .search-result__title")]


def paragraphs(*texts):
    return [("paragraph", f"<p>{text}</p>") for text in texts]


@pytest.fixture(scope="class")
def site(section, home_page):
    """Three published articles (two in both languages, one English only), a draft, an
    author, a guest with nothing published, a topic and headlines, once for the class."""
    analysis = ArticleIndexPageFactory(
        parent=home_page, title_en="Analysis", title_mn="Дүн шинжилгээ", slug="analysis"
    )
    dialogue = ArticlePageFactory(
        parent=section,
        slug="dialogue",
        title_en="Ulaanbaatar Dialogue on security",
        title_mn="Улаанбаатарын яриа хэлэлцээ",
        summary_en="Talks on security open in the capital.",
        summary_mn="Аюулгүй байдлын хурал нийслэлд эхэллээ.",
        body_mn=paragraphs("Хурал Улаанбаатарт болж, хэлэлцээ гурван өдөр үргэлжилнэ."),
    )
    census = ArticlePageFactory(
        parent=section,
        slug="census",
        title_en="Herders get ready for the census",
        title_mn="Малчид тооллогод бэлтгэж байна",
        summary_en="Cooperatives prepare the count.",
        summary_mn="Малчдын хоршоод тооллогод бэлтгэж байна.",
        body_en=paragraphs("Families repair their winter camps before the count."),
        body_mn=paragraphs("Малчин өрхүүд Өвөлжөөний бэлтгэлээ хангаж байна."),
    )
    ArticlePageFactory(
        parent=analysis,
        slug="copper",
        title_en="Copper exports negotiated again",
        summary_en="Mining firms negotiated new terms with buyers.",
    )
    ArticlePageFactory(parent=section, slug="secret", title_en="Ulaanbaatar draft", live=False)
    economist = AuthorFactory(
        name_en="Batbold Dorj",
        name_mn="Батболд Дорж",
        slug="batbold",
        kind=Author.Kind.STAFF,
        credentials_en="Writes on herders and markets",
        credentials_mn="Мал аж ахуйн эдийн засагч",
    )
    ArticleAuthor.objects.create(page=census, author=economist)
    AuthorFactory(name_en="Unpublished Herder", slug="unpublished", kind=Author.Kind.GUEST)
    TopicFactory(name_en="Herders' cooperatives", name_mn="Малчдын хоршоо", slug="herders")
    HeadlineFactory(title_en="HERDERS PREPARE FOR WINTER", published_on=datetime.date(2025, 12, 1))
    HeadlineFactory(
        title_en=None,
        title_mn="МАЛЧИД ӨВӨЛЖИЛТЭД БЭЛТГЭЖ БАЙНА",
        language="mn",
        published_on=datetime.date(2025, 12, 2),
    )
    HeadlineFactory(title_en="HERDERS IN SECRET DRAFT", live=False)
    return {"dialogue": dialogue, "census": census}


class TestInflectedWords:
    """The issue's inflected queries find the articles holding other forms of the word."""

    @pytest.mark.parametrize(
        "words, title",
        [
            ("Улаанбаатарт", "Улаанбаатарын яриа хэлэлцээ"),
            ("хэлэлцээний", "Улаанбаатарын яриа хэлэлцээ"),
            ("Өвөлжөөнд", "Малчид тооллогод бэлтгэж байна"),
            ("малчин", "Малчид тооллогод бэлтгэж байна"),
            ("малчдын", "Малчид тооллогод бэлтгэж байна"),
            ("МАЛЧДЫН", "Малчид тооллогод бэлтгэж байна"),
        ],
    )
    def test_an_inflected_mongolian_word_finds_the_other_forms(self, client, site, words, title):
        assert found_titles(client.get("/mn/search/", {"q": words})) == [title]

    def test_a_base_form_still_finds_its_inflected_forms(self, client, site):
        # "Улаанбаатар" stands as "Улаанбаатарын" in the title.
        assert found_titles(client.get("/mn/search/", {"q": "УЛААНБААТАР"})) == [
            "Улаанбаатарын яриа хэлэлцээ"
        ]

    @pytest.mark.parametrize("words", ["negotiations", "NEGOTIATING", "herder", "HERDER'S"])
    def test_english_is_stemmed_too(self, client, site, words):
        titles = found_titles(client.get("/en/search/", {"q": words}))
        assert titles and all(("Herders" in t) or ("negotiated" in t) for t in titles)

    @pytest.mark.parametrize("words", ["МАЛЧИД", "малчид", "Малчид", "HERDERS", "herders"])
    def test_search_ignores_letter_case_in_both_alphabets(self, client, site, words):
        assert found_titles(client.get("/mn/search/", {"q": words})) == [
            "Малчид тооллогод бэлтгэж байна"
        ]

    def test_every_word_must_be_found(self, client, site):
        assert found_titles(client.get("/en/search/", {"q": "herders census"})) == [
            "Herders get ready for the census"
        ]
        assert found_titles(client.get("/en/search/", {"q": "herders copper"})) == []

    def test_drafts_are_never_found(self, client, site):
        assert found_titles(client.get("/en/search/", {"q": "draft"})) == []
        assert found_titles(client.get("/en/search/", {"q": "secret"}), "headlines") == []


class TestResultsPage:
    def test_authors_topics_and_headlines_are_found_in_labelled_groups(self, client, site):
        soup = soup_of(client.get("/en/search/", {"q": "herders"}))

        headings = [h.get_text(" ", strip=True) for h in soup.select("main h2")]
        assert headings == ["Articles (1)", "Authors (1)", "Topics (1)", "Headlines (1)"]
        assert soup.select_one("#results-authors ~ ol a")["href"] == "/en/authors/batbold/"
        assert soup.select_one("#results-topics ~ ol a")["href"] == "/en/topics/herders/"

    def test_the_groups_are_named_in_mongolian_on_the_mongolian_page(self, client, site):
        soup = soup_of(client.get("/mn/search/", {"q": "малчид"}))

        assert [h.contents[0].strip() for h in soup.select("main h2")] == [
            "Нийтлэл",
            "Сэдвүүд",
            "Мэдээний тойм",
        ]
        assert found_titles(client.get("/mn/search/", {"q": "малчид"}), "headlines") == [
            "МАЛЧИД ӨВӨЛЖИЛТЭД БЭЛТГЭЖ БАЙНА"
        ]

    def test_a_guest_with_nothing_published_is_not_found(self, client, site):
        assert found_titles(client.get("/en/search/", {"q": "unpublished"}), "authors") == []

    @pytest.mark.parametrize(
        "language, words, summary",
        [
            ("en", "herders", "4 results for «herders»"),
            ("mn", "малчид", "«малчид»: 3 илэрц"),
            ("en", "census", "1 result for «census»"),
        ],
    )
    def test_the_count_and_the_query_are_repeated(self, client, site, language, words, summary):
        soup = soup_of(client.get(f"/{language}/search/", {"q": words}))

        assert soup.select_one(".search-summary").get_text() == summary

    @pytest.mark.parametrize(
        "language, message",
        [("en", "No results for «zzzz»"), ("mn", "«zzzz»: илэрц олдсонгүй")],
    )
    def test_no_results_says_so_with_the_query(self, client, site, language, message):
        soup = soup_of(client.get(f"/{language}/search/", {"q": "zzzz"}))

        assert soup.select_one(".search-empty").get_text() == message

    def test_snippets_mark_the_words_found_in_the_readers_language(self, client, site):
        soup = soup_of(client.get("/mn/search/", {"q": "өвөлжөөнд"}))

        snippet = soup.select_one("#results-articles ~ ol .search-result__snippet")
        assert [m.get_text() for m in snippet.select("mark")] == ["Өвөлжөөний"]
        assert "Малчин өрхүүд" in snippet.get_text()
        assert not snippet.has_attr("lang")

    def test_a_snippet_in_the_other_language_says_so(self, client, site):
        soup = soup_of(client.get("/en/search/", {"q": "өвөлжөө"}))

        snippet = soup.select_one("#results-articles ~ ol .search-result__snippet")
        assert snippet["lang"] == "mn"
        assert [m.get_text() for m in snippet.select("mark")] == ["Өвөлжөөний"]

    def test_titles_mark_the_words_found(self, client, site):
        soup = soup_of(client.get("/en/search/", {"q": "herder"}))

        assert [m.get_text() for m in soup.select("#results-articles ~ ol h3 mark")] == ["Herders"]

    def test_the_form_keeps_the_words_and_the_filters(self, client, site):
        home = soup_of(client.get("/mn/"))
        results = soup_of(
            client.get("/mn/search/", {"q": "малчид", "section": "news", "language": "mn"})
        )

        assert home.select_one("header form[role=search]")["action"] == "/mn/search/"
        assert results.select_one("#search-page-q")["value"] == "малчид"
        assert results.select_one("#search-section option[selected]")["value"] == "news"
        assert results.select_one("#search-language option[selected]")["value"] == "mn"


class TestFilters:
    def test_by_section(self, client, site):
        asked = {"q": "negotiated", "section": "analysis"}
        assert found_titles(client.get("/en/search/", asked)) == ["Copper exports negotiated again"]
        asked["section"] = "news"
        assert found_titles(client.get("/en/search/", asked)) == []

    def test_a_section_shows_articles_only(self, client, site):
        soup = soup_of(client.get("/en/search/", {"q": "herders", "section": "news"}))

        assert [h["id"] for h in soup.select("main h2")] == ["results-articles"]

    def test_by_language(self, client, site):
        assert found_titles(client.get("/en/search/", {"q": "copper", "language": "en"})) == [
            "Copper exports negotiated again"
        ]
        assert found_titles(client.get("/en/search/", {"q": "copper", "language": "mn"})) == []

    def test_by_kind(self, client, site):
        soup = soup_of(client.get("/en/search/", {"q": "herders", "type": "headlines"}))

        assert [h["id"] for h in soup.select("main h2")] == ["results-headlines"]

    @pytest.mark.parametrize("param", ["section", "language", "type"])
    def test_an_unknown_filter_value_is_ignored(self, client, site, param):
        response = client.get("/en/search/", {"q": "census", param: "nonsense"})

        assert found_titles(response) == ["Herders get ready for the census"]


class TestHostileInput:
    @pytest.mark.parametrize(
        "words",
        [
            "",
            "   ",
            "x" * 10_000,
            "малчин " * 2_000,
            "&|!():*",
            "' OR 1=1 --",
            '"quoted words"',
            "a:* & !b",
            "\\'; DROP TABLE search_articledocument; --",
            "<->",
            "\u202e\u200b",
        ],
    )
    def test_odd_queries_answer_a_page_not_an_error(self, client, site, words):
        soup = soup_of(client.get("/en/search/", {"q": words}))

        assert soup.select_one("h1").get_text() in ("Search", "Search results")

    def test_operators_between_words_are_just_spaces(self, client, site):
        assert found_titles(client.get("/en/search/", {"q": "herders & (census) | !"})) == [
            "Herders get ready for the census"
        ]

    def test_the_query_is_cut_to_its_maximum_length(self, client, site):
        soup = soup_of(client.get("/en/search/", {"q": "census " + "z" * 1000}))

        assert len(soup.select_one("#search-page-q")["value"]) == 200

    def test_markup_in_the_query_or_the_content_is_shown_as_text(self, client, section):
        ArticlePageFactory(
            parent=section,
            slug="markup",
            title_en="Copper <script>alert(1)</script> report",
            summary_en='Copper <img src=x onerror="alert(2)"> prices',
        )
        response = client.get("/en/search/", {"q": "<script>alert(1)</script> copper"})
        soup = soup_of(response)

        main = soup.select_one("main")
        assert main.select("script, img") == []
        assert "«<script>alert(1)</script> copper»" in soup.select_one(".search-summary").get_text()
        assert "<script>alert(1)</script>" in main.select_one("h3").get_text()
        assert "<script>alert" not in response.content.decode().split("<main", 1)[1]


class TestPages:
    @pytest.fixture
    def many(self, section):
        for number in range(23):
            ArticlePageFactory(
                parent=section, slug=f"census-{number}", title_en=f"Census report {number}"
            )

    def test_results_are_paged_newest_first(self, client, many):
        first = found_titles(client.get("/en/search/", {"q": "census"}))
        last = found_titles(client.get("/en/search/", {"q": "census", "page": "3"}))

        assert first == [f"Census report {n}" for n in range(22, 12, -1)]
        assert last == ["Census report 2", "Census report 1", "Census report 0"]

    def test_a_page_past_the_end_shows_the_last(self, client, many):
        assert found_titles(client.get("/en/search/", {"q": "census", "page": "99"})) == [
            "Census report 2",
            "Census report 1",
            "Census report 0",
        ]


@pytest.mark.parametrize("size", [3, 30])
def test_the_results_page_runs_a_bounded_number_of_queries(
    client, section, size, django_assert_max_num_queries
):
    author = AuthorFactory(name_en="Census Writer", kind=Author.Kind.STAFF)
    for number in range(size):
        article = ArticlePageFactory(
            parent=section, slug=f"c-{number}", title_en=f"Census {number}"
        )
        ArticleAuthor.objects.create(page=article, author=author)
        HeadlineFactory(title_en=f"CENSUS NEWS {number}")
        TopicFactory(name_en=f"Census topic {number}")
    client.get("/en/search/", {"q": "census"})  # the section menu and the site, cached

    # PostgreSQL adds a transaction and its plan settings per group (search.plans).
    with django_assert_max_num_queries(30):
        soup = soup_of(client.get("/en/search/", {"q": "census"}))
    assert len(soup.select("#results-articles ~ ol li")) == min(size, 10)


def test_past_the_counting_cap_the_page_says_more_than(client, section, monkeypatch):
    monkeypatch.setattr("search.plans.COUNT_CAP", 12)
    for number in range(15):
        ArticlePageFactory(parent=section, slug=f"c-{number}", title_en=f"Census {number}")

    soup = soup_of(client.get("/en/search/", {"q": "census"}))

    assert soup.select_one(".search-summary").get_text() == "More than 12 results for «census»"
    assert soup.select_one("#results-articles").get_text(" ", strip=True) == "Articles (12+)"
    assert len(soup.select("#results-articles ~ ol li")) == 10
