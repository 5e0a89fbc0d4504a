"""Hooks for the admin login throttle (django-axes, configured in settings)."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


def client_ip(request):
    """The address a login attempt comes from.

    Behind the TLS load balancer (DJANGO_BEHIND_TLS_PROXY), REMOTE_ADDR is the
    balancer's own address, so the client's is the last one it appended to
    X-Forwarded-For; earlier entries are whatever the client chose to send.
    """
    if settings.BEHIND_TLS_PROXY:
        forwarded = [
            hop.strip()
            for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if hop.strip()
        ]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR")


def login_throttled(request, original_response=None, credentials=None):
    """The page shown instead of the login form while logins are refused."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        **admin.site.each_context(request),  # the admin's header and look
        "is_nav_sidebar_enabled": False,
        "title": "",
        "minutes": minutes,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    response = render(request, "admin/login_throttled.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
