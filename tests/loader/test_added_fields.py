"""Records loaded before a field existed still take the fixtures' changes: a new
field left empty does not make the loader think an editor changed them."""

import json

import pytest

from loader.format import fingerprint
from loader.loader import load
from orgs.models import Term

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("name", "empty"), [("in_office_until", None), ("co_speakers", [])])
def test_an_added_field_left_empty_counts_as_absent(name, empty):
    fields = {"slug": "a-record", "note": "As loaded."}

    assert fingerprint({**fields, name: empty}) == fingerprint(fields)
    assert fingerprint({**fields, name: "1976-04"}) != fingerprint(fields)


def test_a_term_loaded_before_the_titles_by_era_takes_its_new_title(tmp_path):
    term = {
        "model": "orgs.term",
        "fields": {
            "slug": "term-heads-by-era",
            "status": "draft",
            "person": ["john-thomas"],
            "organization": ["iom"],
            "role": "dg",
            "in_office_on": "1975-04-30",
        },
    }
    path = tmp_path / "people.json"
    path.write_text(json.dumps([term]), encoding="utf-8")
    load([path])
    term["fields"].update(role="director", in_office_until=None)
    path.write_text(json.dumps([term]), encoding="utf-8")

    report = load([path])

    assert report.counts["orgs.term"]["updated"] == 1
    assert Term.objects.get(slug="term-heads-by-era").role == Term.Role.DIRECTOR
