"""The breaking-news bar: only editors set it; every public page shows it in the reader's
language while it is on and unexpired; no cache keeps it past its expiry or after a change."""

import datetime
import time
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core.cache.backends import locmem
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from articles.factories import ArticlePageFactory
from articles.models import ArticlePage
from breaking_news.models import BreakingNews
from editorial.roles import EDITORS, WRITERS
from portal import page_cache

pytestmark = pytest.mark.django_db

ADMIN = "/admin/settings/breaking_news/breakingnews/"
LANGS = ("en", "mn")


def admin_url() -> str:
    """The setting's edit page (the settings menu's address redirects there)."""
    return f"{ADMIN}{BreakingNews.load().pk}/"


def soon(minutes=60):
    return timezone.now() + datetime.timedelta(minutes=minutes)


def set_bulletin(**fields):
    """The bar as an editor leaves it (saved, so the signals run)."""
    setting = BreakingNews.objects.first() or BreakingNews()
    values = {"is_active": True, "message_en": "Polls close at 20:00", "expires_at": soon()}
    values.update(fields)
    for name, value in values.items():
        setattr(setting, name, value)
    setting.save()
    return setting


def bar(client, address):
    response = client.get(address)
    assert response.status_code in (200, 404), address
    return BeautifulSoup(response.content, "html.parser").select_one(".breaking-news")


def form(**overrides):
    data = {
        "is_active": "on",
        "message_en": "Polls close at 20:00",
        "message_mn": "Санал хураалт 20:00 цагт хаагдана",
        "link_page": "",
        "link_url": "",
        "expires_at": timezone.localtime(soon()).strftime("%Y-%m-%d %H:%M"),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# Who may set it -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("guest", False),
        ("writer", False),
        ("translator", False),
        ("editor", True),
        ("superuser", True),
    ],
)
def test_only_editors_and_superusers_set_the_bar(newsroom, client_as, role, allowed):
    set_bulletin(is_active=False, message_en="Old message")
    client = client_as(role)

    response = client.post(admin_url(), form(message_en="New message"))

    if allowed:
        assert response.status_code == 302
        assert BreakingNews.objects.get().message_en == "New message"
        assert BreakingNews.objects.get().is_active
    else:
        assert response.status_code in (302, 403)
        assert list(BreakingNews.objects.values_list("message_en", "is_active")) == [
            ("Old message", False)
        ]


def test_editors_find_it_in_the_settings_menu_and_writers_do_not(newsroom, make_user):
    editor = Client()
    editor.force_login(make_user("editor", groups=[EDITORS]))
    writer = Client()
    writer.force_login(make_user("writer", groups=[WRITERS]))

    assert ADMIN in editor.get("/admin/").content.decode()
    assert ADMIN not in writer.get("/admin/").content.decode()


@pytest.fixture
def editor_client(newsroom, make_user):
    client = Client()
    client.force_login(make_user("editor", groups=[EDITORS]))
    return client


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("message_en", "x" * 10_000, "Ensure this value has at most 200 characters"),
        ("message_mn", "Шуурхай\r\nмэдээ", "Remove the line breaks and invisible characters"),
        ("message_en", "Polls\u202eclose", "Remove the line breaks and invisible characters"),
        ("link_url", "javascript:alert(1)", "Enter a valid URL."),
        ("link_url", "https://" + "a" * 10_000 + ".mn/", "Ensure this value has at most 500"),
        ("link_page", "abc", "Select a valid choice"),
        ("link_page", "99999999999999999999", "Select a valid choice"),
        ("expires_at", "tomorrow-ish", "Enter a valid date/time."),
        ("expires_at", "2001-01-01 10:00", "This time has passed: choose one in the future."),
        ("expires_at", "", "Say when the bar comes down."),
        ("message_en", "", "Write the message in at least one language."),
    ],
)
def test_hostile_or_incomplete_input_gets_a_clear_message(editor_client, field, value, message):
    overrides = {field: value}
    if field == "message_en":
        overrides["message_mn"] = ""

    response = editor_client.post(admin_url(), form(**overrides))

    assert response.status_code == 200
    assert message in str(response.context["form"].errors)
    assert not BreakingNews.objects.filter(is_active=True).exists()


@pytest.mark.parametrize("field", ["message_en", "message_mn", "link_url", "expires_at"])
def test_a_nul_character_gets_the_bad_request_page(editor_client, field):
    response = editor_client.post(admin_url(), form(**{field: "Polls\x00close"}))

    assert response.status_code == 400
    assert "We could not accept this request" in response.content.decode()
    assert not BreakingNews.objects.filter(is_active=True).exists()


