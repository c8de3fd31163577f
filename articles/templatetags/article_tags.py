import json
import logging

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail.images.models import SourceImageIOError

from bilingual.languages import current_language, localized

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
def absolute_url(context, url):
    """This site's address for a path; an address already absolute (media on a bucket or a
    CDN) as it is."""
    return context["request"].build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def article_structured_data(context, page):
    """schema.org NewsArticle as JSON-LD, in the reader's language, for search engines."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": str(localized(page, "title"))[:110],
        "description": str(localized(page, "summary")),
        "inLanguage": current_language(),
        "url": request.build_absolute_uri(page.get_url(request)),
        "author": [
            {
                "@type": "Person",
                "name": str(localized(author, "name")),
                "url": request.build_absolute_uri(author.get_absolute_url()),
            }
            for author in context.get("article_authors", [])
        ],
    }
    # A draft seen in preview has no dates yet.
    published = page.published_at or page.first_published_at
    if published:
        data["datePublished"] = published.isoformat()
        data["dateModified"] = (page.last_published_at or published).isoformat()
    if page.original_source_url:
        data["isBasedOn"] = page.original_source_url
    share_image = context.get("share_image")
    if share_image:
        data["image"] = [request.build_absolute_uri(share_image.url)]
    # Escape "<" so that no text in the article can close the script element.
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))
