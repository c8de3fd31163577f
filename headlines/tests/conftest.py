import pytest

from headlines.ingest.pipeline import run_import


@pytest.fixture(scope="session")
def make_headlines_staff(make_user):
    """Creates a staff user with admin access and only the named headlines permissions:
    make_headlines_staff("writer", "add_headline", "change_headline")."""

    def make(username, *codenames):
        permissions = [f"headlines.{codename}" for codename in codenames]
        return make_user(username, permissions=["wagtailadmin.access_admin", *permissions])

    return make


@pytest.fixture
def chief_client(client, db, make_user):
    client.force_login(make_user("chief", is_superuser=True))
    return client


@pytest.fixture
def importer():
    """run_import for text, English messages, drafts unless asked."""

    def run(text, **options):
        data = text.encode("utf-8") if isinstance(text, str) else text
        return run_import(data, **options)

    return run
