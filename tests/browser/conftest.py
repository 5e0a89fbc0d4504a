"""Browser tests: Playwright's sync API driving Debian's Chromium against ``live_server``.

One browser for the whole session, a fresh context and page for each test.

``live_server`` makes a test transactional, and pytest-django empties the
database after each transactional test. So a browser test that finds the
database emptied reloads the seed first (the loader is idempotent), and the browser
tests run after every other test of the session, where that flush can no longer
take the seed away from them.

Without Chromium at /usr/bin/chromium, Playwright or axe-playwright-python the
tests are skipped, saying how to enable them; in CI (``CI`` set) they fail instead.
"""

import importlib.util
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models import Q

from editorial.roles import group_permissions
from loader.loader import load
from orgs.models import Organization
from tests.conftest import fixture_paths

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PYTHON_PACKAGES = {"playwright": "Playwright", "axe_playwright_python": "axe-playwright-python"}
TIMEOUT_MS = 15_000
BROWSER_TESTS = Path(__file__).parent


def missing():
    """What the browser tests lack on this machine, or None."""
    lacking = [f"{CHROMIUM} is missing"] if not CHROMIUM.exists() else []
    lacking += [
        f"{name} is not installed"
        for module, name in PYTHON_PACKAGES.items()
        if importlib.util.find_spec(module) is None
    ]
    return "; ".join(lacking) or None


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def explain(reason):
    return (
        f"Browser tests cannot run: {reason}. To run them, install Chromium "
        "(`apt-get install -y chromium`), then run `make test` (it installs the Python "
        "dev dependencies, Playwright among them)."
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the browser tests last: the flush after each of them empties the database.

    ``trylast`` so that this runs after pytest-django's own reordering; the sort
    is stable, so every other test keeps its place. Outside CI, when Chromium or
    Playwright is missing, they are skipped here, before any database is set up.
    """
    items.sort(key=lambda item: BROWSER_TESTS in Path(item.path).parents)
    reason = missing()
    if reason and not in_ci():
        skip = pytest.mark.skip(reason=explain(reason))
        for item in items:
            if BROWSER_TESTS in Path(item.path).parents:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def allow_async_unsafe():
    """Playwright's sync API runs an event loop in the test's thread; Django then
    refuses database queries there unless told it is safe, as it is here (the
    test waits while the browser loads a page)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def browser(allow_async_unsafe):
    reason = missing()
    if reason:  # only in CI: elsewhere the tests were skipped at collection
        pytest.fail(explain(reason), pytrace=False)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        playwright.stop()


def restore_role_groups():
    """The Editors and Reviewers groups, made by a data migration, which the flush
    empties too (the permissions come back: the flush's post_migrate makes them)."""
    for name, wanted in group_permissions().items():
        group, created = Group.objects.get_or_create(name=name)
        if created:
            codenames = Q()
            for app_label, codename in wanted:
                codenames |= Q(content_type__app_label=app_label, codename=codename)
            group.permissions.set(Permission.objects.filter(codenames))


@pytest.fixture(autouse=True)
def seed(browser, live_server):
    """The whole seed, reloaded when the flush after a transactional test emptied
    the database (the flush empties every table, so one missing record tells),
    and the editorial groups. The cache is cleared too: the live server shares it
    across tests."""
    if not Organization.objects.filter(slug=settings.IOMSITE_ORGANIZATION).exists():
        load(fixture_paths())
    restore_role_groups()
    cache.clear()


@pytest.fixture
def page(browser, live_server):
    """A fresh page of a fresh browser context, on the live server."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()
