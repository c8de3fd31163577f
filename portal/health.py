"""How the site answers when it is unwell: the health probes, and the 503 page readers get
while the database cannot be reached.

The probes say only "ok" or "unavailable": what failed, and why, goes to the log.
"""

import logging
import sys
import uuid

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views import defaults

logger = logging.getLogger(__name__)

# What a reader's browser (and any proxy) is told to wait before asking again.
RETRY_AFTER_SECONDS = 30
# Errors that mean "the database cannot be reached" rather than "this request is wrong".
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def probe_answer(healthy: bool) -> HttpResponse:
    response = HttpResponse(
        "ok" if healthy else "unavailable",
        status=200 if healthy else 503,
        content_type="text/plain; charset=utf-8",
    )
    add_never_cache_headers(response)
    return response


def healthz(request):
    """Liveness: the process answers requests. Touches neither the database nor the cache."""
    return probe_answer(True)


def readyz(request):
    """Readiness: the database and the cache both answer."""
    return probe_answer(database_answers() & cache_answers())


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Readiness: the database does not answer", exc_info=True)
        return False
    return True


def cache_answers() -> bool:
    """A round trip through the cache. The Redis backend turns errors into misses (see
    portal/cache.py), so a value that does not come back is the sign of a dead cache."""
    key = f"readyz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        answered = cache.get(key) == "ok"
        cache.delete(key)
    except Exception:  # any backend, any failure: the answer is "not ready"
        logger.warning("Readiness: the cache does not answer", exc_info=True)
        return False
    if not answered:
        logger.warning("Readiness: the cache does not answer (a value set was not read back)")
    return answered


def database_unavailable(request) -> HttpResponse:
    """The friendly page, in the reader's language, with 503 and a time to come back."""
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        # Rendered without a request context: nothing on this page may need the database.
        html = render_to_string("503.html")
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def server_error(request, template_name="500.html"):
    """The site's 500 handler (handler500). Django calls it while handling the exception,
    wherever it was raised (a view, a middleware, the 404 page): a database that cannot be
    reached answers 503 with Retry-After instead, since trying again later will help."""
    if is_database_unavailable(sys.exc_info()[1]):
        return database_unavailable(request)
    return defaults.server_error(request, template_name)


def is_database_unavailable(error: BaseException | None) -> bool:
    # A database error may come wrapped in another (a template, a signal handler).
    while error is not None:
        if isinstance(error, DATABASE_UNAVAILABLE):
            return True
        error = error.__cause__ or error.__context__
    return False
