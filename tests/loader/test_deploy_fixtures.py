"""Loading the fixtures on every deploy never destroys what editors wrote."""

import json

import pytest
from django.core.management import call_command

from editorial.models import FixtureLoad
from loader.loader import load
from orgs.models import Fact, FactCitation, Person, Source
from tests.conftest import fixture_paths
from tests.factories import PersonFactory
from timeline.models import Event

pytestmark = pytest.mark.django_db


def copy_fixtures(tmp_path):
    """The seed fixtures in a folder of the test's own, to change freely."""
    for path in fixture_paths():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    return sorted(tmp_path.glob("*.json"))


def edit_fixture(tmp_path, file_name, slug, **changes):
    path = tmp_path / file_name
    records = json.loads(path.read_text(encoding="utf-8"))
    for record in records:
        if record["fields"].get("slug") == slug:
            record["fields"].update(changes)
    path.write_text(json.dumps(records, indent=2, ensure_ascii=False), encoding="utf-8")


def add_fixture_record(tmp_path, file_name, *records):
    path = tmp_path / file_name
    existing = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(existing + list(records), ensure_ascii=False), encoding="utf-8")


def test_an_entry_an_editor_changed_is_kept_on_redeploy():
    pope = Person.objects.get(slug="amy-e-pope")
    pope.summary = "Edited by an editor after the deploy."
    pope.save()

    report = load(fixture_paths())

    pope.refresh_from_db()
    assert pope.summary == "Edited by an editor after the deploy."
    assert report.counts["orgs.person"]["kept"] == 1
    assert any("amy-e-pope" in label for label in report.kept)


def test_the_report_names_each_kept_entry():
    Event.objects.filter(slug="event-1989-renamed-iom").update(title="Renamed by an editor")
    lines = list(load(fixture_paths()).lines())
    assert "timeline.event: 0 created, 0 updated, 45 unchanged, 1 kept editor version" in lines
    assert any(
        line.startswith("kept editor version:") and "event-1989-renamed-iom" in line
        for line in lines
    )


def test_a_citation_an_editor_deleted_stays_deleted():
    citation = FactCitation.objects.filter(claim__slug__startswith="fact-").first()
    claim, source = citation.claim, citation.source
    other = Source.objects.exclude(pk=source.pk).first()
    claim.citations.create(source=other, locator="added by an editor")
    citation.delete()

    report = load(fixture_paths())

    assert not claim.citations.filter(source=source).exists()
    assert report.counts["orgs.factcitation"]["kept"] == 1


def test_entries_editors_created_are_left_alone():
    person = PersonFactory(slug="added-by-editor", summary="Mine.")
    load(fixture_paths())
    person.refresh_from_db()
    assert person.summary == "Mine."


def test_new_fixture_records_are_added_on_redeploy(tmp_path):
    paths = copy_fixtures(tmp_path)
    add_fixture_record(
        tmp_path,
        "people.json",
        {
            "model": "orgs.person",
            "fields": {"slug": "new-person", "status": "draft", "name": "New", "sort_name": "New"},
        },
    )
    Person.objects.filter(slug="amy-e-pope").update(summary="Edited.")

    report = load(paths)

    assert Person.objects.filter(slug="new-person").exists()
    assert report.counts["orgs.person"]["created"] == 1
    assert report.counts["orgs.person"]["kept"] == 1


def test_a_fixture_change_to_an_entry_nobody_edited_is_applied(tmp_path):
    paths = copy_fixtures(tmp_path)
    edit_fixture(tmp_path, "people.json", "marcus-daly", summary="A corrected summary.")

    report = load(paths)

    assert Person.objects.get(slug="marcus-daly").summary == "A corrected summary."
    assert report.counts["orgs.person"]["updated"] == 1


def test_a_fixture_change_to_an_entry_an_editor_changed_keeps_the_editor_version(tmp_path):
    paths = copy_fixtures(tmp_path)
    edit_fixture(tmp_path, "people.json", "marcus-daly", summary="The fixture's new text.")
    Person.objects.filter(slug="marcus-daly").update(summary="The editor's text.")

    report = load(paths)

    assert Person.objects.get(slug="marcus-daly").summary == "The editor's text."
    assert report.counts["orgs.person"]["kept"] == 1


def test_unchanged_entries_are_not_written_again():
    pope = Person.objects.get(slug="amy-e-pope")
    history_rows = pope.history.count()
    version = pope.version

    load(fixture_paths())

    pope.refresh_from_db()
    assert pope.history.count() == history_rows
    assert pope.version == version


def test_a_dry_run_reports_the_plan_and_writes_nothing(tmp_path, capsys):
    paths = copy_fixtures(tmp_path)
    edit_fixture(tmp_path, "people.json", "marcus-daly", summary="Planned change.")
    Person.objects.filter(slug="amy-e-pope").update(summary="Edited.")

    call_command("load_content", *paths, "--dry-run")

    output = capsys.readouterr().out
    assert "Dry run: nothing was written" in output
    assert "orgs.person: 0 created, 1 updated" in output
    assert "kept editor version: people.json" in output
    assert Person.objects.get(slug="marcus-daly").summary != "Planned change."


def test_loader_changes_are_recorded_in_history_with_the_load_and_file_as_reason(tmp_path):
    paths = copy_fixtures(tmp_path)
    edit_fixture(tmp_path, "people.json", "marcus-daly", summary="A corrected summary.")
    load(paths)
    latest = Person.objects.get(slug="marcus-daly").history.first()
    fixture_load = FixtureLoad.objects.first()
    assert latest.history_change_reason == (
        f"Loaded on deploy (load {fixture_load.pk}, fixtures/people.json)"
    )
    assert (fixture_load.created, fixture_load.updated) == (0, 1)


def test_every_seed_entry_has_a_loader_history_row():
    assert Person.history.filter(history_type="+").count() == Person.objects.count()
    assert Fact.history.filter(history_change_reason__startswith=FixtureLoad.REASON_PREFIX).exists()


def test_a_dry_run_records_no_load(tmp_path):
    paths = copy_fixtures(tmp_path)
    edit_fixture(tmp_path, "people.json", "marcus-daly", summary="Planned change.")
    loads = FixtureLoad.objects.count()

    report = load(paths, dry_run=True)

    assert report.changes == 1
    assert FixtureLoad.objects.count() == loads


def test_a_load_that_writes_nothing_records_no_load():
    loads = FixtureLoad.objects.count()

    load(fixture_paths())

    assert FixtureLoad.objects.count() == loads
