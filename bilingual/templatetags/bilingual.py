from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join

from .. import dates
from ..context_processors import same_site_translation, translated_path
from ..languages import current_language, language_codes
from ..languages import localized as localized_value
from ..languages import long_date as long_date_in
from ..pagination import PAGE_PARAMETER, page_url
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


def canonical_path(request) -> str:
    """The address without what makes a duplicate of it: every query parameter goes but the
    number of a listing's page past the first (`?page=last` written as its number)."""
    listing_page = getattr(request, "listing_page", None)
    if listing_page is not None and listing_page.number > 1:
        return f"{request.path}?{PAGE_PARAMETER}={listing_page.number}"
    return request.path


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's canonical address. A story read in a language it is not written in (the
    other language's text shown instead) names its page in the language of its text."""
    request = context["request"]
    path = canonical_path(request)
    text_language = context.get("text_language")
    if text_language and text_language != current_language():
        path = same_site_translation(path, text_language, request)
    return request.build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def page_link(context, number):
    """`{% page_link page_obj.previous_page_number %}`: that page of the listing being read."""
    return page_url(context["request"], number)


@register.simple_tag(takes_context=True)
def listing_links(context):
    """`<link rel="prev">` and `<link rel="next">` on a page of a paged listing."""
    request = context["request"]
    listing_page = getattr(request, "listing_page", None)
    if listing_page is None:
        return ""
    links = []
    if listing_page.has_previous():
        links.append(("prev", page_url(request, listing_page.previous_page_number())))
    if listing_page.has_next():
        links.append(("next", page_url(request, listing_page.next_page_number())))
    return format_html_join(
        "\n",
        '<link rel="{}" href="{}">',
        ((rel, request.build_absolute_uri(url)) for rel, url in links),
    )


@register.simple_tag(takes_context=True)
def hreflang_links(context, page=None):
    """Alternate links for the languages this item really exists in, plus x-default, each
    to the canonical address in that language."""
    request = context["request"]
    here = canonical_path(request)
    codes = page.translated_languages() if isinstance(page, TranslatedContent) else language_codes()
    links = [
        (code, request.build_absolute_uri(translated_path(here, code, request))) for code in codes
    ]
    if settings.LANGUAGE_CODE in codes:
        # The address without a language prefix redirects each reader to their language.
        default = translated_path(here, settings.LANGUAGE_CODE, request)
        unprefixed = default.replace(f"/{settings.LANGUAGE_CODE}/", "/", 1)
        links.append(("x-default", request.build_absolute_uri(unprefixed)))
    return format_html_join(
        "\n", '<link rel="alternate" hreflang="{}" href="{}">', links
    ) or format_html("")
