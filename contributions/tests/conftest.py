import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from articles.factories import ArticleIndexPageFactory
from articles.models import ArticleIndexPage
from contributions.factories import make_guest
from portal.factories import make_site_home


@pytest.fixture(scope="module")
def newsroom(django_db_setup, django_db_blocker):
    """The site, its News section and the staff groups, built once per test module.

    Each test runs inside this outer transaction (as with `setUpTestData`), which is rolled
    back after the module's last test. Tests that commit (a live server) build their own.
    """
    with django_db_blocker.unblock(), transaction.atomic(), translation.override("en"):
        section = ArticleIndexPageFactory(
            parent=make_site_home(), title_en="News", title_mn="Мэдээ", slug="news"
        )
        call_command("setup_editorial", verbosity=0)
        yield section.pk
        transaction.set_rollback(True)


@pytest.fixture
def section(newsroom, db):
    return ArticleIndexPage.objects.get(pk=newsroom)


@pytest.fixture
def home_page(section):
    return section.get_parent().specific


@pytest.fixture
def guest(client, home_page):
    """A signed-in guest author."""
    author = make_guest(email="saruul@uni.example", name_en="Saruul Bat")
    client.force_login(author.user)
    return author
