from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import sitemaps

# A database that cannot be reached answers 503 with Retry-After; any other error, the 500
# page. (The health probes /healthz and /readyz are answered by portal.middleware.)
handler500 = "portal.health.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # An index of sections, each paged (portal/sitemaps.py).
    path("", include(sitemaps.urlpatterns)),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under /en/ or /mn/; "/" is redirected by LocaleMiddleware
# according to the language cookie or Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("contributions.urls")),
    path("", include("articles.urls")),
    path("", include("headlines.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
