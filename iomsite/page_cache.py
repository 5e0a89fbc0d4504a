"""Whole-page caching for readers, invalidated the moment content changes.

Every cached page is stored under the current *content version*, a number kept
in one database row. Any committed change to content (an editor's save, a
publish, a revert, a fixture load) raises the number, so on the very next
request every app server, whatever cache it uses, looks up pages under a key
that has never been filled: readers never see stale content. Old entries
simply expire.

Only anonymous GET and HEAD requests for public pages are cached; signed-in
users (staff previews, editors) and the admin always get a fresh page.
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import set_response_etag
from django.utils.translation import get_language

CONTENT_APPS = ("orgs", "timeline", "critiques")
CACHED_HEADERS = ("Content-Type", "Content-Language", "Vary", "Cache-Control", "Link", "ETag")


def content_version():
    from .models import ContentVersion

    return ContentVersion.current()


def bump_content_version():
    """Raise the version once the current transaction commits (at once outside one).

    Every write registers the transaction's one ``VersionBump``, so a transaction
    that writes many rows (a fixture load) raises the version once.
    """
    from .models import ContentVersion

    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        ContentVersion.bump()
        return
    bump = getattr(connection, "iomsite_version_bump", None)
    if bump is None or bump.done:
        bump = connection.iomsite_version_bump = VersionBump()
    transaction.on_commit(bump)


class VersionBump:
    done = False

    def __call__(self):
        from .models import ContentVersion

        if not self.done:
            self.done = True
            ContentVersion.bump()


def content_changed(sender, **kwargs):
    bump_content_version()


def connect_invalidation():
    """Bump the content version whenever any content, citation or link is written."""
    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True):
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
        key = self.key(request)
        stored = cache.get(key)
        if stored is not None:
            return self.rebuild(stored)
        response = self.get_response(request)
        if self.cacheable_response(response):
            # Tagged once here, so conditional requests cost no hashing later.
            set_response_etag(response)
            cache.set(key, self.freeze(response), self.timeout)
        return response

    def cacheable_request(self, request):
        return (
            settings.IOMSITE_PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(
                (self.admin_prefix, *settings.IOMSITE_PAGE_CACHE_EXEMPT)
            )
            and not request.user.is_authenticated
        )

    def key(self, request):
        address = f"{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode("utf-8")).hexdigest()
        return f"page:{content_version()}:{get_language()}:{digest}"

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
        return response
