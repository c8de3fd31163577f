"""Two editors, one article: the second save from a stale form is stopped once, with the
other editor's name, and nothing typed is lost."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.users.models import UserProfile

from articles.factories import ArticlePageFactory
from articles.models import ArticlePage
from authors.factories import AuthorFactory
from portal.tests.test_admin_editing import article_form

pytestmark = pytest.mark.django_db


def opened_form(client, page):
    """The hidden fields the edit page carries: the revision it was opened on."""
    soup = BeautifulSoup(client.get(f"/admin/pages/{page.pk}/edit/").content, "html.parser")
    return {
        name: soup.select_one(f"input[name={name}]")["value"]
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


@pytest.fixture
def article(section):
    page = ArticlePageFactory(parent=section, slug="census", title_en="Herders count")
    page.save_revision()
    return page


@pytest.fixture
def editors(make_user):
    """Saraa uses the admin in Mongolian, Bat in English; each has a browser of their own."""
    saraa = make_user("saraa", first_name="Saraa", last_name="Bold", is_superuser=True)
    bat = make_user("bat", first_name="Bat", last_name="Erdene", is_superuser=True)
    profile = UserProfile.get_for_user(saraa)
    profile.preferred_language = "mn"
    profile.save()
    browsers = Client(), Client()
    for browser, user in zip(browsers, (saraa, bat), strict=True):
        browser.force_login(user)
    return browsers


def edit(client, page, opened, **fields):
    data = article_form(AuthorFactory(), slug="census", title_en="Herders count", **fields)
    return client.post(f"/admin/pages/{page.pk}/edit/", {**data, **opened})


def test_the_second_save_from_a_stale_form_is_stopped_and_keeps_what_was_typed(article, editors):
    saraa, bat = editors
    saraa_opened = opened_form(saraa, article)
    bat_opened = opened_form(bat, article)

    assert edit(bat, article, bat_opened, summary_en="Summary by Bat.").status_code == 302
    refused = edit(saraa, article, saraa_opened, summary_en="Summary by Saraa.")

    assert refused.status_code == 200
    soup = BeautifulSoup(refused.content, "html.parser")
    page_text = " ".join(soup.get_text().split())
    assert "Bat Erdene энэ хуудсыг таныг нээснээс хойш" in page_text
    assert soup.select_one("[name=summary_en]").get_text(strip=True) == "Summary by Saraa."
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert latest.summary_en == "Summary by Bat."


def test_saving_again_from_the_refreshed_form_replaces_the_newer_version(article, editors):
    saraa, bat = editors
    saraa_opened = opened_form(saraa, article)
    edit(bat, article, opened_form(bat, article), summary_en="Summary by Bat.")
    refused = edit(saraa, article, saraa_opened, summary_en="Summary by Saraa.")
    soup = BeautifulSoup(refused.content, "html.parser")
    refreshed = {
        name: soup.select_one(f"input[name={name}]")["value"]
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }

    assert edit(saraa, article, refreshed, summary_en="Summary by Saraa.").status_code == 302
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert latest.summary_en == "Summary by Saraa."


def test_one_editor_saving_twice_is_not_stopped(article, editors):
    saraa, _bat = editors
    assert edit(saraa, article, opened_form(saraa, article), summary_en="One.").status_code == 302
    assert edit(saraa, article, opened_form(saraa, article), summary_en="Two.").status_code == 302


@pytest.mark.parametrize("title", ["Herders\r\nBcc: all@example.com", "Herders\u202ecount"])
def test_a_title_with_a_line_break_or_invisible_character_is_refused(article, editors, title):
    saraa, _bat = editors

    response = edit(saraa, article, opened_form(saraa, article), title_mn=title)

    assert response.status_code == 200
    assert "үл харагдах тэмдэгтүүдийг арилгана уу" in response.content.decode()
    assert ArticlePage.objects.get(pk=article.pk).revisions.count() == 1
