"""Production: refuses to start without a secret key; static files by WhiteNoise; HTTPS only.

Every security setting below is secure by default and can be loosened only by the
environment (the README lists the variables); `manage.py check --deploy --fail-level
WARNING` passes with the defaults.
"""

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
SECURE_CONTENT_TYPE_NOSNIFF = True

# --- HTTPS and browser security headers (issue 10, finding 16) ----------------------------
# Plain-HTTP requests are redirected to HTTPS (the health probes answer before this; see
# portal/middleware.py). Off only where a proxy in front already redirects.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# Browsers remember to use HTTPS only for this many seconds (a year); 0 turns HSTS off, for
# a first deployment whose HTTPS is not yet trusted.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
# HSTS covers every subdomain too: turn off if a subdomain still serves plain HTTP.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Consent to browsers' built-in HTTPS list (it takes effect only once the domain is
# submitted there, and is slow to undo).
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
# How much of our address a followed link is told: "same-origin" tells other sites nothing.
SECURE_REFERRER_POLICY = env.str("SECURE_REFERRER_POLICY", default="same-origin")
# Session, CSRF and language cookies travel over HTTPS only; off only to try production
# settings over plain HTTP on a private machine.
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
LANGUAGE_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
# No other site may frame ours (Wagtail's preview frames its own pages, which it allows).
X_FRAME_OPTIONS = "DENY"
# The Content-Security-Policy and Permissions-Policy are in base.py: every environment,
# the browser tests included, runs under them.
# --- end of HTTPS and security headers -----------------------------------------------------

# Login throttling (issue 10): production runs behind one reverse proxy (see
# SECURE_PROXY_SSL_HEADER), which appends the client's address to X-Forwarded-For; counting
# failures against REMOTE_ADDR would lock every reader out together. LOGIN_FAILURE_LIMIT and
# LOGIN_COOLOFF_MINUTES (base.py) tune the lockout itself.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)

# --- App server, database connections and mail (issue 8) ----------------------------------
# A database connection is kept this many seconds and reused by the worker's next requests
# (0: a new connection per request, which costs every page a connection set-up); each is
# checked before reuse, so a restarted database costs one retry, not an error.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Mail goes out over SMTP (the EMAIL_* variables, base.py). A backend that sends nothing
# would lose every invitation and password reset without a word: production refuses it
# unless ALLOW_CONSOLE_EMAIL=true says that is meant (a trial run on one's own machine).
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
MAIL_THAT_GOES_NOWHERE = (
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
)
if EMAIL_BACKEND in MAIL_THAT_GOES_NOWHERE and not ALLOW_CONSOLE_EMAIL:  # noqa: F405
    raise ImproperlyConfigured(
        f"EMAIL_BACKEND is {EMAIL_BACKEND}, which sends no mail: invitations and password "
        "resets would never arrive. Set the EMAIL_HOST variables for SMTP (the default "
        "backend), or ALLOW_CONSOLE_EMAIL=true to run production settings without mail."
    )
if EMAIL_USE_TLS and EMAIL_USE_SSL:  # noqa: F405
    raise ImproperlyConfigured("Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both.")
# --- end of app server ---------------------------------------------------------------------
