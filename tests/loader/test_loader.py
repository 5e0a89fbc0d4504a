"""The fixture loader: all or nothing, validated, idempotent, clear about problems."""

import json
from collections import Counter

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from loader.loader import LoadError, dependency_order, load
from loader.models import LoadedRecord
from orgs.models import Organization, Term
from tests.conftest import fixture_paths

pytestmark = pytest.mark.django_db

CONTENT_APPS = ("orgs", "timeline", "critiques", "members")


def snapshot():
    """Every row of every content table, to prove a failed load changed nothing."""
    rows = {}
    for app in CONTENT_APPS:
        for model in apps.get_app_config(app).get_models():
            rows[model._meta.label] = sorted(map(repr, model.objects.values_list()))
    return rows


def write(tmp_path, name, records):
    path = tmp_path / name
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def source(slug="test-source", **fields):
    return {
        "model": "orgs.source",
        "fields": {
            "slug": slug,
            "status": "published",
            "kind": "web-page",
            "title": "A page",
            **fields,
        },
    }


def organization(slug="test-org"):
    return {
        "model": "orgs.organization",
        "fields": {"slug": slug, "status": "published", "name": "Test Org", "kind": "ngo"},
    }


def citation(model, claim, source_slug="test-source"):
    return {
        "model": model,
        "fields": {"claim": [claim], "source": [source_slug], "supports": "", "locator": ""},
    }


def person(slug):
    return {
        "model": "orgs.person",
        "fields": {"slug": slug, "status": "published", "name": slug, "sort_name": slug},
    }


def term(slug, person_slug, start, end=None, current=False):
    return {
        "model": "orgs.term",
        "fields": {
            "slug": slug,
            "status": "published",
            "person": [person_slug],
            "organization": ["test-org"],
            "role": "dg",
            "start": start,
            "end": end,
            "current": current,
        },
    }


def era(slug, start, end):
    return {
        "model": "orgs.nameera",
        "fields": {
            "slug": slug,
            "status": "published",
            "organization": ["test-org"],
            "name": slug,
            "acronym": slug.upper()[:5],
            "start": start,
            "end": end,
        },
    }


def sourced(*records):
    """The records, each claim followed by a citation to the test source."""
    output = [source(), organization(), citation("orgs.organizationcitation", "test-org")]
    for record in records:
        output.append(record)
        label = record["model"]
        if label in {"orgs.person", "orgs.term", "orgs.nameera"}:
            output.append(citation(f"{label}citation", record["fields"]["slug"]))
    return output


def expected_counts():
    counts = Counter()
    for path in fixture_paths():
        for record in json.loads(path.read_text(encoding="utf-8")):
            counts[record["model"]] += 1
    return counts


def test_the_seed_loads_every_fixture_record_once():
    for label, count in expected_counts().items():
        assert apps.get_model(label).objects.count() == count, label


def test_loading_the_seed_again_changes_nothing():
    before = snapshot()
    report = load(fixture_paths())
    assert report.changes == 0
    assert snapshot() == before


def test_loading_into_an_empty_database_reports_every_record_created():
    content_models = {
        model for app in CONTENT_APPS for model in apps.get_app_config(app).get_models()
    }
    for model in reversed(dependency_order(content_models)):
        model.objects.all().delete()
    LoadedRecord.objects.all().delete()
    report = load(fixture_paths())
    created = {label: counter["created"] for label, counter in report.counts.items()}
    assert created == dict(expected_counts())


def test_a_changed_record_is_reported_as_updated(tmp_path):
    path = write(tmp_path, "a.json", sourced())
    load([path])
    changed = sourced()
    changed[1]["fields"]["name"] = "Renamed Org"
    report = load([write(tmp_path, "a.json", changed)])
    assert report.counts["orgs.organization"]["updated"] == 1
    assert Organization.objects.get(slug="test-org").name == "Renamed Org"


def test_the_command_prints_counts_per_model(tmp_path, capsys):
    call_command("load_content", write(tmp_path, "a.json", sourced()))
    output = capsys.readouterr().out
    assert "orgs.source: 1 created, 0 updated, 0 unchanged" in output
    assert "orgs.organization: 1 created" in output


def assert_rejected(paths, *expected_fragments):
    before = snapshot()
    with pytest.raises(LoadError) as error:
        load(paths)
    message = str(error.value)
    for fragment in expected_fragments:
        assert fragment in message, message
    assert snapshot() == before
    return message


