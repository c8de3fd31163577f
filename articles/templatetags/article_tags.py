import logging

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail.images.models import SourceImageIOError

from ..reading_time import reading_minutes
from ..related import related_articles
from ..renditions import IMAGE_USES, MIME_TYPES

register = template.Library()
logger = logging.getLogger(__name__)


def renditions_or_none(image, *specs) -> dict | None:
    """The image's renditions by spec; None when its original file is gone (a lost disk, an
    emptied bucket): the page goes on without the picture rather than failing the reader."""
    try:
        return image.get_renditions(*specs)
    except SourceImageIOError:
        logger.error("Image %s has no original file; shown without it", image.pk)
        return None


def _srcset(renditions) -> str:
    """`url 480w, url 800w`, one entry per real width (a small original is never enlarged)."""
    by_width = {rendition.width: rendition.url for rendition in renditions}
    return ", ".join(f"{url} {width}w" for width, url in sorted(by_width.items()))


@register.simple_tag
def picture_of(image, use, alt="", css_class="", priority=False):
    """`{% picture_of image "card" alt="" css_class="card__image" priority=True %}`: a
    `<picture>` with every width and format of that use (articles.renditions), modern formats
    first. A `priority` image (the first a reader sees) is fetched at once with high priority;
    the others wait until they come near the screen. Width and height keep the space reserved."""
    if not image:
        return ""
    use = IMAGE_USES[use]
    made = renditions_or_none(image, *use.specs)
    if made is None:
        return ""
    by_format = {fmt: [made[use.spec(width, fmt)] for width in use.widths] for fmt in use.formats}
    *preferred, fallback = use.formats
    largest = max(by_format[fallback], key=lambda rendition: rendition.width)
    sizes = use.sizes or f"{largest.width}px"
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        ((MIME_TYPES[fmt], _srcset(by_format[fmt]), sizes) for fmt in preferred),
    )
    loading = (
        mark_safe(' fetchpriority="high"')
        if priority
        else mark_safe(' loading="lazy" decoding="async"')
    )
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{}></picture>',
        sources,
        largest.url,
        _srcset(by_format[fallback]),
        sizes,
        largest.width,
        largest.height,
        alt,
        format_html(' class="{}"', css_class) if css_class else "",
        loading,
    )


@register.simple_tag
def rendition_of(image, use):
    """`{% rendition_of image "share" as share_image %}`: the largest fallback-format rendition
    of a one-size use (a link preview's image)."""
    if not image:
        return None
    spec = IMAGE_USES[use].largest_fallback_spec
    made = renditions_or_none(image, spec)
    return made[spec] if made else None


@register.simple_tag(takes_context=True)
def reading_minutes_of(context, page):
    """`{% reading_minutes_of page as minutes %}`: minutes to read the body shown, counted
    once per published revision (a preview counts its draft)."""
    request = context.get("request")
    minutes, _language = reading_minutes(page, draft=bool(getattr(request, "is_preview", False)))
    return minutes


@register.simple_tag
def related_articles_of(page, topics):
    """`{% related_articles_of page page.topic_list as related %}`: up to four cards to read next."""
    return related_articles(page, topic_ids=[topic.pk for topic in topics])
