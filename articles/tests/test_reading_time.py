"""Reading time: the body's words in the language shown, at that language's rate, counted
once per published revision."""

import pytest
from bs4 import BeautifulSoup

from articles import reading_time
from articles.factories import ArticlePageFactory
from bilingual.languages import get_language_info

pytestmark = pytest.mark.django_db


def words(count: int, word: str) -> list:
    """A body of `count` words: two paragraphs and a heading."""
    third = count // 3
    return [
        ("paragraph", "<p>" + " ".join([word] * third) + "</p>"),
        ("heading", " ".join([word] * third)),
        ("paragraph", "<p><b>" + " ".join([word] * (count - 2 * third)) + "</b></p>"),
    ]


def shown(client, address) -> str:
    response = client.get(address)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return page.select_one(".article__header .article__reading-time").get_text(strip=True)


def publish(page):
    """As the workflow does: a revision, published (so the page has a live revision)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_the_rates_read_mongolian_slower_in_words(settings):
    assert get_language_info("en").reading_rate == 230
    assert get_language_info("mn").reading_rate < get_language_info("en").reading_rate


def test_minutes_follow_each_languages_rate(client, section):
    publish(
        ArticlePageFactory(
            parent=section,
            slug="census",
            body_en=words(1150, "herders"),  # 1,150 / 230 = 5 minutes
            title_mn="Тооллого",
            summary_mn="Товч.",
            body_mn=words(850, "малчдын"),  # 850 / 170 = 5 minutes
        )
    )

    assert shown(client, "/en/news/census/") == "5 min read"
    assert shown(client, "/mn/news/census/") == "5 минут унших"


def test_an_untranslated_story_is_timed_in_the_language_of_its_text(client, section):
    # 690 English words: 3 minutes at 230 a minute (690 / 170 would make it 4).
    publish(ArticlePageFactory(parent=section, slug="english", body_en=words(690, "mining")))

    assert shown(client, "/mn/news/english/") == "3 минут унших"


def test_a_short_story_takes_a_minute(client, section):
    publish(ArticlePageFactory(parent=section, slug="brief", body_en=words(12, "brief")))

    assert shown(client, "/en/news/brief/") == "1 min read"


def test_counted_at_publication_not_in_readers_requests(client, section, monkeypatch, settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request reaches the view
    page = publish(ArticlePageFactory(parent=section, slug="once", body_en=words(460, "word")))

    def no_counting(*args):
        raise AssertionError("counted in a reader's request")

    monkeypatch.setattr(reading_time, "count_words", no_counting)
    assert shown(client, "/en/news/once/") == "2 min read"
    monkeypatch.undo()

    # A new revision is counted anew.
    page.body_en = words(920, "word")
    publish(page)
    assert shown(client, "/en/news/once/") == "4 min read"


def test_a_preview_counts_its_draft(client, section):
    page = publish(ArticlePageFactory(parent=section, slug="draft", body_en=words(230, "word")))
    page.body_en = words(1380, "word")

    response = page.make_preview_request()
    response.render()
    preview = BeautifulSoup(response.content, "html.parser")
    assert preview.select_one(".article__reading-time").get_text(strip=True) == "6 min read"
    assert shown(client, "/en/news/draft/") == "1 min read"
