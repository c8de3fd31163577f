"""A password- or login-protected story is for the readers it was shared with: it never shows
in a listing, on the home page, in search, or in the header."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory, TopicFactory
from articles.models import ArticleAuthor
from authors.factories import AuthorFactory

pytestmark = pytest.mark.django_db


def visible_text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


@pytest.fixture
def stories(section, home_page):
    author = AuthorFactory(name_en="Tuya Bat", slug="tuya-bat")
    topic = TopicFactory(name_en="Mining", slug="mining")
    stories = {
        "open": ArticlePageFactory(
            parent=section, title_en="Open copper story", summary_en="Copper for everyone."
        ),
        "private": ArticlePageFactory(
            parent=section, title_en="Secret copper story", summary_en="Copper for a few."
        ),
    }
    for story in stories.values():
        ArticleAuthor.objects.create(page=story, author=author)
        story.topics.add(topic)
        story.save_revision().publish()
    PageViewRestriction.objects.create(
        page=stories["private"], restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    home_page.lead_article = stories["private"]
    home_page.save_revision().publish()
    return stories


@pytest.mark.parametrize(
    "address",
    [
        "/en/",
        "/en/news/",
        "/en/authors/tuya-bat/",
        "/en/topics/mining/",
        "/en/search/?q=copper",
        "/mn/",
        "/mn/news/",
        "/mn/search/?q=copper",
    ],
)
def test_a_protected_story_is_not_listed(client, stories, address):
    text = visible_text(client.get(address))

    assert "Open copper story" in text
    assert "Secret copper story" not in text
    assert "Copper for a few" not in text


def test_the_protected_story_itself_still_asks_for_its_password(client, stories):
    response = client.get(stories["private"].url)

    assert response.status_code == 200
    assert "Secret copper story" not in visible_text(response)
    assert BeautifulSoup(response.content, "html.parser").select_one("input[name=password]")


def test_a_protected_section_is_not_in_the_header(client, home_page, section):
    hidden = ArticleIndexPageFactory(parent=home_page, title_en="Members only", slug="members")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)

    header = BeautifulSoup(client.get("/en/").content, "html.parser").select_one(
        "header nav.site-nav"
    )

    assert "News" in header.get_text()
    assert "Members only" not in header.get_text()
