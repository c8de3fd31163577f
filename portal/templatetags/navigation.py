from django import template
from wagtail.models import Site

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
