"""The admin of the organization's records: new records belong to the
organization the site is about, and sources and people are found by search."""

import pytest

from orgs.models import Fact, Person, Source
from tests import factories
from tests.admin_forms import admin_url

pytestmark = pytest.mark.django_db


def test_new_record_form_preselects_the_organization_the_site_is_about(admin_client, settings):
    settings.IOMSITE_ORGANIZATION = "the-site-organization"
    site_organization = factories.OrganizationFactory(slug="the-site-organization")
    factories.OrganizationFactory()

    response = admin_client.get(admin_url(Fact, "add"))

    assert response.context["adminform"].form.initial["organization"] == site_organization.pk


# Search


def test_source_changelist_searches_by_title(admin_client):
    report = factories.SourceFactory(title="Zyzzyva Migration Yearbook 2024")
    factories.SourceFactory(title="Zyzzyva Annual Financial Statements")

    response = admin_client.get(admin_url(Source, "changelist"), {"q": "zyzzyva yearbook"})

    assert list(response.context["cl"].result_list) == [report]


def test_person_changelist_searches_by_name(admin_client):
    pope = factories.PersonFactory(name="Quillon Pope", sort_name="Pope, Quillon")
    factories.PersonFactory(name="Quillon Swing", sort_name="Swing, Quillon")

    response = admin_client.get(admin_url(Person, "changelist"), {"q": "quillon pope"})

    assert list(response.context["cl"].result_list) == [pope]
