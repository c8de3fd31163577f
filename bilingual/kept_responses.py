"""Whole documents (feeds) kept in the shared cache under the versions of what they show."""

import hashlib

from django.core.cache import cache
from django.http import HttpResponse

KEPT_SECONDS = 24 * 60 * 60


def kept_response(request, key_parts, make) -> HttpResponse:
    """The response `make()` gives, kept under `key_parts` (which must carry the versions of
    everything the document shows) and the site's address (its links are absolute). Only a
    200 is kept; anything else is made every time."""
    parts = ":".join([*map(str, key_parts), request.scheme, request.get_host()])
    # Hashed: a part may be as long as a stranger's address (an unknown slug, before its 404).
    key = "kept:" + hashlib.sha256(parts.encode()).hexdigest()
    kept = cache.get(key)
    if kept is None:
        response = make()
        if response.status_code != 200:
            return response
        kept = (response.content, list(response.items()))
        cache.set(key, kept, KEPT_SECONDS)
    content, headers = kept
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response
