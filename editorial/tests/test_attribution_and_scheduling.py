"""A writer's byline is added for them; an editor can schedule and the cron job publishes."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from articles.models import ArticlePage
from authors.factories import AuthorFactory
from authors.models import Author

from .conftest import article_form_data, login

pytestmark = pytest.mark.django_db


def create(client, section, user, **extra):
    login(client, user)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", section.pk]),
        article_form_data(slug="fresh") | extra,
    )
    assert response.status_code == 302
    return ArticlePage.objects.get(slug="fresh")


class TestAttributionAndScheduling:
    """Articles written in one newsroom, built once for the class."""

    def test_a_writer_without_a_profile_gets_a_staff_byline(self, client, newsroom, make_role_user):
        writer = make_role_user("writer", "dulmaa")
        page = create(client, newsroom, writer)

        author = Author.objects.get(user=writer)
        assert (author.kind, author.name_en, author.slug) == (
            "staff",
            "Dulmaa Tester",
            "dulmaa-tester",
        )
        assert [a.pk for a in page.authors] == [author.pk]
        # The draft that the edit form opens carries the byline too.
        assert [a.pk for a in page.get_latest_revision_as_object().authors] == [author.pk]
        assert page.revisions.count() == 1

    def test_a_writer_with_a_profile_is_credited_with_it_once(
        self, client, newsroom, make_role_user
    ):
        writer = make_role_user("writer", "bat")
        profile = AuthorFactory(user=writer, kind=Author.Kind.STAFF, name_en="Bat")
        page = create(client, newsroom, writer)
        assert [a.pk for a in page.get_latest_revision_as_object().authors] == [profile.pk]
        assert Author.objects.filter(user=writer).count() == 1

    def test_an_editors_new_article_is_not_credited_to_the_editor(
        self, client, newsroom, make_role_user
    ):
        page = create(client, newsroom, make_role_user("editor"))
        assert page.authors == []
        assert not Author.objects.exists()

    def test_an_editor_schedules_and_publish_scheduled_publishes(
        self, client, newsroom, make_role_user
    ):
        editor = make_role_user("editor")
        go_live = timezone.localtime() + datetime.timedelta(days=1)
        page = create(
            client,
            newsroom,
            editor,
            go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
            **{"action-publish": "Publish"},
        )
        page.refresh_from_db()
        assert not page.live
        scheduled = Revision.page_revisions.get(
            object_id=str(page.pk), approved_go_live_at__isnull=False
        )

        call_command("publish_scheduled", verbosity=0)
        page.refresh_from_db()
        assert not page.live  # not yet time

        # A day later: the scheduled time has passed.
        past = timezone.now() - datetime.timedelta(minutes=1)
        scheduled.content["go_live_at"] = past.isoformat()
        scheduled.approved_go_live_at = past
        scheduled.save(update_fields=["content", "approved_go_live_at"])
        call_command("publish_scheduled", verbosity=0)
        page.refresh_from_db()
        assert page.live
        assert client.get("/en/news/fresh/").status_code == 200