def test_malformed_json_is_rejected_with_file_and_position(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[{"model": "orgs.source",', encoding="utf-8")
    assert_rejected([path], "broken.json", "malformed JSON at line 1")


def test_an_unknown_model_is_rejected(tmp_path):
    path = write(tmp_path, "a.json", [{"model": "orgs.planet", "fields": {}}])
    assert_rejected([path], "a.json, record 1", "unknown model 'orgs.planet'")


def test_an_unknown_field_is_rejected(tmp_path):
    path = write(tmp_path, "a.json", [source(colour="blue")])
    assert_rejected([path], "a.json, record 1", "unknown field 'colour'")


def test_a_record_with_a_primary_key_is_rejected(tmp_path):
    record = {**source(), "pk": 7}
    path = write(tmp_path, "a.json", [record])
    assert_rejected([path], "identified by natural key")


def test_a_reference_to_a_missing_record_is_rejected(tmp_path):
    dangling = citation("orgs.organizationcitation", "test-org", "no-such-source")
    records = [*sourced()[:2], dangling]
    path = write(tmp_path, "a.json", records)
    assert_rejected([path], "a.json, record 3", "does not exist")


def test_a_record_without_its_natural_key_is_rejected(tmp_path):
    record = source()
    del record["fields"]["slug"]
    path = write(tmp_path, "a.json", [record])
    assert_rejected([path], "slug", "cannot be blank")


def test_a_published_claim_without_a_citation_is_rejected(tmp_path):
    path = write(tmp_path, "a.json", [source(), organization()])
    assert_rejected([path], "record 2", "cites no source")


def test_a_draft_claim_without_a_citation_is_accepted(tmp_path):
    draft = organization()
    draft["fields"]["status"] = "draft"
    load([write(tmp_path, "a.json", [source(), draft])])
    assert Organization.objects.get(slug="test-org").status == "draft"


def test_overlapping_director_general_terms_are_rejected(tmp_path):
    records = sourced(
        person("first"),
        person("second"),
        term("term-first", "first", "1990", "1999"),
        term("term-second", "second", "1995-06", "2003"),
    )
    assert_rejected([write(tmp_path, "a.json", records)], "term-second", "overlaps")


def test_director_general_terms_that_hand_over_are_accepted(tmp_path):
    records = sourced(
        person("first"),
        person("second"),
        term("term-first", "first", "1990", "1998-10-01"),
        term("term-second", "second", "1998-10-01", current=True),
    )
    load([write(tmp_path, "a.json", records)])
    assert Term.objects.filter(organization__slug="test-org").count() == 2


def test_overlapping_name_eras_are_rejected(tmp_path):
    records = sourced(era("old", "1951", "1960"), era("new", "1955", None))
    assert_rejected([write(tmp_path, "a.json", records)], "'new'", "overlaps")


def test_an_end_before_the_start_is_rejected(tmp_path):
    records = sourced(person("someone"), term("backwards", "someone", "2000", "1990"))
    assert_rejected(
        [write(tmp_path, "a.json", records)], "backwards", "end date is before the start"
    )


def test_an_impossible_date_is_rejected(tmp_path):
    records = sourced(era("odd", "1958-02-30", None))
    assert_rejected([write(tmp_path, "a.json", records)], "not a real calendar date")


def test_a_non_web_url_is_rejected(tmp_path):
    path = write(tmp_path, "a.json", [source(url="javascript:alert(1)")])
    assert_rejected([path], "url", "http:// or https://")


def test_a_failed_load_keeps_records_already_stored(tmp_path):
    load([write(tmp_path, "a.json", sourced())])
    broken = sourced(person("someone"), term("backwards", "someone", "2000", "1990"))
    broken[1]["fields"]["name"] = "Should not be saved"
    assert_rejected([write(tmp_path, "a.json", broken)], "backwards")
    assert Organization.objects.get(slug="test-org").name == "Test Org"


def test_every_problem_is_reported_not_only_the_first(tmp_path):
    path = write(tmp_path, "a.json", [source("one", url="ftp://x.org"), source("two", kind="poem")])
    message = assert_rejected([path], "record 1", "record 2")
    assert "poem" in message


def test_the_command_exits_with_an_error_naming_the_problem(tmp_path):
    path = write(tmp_path, "bad.json", [source(colour="blue")])
    with pytest.raises(CommandError, match=r"(?s)Nothing was loaded.*bad\.json, record 1.*colour"):
        call_command("load_content", path)


def test_the_command_names_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No such fixture file"):
        call_command("load_content", tmp_path / "absent.json")
