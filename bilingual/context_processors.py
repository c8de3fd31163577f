from urllib.parse import urlsplit, urlunsplit

from django.http import QueryDict
from django.urls import reverse, translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme

from .languages import current_language, site_languages


def languages(request):
    """The reader's language from the table, and links to the page being read in each one
    (worked out only if the page shows them: a cached header does not)."""
    return {
        "site_languages": site_languages(),
        "language_links": SimpleLazyObject(lambda: language_links(request)),
    }


def language_links(request) -> list[dict]:
    here = request.get_full_path()
    active = current_language()
    links = []
    for language in site_languages():
        there = same_site_translation(here, language.code, request)
        links.append(
            {
                "code": language.code,
                "name": language.native_name,
                "url": there,
                "switch_url": switch_url(there, language.code),
                "is_current": language.code == active,
            }
        )
    return links


def translated_path(path: str, code: str, request=None) -> str:
    """Django's translate_url, which resolves the path and reverses it again: worked out once
    per request for each path and language (the switcher, hreflang and canonical links ask)."""
    if request is None:
        return translate_url(path, code)
    known = request.__dict__.setdefault("_translated_paths", {})
    if (path, code) not in known:
        known[path, code] = translate_url(path, code)
    return known[path, code]


def same_site_translation(path: str, code: str, request=None) -> str:
    """`path` in language `code`, with the page it returns to (`?next=`, as on the login
    page) in `code` too; the front page when the path would lead off the site (a request
    for `//evil.example/` must not make the switcher link there)."""
    translated = with_next_translated(translated_path(path, code, request), code)
    if url_has_allowed_host_and_scheme(translated, allowed_hosts=None):
        return translated
    return f"/{code}/"


def with_next_translated(url: str, code: str) -> str:
    """`?next=` in `url` translated into `code`; dropped when it is no path of this site."""
    parts = urlsplit(url)
    query = QueryDict(parts.query, mutable=True)
    if "next" not in query:
        return url
    next_path = query["next"]
    if next_path.startswith("/") and url_has_allowed_host_and_scheme(next_path, allowed_hosts=None):
        query["next"] = translate_url(next_path, code)
    else:
        del query["next"]
    return urlunsplit(parts._replace(query=query.urlencode(safe="/")))


def switch_url(there: str, code: str) -> str:
    """The switcher's link to `there` (a page in `code`): through `choose_language`, which
    remembers the choice, then redirects there."""
    query = QueryDict(mutable=True)
    query["next"] = there
    return f"{reverse('choose_language', args=[code])}?{query.urlencode(safe='/')}"
