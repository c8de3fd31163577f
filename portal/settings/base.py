"""Settings shared by every environment.

The environment is read here and only here; dev, test and production override.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from bilingual.languages import DEFAULT_LANGUAGE, LANGUAGE_TABLE
from portal.release import release_token

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# Secure by default: DEBUG is off unless the environment turns it on.
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)

# --- Faults: a dead database or cache (issue 10, finding 15) -------------------------------
# An unreachable PostgreSQL server costs each request this many seconds before the reader
# gets the 503 page (portal/health.py), rather than the operating system's TCP timeout.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env.int(
        "DATABASE_CONNECT_TIMEOUT", default=5
    )

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Errors are logged and read as misses: pages keep working while Redis is down.
            "BACKEND": "portal.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            # Seconds before giving up on Redis (connecting, then each answer).
            "OPTIONS": {
                "socket_connect_timeout": env.float("REDIS_TIMEOUT", default=0.5),
                "socket_timeout": env.float("REDIS_TIMEOUT", default=0.5),
            },
        }
    }
else:
    # Without Redis, a cache on local disk: every process on the machine shares it, so a
    # purge or a fragment's new version made by one (an admin request, a gunicorn worker,
    # `fetch_headlines` from cron) reaches the others; a per-process memory cache would not.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env.path("CACHE_DIR", default=str(BASE_DIR / "var" / "cache")),
            # Past this many entries a third is dropped, which reads as misses, never as stale.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
# Every key carries the release (portal/release.py): a deploy never serves pages or fragments
# an older release made.
CACHES["default"]["KEY_PREFIX"] = release_token(BASE_DIR, env.str("RELEASE_ID", default=""))
# Sessions stay in the database (Django's default engine), never only in the cache: a Redis
# restart logs nobody out, and no cached copy can outlive a logout made while Redis was down.
# Readers have no session; staff and guests pay one primary-key lookup per request.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# --- end of faults -------------------------------------------------------------------------

INSTALLED_APPS = [
    # modeltranslation must come before the admin and Wagtail apps.
    "modeltranslation",
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "bilingual",
    "authors",
    "headlines",
    "articles",
    "breaking_news",
    "search",
    "contributions",
    "editorial",
    "portal",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
]

MIDDLEWARE = [
    # /healthz and /readyz answer before the host check and the HTTPS redirect (probes).
    "portal.middleware.HealthProbeMiddleware",
    # Page cache, storing (issue 8): outermost but the probes, so that it stores a page with
    # every header the middleware below adds (security, CSP, language), once they are added.
    "portal.page_cache.PageCacheUpdateMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Page cache, answering (issue 8): right after the HTTPS redirect and static files. A
    # stored page already carries every header the middleware below added when it was made
    # (policies, language, compression), and a request without a session cookie (the only
    # kind it answers) needs neither CSRF, authentication nor messages: a hit runs no query
    # and none of them. Bad requests (NUL, a host not allowed) are never stored, so they
    # miss and go on to be refused below.
    "portal.page_cache.PageCacheFetchMiddleware",
    # Compresses pages, feeds and sitemaps, never a page with a CSRF token (BREACH); below
    # WhiteNoise, which serves static files already compressed (portal/compression.py).
    "portal.compression.PageCompressionMiddleware",
    # Content-Security-Policy and Permissions-Policy headers (see the end of this file).
    "portal.middleware.SitePolicyCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware, so the refusals are in the reader's language.
    "portal.request_guards.RefuseOversizedRequestsMiddleware",
    "portal.request_guards.RefuseNullCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The Wagtail Site of the request from the cache, not a query per request (after the
    # page cache's answer, which needs no Site; portal/reading_lookup.py).
    "portal.reading_lookup.ReadingLookupMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "editorial.middleware.TranslationRefusalMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.admin_logout.LogoutOnlyByPostMiddleware",
    "editorial.workflow_input.WorkflowActionDataMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into our page
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "bilingual.context_processors.languages",
            ],
        },
    },
]

# The public site's only login is the guest-author area's; staff log in at /admin/.
LOGIN_URL = "contribute_login"
LOGIN_REDIRECT_URL = "contribute_dashboard"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the default and the fallback for every translated field.
# The languages and what hangs off each are described once, in bilingual/languages.py.
LANGUAGE_CODE = DEFAULT_LANGUAGE
LANGUAGES = [(language.code, language.name) for language in LANGUAGE_TABLE]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The reader's choice in the language switcher (bilingual.views), which "/" follows: kept a
# year, sent on links from other sites (Lax) so that "/" honours it there too.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
USE_TZ = True
# Readers and editors see Ulaanbaatar time; the database stores UTC.
TIME_ZONE = "Asia/Ulaanbaatar"

MODELTRANSLATION_DEFAULT_LANGUAGE = DEFAULT_LANGUAGE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = (DEFAULT_LANGUAGE,)
MODELTRANSLATION_CUSTOM_FIELDS = ("StreamField", "RichTextField")
# Translated slugs would replace Wagtail's indexed routing with a Python scan of siblings.
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

WAGTAIL_SITE_NAME = "Mongolia News Portal"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# No request body may be larger (portal/request_guards.py): room for a library image or a
# document; files are otherwise written to disk in full before any form sees them.
MAX_REQUEST_BYTES = env.int("MAX_REQUEST_MB", default=50) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The workflow's last approvers (translators) publish by approving: see editorial/publishing.py.
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.publishing.publish_approved_revision"
# Any edit during review sends the article back through every step: nothing goes live
# that an editor has not approved in the form it is published.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="newsroom@localhost")

# --- Deploy: email, media on object storage (issue 8) -------------------------------------
# Mail over SMTP, the production backend (production.py refuses the console backend unless
# ALLOW_CONSOLE_EMAIL says so: invitations and password resets would go nowhere).
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)  # STARTTLS, usually port 587
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)  # TLS from the start, usually 465
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)  # seconds; a stuck server frees the worker
# Error reports to ADMINS come from this address.
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
ALLOW_CONSOLE_EMAIL = env.bool("ALLOW_CONSOLE_EMAIL", default=False)

# With DEBUG off, Django serves MEDIA_ROOT only when told to: the option for a single machine
# without a reverse proxy (the README prefers the proxy's own alias for /media/).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)

# Media on any S3-compatible object store when a bucket is named: Wagtail images and their
# renditions, documents and guests' pictures (portal/media_storage.py says which are public).
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
MEDIA_ORIGINS = []  # where pages load images from besides this server (the CSP's img-src)
if AWS_STORAGE_BUCKET_NAME:
    _s3 = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        # Another provider's (or a local server's) address; AWS's own when empty.
        "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
        "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
        # A CDN or domain in front of the bucket, for the public renditions' URLs.
        "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
        # "path" for stores without per-bucket host names; boto3 chooses when empty.
        "addressing_style": env.str("AWS_S3_ADDRESSING_STYLE", default="") or None,
        # Folder inside the bucket, to share one bucket between sites.
        "location": env.str("AWS_LOCATION", default=""),
        # Empty for a bucket with ACLs turned off (its policy makes images/* public instead).
        "public_acl": env.str("AWS_DEFAULT_ACL", default="public-read"),
        # How long a signed URL to a private file (document, guest picture) stays valid.
        "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", default=300),
    }
    # Keys from the environment; without them boto3's own chain (instance role, ~/.aws).
    for _option, _variable in [
        ("access_key", "AWS_ACCESS_KEY_ID"),
        ("secret_key", "AWS_SECRET_ACCESS_KEY"),
    ]:
        if env.str(_variable, default=""):
            _s3[_option] = env.str(_variable)
    STORAGES["default"] = {"BACKEND": "portal.media_storage.MediaStorage", "OPTIONS": _s3}
    if _s3["custom_domain"]:
        MEDIA_ORIGINS = [f"https://{_s3['custom_domain']}"]
    elif _s3["endpoint_url"]:
        _endpoint = _s3["endpoint_url"].rstrip("/")
        _scheme, _host = _endpoint.split("://", 1)
        MEDIA_ORIGINS = [_endpoint, f"{_scheme}://{AWS_STORAGE_BUCKET_NAME}.{_host}"]
    else:
        MEDIA_ORIGINS = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
        if _s3["region_name"]:
            MEDIA_ORIGINS.append(
                f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{_s3['region_name']}.amazonaws.com"
            )
# Documents: on S3, streamed through Django, which checks Wagtail's collection privacy and
# sends them as attachments under a CSP of their own; "redirect" sends the reader to a
# short-lived signed URL instead (no worker busy, but the file's own headers). On disk,
# Wagtail's default (served by Django).
WAGTAILDOCS_SERVE_METHOD = (
    env.str("WAGTAILDOCS_SERVE_METHOD", default="serve_view" if AWS_STORAGE_BUCKET_NAME else "")
    or None
)
# --- end of deploy -------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Headline feeds: the fetcher connects to public internet addresses only (see
# headlines/ingest/addresses.py). Networks listed here are let through all the same, in
# CIDR form ("127.0.0.1/32"). Tests that serve feeds on 127.0.0.1 set it with pytest's
# `settings` fixture; a site has no reason to, as it reopens the door to its own network.
HEADLINE_FEED_ALLOWED_PRIVATE_NETWORKS = []

# --- Logins, password resets and admin requests under attack (issue 10) -----------------------
# Failed logins (admin and guest area) are counted by django-axes in the database, so counting
# goes on while the cache is down. Account and client address are counted separately: after
# LOGIN_FAILURE_LIMIT failures for one account, or from one address, within LOGIN_COOLOFF_MINUTES
# of the last one, even the right password is refused (429 with Retry-After) until that many
# minutes pass without a new failure. A success does not wipe the count: a guest logging in to
# their own account must not reset the address's failures on someone else's.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login before any check
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "portal.throttling.FailedLoginRecorder"
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "portal.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "portal.throttling.client_address"
AXES_USERNAME_CALLABLE = "portal.throttling.counted_username"
AXES_DISABLE_ACCESS_LOG = True  # failures are what we count; successes need no table of their own
# How many proxies in front of the app append to X-Forwarded-For (0: REMOTE_ADDR is the client).
# Behind one reverse proxy set it to 1, or every login would count against the proxy's address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# The admin's "forgotten password" mails: a few an hour to one address and from one client; past
# that the page answers as if sent, so it tells nobody whether an account exists.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "portal.throttling.ThrottledPasswordResetForm"
PASSWORD_RESET_MAILS_PER_ADDRESS = 3
PASSWORD_RESET_REQUESTS_PER_CLIENT = 10
PASSWORD_RESET_WINDOW_SECONDS = 60 * 60

# --- Content-Security-Policy and Permissions-Policy (issue 10, finding 16) ------------------
# In every environment, so that the browser tests run under the policy production sends.
# The public site and the guest area run no inline script and load everything from this
# server, but for the iframes of embedded videos (an embed that brings its own script, as
# some social networks' do, shows as its plain quote). A project template that ever needs an
# inline script gives it nonce="{{ request.csp_nonce }}". JSON-LD (<script
# type="application/ld+json">) is data, which script-src does not govern.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        # Where embedded media (Wagtail's EmbedBlock) may be framed from: comma-separated.
        "frame-src": [
            SELF,
            *env.list(
                "EMBED_FRAME_SOURCES",
                default=[
                    "https://www.youtube.com",
                    "https://www.youtube-nocookie.com",
                    "https://player.vimeo.com",
                ],
            ),
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# What the Wagtail admin (under /admin/) needs beyond that: found by running its pages in
# Chromium and collecting violations (portal/tests/test_csp_browser.py). Wagtail writes
# inline scripts (inline panels, date pickers) and inline styles; its preview is framed by
# the editor itself. Replaces the public directives of the same name.
CONTENT_SECURITY_POLICY_ADMIN = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "frame-ancestors": [SELF],
}
# A page previewed in the editor is framed by the admin (Wagtail's preview panel).
CONTENT_SECURITY_POLICY_PREVIEW = {"frame-ancestors": [SELF]}
# The admin talks to this server only: avatars are not fetched from a third party keyed by
# staff emails, nor does each editor's browser ask Wagtail's site for a newer release.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No page asks for the camera, the microphone, the location or payment; nor may an embed.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
    "browsing-topics": [],
}
# --- end of security headers ---------------------------------------------------------------

# --- Full-page cache for anonymous readers (issue 8) -------------------------------------------
# portal/page_cache.py stores public pages in CACHES["default"] (Redis in production) for
# anonymous readers; portal/page_purge.py purges the pages that show a thing when it changes.
# PAGE_CACHE_SECONDS=0 turns the page cache off (nothing stored, nothing purged).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
# How long a CDN or proxy may keep a page (Cache-Control s-maxage); browsers always ask again.
# Only addresses a purge names are offered (no query string, no dated archive page).
PAGE_CACHE_SHARED_SECONDS = env.int("PAGE_CACHE_SHARED_SECONDS", default=60)
# The views whose anonymous 200 answers are stored: URL names, or dotted view paths.
# Everything else (search, the guest area, the admin, previews, documents) is never stored.
PAGE_CACHE_VIEWS = [
    "wagtail_serve",
    "author_detail",
    "topic_detail",
    "corrections",
    "corrections_feed",
    "headlines:archive",
    "headlines:archive_day",
    "headlines:feed",
    "site_feed",
    "section_feed",
    "author_feed",
    "topic_feed",
    "sitemap",
    "sitemap_section",
    "news_sitemap",
    "robots_txt",
]
# Wagtail's frontend cache sends every purge to each backend here. "local" (always) is this
# site's page cache. A CDN is purged too when configured from the environment:
#   PAGE_CACHE_PURGE_URL=http://127.0.0.1:6081   Varnish (or any cache taking HTTP PURGE)
#   CLOUDFLARE_ZONE_ID + CLOUDFLARE_API_TOKEN     Cloudflare
#   CLOUDFRONT_DISTRIBUTION_ID                    CloudFront (needs boto3 and AWS credentials)
# The CDN is sent the default Wagtail Site's address, so give that Site the public hostname.
# Wagtail's frontend_cache app is not installed: its own receivers purge only a page's
# address in one language, and before the transaction commits.
WAGTAILFRONTENDCACHE = {"local": {"BACKEND": "portal.page_cache.LocalPageCacheBackend"}}
if PAGE_CACHE_PURGE_URL := env.str("PAGE_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": PAGE_CACHE_PURGE_URL,
    }
if env.str("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env.str("CLOUDFLARE_API_TOKEN"),
    }
if env.str("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
    }
# --- end of full-page cache ---------------------------------------------------------------------
