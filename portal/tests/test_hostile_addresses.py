"""Addresses a stranger can type: NUL characters and other hosts in the path.

Runs on SQLite and PostgreSQL (PostgreSQL refuses NUL in any text it is given).
"""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

BAD_REQUEST = {
    "en": "Bad request",
    "mn": "Буруу хүсэлт",
}


@pytest.mark.parametrize(
    "address",
    [
        "/{lang}/search/?q=%00",
        "/{lang}/search/?q=copper%00mine",
        "/{lang}/headlines/en/?source=%00",
        "/{lang}/headlines/en/?%00=1",
        "/{lang}/news/%00/",
        "/{lang}/authors/%00/",
    ],
)
@pytest.mark.parametrize("lang", ["en", "mn"])
def test_a_nul_character_in_the_address_is_a_bad_request_in_the_readers_language(
    client, demo_site, address, lang
):
    response = client.get(address.format(lang=lang))

    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == lang
    assert soup.select_one("h1").get_text() == BAD_REQUEST[lang]


def test_a_nul_character_in_a_posted_form_is_refused_before_any_view(client, demo_site):
    response = client.post("/mn/contribute/login/", {"username": "guest\x00", "password": "x"})

    assert response.status_code == 400
    assert "Буруу хүсэлт" in response.content.decode()


def test_ordinary_addresses_still_answer(client, demo_site):
    assert client.get("/mn/search/?q=малчид").status_code == 200
    assert client.get("/en/headlines/en/?source=www.montsame.mn").status_code == 200


class TestAnAddressNamingAnotherHost:
    """`//evil.example/` is a path on this site; nothing on its 404 may lead to that host."""

    @pytest.fixture
    def soup(self, client, demo_site):
        # The test client would read "//evil.example/" as a host; a real server passes it on.
        response = client.get("/", PATH_INFO="//evil.example/")
        assert response.status_code == 404
        return BeautifulSoup(response.content, "html.parser")

    def test_the_language_switcher_offers_each_front_page(self, soup):
        switcher = soup.select_one("nav.language-switcher")
        assert [a["href"] for a in switcher.select("a")] == ["/language/mn/"]

    def test_no_link_on_the_page_leaves_the_site(self, soup):
        addresses = [tag.get("href", "") for tag in soup.select("a, link")]
        assert addresses
        assert not [address for address in addresses if "evil.example" in address]

    def test_a_page_that_is_not_there_has_no_canonical_or_alternates(self, soup):
        assert soup.select('link[rel="canonical"]') == []
        assert soup.select('link[rel="alternate"]') == []


class TestOversizedRequests:
    """A body larger than MAX_REQUEST_BYTES is refused before anything reads or stores it."""

    def test_a_file_far_larger_than_allowed_is_refused_in_the_readers_language(
        self, client, home_page, make_guest, settings
    ):
        from django.core.files.uploadedfile import SimpleUploadedFile

        from contributions.models import GuestSubmission
        from contributions.tests.guest_form import piece

        settings.MAX_REQUEST_BYTES = 10_000
        client.force_login(make_guest("big@uni.example").user)
        upload = SimpleUploadedFile("huge.jpg", b"\xff" * 50_000)

        response = client.post("/mn/contribute/new/", piece(image=upload))

        assert response.status_code == 413
        assert BeautifulSoup(response.content, "html.parser").h1.get_text() == "Буруу хүсэлт"
        assert not GuestSubmission.objects.exists()

    def test_the_declared_size_is_believed_before_reading(self, client, home_page):
        too_big = str(60 * 1024 * 1024)

        response = client.post("/en/contribute/login/", {"username": "a"}, CONTENT_LENGTH=too_big)

        assert response.status_code == 413

    def test_a_garbled_size_is_a_bad_request(self, client, home_page):
        response = client.post("/en/contribute/login/", {"username": "a"}, CONTENT_LENGTH="abc")

        assert response.status_code == 400
