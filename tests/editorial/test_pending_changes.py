"""Pending changes to published entries: an editor's change waits for review,
readers see the published version until a reviewer publishes the change."""

import pytest
from django.test import Client
from django.urls import reverse

from critiques.models import Criticism
from editorial import workflow
from editorial.models import PendingChange
from orgs.models import Fact, Person
from tests import factories
from tests.admin_forms import action_data, admin_url, change_form_data, changelist_tokens
from tests.editorial.workflow_helpers import follow_messages, login, queue_post, token

pytestmark = pytest.mark.django_db


def test_a_reviewers_own_save_to_a_published_entry_applies_directly(reviewer_client):
    fact = factories.FactFactory(note="Old note.")
    data = change_form_data(reviewer_client, fact, note="New note.", edit_summary="Fixed.")

    response = reviewer_client.post(admin_url(Fact, "change", fact.pk), data)

    assert response.status_code == 302
    fact.refresh_from_db()
    assert fact.note == "New note."
    assert not PendingChange.objects.exists()


def test_an_editors_change_to_a_published_entry_waits_for_review(editor_client):
    fact = factories.FactFactory(note="Published note.")
    data = change_form_data(editor_client, fact, note="Proposed note.", edit_summary="Reworded.")

    response = editor_client.post(admin_url(Fact, "change", fact.pk), data)

    assert response.status_code == 302
    assert any("waiting for a reviewer" in m for m in follow_messages(editor_client, response))
    fact.refresh_from_db()
    assert fact.note == "Published note."
    pending = PendingChange.objects.for_entry(fact).get()
    assert pending.values["note"] == "Proposed note."
    assert pending.summary == "Reworded."
    assert pending.state == PendingChange.State.WAITING
    assert pending.base_version == fact.version


def test_readers_see_the_published_version_until_the_change_is_published(
    editor_client, reviewer_client
):
    person = factories.PersonFactory(nationality="Swiss")
    data = change_form_data(
        editor_client, person, nationality="Austrian", edit_summary="Per the obituary."
    )
    editor_client.post(admin_url(Person, "change", person.pk), data)

    before = Client().get(person.get_absolute_url())
    queue_post(reviewer_client, "admin:review_publish", person, token(person))
    after = Client().get(person.get_absolute_url())

    assert "Swiss" in before.text and "Austrian" not in before.text
    assert "Austrian" in after.text and "Swiss" not in after.text


def test_a_reviewer_publishes_a_pending_change_with_the_action(editor_client, reviewer_client):
    fact = factories.FactFactory(note="Published note.")
    data = change_form_data(editor_client, fact, note="Proposed.", edit_summary="Reworded.")
    editor_client.post(admin_url(Fact, "change", fact.pk), data)
    tokens = changelist_tokens(reviewer_client, Fact, search=fact.slug)

    response = reviewer_client.post(
        admin_url(Fact, "changelist"), action_data("publish_selected", [fact], tokens)
    )

    assert any("Published the change" in m for m in follow_messages(reviewer_client, response))
    fact.refresh_from_db()
    assert fact.note == "Proposed."
    assert not PendingChange.objects.for_entry(fact).exists()


def test_publishing_a_pending_change_records_its_summary_and_author(editor_client):
    editor = factories.EditorFactory()
    fact = factories.FactFactory(note="Published note.")
    data = change_form_data(
        login(Client(), editor), fact, note="Proposed.", edit_summary="Per the 2023 report."
    )
    login(Client(), editor).post(admin_url(Fact, "change", fact.pk), data)

    message = workflow.publish(Fact, fact.pk, factories.ReviewerFactory(), token=token(fact))

    assert "Published the change" in message
    fact.refresh_from_db()
    assert fact.note == "Proposed."
    latest = fact.history.first()
    assert latest.history_change_reason == "Per the 2023 report."
    assert latest.history_user == editor
    assert not PendingChange.objects.for_entry(fact).exists()


def test_publishing_a_pending_change_replaces_the_citations_and_many_to_many_values(
    editor_client,
):
    criticism = factories.CriticismFactory()
    [kept] = criticism.citations.all()
    critic = factories.CriticFactory()
    new_source = factories.SourceFactory()
    data = change_form_data(
        editor_client,
        criticism,
        critics=[str(critic.pk)],
        edit_summary="Added the critic and a second source.",
        **{
            "citations-1-source": str(new_source.pk),
            "citations-1-locator": "p. 9",
            "citations-TOTAL_FORMS": "2",
        },
    )
    editor_client.post(admin_url(Criticism, "change", criticism.pk), data)
    assert list(criticism.critics.all()) == []

    workflow.publish(Criticism, criticism.pk, factories.ReviewerFactory(), token=token(criticism))

    assert list(criticism.critics.all()) == [critic]
    assert sorted((c.source_id, c.locator) for c in criticism.citations.all()) == sorted(
        [(kept.source_id, kept.locator), (new_source.pk, "p. 9")]
    )
    added = criticism.citations.get(source=new_source)
    assert added.history.get().history_change_reason == "Added the critic and a second source."