def test_an_article_and_an_address_together_are_refused(editor_client, newsroom):
    article = ArticlePageFactory(parent=newsroom)

    response = editor_client.post(
        admin_url(), form(link_page=str(article.pk), link_url="https://montsame.mn/")
    )

    assert "Choose an article or give an address, not both." in str(response.context["form"].errors)


def test_switching_it_off_needs_no_message_nor_expiry(editor_client):
    response = editor_client.post(
        admin_url(), form(is_active=None, message_en="", message_mn="", expires_at="")
    )

    assert response.status_code == 302
    assert not BreakingNews.objects.get().is_active


# What readers see -------------------------------------------------------------------------


class TestTheBar:
    @pytest.fixture(autouse=True)
    def _no_page_cache(self, settings):
        settings.PAGE_CACHE_SECONDS = 0  # the page cache's part is tested below

    def test_every_public_page_shows_it_in_the_readers_language(self, demo_site, client):
        article = ArticlePage.objects.live().first()
        set_bulletin(message_en="Polls close at 20:00", message_mn="Санал хураалт хаагдана")
        article_path = article.url_path.removeprefix("/home")

        for lang, text in (("en", "Polls close at 20:00"), ("mn", "Санал хураалт хаагдана")):
            for address in (
                f"/{lang}/",
                f"/{lang}/news/",
                f"/{lang}{article_path}",
                f"/{lang}/search/?q=x",
                f"/{lang}/headlines/en/",
                f"/{lang}/corrections/",
                f"/{lang}/no-such-page/",
            ):
                shown = bar(client, address)
                assert shown is not None, address
                assert shown.select_one(".breaking-news__message").get_text() == text
                assert shown["aria-labelledby"] == "breaking-news-label"
                assert shown.select_one("#breaking-news-label").get_text() in (
                    "Breaking news",
                    "Шуурхай мэдээ",
                )

    def test_it_sits_first_in_the_page_and_is_in_the_html_itself(self, demo_site, client):
        set_bulletin()

        body = BeautifulSoup(client.get("/en/").content, "html.parser").body
        blocks = [child for child in body.children if getattr(child, "name", None)]

        assert [block.name for block in blocks[:3]] == ["a", "aside", "header"]
        assert "breaking-news" in blocks[1]["class"]

    def test_a_missing_language_falls_back_marked(self, demo_site, client):
        set_bulletin(message_en="", message_mn="Зөвхөн монголоор")

        english = bar(client, "/en/").select_one(".breaking-news__message")
        mongolian = bar(client, "/mn/").select_one(".breaking-news__message")

        assert (english.get_text(), english.get("lang")) == ("Зөвхөн монголоор", "mn")
        assert mongolian.get("lang") is None

    def test_it_links_to_its_article_in_the_readers_language_or_to_an_address(
        self, demo_site, client
    ):
        article = ArticlePage.objects.live().first()
        path = article.url_path.removeprefix("/home")
        set_bulletin(link_page=article)

        assert bar(client, "/mn/").select_one("a.breaking-news__message")["href"] == f"/mn{path}"
        assert bar(client, "/en/news/").a["href"] == f"/en{path}"

        set_bulletin(link_page=None, link_url="https://montsame.mn/en/read/1")
        assert bar(client, "/en/").a["href"] == "https://montsame.mn/en/read/1"

        set_bulletin(link_url="")
        assert bar(client, "/en/").a is None

    def test_nothing_shows_when_off_expired_or_never_set(self, demo_site, client):
        assert bar(client, "/en/") is None
        set_bulletin(is_active=False)
        assert bar(client, "/en/") is None
        set_bulletin(is_active=True, expires_at=timezone.now() - datetime.timedelta(seconds=1))
        assert bar(client, "/mn/") is None

    def test_reading_it_costs_no_query_once_kept(
        self, demo_site, client, settings, django_assert_max_num_queries
    ):
        settings.PAGE_CACHE_SECONDS = 0
        client.get("/en/news/")
        client.get("/en/news/")
        with django_assert_max_num_queries(9) as without_bar:
            client.get("/en/news/")
        baseline = len(without_bar)  # before the next request clears the connection's log
        set_bulletin()
        client.get("/en/news/")  # reads the setting once into the cache

        with django_assert_max_num_queries(baseline):
            assert bar(client, "/en/news/") is not None


# Caches -----------------------------------------------------------------------------------


