from django.urls import translate_url

from .languages import current_language, get_language_info, site_languages


def languages(request):
    """The reader's language from the table, and links to the page being read in each one."""
    here = request.get_full_path()
    active = current_language()
    return {
        "og_locale": get_language_info(active).og_locale,
        "site_languages": site_languages(),
        "language_links": [
            {
                "code": language.code,
                "name": language.native_name,
                "url": translate_url(here, language.code),
                "is_current": language.code == active,
            }
            for language in site_languages()
        ],
    }
