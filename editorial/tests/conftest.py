"""Staff of every role, and admin form data.

The site, its News section, the groups and the workflow come from the root conftest's
`newsroom`, built once per test class: put the tests that share it in a class.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.factories import ArticlePageFactory
from editorial.roles import EDITORS, TRANSLATORS, WRITERS

ROLE_GROUPS = {"writer": WRITERS, "translator": TRANSLATORS, "editor": EDITORS}
ROLES = ("anonymous", "guest", "writer", "translator", "editor", "superuser")


@pytest.fixture(scope="session")
def make_role_user(make_user, make_guest):
    """Creates a user of a role: make_role_user("writer") or make_role_user("writer", "bat");
    None for the anonymous visitor."""

    def make(role, username=None):
        username = username or role
        if role == "anonymous":
            return None
        if role == "superuser":
            return make_user(username, is_superuser=True)
        if role == "guest":
            return make_guest(f"{username}@example.mn", name_en=f"Guest {username}").user
        names = {"first_name": username.title(), "last_name": "Tester"}
        return make_user(username, groups=[ROLE_GROUPS[role]], **names)

    return make


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


def draft_article(section, owner=None, **kwargs):
    """An unpublished English article with one revision, as a writer would leave it."""
    kwargs.setdefault("live", False)
    article = ArticlePageFactory(parent=section, owner=owner, **kwargs)
    article.save_revision(user=owner)
    return article


def live_article(section, owner=None, **kwargs):
    article = ArticlePageFactory(parent=section, owner=owner, **kwargs)
    article.save_revision(user=owner).publish()
    article.refresh_from_db()
    return article


def bylines(page):
    links = list(page.get_latest_revision_as_object().article_authors.all()) if page else []
    return inline_formset(
        [{"id": str(link.pk or ""), "author": str(link.author_id)} for link in links],
        initial=len(links),
    )


def article_form_data(
    title_en="A new article",
    title_mn="",
    summary_en="What happened.",
    summary_mn="",
    body_en="<p>The story.</p>",
    body_mn="",
    slug=None,
    page=None,
    **extra,
):
    """The admin edit form for an ArticlePage, with both languages' fields.

    With `page`, its latest bylines are sent back as they stand, as the browser would.
    """

    def body(html):
        return streamfield([("paragraph", rich_text(html))] if html else [])

    published_at = timezone.localtime(
        timezone.make_aware(datetime.datetime(2025, 12, 5, 9, 0))
    ).strftime("%Y-%m-%d %H:%M")
    data = nested_form_data(
        {
            "title_en": title_en,
            "title_mn": title_mn,
            "slug": slug or title_en.lower().replace(" ", "-"),
            "summary_en": summary_en,
            "summary_mn": summary_mn,
            "body_en": body(body_en),
            "body_mn": body(body_mn),
            "article_authors": bylines(page),
            "comments": inline_formset([]),
            "published_at": published_at,
        }
    )
    data.update(extra)
    return data
