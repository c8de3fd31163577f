"""Production: refuses to start without a secret key; static files by WhiteNoise."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable for production.")

DEBUG = False
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True

# Login throttling (issue 10): production runs behind one reverse proxy (see
# SECURE_PROXY_SSL_HEADER), which appends the client's address to X-Forwarded-For; counting
# failures against REMOTE_ADDR would lock every reader out together. LOGIN_FAILURE_LIMIT and
# LOGIN_COOLOFF_MINUTES (base.py) tune the lockout itself.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
