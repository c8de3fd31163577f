from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme

from .languages import current_language, site_languages


def languages(request):
    """The reader's language from the table, and links to the page being read in each one."""
    here = request.get_full_path()
    active = current_language()
    return {
        "site_languages": site_languages(),
        "language_links": [
            {
                "code": language.code,
                "name": language.native_name,
                "url": same_site_translation(here, language.code),
                "is_current": language.code == active,
            }
            for language in site_languages()
        ],
    }


def same_site_translation(path: str, code: str) -> str:
    """`path` in language `code`; the front page when the path would lead off the site
    (a request for `//evil.example/` must not make the switcher link there)."""
    translated = translate_url(path, code)
    if url_has_allowed_host_and_scheme(translated, allowed_hosts=None):
        return translated
    return f"/{code}/"
