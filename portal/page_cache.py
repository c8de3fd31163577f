"""The full-page cache for anonymous readers, and the frontend-cache backend that purges it.

Django's two cache middlewares, with changes that make "never stale" possible, and a hit
one round trip to the cache:

- Every stored page belongs to an entry per *path*, and the entry holds a token that the
  stored page must carry to be served: deleting the entry makes every variant of the path
  unreachable for good, whatever its host, query string (`?page=N`, `?source=`) or Vary
  headers. So a listing's every page number is purged by one key, and so is `?page=999` or
  `?utm_source=`. A list's dated archive pages share its entry, and so do all sitemap
  documents (see `purge_group`).
- A purge first counts itself (PURGE_SERIAL_KEY); a page rendered while a purge happened is
  not stored, so a reader who read the database before the publish cannot store the old page
  after the purge. "Purge everything" moves GENERATION_KEY, which a stored page must match.
- A page's key is its method, absolute address and whether the reader takes gzip, so the
  path's entry, the counters and the page are read together. The page's other Vary headers
  (Accept-Language on an address without a language) are stored with it and must match.
- A page showing something that ends at a known moment (a breaking-news bar until its
  expiry) says so in `request.page_cache_until`; neither this cache nor a CDN keeps it past
  that moment (see `seconds_to_keep`).
- Only what is public is stored: anonymous GET/HEAD of the views in PAGE_CACHE_VIEWS, status
  200, no cookie set, no Vary: Cookie (a CSRF token or the session was used), no
  Cache-Control private/no-cache/no-store. A request that carries a session or messages
  cookie, or an Authorization header, never reads nor writes the cache.

Purges arrive through Wagtail's frontend cache (`WAGTAILFRONTENDCACHE`): LocalPageCacheBackend
is always configured; a CDN backend may be configured beside it (portal.page_purge says which
addresses show what).
"""

import hashlib
import logging
import re
import uuid
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import SuspiciousOperation
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone
from django.utils.cache import cc_delim_re, has_vary_header, patch_cache_control
from django.utils.encoding import escape_uri_path
from wagtail.contrib.frontend_cache.backends import BaseBackend

logger = logging.getLogger(__name__)

PURGE_SERIAL_KEY = "page_cache:purge-serial"
GENERATION_KEY = "page_cache:generation"
ENTRY_KEY_PREFIX = "page_cache:entry:"
PAGE_KEY_PREFIX = "page_cache:page:"
# A path's entry (its token) outlives its pages: they come and go under it.
ENTRY_SECONDS = 24 * 60 * 60
# Where portal.page_cache_front leaves what it found for a page it could not serve.
WSGI_LOOKUP = "portal.page_cache.lookup"

# Dated pages of a headline list (/en/headlines/mn/2025-12-05/) change with the list itself:
# its numbering, its source menu and the neighbouring days' links all move with one headline.
ARCHIVE_DAY = re.compile(r"^(/[^/]+/headlines/[^/]+/)\d{4}-\d{2}-\d{2}/$")
# /sitemap.xml and the documents of its index (/sitemap-pages.xml?p=2, the news sitemaps
# /sitemap-news-en.xml): what changes one changes the index, so one purge takes them all.
SITEMAP = re.compile(r"^/sitemap[^/]*\.xml$")
SITEMAP_GROUP = "/sitemap.xml"


def purge_group(path: str) -> str:
    """The path whose purge also purges `path`: itself, but for dated archive pages and sitemaps."""
    if SITEMAP.match(path):
        return SITEMAP_GROUP
    if day := ARCHIVE_DAY.match(path):
        return day.group(1)
    return path


def entry_key(path: str) -> str:
    group = escape_uri_path(purge_group(unquote(path)))
    return ENTRY_KEY_PREFIX + hashlib.md5(group.encode("ascii"), usedforsecurity=False).hexdigest()


def takes_gzip(request) -> bool:
    """Whether portal.compression (Django's GZipMiddleware) compresses for this reader."""
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def page_key(request, method: str) -> str:
    """One variant of one address: host, path and query (the language is its prefix), and
    whether the reader takes gzip (portal.compression compresses for exactly those)."""
    digest = hashlib.md5(usedforsecurity=False)
    for part in (method, request.build_absolute_uri(), "gzip" if takes_gzip(request) else "-"):
        digest.update(part.encode() + b"\0")
    return PAGE_KEY_PREFIX + digest.hexdigest()


def other_vary_values(request, vary: list[str]) -> tuple:
    """The request's values of the page's Vary headers that the key does not hold."""
    return tuple(request.META.get(header) for header in vary if header != "HTTP_ACCEPT_ENCODING")


def page_cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def may_use_cache(request) -> bool:
    """Whether this request may be answered from, and its answer stored in, the shared cache.

    Any session (staff, guests, a reader who entered a page's password) or a pending message
    means the page may be personal: such requests go to the view every time.
    """
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def is_public_view(request) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    allowed = settings.PAGE_CACHE_VIEWS
    dotted = f"{match.func.__module__}.{getattr(match.func, '__qualname__', '')}"
    return match.view_name in allowed or dotted in allowed


def is_personal(request, response) -> bool:
    return (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or bool(response.cookies)
        or has_vary_header(response, "Cookie")
    )


def is_storable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and not has_vary_header(response, "*")
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        and is_public_view(request)
    )


def shared_max_age(request) -> int:
    """How long a CDN may keep the page: only addresses a purge names exactly (no query
    string, not a page of a purge group), for PAGE_CACHE_SHARED_SECONDS."""
    if request.META.get("QUERY_STRING") or purge_group(request.path) != request.path:
        return 0
    return settings.PAGE_CACHE_SHARED_SECONDS


