"""Which Wagtail Site answers a request, remembered in the shared cache.

Wagtail looks the Site up in the database on every request it serves (one query with a
CASE over host names and ports, about a tenth of an article's time); sites change a few
times in a site's life. The answer is kept per host and port until any Site is saved or
deleted, and handed to Wagtail the way it keeps its own answer: on the request.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Site

from bilingual.cache_versions import CacheVersion

from .page_cache import is_public_view

SITES = CacheVersion("sites")
SITE_LOOKUP_SECONDS = 60 * 60
NO_SITE = "none"  # a host no Site answers for is remembered too (cache.get's None is a miss)


class KnownSiteMiddleware:
    """For the reading views (the ones the page cache may store); staff and guest pages,
    rare and varied, let Wagtail look the Site up itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_public_view(request):
            return None
        hostname = split_domain_port(request._get_raw_host())[0]
        key = f"site-for:{SITES.current()}:{hostname}:{request.get_port()}"
        site = cache.get(key)
        if site is None:
            site = Site._find_for_request(request)
            cache.set(key, site or NO_SITE, SITE_LOOKUP_SECONDS)
        request._wagtail_site = None if site == NO_SITE else site
        return None


def connect():
    post_save.connect(SITES.bump, sender=Site, dispatch_uid="site-lookup")
    post_delete.connect(SITES.bump, sender=Site, dispatch_uid="site-lookup-gone")
