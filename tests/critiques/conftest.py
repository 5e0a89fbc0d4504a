"""No criticism but the test's own, for the tests of the criticism pages."""

import pytest

from critiques.models import Criticism


@pytest.fixture
def _no_other_criticisms():
    """Each test sees only the criticisms it makes, even when the seed is loaded."""
    Criticism.objects.all().delete()
