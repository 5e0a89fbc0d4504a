"""The organization the tests of the orgs models give their records to."""

import pytest

from tests import factories


@pytest.fixture
def organization():
    return factories.OrganizationFactory(slug="orgs-test-organization")
