"""Related articles under every story: most shared topics first, then the section's newest,
then the site's; live public stories only, never the story itself; cached until an article
changes, in a fixed number of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory, TopicFactory

pytestmark = pytest.mark.django_db
# An article page read with nothing cached (its route, fragments and related block made
# afresh), at any size; once cached, one query (portal/tests/test_reading_lookup.py).
RELATED_PAGE_QUERIES = 16


def day(n: int):
    return timezone.make_aware(datetime.datetime(2025, 1, 1)) + datetime.timedelta(days=n)


def publish(page):
    """As the workflow does: the page then has a live revision, and its blocks are cached."""
    page.save_revision().publish()
    return page


def related_titles(client, address) -> list[str]:
    response = client.get(address)
    assert response.status_code == 200, address
    page = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in page.select(".related .card__title a")]


@pytest.fixture
def newsroom_stories(section, home_page):
    """A story with two topics, and stories related to it in every way, and not."""
    economy, mining = TopicFactory(slug="economy"), TopicFactory(slug="mining")
    opinion = ArticleIndexPageFactory(parent=home_page, slug="opinion", title_en="Opinion")

    def story(slug, parent=section, topics=(), **fields):
        page = ArticlePageFactory(parent=parent, slug=slug, title_en=slug.title(), **fields)
        page.topics.set(topics)
        page.save()  # topics are a page's own field: kept in memory until saved
        if page.live:
            publish(page)
        return page

    story("subject", topics=[economy, mining], published_at=day(1))
    story("both-topics", parent=opinion, topics=[economy, mining], published_at=day(2))
    story("one-topic", parent=opinion, topics=[mining], published_at=day(9))
    story("same-section", published_at=day(10))
    story("elsewhere", parent=opinion, published_at=day(8))
    story("older-elsewhere", parent=opinion, published_at=day(3))
    story("draft", topics=[economy, mining], published_at=day(11), live=False)
    private = story("private", topics=[economy, mining], published_at=day(12))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {"economy": economy, "mining": mining, "opinion": opinion, "story": story}


def test_shared_topics_first_then_the_section_then_the_newest(client, newsroom_stories):
    assert related_titles(client, "/en/news/subject/") == [
        "Both-Topics",  # two topics shared, though older
        "One-Topic",
        "Same-Section",
        "Elsewhere",  # the newest left anywhere
    ]


def test_in_mongolian_the_block_is_named_in_mongolian(client, newsroom_stories):
    response = client.get("/mn/news/subject/")
    page = BeautifulSoup(response.content, "html.parser")
    block = page.select_one("aside.related")
    assert block.select_one("h2").get_text() == "Холбоотой нийтлэлүүд"
    assert block["aria-labelledby"] == block.select_one("h2")["id"]
    # The stories are English only: their cards say so.
    assert {a["lang"] for a in block.select(".card__title a")} == {"en"}


def test_never_itself_nor_drafts_nor_private_stories(client, newsroom_stories):
    for address in ("/en/news/subject/", "/en/news/same-section/", "/en/opinion/one-topic/"):
        titles = related_titles(client, address)
        assert len(titles) == 4
        assert not {"Draft", "Private"} & set(titles)
        assert address.split("/")[-2].title() not in titles


def test_a_lone_story_has_no_block(client, section):
    ArticlePageFactory(parent=section, slug="alone")
    response = client.get("/en/news/alone/")
    assert b'class="related"' not in response.content


class TestTheBlockFollowsChanges:
    """The block is cached (fragment and whole page); each change shows at the next read."""

    def test_a_story_published_with_shared_topics_comes_first(
        self, client, newsroom_stories, django_capture_on_commit_callbacks
    ):
        related_titles(client, "/en/news/subject/")
        related_titles(client, "/en/opinion/one-topic/")
        with django_capture_on_commit_callbacks(execute=True):
            newer = newsroom_stories["story"](
                "breaking",
                topics=[newsroom_stories["economy"], newsroom_stories["mining"]],
                published_at=day(20),
            )
            newer.save_revision().publish()
        assert related_titles(client, "/en/news/subject/")[0] == "Breaking"
        assert related_titles(client, "/en/opinion/one-topic/")[0] == "Breaking"

    def test_an_unpublished_story_leaves_every_block(
        self, client, newsroom_stories, django_capture_on_commit_callbacks
    ):
        from articles.models import ArticlePage

        assert "Both-Topics" in related_titles(client, "/en/news/subject/")
        with django_capture_on_commit_callbacks(execute=True):
            ArticlePage.objects.get(slug="both-topics").unpublish()
        assert "Both-Topics" not in related_titles(client, "/en/news/subject/")

    def test_a_moved_story_is_linked_at_its_new_address(
        self, client, newsroom_stories, django_capture_on_commit_callbacks, home_page
    ):
        from articles.models import ArticlePage

        def links():
            page = BeautifulSoup(client.get("/en/news/subject/").content, "html.parser")
            return [a["href"] for a in page.select(".related .card__title a")]

        assert "/en/news/same-section/" in links()
        world = ArticleIndexPageFactory(parent=home_page, slug="world", title_en="World")
        with django_capture_on_commit_callbacks(execute=True):
            ArticlePage.objects.get(slug="same-section").move(world, pos="last-child")
        assert "/en/news/same-section/" not in links()
        assert "/en/world/same-section/" in links()  # now the newest of the site

    def test_a_story_given_a_shared_topic_rises(
        self, client, newsroom_stories, django_capture_on_commit_callbacks
    ):
        from articles.models import ArticlePage

        assert related_titles(client, "/en/news/subject/")[3] == "Elsewhere"
        older = ArticlePage.objects.get(slug="older-elsewhere")
        older.topics.set([newsroom_stories["economy"]])
        with django_capture_on_commit_callbacks(execute=True):
            older.save_revision().publish()
        assert related_titles(client, "/en/news/subject/")[:3] == [
            "Both-Topics",
            "One-Topic",
            "Older-Elsewhere",
        ]

    def test_a_renamed_author_shows_on_the_cards(self, client, section, settings):
        from articles.models import ArticleAuthor
        from authors.factories import AuthorFactory

        settings.PAGE_CACHE_SECONDS = 0  # the fragment, not the whole page, is under test
        author = AuthorFactory(name_en="Zorigtbaatar", slug="writer")
        publish(ArticlePageFactory(parent=section, slug="first"))
        second = ArticlePageFactory(parent=section, slug="second")
        ArticleAuthor.objects.create(page=second, author=author)
        publish(second)
        assert "Zorigtbaatar" in client.get("/en/news/first/").content.decode()

        author.name_en = "Oyungerel"
        author.save()
        assert "Oyungerel" in client.get("/en/news/first/").content.decode()


@pytest.mark.parametrize("stories", [6, 40])
def test_queries_do_not_grow_with_the_number_of_stories(
    client, section, stories, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    topic = TopicFactory()
    for n in range(stories):
        ArticlePageFactory(parent=section, slug=f"story-{n}", topics=[topic])
    publish(ArticlePageFactory(parent=section, slug="subject", topics=[topic]))

    # The block's first reading (the fragment cache empty): a fixed number of queries.
    with django_assert_max_num_queries(RELATED_PAGE_QUERIES):
        titles = related_titles(client, "/en/news/subject/")
    assert len(titles) == 4
