import pytest


@pytest.fixture
def guest(client, home_page, make_guest):
    """A signed-in guest author."""
    author = make_guest("saruul@uni.example", name_en="Saruul Bat")
    client.force_login(author.user)
    return author
