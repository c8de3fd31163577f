"""Gzip for pages, feeds and sitemaps, but never for a response that carries a CSRF token.

BREACH: when a compressed response holds both a secret (the CSRF token of a form) and text
the attacker chose (a search word, a form's rejected input echoed back), the size of the
response, watched over many requests, gives the secret away. Django masks its token afresh
on every response, which blunts the attack, but a form page is small and seldom read: it is
simply sent uncompressed. A response whose rendering asked for the CSRF token is left
alone: Django's `get_token` marks the request, and CsrfViewMiddleware (further down the
list, so it has answered first) then sets the CSRF cookie on the response and clears the
mark. Pages for readers never ask for a token.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

# Text worth compressing; images, archives and documents are compressed already, or not ours.
COMPRESSIBLE_TYPES = (
    "text/html",
    "text/plain",
    "text/xml",
    "text/css",
    "text/javascript",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
    "application/ld+json",
    "application/javascript",
)


def used_csrf_token(request):
    """Whether the response was rendered with this request's CSRF token in it."""
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def sets_csrf_cookie(response):
    return settings.CSRF_COOKIE_NAME in response.cookies


class PageCompressionMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, for text only and never with a CSRF token in the body."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if content_type not in COMPRESSIBLE_TYPES:
            return response
        if used_csrf_token(request) or sets_csrf_cookie(response):
            return response
        return super().process_response(request, response)
