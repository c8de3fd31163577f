from django import template

from ..bulletin import visible_bulletin

register = template.Library()


@register.simple_tag(takes_context=True)
def breaking_news(context):
    """`{% breaking_news as bulletin %}`: the bar's message and link while it is up, else None.

    A page that shows the bar must not be kept by any cache past the bar's expiry: it says
    so in `request.page_cache_until` (read by portal.page_cache).
    """
    bulletin = visible_bulletin()
    if bulletin is None:
        return None
    request = context.get("request")
    if request is not None:
        until = getattr(request, "page_cache_until", None)
        request.page_cache_until = min(until or bulletin.expires_at, bulletin.expires_at)
    return {"message": bulletin.message, "url": bulletin.link(request)}
