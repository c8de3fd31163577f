"""The admin is for trusted staff: readers and accounts without admin access are refused."""

import pytest

from articles.models import ArticlePage
from headlines.factories import SourceFactory
from headlines.models import Headline

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, make_user):
    client.force_login(make_user("reader"))
    return client


def headline_post(client):
    source = SourceFactory()
    return client.post(
        "/admin/snippets/headlines/headline/add/",
        {
            "title_en": "SNEAKY",
            "url": "https://www.example.mn/a",
            "source": source.pk,
            "published_on": "2025-12-05",
            "language": "en",
        },
    )


def test_anonymous_visitor_is_sent_to_the_login_page(client, home_page):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_anonymous_cannot_add_a_headline(client, home_page):
    response = headline_post(client)

    assert response["Location"].startswith("/admin/login/")
    assert Headline.objects.count() == 0


def test_logged_in_reader_without_admin_access_is_refused(reader, section):
    dashboard = reader.get("/admin/")
    add_article = reader.post(
        f"/admin/pages/add/articles/articlepage/{section.pk}/",
        {"title_en": "Sneaky", "slug": "sneaky", "summary_en": "x"},
    )
    headline = headline_post(reader)

    assert dashboard.status_code == 302 and dashboard["Location"].startswith("/admin/login/")
    assert add_article.status_code in (302, 403)
    assert headline.status_code in (302, 403)
    assert ArticlePage.objects.count() == 0
    assert Headline.objects.count() == 0
