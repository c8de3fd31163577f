"""Stored pages served in front of Django (portal/wsgi.py), before it handles the request.

A hit answered by PageCacheFetchMiddleware still pays for Django's handling of a request:
its signals, the middleware on the way in and out, closing the response. In front of Django
the same lookup (`page_cache.look_up`) answers a hit with the stored page's status, headers
and body, and hands a miss on to Django with what it found, so that the page Django makes is
stored under it without a second look.

Only what the middleware would answer is answered here: GET and HEAD without a session,
messages cookie or Authorization header (`page_cache.may_use_cache`), for an allowed host,
and not a plain-HTTP request that the site sends to HTTPS. Static and media files and the
health probes go straight to Django.
"""

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.handlers.wsgi import WSGIRequest

from . import page_cache
from .middleware import PROBES


def local_prefix(url: str) -> str | None:
    """The path prefix of STATIC_URL or MEDIA_URL when they are served by this site."""
    if not url or "://" in url or url.startswith("//"):
        return None
    return "/" + url.lstrip("/")


class PageCacheWSGI:
    def __init__(self, application):
        self.application = application
        prefixes = (local_prefix(settings.STATIC_URL), local_prefix(settings.MEDIA_URL))
        self.files = tuple(prefix for prefix in prefixes if prefix)

    def __call__(self, environ, start_response):
        response = self.stored_page(environ)
        if response is None:
            return self.application(environ, start_response)
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else response.content]

    def stored_page(self, environ):
        path = environ.get("PATH_INFO", "")
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or path in PROBES:
            return None
        if path.startswith(self.files):
            return None
        request = WSGIRequest(environ)
        if not page_cache.may_use_cache(request):
            return None
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return None  # Django's SecurityMiddleware redirects it
        try:
            lookup = page_cache.look_up(page_cache.page_cache(), request)
        except SuspiciousOperation:  # a host not allowed: Django refuses it
            return None
        if lookup.response is None:
            environ[page_cache.WSGI_LOOKUP] = lookup
        return lookup.response
