"""/healthz: can this app server answer? For load balancers and uptime checks."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import cache_health

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    cache.set("healthz", "ok", timeout=30)
    if cache.get("healthz") != "ok":
        raise RuntimeError("the cache did not return the value just stored")


@require_safe
@never_cache
def healthz(request):
    """Can this app server serve pages? For load balancers and uptime checks.

    200 ``{"status": "ok", "database": "ok", "cache": "ok"}`` when the database and
    the shared cache (when REDIS_URL is set) answer. Pages cannot be served
    without the database: when it fails, 503 with ``"status": "error"``. They can
    without the cache, only slower: when it fails, still 200, with ``"status"``
    and ``"cache"`` "degraded" and ``"cache_problem"`` saying in a few words what
    went wrong ("timed out", "out of memory", "refused or unreachable"), so that a
    balancer does not take every app server out of service at once for it.
    Details go to the log, not to the response.
    """
    body = {"status": "ok", "database": "ok", "cache": "not configured"}
    try:
        check_database()
    except Exception:
        logger.exception("Health check failed: database")
        body["database"] = body["status"] = "error"
    if settings.REDIS_URL:
        try:
            check_cache()
        except Exception as error:  # whatever the cache's client raises: down, hung, full
            cache_health.failed("health check", error, writing=True)  # logged once an outage
            body["cache"] = "degraded"
            body["cache_problem"] = cache_health.problem(error)
            if body["status"] == "ok":
                body["status"] = "degraded"
        else:
            cache_health.answered(writing=True)
            body["cache"] = "ok"
    response = JsonResponse(body, status=503 if body["status"] == "error" else 200)
    if request.method == "HEAD":
        response.content = b""  # probes that only want the status get no body
    return response
