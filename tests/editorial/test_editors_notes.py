"""Editors' working notes live in a field of their own on every kind of content:
shown in the admin, kept in history and in the fixtures, and on no public page,
feed, sitemap, search result or structured data. The published fixtures keep
no working notes in the fields readers see."""

import json
import re

import pytest
from django.apps import apps
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat

from editorial.content import Content, Status
from editorial.public import history_url
from loader.exporter import export
from orgs.models import Fact, Person
from tests import factories
from tests.admin_forms import admin_url
from tests.conftest import fixture_paths
from tests.iomsite.test_security import pages_showing_the_content

pytestmark = pytest.mark.django_db

CONTENT_MODELS = sorted(
    (m for m in apps.get_models() if issubclass(m, Content)), key=lambda m: m._meta.label
)
MARKER = "ednotemarker"


def save(entry, reason, **values):
    for name, value in values.items():
        setattr(entry, name, value)
    entry._change_reason = reason
    entry.save()
    return entry


# The field


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m._meta.label)
def test_every_kind_of_content_has_an_editors_note_that_says_readers_never_see_it(model):
    field = model._meta.get_field("editors_note")

    assert field.blank
    assert "never shown to readers" in str(field.verbose_name)


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m._meta.label)
def test_the_admin_form_of_every_kind_of_content_offers_the_editors_note(admin_client, model):
    entry = model.objects.first()

    response = admin_client.get(admin_url(model, "change", entry.pk))

    assert 'name="editors_note"' in response.text


def test_the_editors_note_is_kept_in_history():
    person = factories.PersonFactory()

    save(person, "Noted what is left to check", editors_note="Birth year: ask the archive.")

    assert person.history.first().editors_note == "Birth year: ask the archive."


def test_the_editors_note_travels_through_the_fixtures(tmp_path):
    Person.objects.filter(slug="marcus-daly").update(editors_note="Look for his successor.")

    export(tmp_path)

    people = json.loads((tmp_path / "people.json").read_text(encoding="utf-8"))
    daly = next(r for r in people if r["fields"].get("slug") == "marcus-daly")
    assert daly["fields"]["editors_note"] == "Look for his successor."


# Never shown to readers


def fill_every_editors_note():
    """A marker in the editors' note of every entry, unique to the entry."""
    for model in CONTENT_MODELS:
        model.objects.update(
            editors_note=Concat(
                Value(f"{MARKER} {model._meta.model_name} "), Cast("pk", CharField())
            )
        )


def public_urls():
    urls = set(pages_showing_the_content())
    for model in CONTENT_MODELS:
        urls |= {history_url(entry) for entry in model.objects.published()}
    urls |= {"/updates/", "/updates/feed/", "/sitemap.xml", "/robots.txt", "/search/?q=Swing"}
    return sorted(url for url in urls if url)


def test_no_public_page_feed_sitemap_or_search_shows_an_editors_note(client, admin_client):
    fill_every_editors_note()
    # Recent changes to every kind of entry, so that /updates/ and its feed list them.
    for model in CONTENT_MODELS:
        entry = model.objects.published().order_by("pk").first()
        save(entry, f"Checked the {model._meta.verbose_name} again")

    shown = [url for url in public_urls() if MARKER in client.get(url).text.lower()]

    assert shown == []
    # The search finds nothing by the words of an editors' note.
    assert client.get("/search/", {"q": MARKER}).context["results"] == []
    # The markers are there to be seen: the admin shows them.
    fact = Fact.objects.first()
    assert f"{MARKER} fact {fact.pk}" in admin_client.get(admin_url(Fact, "change", fact.pk)).text


def test_a_change_to_the_editors_note_alone_names_no_field_on_the_public_history(client):
    person = factories.PersonFactory(slug="archive-query-change")
    save(person, "Noted the archive to ask", editors_note="Ask the archive.")

    html = client.get("/changes/orgs/person/archive-query-change/").text

    newest = html[html.index('<li id="change-') :]
    newest = newest[: newest.index("</li>")]
    assert "Noted the archive to ask" in newest
    assert "note" not in newest.replace("Noted the archive to ask", "").lower()


# The published fixtures


# Phrases of notes addressed to editors (what was or was not checked, found or
# recorded), which belong in the editors' note, not in the text readers see. A
# plain hedge for readers ("The exact date is not confirmed.") is not one.
WORKING_NOTE_PATTERNS = [
    r"\bnot (?:yet )?checked\b",
    r"\bwas not checked\b",
    r"\bnot recorded\b",
    r"\bwere not recorded\b",
    r"\bwas not recorded\b",
    r"\brecorded only in truncated form\b",
    r"\bdate not found\b",
    r"\bwas found\b",
    r"\bgives no detail\b",
    r"\bThe Wikipedia article lists\b",
]
WORKING_NOTE = re.compile("|".join(WORKING_NOTE_PATTERNS), re.IGNORECASE)


def public_texts():
    """(file, key, field, text) for every text field of every published record
    but the editors' note: citations' locators and quotations included."""
    for path in fixture_paths():
        for record in json.loads(path.read_text(encoding="utf-8")):
            fields = record["fields"]
            if fields.get("status", Status.PUBLISHED) != Status.PUBLISHED:
                continue
            key = fields.get("slug") or f"{fields.get('claim')} → {fields.get('source')}"
            for name, value in fields.items():
                if name != "editors_note" and isinstance(value, str):
                    yield path.name, key, name, value


def test_the_working_note_phrases_catch_the_notes_readers_were_shown():
    seen_before = [
        "Given by the Wikipedia article; not confirmed (the IOM Annual Report for 2020, "
        "C/112/INF/1, was not checked).",
        "The Wikipedia article lists the 1999 crisis in Kosovo among the man-made and natural "
        "disasters that have marked IOM's history. It gives no detail of IOM's work there.",
        "From the Wikipedia infobox; not checked against the IOM Annual Report for 2021.",
        "Descriptive title; the address was not recorded.",
        "Elected Director at the Committee's second session (date not found).",
    ]
    assert all(WORKING_NOTE.search(text) for text in seen_before)
    assert not WORKING_NOTE.search("No source cited gives the start of his term.")


def test_published_fixtures_show_readers_no_working_notes():
    found = [
        f"{file} {key} .{name}: {text}"
        for file, key, name, text in public_texts()
        if WORKING_NOTE.search(text)
    ]
    assert found == []


def test_the_working_notes_moved_out_of_public_fields_are_kept_for_editors():
    notes = {
        record["fields"]["slug"]: record["fields"]["editors_note"]
        for path in fixture_paths()
        for record in json.loads(path.read_text(encoding="utf-8"))
        if "editors_note" in record["fields"]
    }
    assert "C/112/INF/1" in notes["fact-budget-2020-wikipedia"]
    assert "gives no detail of IOM's work" in notes["event-1999-kosovo"]
    assert "address was not recorded" in notes["straits-times-2023-farah"]
