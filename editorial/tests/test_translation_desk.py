"""The translation desk and the status panel on the article's edit page."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import TaskState

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from bilingual import translation_status
from editorial import translation_desk
from editorial.workflow import TRANSLATION_TASK
from headlines.factories import HeadlineFactory, SourceFactory

from .conftest import login

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
def translator(newsroom, make_role_user):
    return make_role_user("translator")


def desk(client, **params):
    response = client.get(DESK, params)
    assert response.status_code == 200
    return response.content.decode()


class TestTranslationDesk:
    """The desk over one newsroom, built once for the class."""

    def test_the_desk_lists_what_needs_translating(self, client, newsroom, translator):
        untranslated = english_article(newsroom, title_en="Only in English")
        bilingual_article(newsroom, title_en="Done in both")
        behind = bilingual_article(newsroom, title_en="Changed since")
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
        assert "most recently revised" not in page

    def test_the_desk_says_when_older_items_were_not_checked_for_being_behind(
        self, client, newsroom, translator, monkeypatch
    ):
        monkeypatch.setattr(translation_desk, "OUT_OF_DATE_CANDIDATES", 1)
        older = bilingual_article(newsroom, title_en="Behind long ago")
        edit_english(older, "An older English change.")
        newer = bilingual_article(newsroom, title_en="Behind just now")
        edit_english(newer, "A newer English change.")

        login(client, translator)
        page = desk(client)

        assert "Behind just now" in page
        assert "Behind long ago" not in page
        assert "Out-of-date translations were looked for among the 1 most recently" in page

    def test_the_desk_filters_by_language_section_and_state(
        self, client, newsroom, home_page, translator
    ):
        analysis = ArticleIndexPageFactory(parent=home_page, title_en="Analysis", slug="analysis")
        english_article(newsroom, title_en="News in English")
        english_article(analysis, title_en="Analysis in English")
        # English title and summary are required, but the English body can still be missing.
        bilingual_article(newsroom, title_en="Mongolian first", body_en=[])
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

        only_headlines = desk(client, kind="headline")
        assert "A HEADLINE" in only_headlines
        assert "News in English" not in only_headlines

        only_articles = desk(client, kind="article")
        assert "News in English" in only_articles
        assert "A HEADLINE" not in only_articles

        assert "News in English" not in desk(client, status="out_of_date")

    def test_the_desk_runs_a_fixed_number_of_queries(self, client, newsroom, translator):
        login(client, translator)

        def queries():
            cache.clear()
            client.force_login(translator)
            with CaptureQueriesContext(connection) as captured:
                desk(client)
            return len(captured)

        # One of each: missing, behind, and a headline.
        english_article(newsroom)
        edit_english(bilingual_article(newsroom), "Changed.")
        HeadlineFactory()
        few = queries()
        for _ in range(8):
            behind = bilingual_article(newsroom)
            edit_english(behind, "Changed.")
            english_article(newsroom)
            HeadlineFactory()
        assert queries() == few

    def test_the_desk_is_refused_to_writers_and_not_in_their_menu(
        self, client, newsroom, translator, make_role_user
    ):
        writer = make_role_user("writer")
        english_article(newsroom, title_en="Secret draft title")
        login(client, writer)
        response = client.get(DESK, follow=True)
        assert "Secret draft title" not in response.content.decode()
        assert "permission" in response.content.decode()
        assert DESK not in client.get("/admin/").content.decode()

        login(client, translator)
        assert DESK in client.get("/admin/").content.decode()

    def test_the_edit_page_shows_the_translation_status(self, client, newsroom, translator):
        article = english_article(newsroom, title_en="Only in English")
        login(client, translator)
        page = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
        assert "Translation status" in page
        assert 'data-language="mn" data-state="missing"' in page
        assert 'data-language="en" data-state="complete"' in page

    def test_empty_markup_counts_as_missing(self, client, newsroom, translator):
        article = ArticlePageFactory(
            parent=newsroom,
            title_en="Blank Mongolian text",
            title_mn="Хоосон",
            summary_mn="<p> </p>",
            body_mn=[("paragraph", "<p></p>"), ("paragraph", '<p data-block-key="k1"><br/></p>')],
        )
        article.save_revision()
        ArticlePageFactory(  # no revision: the page's own columns are read
            parent=newsroom,
            title_en="Blank without revisions",
            title_mn="Хоосон",
            summary_mn=" ",
            body_mn=[("paragraph", "<p> </p>")],
        )

        login(client, translator)
        page = desk(client, status="missing", language="mn")
        assert "Blank Mongolian text" in page
        assert "Blank without revisions" in page
        assert "summary, body" in page
        assert "Blank Mongolian text" not in desk(client, status="missing", language="en")

    def test_blank_characters_and_empty_blocks_count_as_missing_as_the_task_says(
        self, client, newsroom, translator
    ):
        written_body = [("paragraph", "<p>Мэдээ.</p>")]
        blank_body = [
            ("paragraph", "<p>\xa0</p>"),
            ("paragraph", "<p>\n \u2003</p>"),
            ("quote", {"quote": "", "attribution": ""}),
        ]
        blank_summary = ArticlePageFactory(
            parent=newsroom, title_en="Blank summary", title_mn="Хоосон", summary_mn="\xa0 \u3000",
            body_mn=written_body,
        )  # fmt: skip
        blank_body_revised = ArticlePageFactory(
            parent=newsroom, title_en="Blank body, revised", title_mn="Хоосон", summary_mn="Товч",
            body_mn=blank_body,
        )  # fmt: skip
        blank_body_revised.save_revision()
        ArticlePageFactory(  # no revision: the page's own columns are read
            parent=newsroom, title_en="Blank body, never revised", title_mn="Хоосон",
            summary_mn="Товч", body_mn=blank_body,
        )  # fmt: skip

        login(client, translator)
        page = desk(client, status="missing", language="mn")

        assert blank_summary.missing_fields() == {"mn": ("summary",)}
        assert blank_body_revised.missing_fields() == {"mn": ("body",)}
        for title in ("Blank summary", "Blank body, revised", "Blank body, never revised"):
            assert title in page

    def test_the_desk_builds_only_the_rows_of_the_page_it_shows(
        self, client, newsroom, translator, monkeypatch
    ):
        """Many untranslated headlines: counted in the database, one page of them read."""
        monkeypatch.setattr("editorial.views.ROWS_PER_PAGE", 5)
        source = SourceFactory(domain="www.montsame.mn")
        for number in range(12):
            HeadlineFactory(title_en=f"UNTRANSLATED NUMBER {number:02}", source=source)
        statuses_asked_for = []
        real_statuses_for = translation_status.statuses_for

        def counting_statuses_for(model, items, fields):
            statuses_asked_for.append(len(items))
            return real_statuses_for(model, items, fields)

        monkeypatch.setattr(translation_desk, "statuses_for", counting_statuses_for)
        login(client, translator)

        with CaptureQueriesContext(connection) as captured:
            first = desk(client, kind="headline")
        assert "12 items need translation work." in first
        assert "Page 1 of 3" in first
        assert len(re.findall("UNTRANSLATED NUMBER", first)) == 5
        headline_reads = [
            q["sql"] for q in captured.captured_queries if '"headlines_source"."domain"' in q["sql"]
        ]
        assert len(headline_reads) == 1 and "LIMIT 5" in headline_reads[0]
        assert max(statuses_asked_for) <= 5

        last = desk(client, kind="headline", p="3")
        assert len(re.findall("UNTRANSLATED NUMBER", last)) == 2
        assert "UNTRANSLATED NUMBER 00" in last
        assert 'kind=headline&amp;p=2"' in last  # the filters stay in the page links

    def test_the_panel_and_the_translation_task_name_the_same_missing_fields(
        self, client, newsroom, translator, make_role_user
    ):
        """One declaration (ArticlePage.translated_fields) behind the edit page and the task."""
        article = english_article(newsroom, title_en="Half translated", title_mn="Хагас")
        state = article.get_workflow().start(article, make_role_user("writer"))
        state.current_task_state.approve(user=make_role_user("editor"))
        article.refresh_from_db()
        assert article.current_workflow_task.name == TRANSLATION_TASK

        login(client, translator)
        edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
        panel = client.get(edit_url).content.decode()
        panel_says = re.search(
            r'data-language="mn" data-state="missing">\s*<strong>Mongolian:</strong>\s*missing ([^<]+?)\s*<',
            panel,
        )
        assert panel_says is not None
        assert panel_says.group(1) == "summary, body"

        refused = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[article.pk, "approve", article.current_workflow_task_state.pk],
            ),
            {"comment": ""},
            follow=True,
        ).content.decode()
        assert f"Still missing: Mongolian: {panel_says.group(1)}." in refused
        article.refresh_from_db()
        assert article.current_workflow_task.name == TRANSLATION_TASK
        assert article.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_headlines_with_and_without_revisions_are_counted_and_paged_alike(
    client, newsroom, translator, monkeypatch
):
    """Headlines without a revision are counted by their own columns, those with one by
    their draft; the last page is read from the far end and shows the oldest."""
    import datetime

    monkeypatch.setattr("editorial.views.ROWS_PER_PAGE", 2)
    for day in (1, 2, 3):
        HeadlineFactory(title_en=f"ONLY ENGLISH {day}", published_on=datetime.date(2025, 1, day))
    HeadlineFactory(title_en="WRITTEN IN BOTH", title_mn="Хоёуланд нь", language="en")
    blanked = HeadlineFactory(
        title_en="BLANKED IN A DRAFT", title_mn="Бичсэн", published_on=datetime.date(2025, 2, 1)
    )
    blanked.title_mn = "\xa0"
    blanked.save_revision()  # the row keeps its Mongolian title; the draft blanks it
    login(client, translator)

    first = desk(client, kind="headline", status="missing", language="mn")
    assert "4 items need translation work." in first
    assert "BLANKED IN A DRAFT" in first and "WRITTEN IN BOTH" not in first
    last = desk(client, kind="headline", status="missing", language="mn", p="last")
    assert "Page 2 of 2" in last
    assert "ONLY ENGLISH 1" in last and "ONLY ENGLISH 2" in last
    assert "ONLY ENGLISH 3" not in last
