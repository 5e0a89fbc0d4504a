"""Translations travel in the fixtures like any field: loaded, exported byte for
byte; an empty one is no change, so records loaded before the translation
columns existed, or not translated yet, still take the fixtures' updates."""

import json

import pytest

from editorial.translation import is_translation, translation_columns
from loader.exporter import export
from loader.format import fingerprint, record_fields
from loader.loader import load
from loader.models import LoadedRecord
from tests.conftest import fixture_paths
from timeline.models import Event

pytestmark = pytest.mark.django_db

SLUG = "event-1989-renamed-iom"


def seed_file(name):
    [path] = [path for path in fixture_paths() if path.name == name]
    return path


def with_event_fields(tmp_path, **fields):
    """The seed's timeline file with the renaming event's fields changed."""
    records = json.loads(seed_file("timeline.json").read_text(encoding="utf-8"))
    [record] = [r for r in records if r["fields"].get("slug") == SLUG]
    record["fields"].update(fields)
    path = tmp_path / "timeline.json"
    path.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_the_seed_records_carry_every_translation_key():
    records = json.loads(seed_file("timeline.json").read_text(encoding="utf-8"))
    [record] = [r for r in records if r["fields"].get("slug") == SLUG]

    for name in ("title", "summary", "rank_reason"):
        assert record["fields"][f"{name}_fr"] is not None
        assert f"{name}_es" in record["fields"]


def test_a_translation_in_the_fixtures_is_loaded_and_exported_byte_for_byte(tmp_path):
    path = with_event_fields(tmp_path, title_fr="L'OIC devient l'OIM", title_es="El CIM pasa a OIM")

    report = load([path])
    export(tmp_path / "export")

    assert report.counts["timeline.event"]["updated"] == 1
    assert Event.objects.get(slug=SLUG).title_fr == "L'OIC devient l'OIM"
    assert (tmp_path / "export" / "timeline.json").read_bytes() == path.read_bytes()


@pytest.mark.parametrize("name", ["title_fr", "summary_es", "translation_fr", "note_es"])
def test_an_empty_translation_counts_as_absent(name):
    fields = {"slug": "a-record", "title": "As loaded."}

    assert fingerprint({**fields, name: ""}) == fingerprint(fields)
    assert fingerprint({**fields, name: "Traduit."}) != fingerprint(fields)


def test_a_record_loaded_before_the_translations_takes_its_first_translation(tmp_path):
    # The record as a load before the translation columns existed left it.
    columns = translation_columns(Event).values()
    Event.objects.filter(slug=SLUG).update(
        **{column.name: "" for by_language in columns for column in by_language.values()}
    )
    event = Event.objects.get(slug=SLUG)
    before = {k: v for k, v in record_fields(event).items() if not is_translation(Event, k)}
    LoadedRecord.objects.filter(model="timeline.event", natural_key=json.dumps([SLUG])).update(
        fingerprint=fingerprint(before)
    )

    report = load([with_event_fields(tmp_path, summary_fr="Le CIM devient l'OIM.")])

    assert report.counts["timeline.event"]["updated"] == 1
    assert report.kept == []
    event.refresh_from_db()
    assert event.summary_fr == "Le CIM devient l'OIM."


def test_an_unchanged_seed_reloads_with_no_change():
    assert load(fixture_paths()).changes == 0


def test_an_editors_translation_is_kept_when_the_fixtures_have_none(tmp_path):
    Event.objects.filter(slug=SLUG).update(title_fr="Traduction d'une éditrice")

    report = load([with_event_fields(tmp_path, summary="A corrected summary.")])

    assert report.counts["timeline.event"]["kept"] == 1
    assert Event.objects.get(slug=SLUG).title_fr == "Traduction d'une éditrice"
