"""Translations are edited beside the English, in the same form, and go through the
same workflow: one edit summary, one pending change, one review and one history
entry per change, whatever languages it touches. Staff see what is untranslated."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editorial.models import PendingChange
from orgs.models import Person
from tests import factories
from tests.admin_forms import admin_url, change_form_data
from tests.editorial.history_helpers import latest_row
from tests.editorial.workflow_helpers import queue_post, token
from timeline.models import Event

pytestmark = pytest.mark.django_db


def field_order(html):
    return re.findall(r'name="((?:summary|title|category)(?:_fr|_es)?)"', html)


def test_french_and_spanish_are_edited_right_below_the_english(editor_client):
    event = factories.EventFactory()

    html = editor_client.get(admin_url(Event, "change", event.pk)).text

    assert field_order(html) == [
        "title",
        "title_fr",
        "title_es",
        "category",
        "summary",
        "summary_fr",
        "summary_es",
    ]
    assert "Title (French)" in html


def test_translations_are_placed_beside_the_english_in_declared_fieldsets(editor_client):
    source = factories.SourceFactory()

    html = editor_client.get(admin_url(type(source), "change", source.pk)).text

    names = re.findall(r'name="(accessed|note(?:_fr|_es)?|doi)"', html)
    assert names == ["doi", "accessed", "note", "note_fr", "note_es"]


def test_an_editors_french_and_spanish_edit_is_one_pending_change(editor_client):
    person = factories.PersonFactory(nationality="Swiss")
    data = change_form_data(
        editor_client,
        person,
        nationality_fr="Suisse",
        nationality_es="Suizo",
        edit_summary="Nationality in French and Spanish.",
    )

    response = editor_client.post(admin_url(Person, "change", person.pk), data)

    assert response.status_code == 302
    pending = PendingChange.objects.for_entry(person).get()
    assert (pending.values["nationality_fr"], pending.values["nationality_es"]) == (
        "Suisse",
        "Suizo",
    )
    assert pending.summary == "Nationality in French and Spanish."
    person.refresh_from_db()
    assert person.nationality_fr == ""


def test_the_review_queue_shows_a_translation_change_like_any_other(editor_client):
    person = factories.PersonFactory(nationality="Swiss")
    data = change_form_data(editor_client, person, nationality_fr="Suisse", edit_summary="FR.")
    editor_client.post(admin_url(Person, "change", person.pk), data)
    reviewer = Client()
    reviewer.force_login(factories.ReviewerFactory())

    response = reviewer.get(reverse("admin:review_queue"))

    [item] = [item for item in response.context["items"] if item.entry == person]
    assert [(c.label, c.old, c.new) for c in item.differences] == [
        ("Nationality (French)", "—", "Suisse")
    ]


def test_publishing_a_translation_is_one_history_entry_shown_publicly(editor_client):
    person = factories.PersonFactory(slug="translated-person", nationality="Swiss")
    data = change_form_data(
        editor_client,
        person,
        nationality_fr="Suisse",
        nationality_es="Suizo",
        edit_summary="Nationality translated.",
    )
    editor_client.post(admin_url(Person, "change", person.pk), data)
    reviewer = Client()
    reviewer.force_login(factories.ReviewerFactory())
    versions_before = person.history.count()

    queue_post(reviewer, "admin:review_publish", person, token(person))

    person.refresh_from_db()
    assert (person.nationality_fr, person.nationality_es) == ("Suisse", "Suizo")
    assert person.history.count() == versions_before + 1
    assert latest_row(person).history_change_reason == "Nationality translated."
    public = Client().get("/changes/orgs/person/translated-person/").text
    newest = public[public.index('<li id="change-') :]
    newest = newest[: newest.index("</li>")]
    assert "Nationality translated." in newest
    assert "Nationality (French)" in newest and "Nationality (Spanish)" in newest


# The staff page of what is untranslated


# The session, the user and their permissions (user's and groups', for the admin's
# menu), then one query per model with translated fields.
UNTRANSLATED_QUERIES = 4 + 13


def test_staff_see_published_entries_lacking_a_translation_per_language(editor_client):
    untranslated = factories.EventFactory(title="Untranslated event", title_fr="Événement")
    factories.EventFactory(title="Draft event", status="draft")

    html = editor_client.get(reverse("admin:untranslated")).text

    french = html[html.index('id="untranslated-fr"') : html.index('id="untranslated-es"')]
    spanish = html[html.index('id="untranslated-es"') :]
    edit = admin_url(Event, "change", untranslated.pk)
    assert f'<a href="{edit}">{untranslated}</a>: Summary' in french
    assert f'<a href="{edit}">{untranslated}</a>: Title, Summary' in spanish
    assert "Draft event" not in html


def test_readers_cannot_see_the_untranslated_page(client):
    response = client.get(reverse("admin:untranslated"))

    assert response.status_code == 302
    assert "/login/" in response.url


def test_the_admin_home_links_to_the_untranslated_page(editor_client):
    html = editor_client.get(reverse("admin:index")).text

    assert f'href="{reverse("admin:untranslated")}"' in html


def untranslated_page_queries(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("admin:untranslated")).status_code == 200
    return len(captured)


def test_the_untranslated_page_costs_the_same_queries_for_1_or_20_more_entries(editor_client):
    factories.EventFactory()
    factories.TermFactory(note="A note.")
    once = untranslated_page_queries(editor_client)
    factories.EventFactory.create_batch(20)
    factories.TermFactory.create_batch(20, note="A note.")

    assert untranslated_page_queries(editor_client) == once == UNTRANSLATED_QUERIES
