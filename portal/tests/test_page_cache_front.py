"""Stored pages answered in front of Django (portal/page_cache_front.py): exactly what the
middleware would serve, to exactly the requests it would serve, and a miss handed on."""

import pytest
from django.test import Client, RequestFactory

from portal import page_cache
from portal.page_cache_front import PageCacheWSGI

pytestmark = pytest.mark.django_db

NEWS = "/en/news/"


class Django:
    """Stands in for Django's own handler: records what reached it."""

    def __init__(self):
        self.environs = []

    def __call__(self, environ, start_response):
        self.environs.append(environ)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"from django"]


def call(front, method="GET", path=NEWS, **headers):
    environ = RequestFactory().generic(method, path, **headers).environ
    answer = {}

    def start_response(status, response_headers):
        answer["status"], answer["headers"] = status, dict(response_headers)

    answer["body"] = b"".join(front(environ, start_response))
    return answer, environ


@pytest.fixture
def django():
    return Django()


@pytest.fixture
def front(django):
    return PageCacheWSGI(django)


@pytest.fixture
def stored(demo_site):
    """/en/news/ read once by a reader through Django, so the cache holds it."""
    response = Client().get(NEWS)
    assert response.status_code == 200
    return response


class TestServedInFront:
    def test_a_stored_page_is_answered_without_django(self, stored, front, django):
        answer, _environ = call(front)

        assert django.environs == []
        assert answer["status"] == "200 OK"
        assert answer["body"] == stored.content
        assert answer["headers"]["Content-Type"] == stored["Content-Type"]
        assert answer["headers"]["Content-Security-Policy"] == stored["Content-Security-Policy"]

    def test_head_gets_the_headers_without_the_body(self, stored, front, django):
        answer, _environ = call(front, "HEAD")
        assert django.environs == [] and answer["status"] == "200 OK" and answer["body"] == b""

    def test_a_miss_goes_to_django_with_what_was_found(self, demo_site, front, django):
        answer, environ = call(front, path="/mn/news/")

        assert answer["body"] == b"from django"
        lookup = environ[page_cache.WSGI_LOOKUP]
        assert lookup.response is None and lookup.state is not None

    def test_a_purged_page_goes_to_django(self, stored, front, django):
        page_cache.purge_paths([NEWS])
        call(front)
        assert len(django.environs) == 1


class TestLeftToDjango:
    @pytest.mark.parametrize(
        "headers",
        [
            {"HTTP_COOKIE": "sessionid=abc"},
            {"HTTP_COOKIE": "messages=abc"},
            {"HTTP_AUTHORIZATION": "Basic YTpi"},
        ],
    )
    def test_anyone_who_may_see_a_personal_page(self, stored, front, django, headers):
        answer, environ = call(front, **headers)
        assert answer["body"] == b"from django"
        assert page_cache.WSGI_LOOKUP not in environ  # Django decides, the cache is not read

    def test_a_form_sent(self, stored, front, django):
        answer, _environ = call(front, "POST")
        assert answer["body"] == b"from django"

    def test_a_host_not_allowed(self, stored, front, django):
        answer, _environ = call(front, HTTP_HOST="evil.example")
        assert answer["body"] == b"from django"

    def test_plain_http_when_the_site_redirects_to_https(self, stored, front, django, settings):
        settings.SECURE_SSL_REDIRECT = True
        answer, _environ = call(front)
        assert answer["body"] == b"from django"

    @pytest.mark.parametrize(
        "path", ["/static/css/site.css", "/media/original_images/a.png", "/healthz"]
    )
    def test_files_and_probes_without_reading_the_cache(self, stored, django, path, monkeypatch):
        front = PageCacheWSGI(django)
        monkeypatch.setattr(page_cache, "look_up", lambda *args: pytest.fail("cache read"))
        answer, _environ = call(front, path=path)
        assert answer["body"] == b"from django"
