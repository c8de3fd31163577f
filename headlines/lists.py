"""The public headline lists: which headlines a list in a language shows, per the site setting.

There is a list for every language in the language table (`bilingual.languages`).
"""

from wagtail.models import Site

from bilingual.languages import site_languages

from .models import Headline, HeadlineListSettings


def list_settings(request) -> HeadlineListSettings:
    """The site's setting (read once per request), or the defaults where no site is configured."""
    if Site.find_for_request(request) is None:
        return HeadlineListSettings()
    return HeadlineListSettings.for_request(request)


def public_headlines(request, language: str):
    """Published headlines for the list in `language` (a code): the one query, with the site's
    choice."""
    settings = list_settings(request)
    return Headline.objects.for_list(
        language, with_translations=settings.shows_translations(language)
    )


def front_page_lists(request, per_list: int) -> list[dict]:
    """The home page's numbered lists: pinned headlines first, then the newest.

    Each is `{"language": Language, "headlines": [...]}`, what components/headline_list.html takes.
    """
    return [
        {
            "language": language,
            "headlines": list(public_headlines(request, language.code).pinned_first()[:per_list]),
        }
        for language in site_languages()
    ]
