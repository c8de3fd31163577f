from django import template
from django.utils import timezone
from wagtail.models import Site

from bilingual.dates import next_local_midnight
from bilingual.languages import current_language, get_language_info

from ..section_menu import SECTIONS, section_links

register = template.Library()


@register.simple_tag(takes_context=True)
def site_sections(context):
    """The site's live, public sections in the editors' order, each marked when the reader is in it."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    here = getattr(context.get("page"), "path", "")
    return [
        {"url": link.url, "title": link.title, "is_current": here.startswith(link.path)}
        for link in section_links(request, site)
    ]


@register.simple_tag
def section_menu_version():
    """The version of the section menu, for a fragment cached until a section changes."""
    return SECTIONS.current()


@register.simple_tag(takes_context=True)
def dateline(context):
    """`{% dateline as today %}`: today's date line in the page's language (`today.text`) and
    the date (`today.iso`, for a fragment cached per day).

    The line is true until local midnight, so a page that shows it says so in
    `request.page_cache_until` (read by portal.page_cache), as the breaking-news bar does.
    """
    now = timezone.now()
    request = context.get("request")
    if request is not None:
        midnight = next_local_midnight(now)
        until = getattr(request, "page_cache_until", None)
        request.page_cache_until = min(until or midnight, midnight)
    today = timezone.localdate(now)
    return {"text": get_language_info(current_language()).dateline(today), "iso": today.isoformat()}
