"""The benchmark's floor: one trivial Django view under the site's own settings and middleware.

`scripts/benchmark.py` runs it under the same gunicorn as the site, so a page's requests per
second divided by this view's is what the page itself costs, whatever the machine.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", trivial)]

application = get_wsgi_application()
settings.ROOT_URLCONF = __name__
