"""The test settings plus the throwaway content app: only the registry proof
(``tests/editorial/test_registry.py``) runs with them, in a process of its own, so
that the rest of the suite sees the site's real models only."""

from iomsite.settings_test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]  # noqa: F405
# On a database server, a test database of its own beside the one of the suite
# that starts this run (SQLite's test database lives in memory anyway).
if "sqlite" not in DATABASES["default"]["ENGINE"]:  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_registry"}  # noqa: F405
