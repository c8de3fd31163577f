"""Version tokens for cached fragments that are shared by every reader of a language.

A fragment's cache key carries its version; a change to what the fragment shows replaces
the version, so the next reader renders afresh and the old copies simply expire. It lives in
the bottom layer so that every app (headlines' importer, the portal's navigation) can bump.

Within a request every version is read from the cache together, once, at the first one asked
for: a page that shows the navigation, the headline lists and an article's parts pays one
round trip for all their versions instead of one each. Outside a request (commands, tests
calling code directly) each is read when asked.
"""

import threading
from uuid import uuid4

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction

# Every version made, by cache key: what one request reads together.
_versions: dict[str, "CacheVersion"] = {}
# The versions this request has read (None outside a request): one per worker thread.
_this_request = threading.local()


class CacheVersion:
    """`version.current()` for a key; `version.bump()` whenever what it covers changes."""

    def __init__(self, name: str):
        self.key = f"version:{name}"
        _versions[self.key] = self

    def current(self) -> str:
        known = getattr(_this_request, "versions", None)
        if known is None:
            return read_versions([self.key])[self.key]
        if self.key not in known:
            known.update(read_versions([key for key in _versions if key not in known]))
        return known[self.key]

    def bump(self, **_signal_arguments) -> None:
        """Now, and again once the transaction commits: a reader who rendered between the
        change and the commit saw the old rows and cached them under the first new version."""
        self._replace()
        transaction.on_commit(self._replace)

    def _replace(self) -> None:
        version = uuid4().hex
        cache.set(self.key, version, None)
        known = getattr(_this_request, "versions", None)
        if known is not None:
            known[self.key] = version


def read_versions(keys) -> dict[str, str]:
    """The versions under these keys, in one round trip; one that is missing is made (a dead
    cache answers nothing every time: each request then renders afresh)."""
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            version = uuid4().hex
            if not cache.add(key, version, None):
                version = cache.get(key) or version  # another process made it first
            found[key] = version
    return found


def _start_request(**_kwargs):
    _this_request.versions = {}


def _end_request(**_kwargs):
    _this_request.versions = None


request_started.connect(_start_request, dispatch_uid="cache-versions-start")
request_finished.connect(_end_request, dispatch_uid="cache-versions-end")
