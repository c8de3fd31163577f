import pytest
from django.core.management import call_command

from authors.factories import make_guest


@pytest.fixture
def demo_site(db):
    call_command("load_demo", verbosity=0)


@pytest.fixture
def guest(client, home_page):
    """A signed-in guest author."""
    author = make_guest(email="saruul@uni.example", name_en="Saruul Bat")
    client.force_login(author.user)
    return author
