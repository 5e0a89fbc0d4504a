"""The organization the timeline pages are about, for the tests of those pages."""

from types import SimpleNamespace

import pytest

from tests import factories
from tests.timeline.page_helpers import ERAS
from timeline.models import Event


@pytest.fixture
def subject(settings):
    """The organization the site is about, with its four names, and no event yet.

    Any seed events are removed (inside the test's transaction) so that each test
    sees only the events it makes.
    """
    Event.objects.all().delete()
    organization = factories.OrganizationFactory(
        slug="timeline-test-organization", name="International Organization for Migration"
    )
    settings.IOMSITE_ORGANIZATION = organization.slug
    eras = {
        acronym: factories.NameEraFactory(
            organization=organization,
            slug=f"timeline-test-{acronym.lower()}",
            acronym=acronym,
            name=name,
            start=start,
            end=end,
        )
        for acronym, name, start, end in ERAS
    }
    return SimpleNamespace(organization=organization, eras=eras)