def seconds_to_keep(until, seconds: int) -> int:
    """`seconds`, or the whole seconds left before `until` (an aware datetime) when sooner."""
    if until is None:
        return seconds
    return max(0, min(seconds, int((until - timezone.now()).total_seconds())))


def purge_state(cache) -> tuple:
    found = cache.get_many([PURGE_SERIAL_KEY, GENERATION_KEY])
    return found.get(PURGE_SERIAL_KEY), found.get(GENERATION_KEY)


@dataclass
class Lookup:
    """What one read of the cache found for a request: the page to serve, if any, and what a
    page made for this request must be stored under (the purge counters, the path's token)."""

    response: object = None
    state: tuple | None = None
    token: str | None = None


def look_up(cache, request) -> Lookup:
    """The path's entry, the purge counters and the page, read together in one round trip; the
    page is served only if it was stored under that entry's token, in this generation, for
    the same Vary values."""
    keys = [entry_key(request.path), PURGE_SERIAL_KEY, GENERATION_KEY]
    keys.append(page_key(request, request.method))
    if request.method == "HEAD":
        keys.append(page_key(request, "GET"))
    found = cache.get_many(keys)
    token, generation = found.get(keys[0]), found.get(GENERATION_KEY)
    lookup = Lookup(state=(found.get(PURGE_SERIAL_KEY), generation), token=token)
    if token is None:
        return lookup
    for stored in (found.get(key) for key in keys[3:]):
        if stored is None:
            continue
        stored_token, stored_generation, vary, vary_values, response = stored
        if (stored_token, stored_generation) == (token, generation) and (
            other_vary_values(request, vary) == vary_values
        ):
            if until := getattr(response, "page_cache_until", None):
                # Stored a while ago: a CDN may keep it only for what is left of it.
                s_maxage = seconds_to_keep(until, shared_max_age(request))
                patch_cache_control(response, s_maxage=s_maxage)
            return Lookup(response=response)
    return lookup


class PageCacheFetchMiddleware(FetchFromCacheMiddleware):
    """Answers an anonymous reader from the cache (`look_up`), unless PageCacheWSGI in front
    of Django already looked and missed: then what it found is reused."""

    def process_request(self, request):
        request._page_cache_state = None
        if not may_use_cache(request):
            return None
        try:
            lookup = request.META.get(WSGI_LOOKUP) or look_up(self.cache, request)
        except SuspiciousOperation:
            # A host not allowed: refused further down, where the 400 page can be made.
            return None
        if lookup.response is not None:
            return lookup.response  # served: nothing to store
        request._page_cache_state, request._page_cache_token = lookup.state, lookup.token
        return None


class PageCacheUpdateMiddleware(UpdateCacheMiddleware):
    """Stores what PageCacheFetchMiddleware missed, when it is public (see `is_storable`)."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.cache_timeout = settings.PAGE_CACHE_SECONDS

    def process_response(self, request, response):
        state = getattr(request, "_page_cache_state", None)
        if state is None or not is_storable(request, response):
            if is_personal(request, response) and "Cache-Control" not in response:
                # No shared cache (a CDN, a proxy) may keep it either.
                patch_cache_control(response, private=True)
            return response
        # Browsers ask again each time (the cache answers fast); a CDN may keep it briefly.
        until = getattr(request, "page_cache_until", None)
        shared = seconds_to_keep(until, shared_max_age(request))
        patch_cache_control(response, public=True, max_age=0, s_maxage=shared)
        vary = [
            "HTTP_" + header.upper().replace("-", "_")
            for header in cc_delim_re.split(response.get("Vary", ""))
            if header
        ]
        if hasattr(response, "render") and not response.is_rendered:
            response.add_post_render_callback(lambda r: self._store(request, r, vary, state))
        else:
            self._store(request, response, vary, state)
        return response

    def _store(self, request, response, vary, state):
        cache = self.cache
        if purge_state(cache) != state:
            return  # something was purged while this page was made: it may show the old state
        until = getattr(request, "page_cache_until", None)
        timeout = seconds_to_keep(until, self.cache_timeout)
        if timeout <= 0:
            return
        if until is not None:
            response.page_cache_until = until
        path_key = entry_key(request.path)
        token = getattr(request, "_page_cache_token", None)
        if token is None:
            # A new entry, with a new token: copies stored under an earlier (purged) entry of
            # this path or group can never be served again.
            token = uuid.uuid4().hex
            if not cache.add(path_key, token, ENTRY_SECONDS):
                token = cache.get(path_key)  # another request made it first
        if token is None:
            return
        stored = (token, state[1], vary, other_vary_values(request, vary), response)
        cache.set(page_key(request, request.method), stored, timeout)


def count_purge(cache, key: str) -> None:
    """Move a purge counter; a dead cache has nothing to purge."""
    try:
        cache.add(key, 0, None)
        cache.incr(key)
    except ValueError:
        logger.warning("Page cache purge counter %s could not be moved", key)


def purge_paths(paths) -> None:
    """Every cached variant of these paths (and of the pages of their purge groups) is gone."""
    keys = {entry_key(path) for path in paths}
    if not keys:
        return
    cache = page_cache()
    count_purge(cache, PURGE_SERIAL_KEY)  # first: a page made before this moment is not stored
    cache.delete_many(list(keys))


def purge_everything() -> None:
    cache = page_cache()
    count_purge(cache, PURGE_SERIAL_KEY)
    count_purge(cache, GENERATION_KEY)


class LocalPageCacheBackend(BaseBackend):
    """A Wagtail frontend-cache backend for this site's own page cache: a URL's path (any host)."""

    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        purge_paths({urlsplit(url).path or "/" for url in urls})
