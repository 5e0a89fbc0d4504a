"""Editors add and end spells in the admin, through the usual workflow: the
spell rules stop a bad spell with a message, and nothing is saved."""

import pytest

from members.models import MembershipSpell
from tests.editorial.test_admin import admin_url, management_form
from tests.factories import MembershipSpellFactory, SourceFactory, StateFactory

pytestmark = pytest.mark.django_db


def spell_form(state, source, **fields):
    return {
        "state": state.pk,
        "standing": "member",
        "start": "2021-11",
        "start_cow": "",
        "end": "",
        "end_cow": "",
        "note": "",
        "slug": "spell-admin-test",
        "status": "published",
        "edit_summary": "Admitted by the Council.",
        **management_form("citations", 1),
        "citations-0-source": source.pk,
        "citations-0-supports": "start",
        "citations-0-locator": "",
        "citations-0-quotation": "",
        **fields,
    }


def test_an_editor_adds_a_cited_spell(admin_client):
    state = StateFactory()

    response = admin_client.post(
        admin_url(MembershipSpell, "add"), spell_form(state, SourceFactory())
    )

    assert response.status_code == 302
    spell = MembershipSpell.objects.get(slug="spell-admin-test")
    assert str(spell.start) == "November 2021"
    assert spell.citations.get().supports == "start"


def test_an_overlapping_spell_is_refused_with_a_message_and_not_saved(admin_client):
    state = StateFactory()
    MembershipSpellFactory(state=state, start="2001")

    response = admin_client.post(
        admin_url(MembershipSpell, "add"), spell_form(state, SourceFactory())
    )

    assert response.status_code == 200
    assert "overlaps another of the same state" in response.text
    assert not MembershipSpell.objects.filter(slug="spell-admin-test").exists()


def test_ending_a_spell_before_it_starts_is_refused(admin_client):
    state = StateFactory()

    response = admin_client.post(
        admin_url(MembershipSpell, "add"), spell_form(state, SourceFactory(), end="2020")
    )

    assert response.status_code == 200
    assert "The end is before the start." in response.text


def test_the_state_page_in_the_admin_lists_its_spells(admin_client):
    spell = MembershipSpellFactory(note="An inline spell")

    response = admin_client.get(admin_url(type(spell.state), "change", spell.state.pk))

    assert response.status_code == 200
    assert "An inline spell" in response.text
