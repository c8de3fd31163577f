import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory, TopicFactory
from articles.models import ArticleAuthor
from authors.factories import AuthorFactory

pytestmark = pytest.mark.django_db


def card_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select(".card__title a")]


class TestListings:
    """Listings of the News section, built once for the class; each test adds its articles."""

    def test_section_lists_its_articles_newest_first_with_pagination(self, client, section):
        for number in range(12):
            ArticlePageFactory(
                parent=section, title_en=f"Story {number:02d}", slug=f"story-{number}"
            )

        first = card_titles(client.get("/en/news/"))
        second = card_titles(client.get("/en/news/?page=2"))

        assert first == [f"Story {n:02d}" for n in range(11, 1, -1)]
        assert second == ["Story 01", "Story 00"]
        nav = BeautifulSoup(client.get("/mn/news/?page=2").content, "html.parser")
        assert " ".join(nav.select_one(".pagination").get_text().split()) == "Өмнөх 2 хуудасны 2"

    @pytest.mark.parametrize("bad_page", ["abc", "-1", "0", "2", "999", "1.5"])
    def test_a_page_number_that_names_no_page_is_not_found(self, client, section, bad_page):
        ArticlePageFactory(parent=section, title_en="The only story")

        response = client.get(f"/en/news/?page={bad_page}")

        assert response.status_code == 404
        assert card_titles(response) == []
        assert card_titles(client.get("/en/news/?page=last")) == ["The only story"]

    def test_drafts_and_other_sections_are_not_listed(self, client, section, home_page):
        other = ArticleIndexPageFactory(parent=home_page, title_en="Opinion", slug="opinion")
        ArticlePageFactory(parent=section, title_en="Published here")
        ArticlePageFactory(parent=section, title_en="Draft here", live=False)
        ArticlePageFactory(parent=other, title_en="Published elsewhere")

        assert card_titles(client.get("/en/news/")) == ["Published here"]

    def test_section_listing_runs_the_same_queries_for_3_or_13_articles(self, client, section):
        author = AuthorFactory()
        topic = TopicFactory()

        def add_articles(count):
            for _ in range(count):
                article = ArticlePageFactory(parent=section)
                ArticleAuthor.objects.create(page=article, author=author)
                article.topics.add(topic)
                article.save()

        def queries_for_listing():
            client.get("/en/news/")  # warm the per-language site root cache
            with CaptureQueriesContext(connection) as queries:
                client.get("/en/news/")
            return len(queries)

        add_articles(3)
        few = queries_for_listing()
        add_articles(10)
        many = queries_for_listing()

        assert few == many

    def test_author_page_lists_only_their_published_articles(self, client, section):
        author = AuthorFactory(
            name_en="Bolor Lkhaajav", name_mn="Лхаажавын Болор", slug="bolor", bio_mn="Судлаач."
        )
        mine = ArticlePageFactory(parent=section, title_en="Mine", title_mn="Минийх")
        ArticleAuthor.objects.create(page=mine, author=author)
        draft = ArticlePageFactory(parent=section, title_en="My draft", live=False)
        ArticleAuthor.objects.create(page=draft, author=author)
        ArticlePageFactory(parent=section, title_en="Someone else's")

        english = client.get("/en/authors/bolor/")
        mongolian = BeautifulSoup(client.get("/mn/authors/bolor/").content, "html.parser")

        assert card_titles(english) == ["Mine"]
        assert mongolian.select_one(".author-box__name").get_text() == "Лхаажавын Болор"
        assert mongolian.select_one(".author-box__bio").get_text() == "Судлаач."
        assert [a.get_text() for a in mongolian.select(".card__title a")] == ["Минийх"]

    def test_topic_page_lists_articles_on_that_topic(self, client, section):
        topic = TopicFactory(name_en="Mining", name_mn="Уул уурхай", slug="mining")
        on_topic = ArticlePageFactory(parent=section, title_en="Copper")
        on_topic.topics.add(topic)
        on_topic.save()  # a ParentalManyToManyField is written when the page is saved
        ArticlePageFactory(parent=section, title_en="Weather")

        page = BeautifulSoup(client.get("/mn/topics/mining/").content, "html.parser")

        assert page.select_one("h1").get_text() == "Уул уурхай"
        assert [a.get_text() for a in page.select(".card__title a")] == ["Copper"]
        assert page.select_one(".card__title a")["lang"] == "en"

    def test_author_page_headings_run_in_order(self, client, section):
        author = AuthorFactory(name_en="Bolor Lkhaajav", slug="bolor")
        ArticleAuthor.objects.create(page=ArticlePageFactory(parent=section), author=author)

        page = BeautifulSoup(client.get("/en/authors/bolor/").content, "html.parser")

        headings = [tag.name for tag in page.select("main h1, main h2, main h3")]
        assert headings[:3] == ["h1", "h2", "h3"]
        assert page.select_one("main h1").get_text(strip=True) == "Bolor Lkhaajav"
