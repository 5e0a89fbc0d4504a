import pytest
from django.conf import settings

from iomsite.loader import load


def fixture_paths():
    return sorted((settings.BASE_DIR / "fixtures").glob("*.json"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from a database holding the whole seed, loaded once."""
    with django_db_blocker.unblock():
        load(fixture_paths())
