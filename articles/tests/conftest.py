import pytest

from authors.factories import make_guest


@pytest.fixture
def guest(client, home_page):
    """A signed-in guest author."""
    author = make_guest(email="saruul@uni.example", name_en="Saruul Bat")
    client.force_login(author.user)
    return author
