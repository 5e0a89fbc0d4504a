"""The production settings with the development tools added, for the benchmark:
the same stack readers get, plus the framework-floor view and the data generator."""

from iomsite.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405
ROOT_URLCONF = "devtools.urls"
# The floor must measure the framework, not the page cache.
IOMSITE_PAGE_CACHE_EXEMPT = (*IOMSITE_PAGE_CACHE_EXEMPT, "/bench/floor/")  # noqa: F405
