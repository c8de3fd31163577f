"""The reader's language choice is remembered, and every switch leads to the same place.

The switcher's links go through /language/<code>/?next=…, which sets Django's language cookie
and redirects; "/" then sends the reader to the chosen language (LocaleMiddleware reads the
cookie). The shared, cached pages that carry the links never set a cookie themselves.
"""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.utils.http import url_has_allowed_host_and_scheme

from articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


def switch_link(response, code):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one(f".language-switcher a[hreflang={code}]")


@pytest.fixture
def story(section):
    return ArticlePageFactory(
        parent=section,
        slug="talks",
        title_mn="Хэлэлцээ",
        summary_mn="Товч.",
        body_mn=[("paragraph", "<p>Бичвэр.</p>")],
    )


def test_the_front_door_follows_the_language_chosen_in_the_switcher(
    story, django_assert_num_queries
):
    reader = Client(headers={"accept-language": "en"})
    assert reader.get("/")["Location"] == "/en/"

    article = reader.get("/en/news/talks/?utm_source=x")
    link = switch_link(article, "mn")
    # The page is shared: no cookie on it, and the next reader gets the stored copy.
    assert not article.cookies
    with django_assert_num_queries(0):
        assert reader.get("/en/news/talks/?utm_source=x").status_code == 200
    assert link["rel"] == ["nofollow"]

    chosen = reader.get(link["href"])

    assert chosen.status_code == 302
    assert chosen["Location"] == "/mn/news/talks/?utm_source=x"
    cookie = chosen.cookies[COOKIE]
    assert cookie.value == "mn"
    assert int(cookie["max-age"]) >= 365 * 24 * 60 * 60
    assert "private" in chosen["Cache-Control"]
    # Back through the front door, in a browser that still asks for English.
    assert reader.get("/")["Location"] == "/mn/"

    # And back to English, from the Mongolian page.
    link = switch_link(reader.get("/mn/news/talks/"), "en")
    assert reader.get(link["href"])["Location"] == "/en/news/talks/"
    assert reader.get("/", headers={"accept-language": "mn"})["Location"] == "/en/"


def test_every_switch_link_leads_to_the_same_place_in_the_other_language(client, story):
    for address, expected in [
        ("/en/", "/mn/"),
        ("/en/news/", "/mn/news/"),
        ("/en/news/?page=1", "/mn/news/?page=1"),
        ("/mn/news/talks/", "/en/news/talks/"),
        ("/en/headlines/mn/", "/mn/headlines/mn/"),
        ("/en/search/?q=mining", "/mn/search/?q=mining"),
    ]:
        code = expected[1:3]
        link = switch_link(client.get(address), code)
        assert client.get(link["href"])["Location"] == expected, address


def test_the_guest_login_returns_to_the_guest_area_in_the_chosen_language(client, home_page):
    login = client.get("/en/contribute/", follow=True)
    assert login.redirect_chain[-1][0] == "/en/contribute/login/?next=/en/contribute/"

    chosen = client.get(switch_link(login, "mn")["href"])

    assert chosen["Location"] == "/mn/contribute/login/?next=/mn/contribute/"
    assert chosen.cookies[COOKIE].value == "mn"
    page = BeautifulSoup(client.get(chosen["Location"]).content, "html.parser")
    assert page.html["lang"] == "mn"
    assert page.select_one("form input[name=next]")["value"] == "/mn/contribute/"


def test_an_error_page_offers_each_front_page(client, home_page):
    missing = client.get("/en/no-such-page/")
    assert missing.status_code == 404

    chosen = client.get(switch_link(missing, "mn")["href"])

    assert chosen["Location"] == "/mn/"
    assert chosen.cookies[COOKIE].value == "mn"


HOSTILE_NEXT = {
    "other host": "https://evil.example/",
    "other host, same scheme": "http://evil.example/mn/",
    "scheme-relative": "//evil.example/",
    "scheme-relative with language": "//evil.example/mn/",
    "backslash": "/\\evil.example/",
    "backslashes": "\\\\evil.example",
    "javascript": "javascript:alert(1)",
    "data": "data:text/html,<script>alert(1)</script>",
    "own host, absolute": "http://testserver/mn/",
    "leading blank": " //evil.example/",
    "tab": "/\t/evil.example/",
    "header injection": "/mn/\r\nSet-Cookie: taken=1",
    "escaped slashes": "/%2F%2Fevil.example/",
    "NUL": "/mn/\x00",
    "10,000 characters": "/mn/" + "a" * 10_000,
    "empty": "",
    "nested next": "/en/contribute/login/?next=//evil.example/",
}


@pytest.mark.parametrize("code", ["en", "mn"])
@pytest.mark.parametrize("label", HOSTILE_NEXT)
def test_a_hostile_next_never_leads_off_the_site(client, home_page, code, label):
    response = client.get(f"/language/{code}/", {"next": HOSTILE_NEXT[label]})

    assert response.status_code in (302, 400), label
    if response.status_code == 302:
        location = response["Location"]
        assert location.startswith(f"/{code}/"), location
        assert url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"})
        assert "\n" not in location and "\r" not in location
        assert "evil.example" not in location.split("?")[0]
        # A `next` carried further (the login page's) is a path of this site too.
        if "next=" in location:
            carried = location.split("next=", 1)[1]
            assert carried.startswith("/") and not carried.startswith("//"), location


def test_an_unknown_language_or_method_is_refused(client, home_page):
    # (LocaleMiddleware tries the address under /en/ first: not found there either.)
    assert client.get("/language/xx/", follow=True).status_code == 404
    assert client.get("/language/" + "m" * 10_000 + "/", follow=True).status_code == 404
    assert COOKIE not in client.cookies
    refused = client.post("/language/mn/", {"next": "/mn/"})
    assert refused.status_code == 405
    assert COOKIE not in refused.cookies
