from django.urls import translate_url

from .languages import NATIVE_NAMES, current_language, language_codes


def languages(request):
    """Links to the page being read in each language, for the switcher."""
    here = request.get_full_path()
    active = current_language()
    return {
        "language_links": [
            {
                "code": code,
                "name": NATIVE_NAMES[code],
                "url": translate_url(here, code),
                "is_current": code == active,
            }
            for code in language_codes()
        ]
    }
