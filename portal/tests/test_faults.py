"""When the database or the cache goes away: readers get a 503 they can come back from,
probes tell the truth without details, and a dead Redis takes no page down."""

import contextlib
import json
import logging
import re
import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connections
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_VERSION

from articles.factories import ArticlePageFactory

from .test_settings import load_settings

pytestmark = pytest.mark.django_db

DEAD_REDIS = "redis://127.0.0.1:1/0"
LIVE_REDIS = "redis://127.0.0.1:6379/0"


@contextlib.contextmanager
def database_unreachable():
    """The default database swapped for one that cannot be reached: a closed port on
    PostgreSQL, a file in a folder that does not exist on SQLite. Restored afterwards,
    with the test's own connection (and its transaction) untouched."""
    live = connections["default"]
    dead_settings = {**live.settings_dict}
    if live.vendor == "postgresql":
        dead_settings.update(HOST="127.0.0.1", PORT="1")
    else:
        dead_settings["NAME"] = "/no-such-folder/portal.sqlite3"
    dead = live.__class__(dead_settings, live.alias)
    connections["default"] = dead
    try:
        yield
    finally:
        dead.close()
        connections["default"] = live


def heading(response):
    return BeautifulSoup(response.content, "html.parser").select_one("h1").get_text()


def production_cache_settings(redis_url):
    """CACHES and SESSION_ENGINE exactly as the production settings build them from
    REDIS_URL, with a key prefix of this test's own (the Redis server is shared)."""
    result = load_settings(
        "portal.settings.production",
        show=("CACHES", "SESSION_ENGINE"),
        SECRET_KEY="s3cret",
        REDIS_URL=redis_url,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    loaded["CACHES"]["default"]["KEY_PREFIX"] = f"test-faults-{uuid.uuid4().hex}"
    return loaded


@pytest.fixture(scope="module")
def dead_redis_settings():
    return production_cache_settings(DEAD_REDIS)


@pytest.fixture(scope="module")
def live_redis_settings():
    return production_cache_settings(LIVE_REDIS)


def use_cache_settings(settings, loaded):
    settings.CACHES = loaded["CACHES"]
    settings.SESSION_ENGINE = loaded["SESSION_ENGINE"]


class TestDatabaseUnreachable:
    @pytest.mark.parametrize(
        "path, title, lang",
        [
            ("/en/", "Temporarily unavailable", "en"),
            ("/mn/", "Түр ажиллахгүй байна", "mn"),
            ("/en/news/some-article/", "Temporarily unavailable", "en"),
            ("/mn/search/?q=зуд", "Түр ажиллахгүй байна", "mn"),
            ("/mn/headlines/mn/", "Түр ажиллахгүй байна", "mn"),
        ],
    )
    def test_readers_get_a_503_to_come_back_from_in_their_language(self, client, path, title, lang):
        client.raise_request_exception = False

        with database_unreachable():
            response = client.get(path)

        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert "no-store" in response["Cache-Control"]
        page = BeautifulSoup(response.content, "html.parser")
        assert page.html["lang"] == lang
        assert heading(response) == title
        assert "OperationalError" not in response.content.decode()

    def test_a_signed_in_guest_whose_session_cannot_be_read_gets_the_503(self, client, make_guest):
        client.force_login(make_guest().user)
        client.raise_request_exception = False

        with database_unreachable():
            response = client.get("/mn/contribute/")

        assert response.status_code == 503
        assert heading(response) == "Түр ажиллахгүй байна"


def test_other_errors_still_answer_the_500_page(client, home_page, monkeypatch):
    from portal.models import HomePage

    monkeypatch.setattr(HomePage, "get_context", lambda *a, **k: 1 / 0)
    client.raise_request_exception = False

    response = client.get("/en/")

    assert response.status_code == 500
    assert "Retry-After" not in response
    assert heading(response) == "Something went wrong"


class TestProbes:
    def test_liveness_answers_without_database_or_cache(
        self, client, settings, dead_redis_settings
    ):
        use_cache_settings(settings, dead_redis_settings)

        with database_unreachable():
            response = client.get("/healthz")

        assert response.status_code == 200
        assert response.content == b"ok"
        assert response["Content-Type"].startswith("text/plain")
        assert "no-store" in response["Cache-Control"]

    def test_probes_answer_any_host_over_plain_http(self, client, settings):
        # An orchestrator probes the machine's own address; production redirects to HTTPS.
        settings.SECURE_SSL_REDIRECT = True

        for path in ("/healthz", "/readyz"):
            response = client.get(path, headers={"host": "10.0.0.7:8000"})

            assert response.status_code == 200, path
            assert response.content == b"ok"

    def test_readiness_is_ok_when_database_and_cache_answer(self, client):
        response = client.get("/readyz")

        assert response.status_code == 200
        assert response.content == b"ok"
        assert "no-store" in response["Cache-Control"]

    def test_readiness_fails_without_the_database_and_says_only_that(self, client, caplog):
        with database_unreachable(), caplog.at_level(logging.WARNING, logger="portal.health"):
            response = client.get("/readyz")

        assert response.status_code == 503
        assert response.content == b"unavailable"
        assert "no-store" in response["Cache-Control"]
        assert "the database does not answer" in caplog.text

    def test_readiness_fails_without_the_cache_and_says_only_that(
        self, client, settings, dead_redis_settings, caplog
    ):
        use_cache_settings(settings, dead_redis_settings)

        with caplog.at_level(logging.WARNING):
            response = client.get("/readyz")

        assert response.status_code == 503
        assert response.content == b"unavailable"
        assert "Connection refused" in caplog.text


def test_probes_live_outside_the_language_prefix_and_the_sitemap(client, home_page):
    assert client.get("/en/healthz", follow=True).status_code == 404
    assert client.get("/mn/readyz/").status_code == 404
    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>http://testserver([^<]+)</loc>", index)
    sitemap = "".join(client.get(section).content.decode() for section in sections)
    assert "/sitemap-pages.xml" in sections
    assert "<loc>" in sitemap
    assert "healthz" not in index + sitemap and "readyz" not in index + sitemap


@pytest.fixture(scope="class")
def article(section):
    """A live article in both languages, once per test class."""
    return ArticlePageFactory(
        parent=section, title_en="Herders and the winter", title_mn="Малчид ба өвөл"
    )


class TestRedisDown:
    """REDIS_URL pointing at a closed port: every page still answers, from the database."""

    @pytest.fixture(autouse=True)
    def redis_down(self, settings, dead_redis_settings):
        use_cache_settings(settings, dead_redis_settings)

    @pytest.mark.parametrize(
        "path, text",
        [
            ("/en/", None),
            ("/mn/news/", "Мэдээ"),
            ("/en/news/{slug}/", "Herders and the winter"),
            ("/mn/news/{slug}/", "Малчид ба өвөл"),
            ("/en/contribute/login/", "Log in"),
            ("/admin/login/", "Sign in"),
        ],
    )
    def test_pages_answer(self, client, article, path, text):
        response = client.get(path.format(slug=article.slug))

        assert response.status_code == 200, path
        if text:
            assert text in response.content.decode()

    def test_a_guest_logs_in_and_stays_logged_in(self, client, make_guest, article):
        make_guest("saruul@uni.example", name_en="Saruul Bat")

        response = client.post(
            "/en/contribute/login/",
            {"username": "saruul@uni.example", "password": "pw"},
            follow=True,
        )

        assert response.status_code == 200
        assert "Signed in as Saruul Bat." in response.content.decode()
        assert "Signed in as Saruul Bat." in client.get("/en/contribute/").content.decode()

    def test_staff_log_in_to_the_admin(self, client, make_user, article):
        make_user("editor", password="pw", is_superuser=True)

        client.post("/admin/login/", {"username": "editor", "password": "pw"})
        response = client.get("/admin/")

        assert response.status_code == 200
        assert "Dashboard" in response.content.decode()

    def test_the_cache_reads_as_empty_and_takes_writes_silently(self, article):
        cache.set("key", "value")

        assert cache.get("key") is None
        assert cache.get("key", "fallback") == "fallback"
        assert cache.get_many(["key"]) == {}
        assert cache.add("key", "value") is False
        assert cache.get_or_set("key", "computed") == "computed"
        with pytest.raises(ValueError):
            cache.incr("key")


class TestRedisUp:
    """The same settings with Redis answering: the cache is used, and readiness is ok."""

    @pytest.fixture(autouse=True)
    def redis_up(self, settings, live_redis_settings):
        use_cache_settings(settings, live_redis_settings)
        yield
        cache.delete("wagtail_site_root_paths", version=SITE_ROOT_PATHS_CACHE_VERSION)

    def test_pages_answer_and_fill_the_cache(self, client, article):
        assert client.get("/en/").status_code == 200
        response = client.get(article.url)

        assert "Herders and the winter" in response.content.decode()
        assert cache.get("wagtail_site_root_paths", version=SITE_ROOT_PATHS_CACHE_VERSION)

    def test_readiness_is_ok(self, client, article):
        response = client.get("/readyz")

        assert response.status_code == 200
        assert response.content == b"ok"
