"""The fixtures can be rebuilt from the database byte for byte: the export
writes published content only, and what it writes loads again."""

import json

import pytest
from django.core.management import call_command

from loader.exporter import export
from loader.loader import load
from orgs.models import Person
from tests.conftest import fixture_paths
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_export_of_the_loaded_seed_reproduces_the_fixture_files_byte_for_byte(tmp_path):
    export(tmp_path)
    for path in fixture_paths():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_export_writes_an_editors_published_update(tmp_path):
    Person.objects.filter(slug="marcus-daly").update(summary="An editor's update.")
    export(tmp_path)
    people = json.loads((tmp_path / "people.json").read_text(encoding="utf-8"))
    daly = next(r for r in people if r["fields"].get("slug") == "marcus-daly")
    assert daly["fields"]["summary"] == "An editor's update."


def test_export_leaves_out_drafts_and_generated_content(tmp_path):
    EventFactory(slug="draft-event", status="draft")
    EventFactory(slug="gen-event-1")
    export(tmp_path)
    text = (tmp_path / "timeline.json").read_text(encoding="utf-8")
    assert "draft-event" not in text
    assert "gen-event-1" not in text


def test_exported_files_load_into_an_empty_database_again(tmp_path):
    export(tmp_path)
    report = load(sorted(tmp_path.glob("*.json")))
    assert report.changes == 0


def test_the_export_command_names_the_files_it_wrote(tmp_path, capsys):
    call_command("export_content", "--output", tmp_path)
    assert "people.json: 104 records" in capsys.readouterr().out
