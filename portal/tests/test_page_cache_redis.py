"""The page cache on Redis, as in production; and pages still answer while Redis is down."""

import pytest
import redis
from django.core.cache import cache
from django.test import Client

from articles.models import ArticleIndexPage

REDIS_URL = "redis://127.0.0.1:6379/6"
DEAD_REDIS_URL = "redis://127.0.0.1:1/0"

pytestmark = pytest.mark.django_db


def redis_cache(settings, location):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.TolerantRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def on_redis(settings):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    redis_cache(settings, REDIS_URL)
    cache.clear()
    yield
    cache.clear()


def test_pages_are_stored_in_redis_and_purged_there(
    demo_site, on_redis, django_assert_num_queries, django_capture_on_commit_callbacks
):
    reader = Client()
    for address in ("/en/news/", "/mn/news/"):
        reader.get(address)
        with django_assert_num_queries(0):
            assert reader.get(address).status_code == 200
    section = demo_site.section("news")
    section.introduction_en, section.introduction_mn = "Fresh words", "Шинэ үг"
    with django_capture_on_commit_callbacks(execute=True):
        section.save_revision().publish()
    assert "Fresh words" in reader.get("/en/news/").content.decode()
    assert "Шинэ үг" in reader.get("/mn/news/").content.decode()


def test_pages_answer_uncached_while_redis_is_down(
    demo_site, settings, django_capture_on_commit_callbacks
):
    redis_cache(settings, DEAD_REDIS_URL)
    reader = Client()
    assert reader.get("/en/news/").status_code == 200
    ArticleIndexPage.objects.filter(slug="news").update(introduction_en="Made afresh")
    assert "Made afresh" in reader.get("/en/news/").content.decode()
    section = demo_site.section("news")
    section.introduction_en = "Published while Redis is down"
    with django_capture_on_commit_callbacks(execute=True):
        section.save_revision().publish()  # the purge finds no cache, and says so in the log
    assert "Published while Redis is down" in reader.get("/en/news/").content.decode()
