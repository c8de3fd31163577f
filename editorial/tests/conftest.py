"""Staff of every role, a section under the "Editorial review" workflow, and admin form data.

The site, its section, the groups and the workflow are built once per test module (inside
a transaction rolled back after the module's last test); each test runs in a savepoint of
its own on top, as usual, and gets fresh copies of the pages.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone, translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from articles.models import ArticleIndexPage
from authors.factories import AuthorFactory
from authors.models import Author
from editorial.roles import EDITORS, TRANSLATORS, WRITERS
from portal.factories import make_site_home
from portal.models import HomePage

ROLE_GROUPS = {"writer": WRITERS, "translator": TRANSLATORS, "editor": EDITORS}
ROLES = ("anonymous", "guest", "writer", "translator", "editor", "superuser")


def make_user(role: str, username: str | None = None):
    """A user of `role`; None for the anonymous visitor."""
    if role == "anonymous":
        return None
    username = username or role
    User = get_user_model()
    if role == "superuser":
        return User.objects.create_superuser(username, f"{username}@example.mn", "pass")
    user = User.objects.create_user(
        username,
        f"{username}@example.mn",
        "pass",
        first_name=username.title(),
        last_name="Tester",
    )
    if role == "guest":
        AuthorFactory(user=user, kind=Author.Kind.GUEST, name_en=f"Guest {username}")
    else:
        user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
    return user


@pytest.fixture(scope="module")
def editorial_site(django_db_setup, django_db_blocker):
    """The site, its News section and the groups and workflow of `setup_editorial`, once
    per module: the slowest part of every test here, and never changed by one for good."""
    module_transaction = transaction.atomic()
    with django_db_blocker.unblock(), translation.override("en"):
        module_transaction.__enter__()
        try:
            home = make_site_home()
            section = ArticleIndexPageFactory(
                parent=home, title_en="News", title_mn="Мэдээ", slug="news"
            )
            call_command("setup_editorial", verbosity=0)
        except BaseException as error:
            module_transaction.__exit__(type(error), error, error.__traceback__)
            raise
    yield SimpleNamespace(home_page_pk=home.pk, section_pk=section.pk)
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module_transaction.__exit__(None, None, None)


@pytest.fixture
def home_page(editorial_site, db):
    return HomePage.objects.get(pk=editorial_site.home_page_pk)


@pytest.fixture
def section(editorial_site, db):
    return ArticleIndexPage.objects.get(pk=editorial_site.section_pk)


@pytest.fixture
def editorial(section):
    """The site's News section, under the "Editorial review" workflow."""
    return section


@pytest.fixture
def users(editorial):
    return {role: make_user(role) for role in ROLES}


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
