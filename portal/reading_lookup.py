"""Which Wagtail Site and which page answer a reading request, remembered in the shared cache.

Wagtail looks the Site up in the database on every request it serves (one query with a CASE
over host names and ports), walks the tree from the Site's root to the page (a query per
level), then reads the view restrictions of the page and its ancestors. Sites change a few
times in a site's life and pages rarely move, so for the reading views (the ones the page
cache may store) both answers are kept and read together, in one round trip:

- the Site for a host and port, until any Site is saved or deleted (SITES);
- the page at a path of that host: its type, id, `url_path` and whether a view restriction
  applies to it, until any view restriction changes (ROUTES) or an article is published,
  unpublished, moved or deleted (ARTICLE_LISTINGS). An article is kept whole with it (no
  query at all); any other page is read afresh, in one query, and the remembered answer
  counts only while that page is still live at that `url_path`: an unpublished, moved,
  renamed or deleted page falls back to Wagtail's routing.

Staff and guest pages, rare and varied, let Wagtail look up for itself.
"""

import copy
import functools
import hashlib

from django.apps import apps
from django.core.cache import cache
from django.db import router
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from articles.listing_cache import ARTICLE_LISTINGS
from articles.models import ArticlePage
from articles.routing import LeanReading
from bilingual.cache_versions import CacheVersion

from .page_cache import is_public_view

SITES = CacheVersion("sites")
ROUTES = CacheVersion("page-routes")
LOOKUP_SECONDS = 60 * 60
NO_SITE = "none"  # a host no Site answers for is remembered too (cache.get's None is a miss)
ID_SENTINEL, URL_PATH_SENTINEL = -7_000_001, "\0url_path"


class ReadingLookupMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_public_view(request):
            return None
        hostname = split_domain_port(request._get_raw_host())[0]
        where = f"{SITES.current()}:{hostname}:{request.get_port()}"
        site_key, route_key = f"site-for:{where}", None
        if request.resolver_match.view_name == "wagtail_serve":
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            digest = hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()
            # An article is remembered whole until the articles change (see `remember_route`).
            route_key = f"route:{ROUTES.current()}:{ARTICLE_LISTINGS.current()}:{where}:{digest}"
        found = cache.get_many([site_key, route_key] if route_key else [site_key])

        site = found.get(site_key)
        if site is None:
            site = Site._find_for_request(request)
            cache.set(site_key, site or NO_SITE, LOOKUP_SECONDS)
        request._wagtail_site = None if site == NO_SITE else site

        if route_key and request._wagtail_site is not None:
            route = found.get(route_key)
            if route is None or not follow_remembered_route(request, route):
                remember_route(request, path, route_key)
        return None


def follow_remembered_route(request, route) -> bool:
    """Hands Wagtail the remembered page: an article as it was remembered, any other page
    read afresh if it is still live where it was."""
    label, pk, url_path, restricted, page = route
    if page is None:
        try:
            model = apps.get_model(label)
        except LookupError:
            return False
        sql, params = live_page_query(model)
        values = {ID_SENTINEL: pk, URL_PATH_SENTINEL: url_path}
        found = model.objects.raw(sql, [values.get(param, param) for param in params])
        page = next(iter(found), None)
        if page is None:
            return False
    if not restricted:
        page.known_view_restrictions = []
    request._wagtail_route_for_request = RouteResult(page)
    return True


@functools.cache
def live_page_query(model) -> tuple[str, tuple]:
    """The SQL that reads a live page of `model` by id and `url_path`, compiled once per
    process: compiling the fifty-odd columns of a translated page (each field in each
    language) was a fifth of an article's time. Its parameters hold sentinels for both."""
    pages = model.objects.filter(pk=ID_SENTINEL, live=True, url_path=URL_PATH_SENTINEL)
    return pages.order_by().query.get_compiler(router.db_for_read(model)).as_sql()


def remember_route(request, path: str, route_key: str) -> None:
    """Wagtail's own routing (it keeps its answer on the request, so the view does not route
    again), remembered when it led plainly to a page of this site's own kinds."""
    result = Page.route_for_request(request, path)
    if result is None:
        return
    page, args, kwargs = result
    if args or kwargs or not isinstance(page, LeanReading) or page.alias_of_id:
        return
    restrictions = list(page.get_view_restrictions())
    route = (page._meta.label_lower, page.pk, page.url_path, bool(restrictions), whole(page))
    page.known_view_restrictions = restrictions  # Wagtail's serve checks them next
    cache.set(route_key, route, LOOKUP_SECONDS)


def whole(page):
    """An article's row, to be served from memory: the route's key carries ARTICLE_LISTINGS,
    which moves whenever an article is published, unpublished, moved or deleted, or privacy
    changes, the only ways its live row changes. Its related rows (the lead image) are left
    to be read when needed: they change under ARTICLE_PARTS. Other pages are read afresh."""
    if not isinstance(page, ArticlePage):
        return None
    kept = copy.copy(page)
    kept._state = copy.copy(page._state)
    kept._state.fields_cache = {}
    kept.__dict__.pop("known_view_restrictions", None)
    return kept


def connect():
    post_save.connect(SITES.bump, sender=Site, dispatch_uid="site-lookup")
    post_delete.connect(SITES.bump, sender=Site, dispatch_uid="site-lookup-gone")
    post_save.connect(ROUTES.bump, sender=PageViewRestriction, dispatch_uid="route-lookup")
    post_delete.connect(ROUTES.bump, sender=PageViewRestriction, dispatch_uid="route-lookup-gone")
