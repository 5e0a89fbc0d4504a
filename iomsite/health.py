"""/healthz: can this app server answer? For load balancers and uptime checks."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

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
    """200 with {"status": "ok", ...} when the database (and the shared cache,
    when REDIS_URL is set) answer; 503 naming the part that failed otherwise.
    The reason goes to the log, not to the response."""
    checks = {"database": check_database}
    if settings.REDIS_URL:
        checks["cache"] = check_cache
    body = {"status": "ok", "database": "ok", "cache": "not configured"}
    for part, check in checks.items():
        try:
            check()
        except Exception:
            logger.exception("Health check failed: %s", part)
            body[part] = "error"
            body["status"] = "error"
        else:
            body[part] = "ok"
    response = JsonResponse(body, status=200 if body["status"] == "ok" else 503)
    if request.method == "HEAD":
        response.content = b""  # probes that only want the status get no body
    return response
