"""Records the project takes out of the fixtures are deleted on the next load,
unless an editor changed them or something still uses them: nothing an editor
wrote is lost."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from critiques.models import Critic, Criticism
from editorial.models import FixtureLoad
from loader.loader import LoadError, load
from loader.models import LoadedRecord
from loader.retirement import RETIRED_RECORDS, read_retired, retire
from orgs.models import Source
from tests.conftest import fixture_paths

pytestmark = pytest.mark.django_db


def write(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def loaded_extras(tmp_path):
    """A critic and a source with a citing fact, loaded as fixture records are."""
    records = [
        {
            "model": "critiques.critic",
            "fields": {"slug": "old-critic", "status": "published", "name": "Old", "kind": "ngo"},
        },
        {
            "model": "orgs.source",
            "fields": {
                "slug": "old-source",
                "status": "published",
                "kind": "web-page",
                "title": "Old",
            },
        },
        {
            "model": "orgs.factcitation",
            "fields": {
                "claim": ["fact-staff-2024-rok-mofa"],
                "source": ["old-source"],
                "supports": "",
                "locator": "old",
            },
        },
    ]
    load([write(tmp_path / "extras.json", records)])


def retired_list(tmp_path, *entries):
    return write(
        tmp_path / "retired.json",
        [{"model": model, "key": key, "reason": "Taken out."} for model, key in entries],
    )


CRITIC = ("critiques.critic", ["old-critic"])
CITATION = ("orgs.factcitation", ["fact-staff-2024-rok-mofa", "old-source", "", "old"])
SOURCE = ("orgs.source", ["old-source"])


def test_a_retired_record_still_as_loaded_is_deleted(tmp_path):
    loaded_extras(tmp_path)

    report = retire(retired_list(tmp_path, CRITIC))

    assert not Critic.objects.filter(slug="old-critic").exists()
    assert [item.outcome for item in report.items] == ["retired"]
    assert not LoadedRecord.objects.filter(natural_key='["old-critic"]').exists()


def test_a_retired_record_an_editor_changed_is_kept_and_reported(tmp_path):
    loaded_extras(tmp_path)
    Critic.objects.filter(slug="old-critic").update(description="An editor's words.")

    report = retire(retired_list(tmp_path, CRITIC))

    assert Critic.objects.get(slug="old-critic").description == "An editor's words."
    assert "kept: critiques.critic ['old-critic'] (changed by an editor" in "\n".join(
        report.lines()
    )


def test_a_retired_record_something_still_uses_is_kept(tmp_path):
    loaded_extras(tmp_path)
    Criticism.objects.get(slug="criticism-2024-uyghur-refugees").critics.add(
        Critic.objects.get(slug="old-critic")
    )

    report = retire(retired_list(tmp_path, CRITIC))

    assert Critic.objects.filter(slug="old-critic").exists()
    assert report.items[0].why == "still used by 1 critiques.criticism.critics"


def test_a_source_goes_once_its_retired_citations_have_gone(tmp_path):
    loaded_extras(tmp_path)

    report = retire(retired_list(tmp_path, CITATION, SOURCE))

    assert [item.outcome for item in report.items] == ["retired", "retired"]
    assert not Source.objects.filter(slug="old-source").exists()


def test_a_source_an_unretired_citation_uses_is_kept(tmp_path):
    loaded_extras(tmp_path)

    report = retire(retired_list(tmp_path, SOURCE))

    assert Source.objects.filter(slug="old-source").exists()
    assert report.items[0].why == "still used by 1 orgs.factcitation"


def test_the_deletion_is_kept_in_history_as_part_of_a_load(tmp_path):
    loaded_extras(tmp_path)
    critic_pk = Critic.objects.get(slug="old-critic").pk

    retire(retired_list(tmp_path, CRITIC))

    last = Critic.history.filter(id=critic_pk).first()
    assert last.history_type == "-"
    assert FixtureLoad.wrote(last.history_change_reason)
    assert "retired/retired.json" in last.history_change_reason


def test_a_record_already_gone_is_reported_and_nothing_is_recorded(tmp_path):
    loads = FixtureLoad.objects.count()

    report = retire(retired_list(tmp_path, CRITIC))

    assert [item.outcome for item in report.items] == ["gone"]
    assert FixtureLoad.objects.count() == loads


def test_a_malformed_list_is_refused_with_the_entry(tmp_path):
    path = write(tmp_path / "retired.json", [{"model": "critiques.critic", "key": ["x"]}])

    with pytest.raises(LoadError) as error:
        retire(path)

    assert "retired.json, entry 1" in str(error.value)


def test_the_projects_list_names_no_record_the_fixtures_still_hold():
    in_fixtures = set()
    for path in fixture_paths():
        for record in json.loads(path.read_text("utf-8")):
            fields = record["fields"]
            key = fields.get("slug") or [
                fields["claim"][0],
                fields["source"][0],
                fields["supports"],
                fields["locator"],
            ]
            in_fixtures.add((record["model"], json.dumps(key if isinstance(key, list) else [key])))

    listed = read_retired(RETIRED_RECORDS)

    assert listed
    for model, key, reason in listed:
        assert (model._meta.label_lower, json.dumps(key)) not in in_fixtures
        assert reason


def test_a_full_load_reports_the_retired_records():
    out = StringIO()

    call_command("load_content", dry_run=True, stdout=out)

    assert "retired records: 0 deleted, 0 kept, 7 already gone" in out.getvalue()
