from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import sitemaps
from .robots import robots_txt

# A database that cannot be reached answers 503 with Retry-After; any other error, the 500
# page. (The health probes /healthz and /readyz are answered by portal.middleware.)
handler500 = "portal.health.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # An index of sections, each paged, and the news sitemaps (portal/sitemaps.py).
    path("", include(sitemaps.urlpatterns)),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The language switcher's links: remember the choice, then the same page in it.
    path("", include("bilingual.urls")),
]

# Media files on disk, served by Django while debugging or when SERVE_MEDIA is set (one
# machine, no proxy in front; a reverse proxy's alias for /media/ is the better way, and
# S3 media never come here). Django's own `static()` helper does nothing without DEBUG.
if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Every public page lives under /en/ or /mn/; "/" is redirected by LocaleMiddleware
# according to the language cookie or Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("contributions.urls")),
    path("", include("articles.urls")),
    path("", include("search.urls")),
    path("", include("headlines.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