class TestTheCachesFollowIt:
    PAGES = [*[f"/{lang}/" for lang in LANGS], "/en/news/", "/mn/topics/security/"]

    @pytest.fixture
    def prime(self, django_assert_num_queries):
        def prime_addresses(reader, *addresses):
            for address in addresses:
                reader.get(address)
                with django_assert_num_queries(0):
                    assert reader.get(address).status_code == 200, address

        return prime_addresses

    def test_setting_changing_and_removing_it_in_the_admin_purges_every_page(
        self, demo_site, prime, committed, make_user
    ):
        call_command("setup_editorial", verbosity=0)
        editor = Client()
        editor.force_login(make_user("editor", groups=[EDITORS]))
        reader = Client()
        prime(reader, *self.PAGES)

        with committed():
            editor.post(
                admin_url(), form(message_en="Quake felt in Ulaanbaatar", message_mn="Газар хөдлөв")
            )
        for address in self.PAGES:
            expected = "Газар хөдлөв" if address.startswith("/mn/") else "Quake felt in Ulaanbaatar"
            assert bar(reader, address).select_one(".breaking-news__message").get_text() == expected

        prime(reader, *self.PAGES)
        with committed():
            editor.post(admin_url(), form(message_en="Aftershock expected", message_mn=""))
        assert bar(reader, "/mn/").get_text().count("Aftershock expected") == 1

        prime(reader, *self.PAGES)
        with committed():
            editor.post(admin_url(), form(is_active=None))
        for address in self.PAGES:
            assert bar(reader, address) is None, address

    def test_no_cache_keeps_a_page_past_the_bars_expiry(
        self, demo_site, client, settings, monkeypatch
    ):
        settings.PAGE_CACHE_SECONDS = 300
        settings.PAGE_CACHE_SHARED_SECONDS = 60
        expiry = timezone.now() + datetime.timedelta(seconds=40)
        set_bulletin(expires_at=expiry)
        stored = []
        real_set = page_cache.page_cache().set

        def recording_set(key, value, timeout=None, **kwargs):
            if key.startswith(page_cache.PAGE_KEY_PREFIX):
                stored.append(timeout)
            return real_set(key, value, timeout, **kwargs)

        monkeypatch.setattr(page_cache.page_cache(), "set", recording_set)

        first = client.get("/en/news/")

        assert stored and 38 <= stored[0] <= 40  # not the usual 300
        shared = int(first["Cache-Control"].split("s-maxage=")[1].split(",")[0])
        assert 38 <= shared <= 40  # nor the CDN's usual 60

        # Served from the cache 30 seconds on, a CDN may keep it for what is left only.
        later = timezone.now() + datetime.timedelta(seconds=30)
        monkeypatch.setattr(page_cache.timezone, "now", lambda: later)
        again = client.get("/en/news/")
        assert again.has_header("Cache-Control")
        shared = int(again["Cache-Control"].split("s-maxage=")[1].split(",")[0])
        assert 8 <= shared <= 10

    def test_once_expired_the_next_reader_gets_the_page_without_the_bar(
        self, demo_site, client, monkeypatch, prime
    ):
        set_bulletin(expires_at=timezone.now() + datetime.timedelta(seconds=30))
        prime(client, "/en/")
        assert bar(client, "/en/") is not None

        # 31 seconds later, for the cache's expiry and the bar's clock alike.
        later = time.time() + 31
        monkeypatch.setattr(locmem, "time", SimpleNamespace(time=lambda: later))
        now = timezone.now() + datetime.timedelta(seconds=31)
        monkeypatch.setattr(timezone, "now", lambda: now)

        assert bar(client, "/en/") is None

    def test_a_page_rendered_after_expiry_is_never_stored_with_the_bar(self, demo_site, client):
        set_bulletin(expires_at=timezone.now() + datetime.timedelta(milliseconds=500))
        # less than a second left: the page is not stored at all
        client.get("/en/topics/security/")

        assert client.get("/en/topics/security/").status_code == 200
        stored = page_cache.page_cache().get(page_cache.entry_key("/en/topics/security/"))
        assert stored is None

    def test_unpublishing_its_article_purges_every_page(self, demo_site, prime, committed, client):
        article = ArticlePage.objects.live().first()
        set_bulletin(link_page=article)
        prime(client, *self.PAGES)
        assert bar(client, "/en/").a is not None

        with committed():
            article.unpublish()

        for address in self.PAGES:
            assert bar(client, address).a is None, address
