from django import template
from wagtail.models import Site

from articles.models import ArticleIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def site_sections(context):
    """The site's live, public sections in the editors' order, each marked when the reader is in it."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    here = getattr(context.get("page"), "path", "")
    sections = list(
        ArticleIndexPage.objects.live().public().child_of(site.root_page).order_by("path")
    )
    for section in sections:
        section.is_current = here.startswith(section.path)
    return sections
