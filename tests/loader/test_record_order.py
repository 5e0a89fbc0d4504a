"""The loader writes a record after the record of its own model that it names,
wherever the file puts the two."""

import json

import pytest

from loader.loader import load, read_records
from loader.record_order import referred_first
from timeline.models import Event

pytestmark = pytest.mark.django_db


def event(slug, start, account_of=None):
    return {
        "model": "timeline.event",
        "fields": {
            "slug": slug,
            "status": "draft",
            "title": slug,
            "start": start,
            "category": "emergency-response",
            "summary": "What happened.",
            "account_of": [account_of] if account_of else None,
            "rank": "normal" if account_of else "preferred",
            "rank_reason": "" if account_of else "Better sourced.",
        },
    }


def test_an_account_listed_before_its_main_event_loads(tmp_path):
    path = tmp_path / "timeline.json"
    records = [
        event("event-a-2004-account", "2004", account_of="event-b-2005-main"),
        event("event-b-2005-main", "2005-10-08"),
    ]
    path.write_text(json.dumps(records), encoding="utf-8")

    load([path])

    account = Event.objects.get(slug="event-a-2004-account")
    assert account.account_of.slug == "event-b-2005-main"


def test_records_that_name_no_other_keep_their_file_order(tmp_path):
    path = tmp_path / "timeline.json"
    path.write_text(json.dumps([event("event-z", "1999"), event("event-a", "2000")]), "utf-8")

    ordered = referred_first(read_records([path]))

    assert [r.fields["slug"] for r in ordered] == ["event-z", "event-a"]
