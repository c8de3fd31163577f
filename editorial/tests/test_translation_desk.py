"""The translation desk and the status panel on the article's edit page."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from headlines.factories import HeadlineFactory

from .conftest import login, make_user

pytestmark = pytest.mark.django_db

DESK = "/admin/translation-desk/"


def bilingual_article(section, **kwargs):
    article = ArticlePageFactory(
        parent=section,
        title_mn=kwargs.pop("title_mn", "Монгол гарчиг"),
        summary_mn="Товч агуулга.",
        body_mn=[("paragraph", "<p>Мэдээ.</p>")],
        **kwargs,
    )
    article.save_revision()
    return article


def english_article(section, **kwargs):
    article = ArticlePageFactory(parent=section, **kwargs)
    article.save_revision()
    return article


def edit_english(article, summary):
    draft = article.get_latest_revision_as_object()
    draft.summary_en = summary
    draft.save_revision()


@pytest.fixture
def translator(editorial):
    return make_user("translator")


def desk(client, **params):
    response = client.get(DESK, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_desk_lists_what_needs_translating(client, editorial, translator):
    untranslated = english_article(editorial, title_en="Only in English")
    bilingual_article(editorial, title_en="Done in both")
    behind = bilingual_article(editorial, title_en="Changed since")
    edit_english(behind, "A new English summary.")
    HeadlineFactory(title_en="HEADLINE WITHOUT MONGOLIAN")
    HeadlineFactory(title_en="TRANSLATED HEADLINE", title_mn="ОРЧУУЛСАН ГАРЧИГ")

    login(client, translator)
    page = desk(client)
    assert "Only in English" in page
    assert reverse("wagtailadmin_pages:edit", args=[untranslated.pk]) in page
    assert "Changed since" in page
    assert "Out of date" in page
    assert "HEADLINE WITHOUT MONGOLIAN" in page
    assert "Done in both" not in page
    assert "TRANSLATED HEADLINE" not in page


def test_the_desk_filters_by_language_section_and_state(client, editorial, home_page, translator):
    analysis = ArticleIndexPageFactory(parent=home_page, title_en="Analysis", slug="analysis")
    english_article(editorial, title_en="News in English")
    english_article(analysis, title_en="Analysis in English")
    # English title and summary are required, but the English body can still be missing.
    bilingual_article(editorial, title_en="Mongolian first", body_en=[])
    HeadlineFactory(title_en="A HEADLINE")

    login(client, translator)
    mongolian_work = desk(client, language="mn")
    assert "News in English" in mongolian_work
    assert "Mongolian first" not in mongolian_work

    english_work = desk(client, language="en")
    assert "Mongolian first" in english_work
    assert "News in English" not in english_work

    in_analysis = desk(client, section=str(analysis.pk))
    assert "Analysis in English" in in_analysis
    assert "News in English" not in in_analysis
    assert "A HEADLINE" not in in_analysis

    only_headlines = desk(client, section="headlines")
    assert "A HEADLINE" in only_headlines
    assert "News in English" not in only_headlines

    assert "News in English" not in desk(client, state="out_of_date")


def test_the_desk_runs_a_fixed_number_of_queries(client, editorial, translator):
    login(client, translator)

    def queries():
        cache.clear()
        client.force_login(translator)
        with CaptureQueriesContext(connection) as captured:
            desk(client)
        return len(captured)

    english_article(editorial)
    HeadlineFactory()
    few = queries()
    for _ in range(8):
        behind = bilingual_article(editorial)
        edit_english(behind, "Changed.")
        english_article(editorial)
        HeadlineFactory()
    assert queries() == few


def test_the_desk_is_refused_to_writers_and_not_in_their_menu(client, editorial, translator):
    writer = make_user("writer")
    english_article(editorial, title_en="Secret draft title")
    login(client, writer)
    response = client.get(DESK, follow=True)
    assert "Secret draft title" not in response.content.decode()
    assert "permission" in response.content.decode()
    assert DESK not in client.get("/admin/").content.decode()

    login(client, translator)
    assert DESK in client.get("/admin/").content.decode()


def test_the_edit_page_shows_the_translation_status(client, editorial, translator):
    article = english_article(editorial, title_en="Only in English")
    login(client, translator)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "Translation status" in page
    assert 'data-language="mn" data-state="missing"' in page
    assert 'data-language="en" data-state="complete"' in page
