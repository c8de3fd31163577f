"""A Redis cache that a dead Redis cannot take the site down with.

Django's RedisCache raises on every call while Redis is unreachable, so every page that
touches the cache (Wagtail's site root paths, translation status, sessions) would answer
500. This backend logs the failure and treats it as a miss: reads find nothing, writes are
dropped, and the database answers instead. After a failure the cache is left alone for a few
seconds, so that requests do not each wait out the connection timeout in turn.

Only the cache degrades this way: sessions live in the database alone (SESSION_ENGINE "db"),
so nobody is logged out when Redis goes away.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# How long to skip the cache after it failed before trying it again.
SKIP_SECONDS_AFTER_FAILURE = 5.0
_MISS = object()


class TolerantRedisCacheClient(RedisCacheClient):
    """Django's Redis client, each operation falling back to a cache miss on a Redis error."""

    _skip_until = 0.0

    def get_client(self, key=None, *, write=False):
        """One client per connection pool, made once: Django builds a new `redis.Redis` for
        every call, which was a sixth of the cache's cost per request."""
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def _attempt(self, operation, *args, miss):
        if time.monotonic() < self._skip_until:
            return miss
        try:
            return operation(*args)
        except RedisError as error:
            self._skip_until = time.monotonic() + SKIP_SECONDS_AFTER_FAILURE
            logger.warning(
                "Cache unavailable, carrying on without it: %s: %s", type(error).__name__, error
            )
            return miss

    def get(self, key, default):
        return self._attempt(super().get, key, default, miss=default)

    def get_many(self, keys):
        return self._attempt(super().get_many, keys, miss={})

    def has_key(self, key):
        return self._attempt(super().has_key, key, miss=False)

    def add(self, key, value, timeout):
        return self._attempt(super().add, key, value, timeout, miss=False)

    def set(self, key, value, timeout):
        self._attempt(super().set, key, value, timeout, miss=None)

    def set_many(self, data, timeout):
        self._attempt(super().set_many, data, timeout, miss=None)

    def touch(self, key, timeout):
        return self._attempt(super().touch, key, timeout, miss=False)

    def delete(self, key):
        return self._attempt(super().delete, key, miss=False)

    def delete_many(self, keys):
        self._attempt(super().delete_many, keys, miss=None)

    def incr(self, key, delta):
        # The cache API's answer for a missing key is ValueError; callers already handle it.
        result = self._attempt(super().incr, key, delta, miss=_MISS)
        if result is _MISS:
            raise ValueError(f"Key '{key}' not found.")
        return result

    def clear(self):
        return self._attempt(super().clear, miss=False)


class TolerantRedisCache(RedisCache):
    """RedisCache whose errors are logged and read as misses (see the module's docstring)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = TolerantRedisCacheClient
