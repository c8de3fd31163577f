from django import template
from django.utils.html import format_html_join

from ..feeds import FEED_FORMATS, site_subject, subject_of

register = template.Library()

# Each format's media type, and its name in a link's title.
FEED_TYPES = {"rss": ("application/rss+xml", "RSS"), "atom": ("application/atom+xml", "Atom")}


@register.simple_tag
def feed_links(thing=None):
    """`<link rel="alternate">` to the RSS and Atom feeds of what a page shows (a section
    page, an author, a topic), then to the site's; `{% feed_links %}` alone: the site's."""
    subjects = [site_subject()]
    if thing is not None:
        subjects.insert(0, subject_of(thing))
    links = []
    for subject in subjects:
        for feed_format in FEED_FORMATS:
            media_type, format_name = FEED_TYPES[feed_format]
            links.append((media_type, subject.url(feed_format), subject.title, format_name))
    return format_html_join(
        "\n  ", '<link rel="alternate" type="{}" href="{}" title="{} ({})">', links
    )
