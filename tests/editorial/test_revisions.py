"""What revision history records: every change to fields, citations and
many-to-many links, with its summary, who made it and when, in history tables
indexed for an entry's history and by date."""

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone

from editorial.content import Content
from loader.loader import read_records
from orgs.citations import CitationBase
from orgs.models import Person, PersonCitation, Source
from tests.conftest import fixture_paths
from tests.editorial.history_helpers import latest_row, post_change_form, save
from tests.factories import EventFactory, PersonFactory, SourceFactory, UserFactory
from timeline.models import Event, EventCitation

pytestmark = pytest.mark.django_db


def test_a_field_change_records_a_history_row_with_its_summary():
    person = PersonFactory(nationality="Swiss")

    save(person, "Nationality from the 2023 press release", nationality="Portuguese")

    row = latest_row(person)
    assert (row.history_type, row.nationality) == ("~", "Portuguese")
    assert row.history_change_reason == "Nationality from the 2023 press release"


def test_a_citation_added_inline_in_the_admin_records_a_citation_history_row(admin_client):
    person = PersonFactory()
    source = SourceFactory()

    def add_citation(data, formsets):
        prefix = formsets[PersonCitation].prefix
        index = int(data[f"{prefix}-TOTAL_FORMS"]) - 1  # the blank extra row
        data[f"{prefix}-{index}-source"] = str(source.pk)
        data[f"{prefix}-{index}-locator"] = "p. 12"

    response = post_change_form(admin_client, person, "Added the UN press release", add_citation)

    assert response.status_code == 302
    citation = person.citations.get(source=source)
    row = PersonCitation.history.get(id=citation.pk)
    assert (row.history_type, row.claim_id, row.locator) == ("+", person.pk, "p. 12")


def test_a_citation_removed_inline_in_the_admin_records_a_deletion_row(admin_client):
    person = PersonFactory(cites=[SourceFactory(), SourceFactory()])
    doomed = person.citations.first()

    def remove_citation(data, formsets):
        prefix = formsets[PersonCitation].prefix
        index = next(
            i for i, form in enumerate(formsets[PersonCitation].forms) if form.instance == doomed
        )
        data[f"{prefix}-{index}-DELETE"] = "on"

    response = post_change_form(admin_client, person, "The blog is not a source", remove_citation)

    assert response.status_code == 302
    assert not person.citations.filter(pk=doomed.pk).exists()
    row = PersonCitation.history.filter(id=doomed.pk).order_by("-history_date").first()
    assert row.history_type == "-"


def test_a_many_to_many_change_records_a_history_row_with_the_new_links():
    event = EventFactory()
    person = PersonFactory()

    event._change_reason = "Named the Director General"
    event.people.add(person)

    row = latest_row(event)
    assert row.history_type == "~"
    assert [link.person_id for link in row.people.all()] == [person.pk]


def test_every_record_the_loader_saved_has_a_creation_row():
    seed_models = {record.model for record in read_records(fixture_paths())}
    tracked = [model for model in seed_models if issubclass(model, Content | CitationBase)]
    assert {Person, PersonCitation, Event, EventCitation, Source} <= set(tracked)
    for model in tracked:
        created = set(model.history.filter(history_type="+").values_list("id", flat=True))
        stored = set(model.objects.values_list("pk", flat=True))
        assert stored and stored <= created, model._meta.label


def test_a_change_records_who_made_it_and_when():
    user = UserFactory()
    person = PersonFactory()
    before = timezone.now()

    save(person, "Corrected the nationality", user, nationality="Portuguese")

    row = latest_row(person)
    assert row.history_user == user
    assert before <= row.history_date <= timezone.now()


@pytest.mark.parametrize(
    "model",
    [m for m in apps.get_models() if issubclass(m, (Content, CitationBase))],
    ids=lambda m: m._meta.label,
)
def test_each_history_table_is_indexed_for_an_entrys_history_and_by_date(model):
    table = model.history.model._meta.db_table
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    indexed = {tuple(c["columns"]) for c in constraints.values() if c["index"] or c["unique"]}
    assert ("id",) in indexed
    assert ("history_date",) in indexed


@pytest.mark.parametrize("model", [Source, PersonCitation], ids=lambda m: m._meta.label)
def test_updating_one_history_tables_change_reasons_leaves_the_others_alone(model):
    history = model.history.model
    others = {
        other: list(other.history.values_list("history_change_reason", flat=True))
        for other in (Person, Event, EventCitation)
    }

    history.objects.update(history_change_reason="Retold")

    assert set(history.objects.values_list("history_change_reason", flat=True)) == {"Retold"}
    for other, reasons in others.items():
        assert list(other.history.values_list("history_change_reason", flat=True)) == reasons
