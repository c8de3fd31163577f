"""Who may do what in the admin: every role against every action, allowed or refused.

Each case arranges its target, acts through the admin as a browser would, and then
checks either that the action took effect or that it was refused with the database
exactly as before (revisions, live and locked flags, rows).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page, Revision, TaskState

from articles.models import ArticlePage
from authors.models import Author
from headlines.factories import HeadlineFactory, SourceFactory
from headlines.models import Headline

from .conftest import ROLES, article_form_data, draft_article, live_article, login

pytestmark = pytest.mark.django_db

STAFF = {"writer", "translator", "editor", "superuser"}
READERS_OF_ANY_DRAFT = {"translator", "editor", "superuser"}
PUBLISHERS = {"editor", "superuser"}


@dataclass
class Scene:
    """Who acts (the role and its user) and where: the section and another writer's work;
    `make_role_user` for anyone else a case needs."""

    role: str
    user: Any
    section: Any
    other_writer: Any
    make_role_user: Callable


@dataclass(frozen=True)
class Case:
    allowed: frozenset
    arrange: Callable  # scene -> target
    act: Callable  # (client, scene, target) -> response
    state: Callable  # target -> comparable database state
    took_effect: Callable  # (target, response) -> bool


def page_state(page):
    page = Page.objects.filter(pk=page.pk).first()
    if page is None:
        return None
    return (
        page.live,
        page.locked,
        page.live_revision_id,
        Revision.page_revisions.filter(object_id=str(page.pk)).count(),
        page.get_latest_revision_as_object().title_en,
        [
            (s.task.name, s.status)
            for s in TaskState.objects.filter(revision__object_id=str(page.pk))
        ],
    )


def reload(page):
    return Page.objects.get(pk=page.pk).specific


def latest_title(page):
    return reload(page).get_latest_revision_as_object().title_en


def own_draft(scene):
    return draft_article(scene.section, owner=scene.user, title_en="Own draft", slug="own")


def others_draft(scene):
    return draft_article(
        scene.section, owner=scene.other_writer, title_en="Their draft", slug="theirs"
    )


def others_draft_with_history(scene):
    page = others_draft(scene)
    draft = page.get_latest_revision_as_object()
    draft.title_en = "Their second draft"
    draft.save_revision(user=scene.other_writer)
    return reload(page)


def others_live(scene):
    return live_article(
        scene.section, owner=scene.other_writer, title_en="Their story", slug="live"
    )


def in_editor_review(scene):
    page = others_draft(scene)
    page.get_workflow().start(page, scene.other_writer)
    return reload(page)


def in_translation(scene):
    page = draft_article(
        scene.section,
        owner=scene.other_writer,
        title_en="Both languages",
        title_mn="Хоёр хэлээр",
        summary_mn="Товч.",
        body_mn=[("paragraph", "<p>Мэдээ.</p>")],
        slug="both",
    )
    state = page.get_workflow().start(page, scene.other_writer)
    state.current_task_state.approve(user=scene.make_role_user("superuser", "chief"))
    return reload(page)


def get(url_name, *args):
    return lambda client, scene, page: client.get(reverse(url_name, args=[page.pk, *args]))


def post(url_name, data=None):
    return lambda client, scene, page: client.post(reverse(url_name, args=[page.pk]), data or {})


def edit(title):
    def act(client, scene, page):
        return client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            article_form_data(title_en=title, slug=page.slug, page=page),
        )

    return act


def workflow_action(action):
    def act(client, scene, page):
        task_state = page.current_workflow_task_state
        return client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
            {"comment": ""},
        )

    return act


def shows(text):
    return lambda target, response: (
        response.status_code == 200 and text in response.content.decode()
    )


def create_article(client, scene, _target):
    return client.post(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", scene.section.pk]),
        article_form_data(title_en="Brand new", slug="brand-new"),
    )


def revert(client, scene, page):
    first = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("pk").first()
    shown = client.get(reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk]))
    if shown.status_code != 200:
        return shown
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        article_form_data(title_en="Their draft", slug=page.slug, page=page)
        | {"revision": str(first.pk)},
    )


def bulk_publish(client, scene, page):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    return client.post(f"{url}?id={page.pk}", {})


def headline_url(action, *args):
    return reverse(Headline.snippet_viewset.get_url_name(action), args=args)


def headline_form(headline=None, **values):
    data = {
        "title_en": "NEW HEADLINE",
        "title_mn": "",
        "url": "https://www.montsame.mn/en/read/1",
        "source": str(SourceFactory(domain="www.montsame.mn").pk),
        "published_on": "2025-12-05",
        "language": "en",
    }
    if headline is not None:
        data.update(
            title_en=headline.title_en,
            url=headline.url,
            source=str(headline.source_id),
            published_on=headline.published_on.isoformat(),
            language=headline.language,
        )
    return data | values


def headline_state(headline):
    headline = Headline.objects.filter(pk=headline.pk).first() if headline else None
    return (
        Headline.objects.count(),
        headline and (headline.live, headline.title_mn, headline.revisions.count()),
    )


def add_headline(client, scene, _target):
    return client.post(headline_url("add"), headline_form())


def translate_headline(client, scene, headline):
    return client.post(
        headline_url("edit", headline.pk), headline_form(headline, title_mn="ГАРЧИГ")
    )


def publish_headline(client, scene, headline):
    url = reverse("wagtail_bulk_action", args=["headlines", "headline", "publish"])
    return client.post(f"{url}?id={headline.pk}", {})


def delete_headline(client, scene, headline):
    return client.post(headline_url("delete", headline.pk))


def add_author(client, scene, _target):
    return client.post(
        reverse(Author.snippet_viewset.get_url_name("add")),
        {
            "name_en": "New Author",
            "name_mn": "Шинэ нийтлэлч",
            "slug": "new-author",
            "kind": "staff",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
            "links-MIN_NUM_FORMS": "0",
            "links-MAX_NUM_FORMS": "1000",
        },
    )


def add_user(client, scene, _target):
    return client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "newcomer",
            "email": "newcomer@example.mn",
            "first_name": "New",
            "last_name": "Comer",
            "password1": "a-long-Password-123",
            "password2": "a-long-Password-123",
            "is_active": "on",
        },
    )


def user_count(_target):
    return get_user_model().objects.count()


def nothing(scene):
    return None


CASES = {
    "view own draft": Case(
        frozenset({"writer"} | READERS_OF_ANY_DRAFT),
        own_draft,
        get("wagtailadmin_pages:view_draft"),
        page_state,
        shows("Own draft"),
    ),
    "view others' draft": Case(
        frozenset(READERS_OF_ANY_DRAFT),
        others_draft,
        get("wagtailadmin_pages:view_draft"),
        page_state,
        shows("Their draft"),
    ),
    "preview others' draft": Case(
        frozenset(READERS_OF_ANY_DRAFT),
        others_draft,
        lambda client, scene, page: client.post(
            reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
            article_form_data(title_en="Previewed", slug=page.slug, page=page),
        ),
        page_state,
        lambda page, response: response.status_code == 200 and response.json()["is_valid"],
    ),
    "create an article": Case(
        frozenset({"writer", "editor", "superuser"}),
        nothing,
        create_article,
        lambda _t: ArticlePage.objects.count(),
        lambda _t, response: ArticlePage.objects.filter(slug="brand-new").exists(),
    ),
    "edit own draft": Case(
        frozenset({"writer"} | READERS_OF_ANY_DRAFT),
        own_draft,
        edit("Own draft, edited"),
        page_state,
        lambda page, response: latest_title(page) == "Own draft, edited",
    ),
    "edit others' draft": Case(
        frozenset(READERS_OF_ANY_DRAFT),
        others_draft,
        edit("Their draft, edited"),
        page_state,
        lambda page, response: latest_title(page) == "Their draft, edited",
    ),
    "publish": Case(
        frozenset(PUBLISHERS),
        others_draft,
        bulk_publish,
        page_state,
        lambda page, response: reload(page).live,
    ),
    "unpublish": Case(
        frozenset(PUBLISHERS),
        others_live,
        post("wagtailadmin_pages:unpublish"),
        page_state,
        lambda page, response: not reload(page).live,
    ),
    "delete own draft": Case(
        frozenset(STAFF),
        own_draft,
        post("wagtailadmin_pages:delete"),
        page_state,
        lambda page, response: not Page.objects.filter(pk=page.pk).exists(),
    ),
    "delete others' draft": Case(
        frozenset(PUBLISHERS),
        others_draft,
        post("wagtailadmin_pages:delete"),
        page_state,
        lambda page, response: not Page.objects.filter(pk=page.pk).exists(),
    ),
    "lock": Case(
        frozenset(PUBLISHERS),
        others_draft,
        post("wagtailadmin_pages:lock"),
        page_state,
        lambda page, response: reload(page).locked,
    ),
    "history of own draft": Case(
        frozenset({"writer"} | READERS_OF_ANY_DRAFT),
        own_draft,
        get("wagtailadmin_pages:history"),
        page_state,
        shows("Own draft"),
    ),
    "history of others' draft": Case(
        frozenset(READERS_OF_ANY_DRAFT),
        others_draft,
        get("wagtailadmin_pages:history"),
        page_state,
        shows("Their draft"),
    ),
    "compare revisions": Case(
        frozenset(READERS_OF_ANY_DRAFT),
        others_draft_with_history,
        lambda client, scene, page: client.get(
            reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "earliest", "latest"])
        ),
        page_state,
        shows("Their second draft"),
    ),
    "revert to an earlier revision": Case(
        frozenset(READERS_OF_ANY_DRAFT),
        others_draft_with_history,
        revert,
        page_state,
        lambda page, response: latest_title(page) == "Their draft",
    ),
    "approve editor review": Case(
        frozenset(PUBLISHERS),
        in_editor_review,
        workflow_action("approve"),
        page_state,
        lambda page, response: reload(page).current_workflow_task.name == "Translation",
    ),
    "approve translation": Case(
        frozenset({"translator", "superuser"}),
        in_translation,
        workflow_action("approve"),
        page_state,
        lambda page, response: reload(page).live,
    ),
    "add a headline": Case(
        frozenset(PUBLISHERS),
        nothing,
        add_headline,
        headline_state,
        lambda _t, response: Headline.objects.filter(title_en="NEW HEADLINE").exists(),
    ),
    "translate a headline": Case(
        frozenset({"translator"} | PUBLISHERS),
        lambda scene: HeadlineFactory(title_en="ORIGINAL HEADLINE"),
        translate_headline,
        headline_state,
        lambda headline, response: (
            Headline.objects.get(pk=headline.pk).get_latest_revision_as_object().title_mn
            == "ГАРЧИГ"
        ),
    ),
    "publish a headline": Case(
        frozenset(PUBLISHERS),
        lambda scene: HeadlineFactory(live=False),
        publish_headline,
        headline_state,
        lambda headline, response: Headline.objects.get(pk=headline.pk).live,
    ),
    "delete a headline": Case(
        frozenset(PUBLISHERS),
        lambda scene: HeadlineFactory(),
        delete_headline,
        headline_state,
        lambda headline, response: not Headline.objects.filter(pk=headline.pk).exists(),
    ),
    "add an author": Case(
        frozenset(PUBLISHERS),
        nothing,
        add_author,
        lambda _t: Author.objects.count(),
        lambda _t, response: Author.objects.filter(slug="new-author").exists(),
    ),
    "add a user": Case(
        frozenset({"superuser"}),
        nothing,
        add_user,
        user_count,
        lambda _t, response: get_user_model().objects.filter(username="newcomer").exists(),
    ),
    "open site settings": Case(
        frozenset({"superuser"}),
        nothing,
        lambda client, scene, _t: client.get(reverse("wagtailsites:index")),
        lambda _t: None,
        shows("localhost"),
    ),
}


def assert_refused(response, scene):
    """Refusals send visitors to log in and tell staff they lack permission."""
    if scene.user is None or scene.role == "guest":
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("wagtailadmin_login"))
        return
    messages = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        # Wagtail's own refusal, or a bulk action that found nothing the user may touch.
        assert "permission" in messages or messages.startswith("0 "), messages


class TestPermissionMatrix:
    """Every case arranges its target on one newsroom, built once for the class."""

    @pytest.mark.parametrize("role", ROLES)
    @pytest.mark.parametrize("action", list(CASES))
    def test_permission_matrix(self, client, newsroom, make_role_user, action, role):
        case = CASES[action]
        other_writer = make_role_user("writer", "other-writer")
        scene = Scene(role, make_role_user(role), newsroom, other_writer, make_role_user)
        target = case.arrange(scene)
        before = case.state(target)
        login(client, scene.user)

        response = case.act(client, scene, target)

        if role in case.allowed:
            assert response.status_code in (200, 302)
            assert case.took_effect(target, response), f"{role} could not {action}"
        else:
            assert case.state(target) == before, f"{role} changed the database: {action}"
            assert not (response.status_code == 200 and case.took_effect(target, response))
            assert_refused(response, scene)
