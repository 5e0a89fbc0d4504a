"""The editors' history page in the admin and the comparison of two versions."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from orgs.models import Person
from tests.editorial.history_helpers import admin_url, latest_row, save
from tests.factories import OrganizationFactory, PersonFactory, SourceFactory

pytestmark = pytest.mark.django_db


# The editors' history page


def test_admin_history_page_shows_what_each_version_changed(admin_client):
    person = PersonFactory(nationality="Swiss")
    save(person, "Correction", nationality="Portuguese")

    html = admin_client.get(admin_url(Person, "history", person.pk)).text

    assert "<strong>Nationality:</strong> Swiss &rarr; Portuguese" in html
    assert "Correction" in html
    assert html.count('type="radio" name="old"') == person.history.count()


@pytest.mark.parametrize(
    "model_factory", [PersonFactory, OrganizationFactory], ids=["person", "organization"]
)
def test_admin_history_page_makes_the_same_queries_with_2000_versions(admin_client, model_factory):
    entry = model_factory()
    url = admin_url(type(entry), "history", entry.pk)
    admin_client.get(url)  # the session and permissions are read once

    def queries(**params):
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(url, params).status_code == 200
        return len(captured)

    few = queries()
    type(entry).history.bulk_history_create([entry] * 2000, update=True)

    assert queries() == few
    assert queries(p=41) == few


# Compare two versions


def test_comparing_two_versions_shows_each_changed_field_with_old_and_new_value(admin_client):
    person = PersonFactory(nationality="Swiss", summary="A diplomat from Geneva.")
    first = latest_row(person)
    save(person, "One", nationality="Portuguese")
    save(person, "Two", summary="A diplomat and lawyer from Geneva.")
    last = latest_row(person)

    response = admin_client.get(
        admin_url(Person, "history_compare", person.pk),
        {"old": first.history_id, "new": last.history_id},
    )

    rows = re.findall(
        r'<th scope="row">(.*?)</th>\s*<td class="history-old">(.*?)</td>\s*'
        r'<td class="history-new">(.*?)</td>',
        response.text,
        re.S,
    )
    assert [label for label, _, _ in rows] == ["Nationality", "Summary"]
    assert rows[0][1:] == ("Swiss", "Portuguese")
    assert "<ins>and lawyer</ins>" in rows[1][2]


def test_comparing_shows_the_citations_added_and_removed_between_versions(admin_client):
    old_source = SourceFactory(title="Old Annual Report")
    new_source = SourceFactory(title="New Annual Report")
    person = PersonFactory(cites=[old_source])
    first = latest_row(person)
    save(person, "Better source", nationality="Portuguese")
    person.citations.get().delete()
    person.citations.create(source=new_source)
    second = latest_row(person)

    html = admin_client.get(
        admin_url(Person, "history_compare", person.pk),
        {"old": first.history_id, "new": second.history_id},
    ).text

    assert re.search(r"Added:</strong> [^<]*New Annual Report", html)
    assert re.search(r"Removed:</strong> [^<]*Old Annual Report", html)


def test_comparing_without_two_versions_goes_back_to_the_history(admin_client):
    person = PersonFactory()

    response = admin_client.get(admin_url(Person, "history_compare", person.pk), {"old": "x"})

    assert response.status_code == 302
    assert response.url == admin_url(Person, "history", person.pk)
