"""Every change readers could see is found by the next search, and what they cannot see is
not: publishing, unpublishing, deleting, privacy, bylines, renames, headline imports."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from articles.factories import ArticlePageFactory, TopicFactory
from articles.models import ArticleAuthor, ArticlePage
from authors.factories import AuthorFactory
from authors.models import Author
from headlines.factories import HeadlineFactory
from headlines.ingest.pipeline import run_import
from search.models import ArticleDocument, AuthorDocument, HeadlineDocument, TopicDocument

pytestmark = pytest.mark.django_db


def found(client, words, kind="articles", language="en"):
    """The titles or names a reader finds in one group of the results."""
    soup = BeautifulSoup(client.get(f"/{language}/search/", {"q": words}).content, "html.parser")
    group = soup.select_one(f"section[aria-labelledby=results-{kind}]")
    if group is None:
        return []
    return [a.get_text() for a in group.select(".card__title a, .search-result__title")]


@pytest.fixture
def article(section):
    return ArticlePageFactory(parent=section, slug="yaks", title_en="Yak herds grow")


class TestArticles:
    def test_a_published_change_is_found_and_the_old_words_are_not(self, client, article):
        page = ArticlePage.objects.get(pk=article.pk)
        page.title_en = "Camel herds grow"
        page.save_revision().publish()

        assert found(client, "camel") == ["Camel herds grow"]
        assert found(client, "yak") == []

    def test_a_draft_change_is_not_found_until_published(self, client, article):
        page = ArticlePage.objects.get(pk=article.pk)
        page.title_en = "Camel herds grow"
        revision = page.save_revision()

        assert found(client, "camel") == []
        assert found(client, "yak") == ["Yak herds grow"]
        revision.publish()
        assert found(client, "camel") == ["Camel herds grow"]

    def test_a_new_article_is_found_once_published(self, client, section):
        page = ArticlePageFactory.build(slug="new", title_en="Fresh snow", live=False)
        section.add_child(instance=page)
        assert found(client, "snow") == []

        page.save_revision().publish()
        assert found(client, "snow") == ["Fresh snow"]

    def test_an_unpublished_article_is_no_longer_found(self, client, article):
        ArticlePage.objects.get(pk=article.pk).unpublish()

        assert found(client, "yak") == []
        assert not ArticleDocument.objects.filter(article=article.pk).exists()

    def test_a_deleted_article_is_no_longer_found(self, client, article):
        ArticlePage.objects.get(pk=article.pk).delete()

        assert found(client, "yak") == []
        assert not ArticleDocument.objects.exists()

    def test_a_private_article_is_not_found_and_is_again_when_public(self, client, article):
        restriction = PageViewRestriction.objects.create(
            page=article, restriction_type="password", password="s3cret"
        )
        assert found(client, "yak") == []

        restriction.delete()
        assert found(client, "yak") == ["Yak herds grow"]

    def test_a_private_section_hides_its_articles(self, client, article, section):
        PageViewRestriction.objects.create(page=section, restriction_type="login")

        assert found(client, "yak") == []

    def test_moving_an_article_files_it_under_its_new_section(self, client, article, home_page):
        from articles.factories import ArticleIndexPageFactory

        analysis = ArticleIndexPageFactory(parent=home_page, slug="analysis", title_en="Analysis")
        ArticlePage.objects.get(pk=article.pk).move(analysis, pos="last-child")

        assert found(client, "yak") == ["Yak herds grow"]
        assert ArticleDocument.objects.get(article=article.pk).section_id == analysis.pk


@pytest.mark.usefixtures("section")  # the site the results page is read on
class TestAuthors:
    def test_a_guest_is_found_once_a_piece_of_theirs_is_published(self, client, section):
        guest = AuthorFactory(name_en="Oyuna Bat", slug="oyuna", kind=Author.Kind.GUEST)
        assert found(client, "oyuna", "authors") == []

        page = ArticlePageFactory.build(slug="piece", title_en="A piece", live=False)
        section.add_child(instance=page)
        page.article_authors.add(ArticleAuthor(author=guest))
        page.save_revision().publish()
        assert found(client, "oyuna", "authors") == ["Oyuna Bat"]

        ArticlePage.objects.get(pk=page.pk).unpublish()
        assert found(client, "oyuna", "authors") == []

    def test_a_guest_whose_only_piece_is_deleted_is_no_longer_found(self, client, article):
        guest = AuthorFactory(name_en="Oyuna Bat", slug="oyuna", kind=Author.Kind.GUEST)
        ArticleAuthor.objects.create(page=article, author=guest)
        assert found(client, "oyuna", "authors") == ["Oyuna Bat"]

        ArticlePage.objects.get(pk=article.pk).delete()
        assert found(client, "oyuna", "authors") == []

    def test_renaming_an_author_changes_what_finds_them(self, client):
        author = AuthorFactory(
            name_en="Tsetseg Dorj", slug="tsetseg", kind=Author.Kind.STAFF, bio_en=""
        )
        author.name_en = "Tsetseg Ganbold"
        author.save()

        assert found(client, "ganbold", "authors") == ["Tsetseg Ganbold"]
        assert found(client, "dorj", "authors") == []

    def test_a_deleted_author_is_no_longer_found(self, client):
        author = AuthorFactory(name_en="Tsetseg Dorj", slug="tsetseg", kind=Author.Kind.STAFF)
        author.delete()

        assert found(client, "tsetseg", "authors") == []
        assert not AuthorDocument.objects.exists()


@pytest.mark.usefixtures("section")  # the site the results page is read on
class TestTopics:
    def test_renaming_a_topic_changes_what_finds_it(self, client):
        topic = TopicFactory(name_en="Mining", name_mn="Уул уурхай", slug="mining")
        topic.name_mn = "Уул уурхайн салбар"
        topic.save()

        assert found(client, "салбарын", "topics", "mn") == ["Уул уурхайн салбар"]

    def test_a_deleted_topic_is_no_longer_found(self, client):
        TopicFactory(name_en="Mining", slug="mining").delete()

        assert found(client, "mining", "topics") == []
        assert not TopicDocument.objects.exists()


@pytest.mark.usefixtures("section")  # the site the results page is read on
class TestHeadlines:
    def test_publishing_and_unpublishing_a_headline(self, client):
        headline = HeadlineFactory(title_en="GOATS CROSS THE STEPPE", live=False)
        assert found(client, "goats", "headlines") == []

        headline.save_revision().publish()
        assert found(client, "goat", "headlines") == ["GOATS CROSS THE STEPPE"]

        headline.refresh_from_db()
        headline.unpublish()
        assert found(client, "goat", "headlines") == []

    def test_editing_and_deleting_a_headline(self, client):
        headline = HeadlineFactory(title_en="GOATS CROSS THE STEPPE")
        headline.title_en = "SHEEP CROSS THE STEPPE"
        headline.save()
        assert found(client, "goats", "headlines") == []
        assert found(client, "sheep", "headlines") == ["SHEEP CROSS THE STEPPE"]

        headline.delete()
        assert found(client, "sheep", "headlines") == []
        assert not HeadlineDocument.objects.exists()

    def test_imported_headlines_are_found(self, client):
        lines = (
            "YAKS RETURN TO THE VALLEY MONTSAME.MN PUBLISHED:2025/12/05\n"
            "САРЛАГУУД ХӨНДИЙД БУЦАЖ ИРЭВ MONTSAME.MN НИЙТЭЛСЭН:2025/12/05\n"
        )
        run_import(lines, format="lines", publish=True)

        assert found(client, "yak", "headlines") == ["YAKS RETURN TO THE VALLEY"]
        assert found(client, "сарлагуудын", "headlines", "mn") == ["САРЛАГУУД ХӨНДИЙД БУЦАЖ ИРЭВ"]

    def test_imported_drafts_are_not_found(self, client):
        run_import("YAKS RETURN MONTSAME.MN PUBLISHED:2025/12/05\n", format="lines")

        assert found(client, "yak", "headlines") == []


def test_rebuilding_finds_what_bulk_writes_left_out(client, article):
    ArticlePage.objects.filter(pk=article.pk).update(title_en="Camel herds grow")  # no signal
    HeadlineFactory(title_en="GOATS CROSS THE STEPPE")
    HeadlineDocument.objects.all().delete()
    assert found(client, "camel") == []

    call_command("rebuild_search_index", "--batch-size", "1", stdout=open("/dev/null", "w"))

    assert found(client, "camel") == ["Camel herds grow"]
    assert found(client, "goats", "headlines") == ["GOATS CROSS THE STEPPE"]


def test_a_fresh_rebuild_gives_the_same_index(client, article):
    TopicFactory(name_en="Mining", slug="mining")
    before = sorted(ArticleDocument.objects.values_list("article_id", "stems", "languages"))

    call_command("rebuild_search_index", "--fresh", stdout=open("/dev/null", "w"))

    assert sorted(ArticleDocument.objects.values_list("article_id", "stems", "languages")) == before
    assert found(client, "mining", "topics") == ["Mining"]
