"""Fast, self-contained settings for the test suite."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from iomsite.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS_URL = ""
# The test client speaks plain http; tests of HTTPS behaviour ask for it (secure=True).
SECURE_SSL_REDIRECT = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the app folders, without a collectstatic run.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Pages are rendered afresh in tests (their query counts are pinned); the page
# cache's own tests switch it on.
IOMSITE_PAGE_CACHE = False
# The data generator and measure_pages (development tools) are tested too.
if "devtools" not in INSTALLED_APPS:  # noqa: F405 (settings with debug on have it)
    INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405
