from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join

from .. import dates
from ..context_processors import path_in_language
from ..languages import current_language, language_codes
from ..languages import localized as localized_value
from ..languages import long_date as long_date_in
from ..translated_content import TranslatedContent

register = template.Library()


@register.simple_tag
def localized(obj, field):
    """`{% localized page "summary" as summary %}`: value, its language, and a lang attribute."""
    return localized_value(obj, field)


@register.filter
def short_date(value):
    return dates.short_date(value) if value else ""


@register.filter
def long_date(value):
    return long_date_in(value, current_language()) if value else ""


@register.filter
def iso_date(value):
    return dates.iso_date(value) if value else ""


@register.simple_tag(takes_context=True)
def hreflang_links(context, page=None):
    """Alternate links for the languages this item really exists in, plus x-default."""
    request = context["request"]
    codes = page.translated_languages() if isinstance(page, TranslatedContent) else language_codes()
    links = [(code, request.build_absolute_uri(path_in_language(request, code))) for code in codes]
    if settings.LANGUAGE_CODE in codes:
        # The address without a language prefix redirects each reader to their language.
        default = path_in_language(request, settings.LANGUAGE_CODE)
        unprefixed = default.replace(f"/{settings.LANGUAGE_CODE}/", "/", 1)
        links.append(("x-default", request.build_absolute_uri(unprefixed)))
    return format_html_join(
        "\n", '<link rel="alternate" hreflang="{}" href="{}">', links
    ) or format_html("")
