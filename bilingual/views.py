"""Choosing a language: remembered in Django's language cookie, which `/` then follows."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.views.decorators.http import require_safe

from .context_processors import same_site_translation
from .languages import language_codes

# The longest `next` followed; the switcher's own links are far shorter.
MAX_NEXT_LENGTH = 2000


@require_safe
def choose_language(request, code):
    """Remember `code` and go to the same place in it (`next`, a path on this site, else the
    front page). A plain link, so it works without JavaScript; the cookie is set here, on a
    redirect never stored in the page cache, not on the shared pages that link here."""
    if code not in language_codes():
        raise Http404
    response = HttpResponseRedirect(destination(request.GET.get("next", ""), code))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def destination(next_path: str, code: str) -> str:
    """`next_path` in language `code` when it is a path of this site in a language of ours;
    the front page in `code` for anything else (another host, a script, an overlong value)."""
    front = f"/{code}/"
    if not next_path.startswith("/") or len(next_path) > MAX_NEXT_LENGTH:
        return front
    translated = same_site_translation(next_path, code)
    return translated if translated.startswith(front) else front
