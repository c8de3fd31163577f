"""The full-page cache for anonymous readers, and the frontend-cache backend that purges it.

Django's two cache middlewares, with three changes that make "never stale" possible:

- A page is found through an entry per *path* (its "learned headers", as Django calls what
  `get_cache_key` reads), not per absolute address, and the entry holds a token that is
  part of every page key under it: deleting the entry makes every variant of the path
  unreachable for good, whatever its host, query string (`?page=N`, `?source=`) or Vary
  headers. So a listing's every page number is purged by one key, and so is `?page=999` or
  `?utm_source=`. A list's dated archive pages share its entry, and so do all sitemap
  documents (see `purge_group`).
- A purge first counts itself (PURGE_SERIAL_KEY); a page rendered while a purge happened is
  not stored, so a reader who read the database before the publish cannot store the old page
  after the purge. "Purge everything" moves GENERATION_KEY, part of every page's key.
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
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils import timezone
from django.utils.cache import cc_delim_re, has_vary_header, patch_cache_control
from django.utils.encoding import escape_uri_path
from wagtail.contrib.frontend_cache.backends import BaseBackend

logger = logging.getLogger(__name__)

PURGE_SERIAL_KEY = "page_cache:purge-serial"
GENERATION_KEY = "page_cache:generation"
HEADERS_KEY_PREFIX = "page_cache:headers:"
PAGE_KEY_PREFIX = "page_cache:page:"
# A path's entry (its Vary headers and token) outlives its pages: they come and go under it.
ENTRY_SECONDS = 24 * 60 * 60

# Dated pages of a headline list (/en/headlines/mn/2025-12-05/) change with the list itself:
# its numbering, its source menu and the neighbouring days' links all move with one headline.
ARCHIVE_DAY = re.compile(r"^(/[^/]+/headlines/[^/]+/)\d{4}-\d{2}-\d{2}/$")
# /sitemap.xml and, on a large site, the documents of its index (/sitemap-pages.xml?p=2).
SITEMAP = re.compile(r"^/sitemap[^/]*\.xml$")
SITEMAP_GROUP = "/sitemap.xml"


def purge_group(path: str) -> str:
    """The path whose purge also purges `path`: itself, but for dated archive pages and sitemaps."""
    if SITEMAP.match(path):
        return SITEMAP_GROUP
    if day := ARCHIVE_DAY.match(path):
        return day.group(1)
    return path


def headers_key(path: str) -> str:
    group = escape_uri_path(purge_group(unquote(path)))
    return (
        HEADERS_KEY_PREFIX + hashlib.md5(group.encode("ascii"), usedforsecurity=False).hexdigest()
    )


def page_key(request, method: str, entry: dict, generation) -> str:
    """One variant of one address: host, path and query (the language is its prefix), the
    Vary headers, and the token of the path's entry (a new one after each purge)."""
    digest = hashlib.md5(usedforsecurity=False)
    for part in (method, request.build_absolute_uri(), entry["token"]):
        digest.update(part.encode() + b"\0")
    for header in entry["vary"]:
        value = request.META.get(header)
        digest.update(b"-\0" if value is None else value.encode() + b"\1")
    return f"{PAGE_KEY_PREFIX}{generation or 0}:{digest.hexdigest()}"


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
        and "Authorization" not in request.headers
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


class PageCacheFetchMiddleware(FetchFromCacheMiddleware):
    """Answers an anonymous reader from the cache: one round trip for the path's entry and the
    purge counters, one for the page."""

    def process_request(self, request):
        request._page_cache_state = None
        if not may_use_cache(request):
            return None
        cache = self.cache
        path_key = headers_key(request.path)
        found = cache.get_many([path_key, PURGE_SERIAL_KEY, GENERATION_KEY])
        entry = found.get(path_key)
        request._page_cache_state = (found.get(PURGE_SERIAL_KEY), found.get(GENERATION_KEY))
        request._page_cache_entry = entry
        if entry is None:
            return None
        generation = request._page_cache_state[1]
        response = cache.get(page_key(request, request.method, entry, generation))
        if response is None and request.method == "HEAD":
            response = cache.get(page_key(request, "GET", entry, generation))
        if response is None:
            return None
        request._page_cache_state = None  # served: nothing to store
        if until := getattr(response, "page_cache_until", None):
            # Stored a while ago: a CDN may keep it only for what is left before `until`.
            patch_cache_control(response, s_maxage=seconds_to_keep(until, shared_max_age(request)))
        return response


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
        path_key = headers_key(request.path)
        entry = getattr(request, "_page_cache_entry", None)
        if entry is None:
            # A new entry, with a new token: copies stored under an earlier (purged) entry of
            # this path or group can never be reached again.
            entry = {"vary": vary, "token": uuid.uuid4().hex}
            if not cache.add(path_key, entry, ENTRY_SECONDS):
                entry = cache.get(path_key)  # another request made it first
        if entry is None or entry["vary"] != vary:
            return
        cache.set(page_key(request, request.method, entry, state[1]), response, timeout)


def count_purge(cache, key: str) -> None:
    """Move a purge counter; a dead cache has nothing to purge."""
    try:
        cache.add(key, 0, None)
        cache.incr(key)
    except ValueError:
        logger.warning("Page cache purge counter %s could not be moved", key)


def purge_paths(paths) -> None:
    """Every cached variant of these paths (and of the pages of their purge groups) is gone."""
    keys = {headers_key(path) for path in paths}
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