def test_the_editor_reopening_the_entry_sees_the_pending_version(editor_client):
    fact = factories.FactFactory(note="Published note.")
    source = factories.SourceFactory()
    data = change_form_data(
        editor_client,
        fact,
        note="Proposed note.",
        edit_summary="Reworded.",
        **{"citations-1-source": str(source.pk), "citations-TOTAL_FORMS": "2"},
    )
    editor_client.post(admin_url(Fact, "change", fact.pk), data)

    response = editor_client.get(admin_url(Fact, "change", fact.pk))

    form = response.context["adminform"].form
    assert form["note"].value() == "Proposed note."
    assert form["edit_summary"].value() == "Reworded."
    [citations] = response.context["inline_admin_formsets"]
    shown = [f["source"].value() for f in citations.formset.forms if f["source"].value()]
    assert shown == [fact.citations.get().source_id, source.pk]
    assert "waiting for a reviewer" in response.text


def test_saving_again_updates_the_same_pending_change(editor_client):
    fact = factories.FactFactory(note="Published note.")
    first = change_form_data(editor_client, fact, note="First try.", edit_summary="One.")
    editor_client.post(admin_url(Fact, "change", fact.pk), first)
    second = change_form_data(editor_client, fact, note="Second try.", edit_summary="Two.")

    response = editor_client.post(admin_url(Fact, "change", fact.pk), second)

    assert response.status_code == 302
    pending = PendingChange.objects.for_entry(fact).get()
    assert (pending.values["note"], pending.summary, pending.revision) == ("Second try.", "Two.", 2)


def test_the_review_queue_compares_the_published_and_proposed_versions(
    editor_client, reviewer_client
):
    fact = factories.FactFactory(note="Published note.")
    in_review = factories.EventFactory(status="review")
    data = change_form_data(editor_client, fact, note="Proposed note.", edit_summary="Reworded.")
    editor_client.post(admin_url(Fact, "change", fact.pk), data)

    response = reviewer_client.get(reverse("admin:review_queue"))

    assert response.status_code == 200
    items = response.context["items"]
    entries = [item.entry for item in items]
    assert in_review in entries and fact in entries
    assert entries.index(in_review) < entries.index(fact)  # oldest first
    [change] = [item for item in items if item.entry == fact]
    assert [(d.label, d.old, d.new) for d in change.differences] == [
        ("Note", "Published note.", "Proposed note.")
    ]
    assert "Proposed note." in response.text and "Reworded." in response.text


def test_the_admin_home_page_links_reviewers_to_the_queue(reviewer_client, editor_client):
    factories.EventFactory(status="review")

    reviewer_page = reviewer_client.get(reverse("admin:index"))
    editor_page = editor_client.get(reverse("admin:index"))

    assert reverse("admin:review_queue") in reviewer_page.text
    assert reverse("admin:review_queue") not in editor_page.text


def test_deleting_an_entry_deletes_its_pending_change():
    pending = factories.PendingChangeFactory()

    pending.entry.delete()

    assert not PendingChange.objects.filter(pk=pending.pk).exists()


def test_unpublishing_an_entry_discards_its_pending_change(reviewer_client):
    pending = factories.PendingChangeFactory()
    fact = pending.entry
    data = change_form_data(reviewer_client, fact, status="draft", edit_summary="Unpublished.")

    reviewer_client.post(admin_url(Fact, "change", fact.pk), data)

    fact.refresh_from_db()
    assert fact.status == "draft"
    assert not PendingChange.objects.filter(pk=pending.pk).exists()


def test_an_editor_cannot_delete_a_published_entry_inline(editor_client):
    person = factories.PersonFactory()
    term = factories.TermFactory(person=person)
    data = change_form_data(editor_client, person, edit_summary="Tidy.")
    data["terms-0-DELETE"] = "on"

    response = editor_client.post(admin_url(Person, "change", person.pk), data)

    assert response.status_code == 200
    assert "Only reviewers can delete published entries" in response.text
    assert person.terms.filter(pk=term.pk).exists()


def test_an_editors_change_to_a_published_entry_inline_waits_for_review(editor_client):
    person = factories.PersonFactory()
    term = factories.TermFactory(person=person, note="")
    data = change_form_data(editor_client, person, edit_summary="Term note.")
    data["terms-0-note"] = "Elected unopposed."

    response = editor_client.post(admin_url(Person, "change", person.pk), data)

    assert response.status_code == 302
    term.refresh_from_db()
    assert term.note == ""
    assert PendingChange.objects.for_entry(term).get().values["note"] == "Elected unopposed."
