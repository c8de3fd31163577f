"""The benchmark's floor: the cheapest answer Django gives, a trivial view behind Django's
common middleware and nothing of this site (no database, no cache, no templates).

`scripts/benchmark.py` runs it under the same gunicorn as the site, so a page's requests per
second divided by this view's is what the page costs above Django itself, whatever the
machine. (Under the site's own settings and middleware the floor would be some five times
slower, and every ratio as much rosier.)
"""

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="benchmark-floor-only",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import re_path  # noqa: E402


def trivial(request):
    return HttpResponse(b"<!doctype html><title>floor</title><p>floor</p>")


urlpatterns = [re_path(r"", trivial)]  # every address, /healthz included (the start check)
application = get_wsgi_application()
