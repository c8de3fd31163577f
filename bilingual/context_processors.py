from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme

from .languages import current_language, get_language_info, site_languages


def languages(request):
    """The reader's language from the table, and links to the page being read in each one."""
    active = current_language()
    return {
        "og_locale": get_language_info(active).og_locale,
        "site_languages": site_languages(),
        "language_links": [
            {
                "code": language.code,
                "name": language.native_name,
                "url": same_site_translation(request, language.code),
                "is_current": language.code == active,
            }
            for language in site_languages()
        ],
    }


def path_in_language(request, code: str) -> str:
    """The address being read, in language `code`. Django's translate_url resolves the path
    and reverses it again: the switcher and the hreflang links share one answer a language."""
    known = request.__dict__.setdefault("_paths_in_language", {})
    if code not in known:
        known[code] = translate_url(request.get_full_path(), code)
    return known[code]


def same_site_translation(request, code: str) -> str:
    """The address being read in language `code`; the front page when it would lead off the
    site (a request for `//evil.example/` must not make the switcher link there)."""
    translated = path_in_language(request, code)
    if url_has_allowed_host_and_scheme(translated, allowed_hosts=None):
        return translated
    return f"/{code}/"
