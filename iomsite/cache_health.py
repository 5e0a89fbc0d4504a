"""Whether the shared cache is answering, as this process last found it.

A cache that fails (Redis down, hung, or full) never fails a page: the page is
served uncached. The failure is logged once, when the process first meets it,
and its end once, when the cache answers again; nothing in between, however many
requests meet it. While the cache is out, it is tried again at most every
IOMSITE_PAGE_CACHE_RETRY_SECONDS, so that a Redis that times out costs a request
its timeout only that often, not every request.
"""

import logging
import threading
import time

from django.conf import settings
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import OutOfMemoryError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .content_version import version_store

logger = logging.getLogger(__name__)


def problem(error):
    """What went wrong, in words fit for a public health check (no host or port)."""
    if isinstance(error, RedisTimeoutError | TimeoutError):
        return "timed out"
    if isinstance(error, OutOfMemoryError):
        return "out of memory"
    if isinstance(error, RedisConnectionError | OSError):
        return "refused or unreachable"
    return type(error).__name__


class CacheHealth:
    def __init__(self):
        self.lock = threading.Lock()
        self.out_since = None  # time.monotonic() of the failure that began the outage
        self.retry_at = 0.0
        # Whether the last failure was a write: then only a write ends the outage, as
        # a full Redis answers reads (pages stored earlier) while it refuses writes.
        self.writes_failing = False

    def usable(self):
        """Whether to try the cache for this request."""
        return self.out_since is None or time.monotonic() >= self.retry_at

    def failed(self, operation, error, writing):
        now = time.monotonic()
        with self.lock:
            self.retry_at = now + settings.IOMSITE_PAGE_CACHE_RETRY_SECONDS
            self.writes_failing = writing
            if self.out_since is not None:
                return
            self.out_since = now
        logger.warning(
            "Page cache unavailable (%s: %s: %s); serving pages uncached until it answers again.",
            operation,
            type(error).__name__,
            error,
        )

    def answered(self, writing):
        if self.out_since is None:  # the usual case: no lock taken
            return
        with self.lock:
            if self.out_since is None or (self.writes_failing and not writing):
                return
            seconds = time.monotonic() - self.out_since
            self.out_since = None
        logger.info("Page cache answering again after %.1f s.", seconds)


# This process's view: each gunicorn worker has its own, and logs for itself.
state = CacheHealth()


def failed(operation, error, writing=False):
    """Note a failure of the cache; the content version is then checked against the
    database before Redis's copy is trusted again."""
    state.failed(operation, error, writing)
    version_store().check_soon()


def usable():
    return state.usable()


def answered(writing=False):
    state.answered(writing)
