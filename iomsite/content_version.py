"""Where a cached page's content version is read: the database, or Redis beside the pages.

The number lives in one database row (``ContentVersion``), raised on the commit
of any change to content; it is the source of truth. Without Redis (each
process's local-memory cache), a cached page reads it from that row: one small
query.

With Redis, the number is also kept in Redis, beside the pages, and a cached
page reads it from there, with the page, in one round trip to Redis and no
database query. Redis's copy must never let a reader see a page older than the
row says:

- Each commit raises the row, then raises Redis's copy *to the row's new
  number*. Redis's copy is never a counter of its own (as INCR would make it):
  then a raise lost in one outage, after one doubled in a race, would leave the
  two equal while Redis still held pages from before the lost change. A copy
  that is always a number the row has held can only lag behind the row.
- Raising sets the larger of the two numbers, atomically (a Lua script), so two
  racing raises, or a repair that read the row a moment earlier, never lower it.
- A raise is lost when Redis does not answer, or comes back from a snapshot
  taken before it. So each process compares Redis's copy with the row and
  repairs it with the larger: at once after any cache error it met, whenever the
  copy is missing (evicted, or a Redis started afresh), and otherwise at most
  IOMSITE_CONTENT_VERSION_RECHECK_SECONDS after its last comparison. A process
  that met the outage serves no stale page; one that did not may, for at most
  that long, and only after a commit whose raise was lost.

The next request on any app server still sees a change at once: the committing
process raises Redis's copy before its response is sent, and every app server
reads that copy on every cached request.
"""

import re
import threading
import time

from django.conf import settings
from django.core.cache import cache

from .models import ContentVersion

REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"
# The copy's name in the cache: read with the pages through Django's cache, which
# files it as ":1:content-version" beside ":1:page:…".
VERSION_NAME = "content-version"

RAISE_SCRIPT = """
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local proposed = tonumber(ARGV[1])
if proposed > current then
    redis.call('SET', KEYS[1], ARGV[1])
    return proposed
end
return current
"""


class DatabaseVersion:
    """The row itself, read for every cached page."""

    @staticmethod
    def lookup(page_key):
        """The page's key under the current version, and its stored copy (or None).
        ``page_key`` makes the key from a version."""
        key = page_key(ContentVersion.current())
        return key, cache.get(key)

    @staticmethod
    def published(number):
        """Nothing to do: the row was raised already."""

    @staticmethod
    def check_soon():
        """Nothing to do: the row is read every time."""


class RedisVersion:
    """Redis's copy of the row's number, kept beside the pages (see the module's notes)."""

    def __init__(self, cache_settings):
        import redis

        # The writing server's address, with the page cache's own timeouts.
        location = re.split("[;,]", cache_settings["LOCATION"])[0]
        options = cache_settings.get("OPTIONS", {})
        timeouts = {name: value for name, value in options.items() if name.startswith("socket_")}
        self.client = redis.Redis.from_url(location, **timeouts)
        self.raise_to = self.client.register_script(RAISE_SCRIPT)
        self.key = cache.make_and_validate_key(VERSION_NAME)
        self.checked_at = None  # time.monotonic() of the last comparison with the row
        self.last_seen = None  # the version this process last read

    def lookup(self, page_key):
        """As DatabaseVersion.lookup. Usually one round trip to Redis: the version and
        the page under the version last seen, read together (MGET, atomic); the page
        counts only if the version is still that one."""
        if self.check_due():
            version = self.check()
        else:
            guess = self.last_seen
            found = cache.get_many([VERSION_NAME, page_key(guess)])
            version = found.get(VERSION_NAME)
            if version == guess:
                return page_key(guess), found.get(page_key(guess))
            version = self.check() if version is None else version
        self.last_seen = version
        key = page_key(version)
        return key, cache.get(key)

    def check_due(self):
        interval = settings.IOMSITE_CONTENT_VERSION_RECHECK_SECONDS
        return self.checked_at is None or time.monotonic() - self.checked_at >= interval

    def check(self):
        """Repair Redis's copy with the row's number if it is behind; return the copy."""
        number = self.raise_to(keys=[self.key], args=[ContentVersion.current()])
        self.checked_at = time.monotonic()
        return int(number)

    def published(self, number):
        self.raise_to(keys=[self.key], args=[number])

    def check_soon(self):
        self.checked_at = None


# One per Redis address, so that a test may point the cache elsewhere.
redis_stores = {}
stores_lock = threading.Lock()


def version_store():
    """Where this process reads the content version, for the cache configured now."""
    cache_settings = settings.CACHES["default"]
    if cache_settings["BACKEND"] != REDIS_BACKEND:
        return DatabaseVersion
    location = cache_settings["LOCATION"]
    store = redis_stores.get(location)
    if store is None:
        with stores_lock:
            store = redis_stores.setdefault(location, RedisVersion(cache_settings))
    return store
