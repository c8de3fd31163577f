import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from bilingual.languages import current_language, localized

register = template.Library()


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
