import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from headlines.ingest.pipeline import run_import


def make_user(username, *codenames):
    """A staff user with admin access and the named headlines permissions only."""
    user = get_user_model().objects.create_user(username, f"{username}@example.mn", "pw")
    group = Group.objects.create(name=f"{username}-group")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="headlines", codename__in=codenames),
    )
    user.groups.add(group)
    return user


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.mn", "pw")


@pytest.fixture
def chief_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def importer():
    """run_import for text, English messages, drafts unless asked."""

    def run(text, **options):
        data = text.encode("utf-8") if isinstance(text, str) else text
        return run_import(data, **options)

    return run
