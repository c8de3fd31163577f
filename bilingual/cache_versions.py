"""Version tokens for cached fragments that are shared by every reader of a language.

A fragment's cache key carries its version; a change to what the fragment shows replaces
the version, so the next reader renders afresh and the old copies simply expire. It lives in
the bottom layer so that every app (headlines' importer, the portal's navigation) can bump.
"""

from uuid import uuid4

from django.core.cache import cache
from django.db import transaction


class CacheVersion:
    """`version.current()` for a key; `version.bump()` whenever what it covers changes."""

    def __init__(self, name: str):
        self.key = f"version:{name}"

    def current(self) -> str:
        version = cache.get(self.key)
        if version is None:
            # A dead cache answers None every time: each request then renders afresh.
            version = uuid4().hex
            cache.add(self.key, version, None)
        return version

    def bump(self, **_signal_arguments) -> None:
        """Now, and again once the transaction commits: a reader who rendered between the
        change and the commit saw the old rows and cached them under the first new version."""
        cache.set(self.key, uuid4().hex, None)
        transaction.on_commit(lambda: cache.set(self.key, uuid4().hex, None))
