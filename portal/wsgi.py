import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

from portal.page_cache_front import PageCacheWSGI  # noqa: E402 (needs the settings)

# Stored pages are answered before Django handles the request (portal/page_cache_front.py).
application = PageCacheWSGI(get_wsgi_application())
