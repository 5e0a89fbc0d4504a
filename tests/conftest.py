import pytest
from django.conf import settings

from iomsite import cache_health, catalogs, content_version
from loader.loader import load


def fixture_paths():
    return sorted((settings.BASE_DIR / "fixtures").glob("*.json"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from a database holding the whole seed, loaded once."""
    with django_db_blocker.unblock():
        load(fixture_paths())


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogs():
    """The French and Spanish catalogs compiled from the .po files as they are now,
    as `make setup` does, so that pytest alone never tests stale translations."""
    catalogs.compile_all()


@pytest.fixture(autouse=True)
def fresh_page_cache_process(monkeypatch):
    """Each test starts as a fresh process does: the cache answering as far as it
    knows, and no Redis client yet."""
    monkeypatch.setattr(cache_health, "state", cache_health.CacheHealth())
    monkeypatch.setattr(content_version, "redis_stores", {})
