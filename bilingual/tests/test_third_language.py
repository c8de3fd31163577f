"""A language added to the table reaches the switcher, the page chrome and the fallback reading.

With `third_language` (root conftest) the table and settings gain Kazakh and nothing else
changes. What still needs more than the table, and so is not tested here: `xxx_kk` columns
for translated fields (MODELTRANSLATION_LANGUAGES is read at start-up, then a migration),
`language` columns of two characters for a longer code, and a locale/kk catalogue.
"""

import pytest
from bs4 import BeautifulSoup

from articles.factories import ArticlePageFactory


@pytest.fixture
def article(section, third_language):
    return ArticlePageFactory(
        parent=section,
        slug="dialogue",
        title_en="Ulaanbaatar Dialogue",
        title_mn="Улаанбаатарын яриа хэлэлцээ",
        summary_mn="Товч",
        body_mn=[("paragraph", "<p>Монгол бичвэр.</p>")],
    )


def test_the_switcher_offers_the_new_language_at_the_same_place(client, article):
    page = BeautifulSoup(client.get("/en/news/dialogue/").content, "html.parser")

    assert [(a.get_text(strip=True), a["href"]) for a in page.select(".language-switcher a")] == [
        ("Монгол", "/language/mn/?next=/mn/news/dialogue/"),
        ("Қазақша", "/language/kk/?next=/kk/news/dialogue/"),
    ]
    assert client.get("/language/kk/?next=/en/news/dialogue/")["Location"] == "/kk/news/dialogue/"


def test_a_page_in_the_new_language_falls_back_and_says_so(client, article):
    page = BeautifulSoup(client.get("/kk/news/dialogue/").content, "html.parser")

    assert page.html["lang"] == "kk"
    # The link preview speaks the language of the story's text; the section's, the page's.
    assert page.select_one('meta[property="og:locale"]')["content"] == "en_GB"
    section = BeautifulSoup(client.get("/kk/news/").content, "html.parser")
    assert section.select_one('meta[property="og:locale"]')["content"] == "kk_KZ"
    assert page.select_one(".language-switcher [aria-current]").get_text() == "Қазақша"
    title = page.select_one("h1")
    assert (title.get_text(strip=True), title.get("lang")) == ("Ulaanbaatar Dialogue", "en")
    # Alternates name the languages the story is written in, never the one falling back.
    assert [link["hreflang"] for link in page.select('link[rel="alternate"][hreflang]')] == [
        "en",
        "mn",
        "x-default",
    ]
