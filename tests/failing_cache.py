"""A cache backend that fails as a Redis in trouble does, for the page cache's tests.

Its LOCATION names the trouble: "down" (connections refused), "slow" (every
command times out) or "full" (reads answer, writes are refused for want of
memory). Setting ``FailingCache.repaired`` makes it a working cache again.
"""

from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import ConnectionError, OutOfMemoryError, TimeoutError

TROUBLES = {
    "down": (
        ConnectionError("Error 111 connecting to redis.internal:6379. Connection refused."),
        ConnectionError("Error 111 connecting to redis.internal:6379. Connection refused."),
    ),
    "slow": (TimeoutError("Timeout reading from socket"), TimeoutError("Timeout writing")),
    "full": (None, OutOfMemoryError("command not allowed when used memory > 'maxmemory'.")),
}


class FailingCache(LocMemCache):
    repaired = False
    calls = 0  # commands that reached the cache, failed or not

    def __init__(self, location, params):
        super().__init__(f"failing-{location}", params)
        self.read_error, self.write_error = TROUBLES[location]

    def get(self, *args, **kwargs):
        self.count()
        if self.read_error and not self.repaired:
            raise self.read_error
        return super().get(*args, **kwargs)

    def set(self, *args, **kwargs):
        self.count()
        if self.write_error and not self.repaired:
            raise self.write_error
        return super().set(*args, **kwargs)

    @classmethod
    def count(cls):
        cls.calls += 1
