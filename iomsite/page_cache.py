"""Whole-page caching for readers, invalidated the moment content changes, and
never the reason a page fails.

Every cached page is stored under the current *content version*, a number that
any committed change to content (an editor's save, a publish, a revert, a
fixture load) raises, so on the very next request every app server, whatever
cache it uses, looks up pages under a key that has never been filled: readers
never see stale content. Old entries simply expire. Where the number is kept
and read: see iomsite.content_version.

When the cache fails (down, hung, full), the page is rendered and served
uncached, and a write to content still succeeds; see iomsite.cache_health for
how that is logged. Each response says how it was served, in ``X-Page-Cache``:
``hit`` (from the cache), ``miss`` (rendered; stored when it may be) or
``unavailable`` (rendered, the cache being out).

Only anonymous GET and HEAD requests for public pages are cached; signed-in
users (staff previews, editors) and the admin always get a fresh page.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import set_response_etag
from django.utils.timezone import localdate
from django.utils.translation import get_language

from editorial import registry

from . import cache_health
from .content_version import version_store
from .models import ContentVersion

CACHED_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Vary",
    "Cache-Control",
    "Link",
    "ETag",
    # The API's and the downloads' (api.http): CORS, and a download's file name.
    "Allow",
    "Access-Control-Allow-Origin",
    "Access-Control-Expose-Headers",
    "Content-Disposition",
)
SERVED_HEADER = "X-Page-Cache"


def bump_content_version():
    """Raise the version once the current transaction commits (at once outside one).

    Every write registers the transaction's one ``VersionBump``, so a transaction
    that writes many rows (a fixture load) raises the version once.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        publish_new_version()
        return
    bump = getattr(connection, "iomsite_version_bump", None)
    if bump is None or bump.done:
        bump = connection.iomsite_version_bump = VersionBump()
    transaction.on_commit(bump)


def publish_new_version():
    """Raise the database's number, then the cache's copy; the change is committed
    already, so a cache that fails here is noted, never raised."""
    number = ContentVersion.bump()
    try:
        version_store().published(number)
    except Exception as error:  # whatever the cache's client raises: down, hung, full
        cache_health.failed("raising the content version", error, writing=True)


class VersionBump:
    done = False

    def __call__(self):
        if not self.done:
            self.done = True
            publish_new_version()


def content_changed(sender, **kwargs):
    bump_content_version()


def connect_invalidation():
    """Bump the content version whenever any registered content, citation or link
    is written (``editorial.registry.tracked_models``)."""
    for model in registry.tracked_models():
        post_save.connect(content_changed, sender=model, weak=False)
        post_delete.connect(content_changed, sender=model, weak=False)
        m2m_changed.connect(content_changed, sender=model, weak=False)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_PATH
        self.timeout = settings.IOMSITE_PAGE_CACHE_SECONDS

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        if not cache_health.usable():
            return self.served_uncached(request)
        try:
            key, stored = version_store().lookup(self.page_key(request))
        except DatabaseError:
            raise  # the database failing is not the cache failing
        except Exception as error:  # whatever the cache's client raises: down, hung, full
            cache_health.failed("reading a page", error)
            return self.served_uncached(request)
        if stored is not None:
            cache_health.answered()
            return self.rebuild(stored)
        response = self.get_response(request)
        response[SERVED_HEADER] = "miss"
        if self.cacheable_response(response):
            # Tagged once here, so conditional requests cost no hashing later.
            set_response_etag(response)
            self.store(key, response)
        return response

    def served_uncached(self, request):
        response = self.get_response(request)
        response[SERVED_HEADER] = "unavailable"
        return response

    def store(self, key, response):
        try:
            cache.set(key, self.freeze(response), self.timeout)
        except Exception as error:  # as above: the page is served all the same
            cache_health.failed("storing a page", error, writing=True)
        else:
            cache_health.answered(writing=True)

    def cacheable_request(self, request):
        return (
            settings.IOMSITE_PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(
                (self.admin_prefix, *settings.IOMSITE_PAGE_CACHE_EXEMPT)
            )
            and not request.user.is_authenticated
        )

    @staticmethod
    def page_key(request):
        """The function that names the request's page under a given content version."""
        address = f"{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode("utf-8")).hexdigest()
        language = get_language()
        # Under the day too: an entry's "Cite this page" names the day it was read.
        day = localdate().isoformat()
        return lambda version: f"page:{version}:{language}:{day}:{digest}"

    @staticmethod
    def cacheable_response(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
        )

    @staticmethod
    def freeze(response):
        headers = {name: response[name] for name in CACHED_HEADERS if response.has_header(name)}
        return (response.content, headers)

    @staticmethod
    def rebuild(stored):
        content, headers = stored
        response = HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        response[SERVED_HEADER] = "hit"
        return response
