"""Reverting to an earlier version: fields, citations and links restored as a
new change with a summary, by a user who may publish."""

import pytest
from django.contrib.auth.models import Permission

from orgs.models import Person
from tests.editorial.history_helpers import admin_url, editor, latest_row, reviewer, save
from tests.factories import EventFactory, PersonFactory, SourceFactory

pytestmark = pytest.mark.django_db


def revert_url(entry, version):
    return admin_url(type(entry), "history_revert", entry.pk, version.history_id)


def test_reverting_restores_fields_and_citations_as_a_new_change_with_the_summary(client):
    original_source = SourceFactory()
    person = PersonFactory(nationality="Swiss", cites=[original_source])
    [original_citation] = person.citations.all()
    version = latest_row(person)
    save(person, "Vandalism", nationality="Martian")
    person.citations.get().delete()
    person.citations.create(source=SourceFactory())
    rows_before = person.history.count()
    client.force_login(reviewer())

    response = client.post(revert_url(person, version), {"summary": "Undo vandalism"})

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.nationality == "Swiss"
    assert [(c.pk, c.source_id) for c in person.citations.all()] == [
        (original_citation.pk, original_source.pk)
    ]
    assert person.history.count() == rows_before + 1
    row = latest_row(person)
    assert row.history_change_reason.startswith("Reverted to the version of ")
    assert row.history_change_reason.endswith(": Undo vandalism")
    assert row.nationality == "Swiss"


def test_reverting_restores_many_to_many_links(client):
    first, second = PersonFactory(), PersonFactory()
    event = EventFactory(people=[first])
    version = latest_row(event)
    event.people.set([second])
    client.force_login(reviewer())

    client.post(revert_url(event, version), {"summary": "Wrong person"})

    assert list(event.people.all()) == [first]
    assert [link.person_id for link in latest_row(event).people.all()] == [first.pk]


def test_reverting_by_a_user_with_the_publish_permission_is_allowed(client):
    permission = Permission.objects.filter(
        content_type__app_label="editorial", codename="publish_content"
    ).first()
    if permission is None:
        pytest.skip("editorial.publish_content does not exist yet")
    user = editor()
    user.user_permissions.add(permission)
    person = PersonFactory(nationality="Swiss")
    version = latest_row(person)
    save(person, "Oops", nationality="Martian")
    client.force_login(user)

    response = client.post(revert_url(person, version), {"summary": "Undo"})

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.nationality == "Swiss"


def test_reverting_without_a_summary_is_refused_with_a_clear_message(client):
    person = PersonFactory(nationality="Swiss")
    version = latest_row(person)
    save(person, "Oops", nationality="Martian")
    rows_before = person.history.count()
    client.force_login(reviewer())

    response = client.post(revert_url(person, version), {"summary": "  "})

    assert response.status_code == 200
    assert "Give an edit summary: say why you are reverting to this version." in response.text
    person.refresh_from_db()
    assert person.nationality == "Martian"
    assert person.history.count() == rows_before


def test_an_editor_sees_no_revert_button_and_cannot_revert(client):
    person = PersonFactory(nationality="Swiss")
    version = latest_row(person)
    save(person, "Oops", nationality="Martian")
    client.force_login(editor())

    history = client.get(admin_url(Person, "history", person.pk))
    version_page = client.get(admin_url(Person, "simple_history", person.pk, version.history_id))
    refused = client.post(revert_url(person, version), {"summary": "Undo"})

    assert history.status_code == 200
    assert "/revert/" not in history.text
    assert version_page.status_code == 200
    assert "/revert/" not in version_page.text
    assert 'name="_save"' not in version_page.text
    assert refused.status_code == 403
    person.refresh_from_db()
    assert person.nationality == "Martian"


def test_the_version_page_offers_the_revert_page_instead_of_saving_without_a_summary(admin_client):
    person = PersonFactory(nationality="Swiss")
    version = latest_row(person)
    save(person, "Oops", nationality="Martian")
    url = admin_url(Person, "simple_history", person.pk, version.history_id)

    page = admin_client.get(url)
    posted = admin_client.post(url, {"nationality": "Swiss"})

    assert revert_url(person, version) in page.text
    assert 'name="_save"' not in page.text
    assert posted.status_code == 405
    person.refresh_from_db()
    assert person.nationality == "Martian"
