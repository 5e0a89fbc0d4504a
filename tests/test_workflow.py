"""The editorial workflow: edit summaries, draft → in review → published, who may
publish (through the form, the admin action and the review queue), pending
changes to published entries, sending back with a comment, and staff previews."""

import pytest
from django.contrib.admin.sites import site
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.urls import reverse

from critiques.models import Criticism
from editorial import workflow
from editorial.models import PendingChange, ReviewComment
from orgs.models import Fact, FactCitation, Person, Source
from tests import factories
from tests.admin_forms import (
    action_data,
    admin_url,
    change_form_data,
    changelist_tokens,
    form_data,
)
from timeline.models import Event

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client):
    return login(client, factories.EditorFactory())


@pytest.fixture
def reviewer_client():
    return login(Client(), factories.ReviewerFactory())


def event_add_data(client, **fields):
    response = client.get(admin_url(Event, "add"))
    return {
        **form_data(response),
        "title": "Workflow test event",
        "slug": "workflow-test-event",
        "start": "1951-12-05",
        "category": Event.Category.FOUNDING,
        "summary": "Something happened.",
        "edit_summary": "Added from the founding conference's report.",
        **fields,
    }


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def follow_messages(client, response):
    return [str(m) for m in client.get(response.url).context["messages"]]


def queue_post(client, name, entry, token, **data):
    return client.post(
        reverse(name),
        {
            "content_type": ContentType.objects.get_for_model(entry).pk,
            "object_id": entry.pk,
            "token": token,
            **data,
        },
    )


def token(entry):
    entry.refresh_from_db()
    return workflow.token_of(entry, workflow.pending_for(entry))


def admin_request(user, path="/", data=None):
    request = RequestFactory().post(path, data or {})
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


# Edit summaries


def test_saving_without_an_edit_summary_is_refused_and_the_input_is_kept(editor_client):
    data = event_add_data(editor_client, edit_summary="")

    response = editor_client.post(admin_url(Event, "add"), data)

    assert response.status_code == 200
    assert "Write an edit summary" in response.text
    assert 'value="Workflow test event"' in response.text
    assert not Event.objects.filter(slug="workflow-test-event").exists()


def test_the_edit_summary_becomes_the_change_reason_of_the_entry_and_its_citations(
    editor_client,
):
    source = factories.SourceFactory()
    data = event_add_data(
        editor_client,
        **{"citations-0-source": source.pk, "citations-0-locator": "p. 3"},
    )

    response = editor_client.post(admin_url(Event, "add"), data)

    assert response.status_code == 302
    event = Event.objects.get(slug="workflow-test-event")
    [row] = event.history.all()
    assert row.history_change_reason == "Added from the founding conference's report."
    [citation] = event.citations.all()
    assert citation.history.get().history_change_reason == row.history_change_reason


def test_the_edit_summary_is_the_change_reason_of_many_to_many_changes(reviewer_client):
    event = factories.EventFactory()
    person = factories.PersonFactory()
    data = change_form_data(
        reviewer_client, event, people=[str(person.pk)], edit_summary="Named the delegate."
    )

    response = reviewer_client.post(admin_url(Event, "change", event.pk), data)

    assert response.status_code == 302
    assert list(event.people.all()) == [person]
    reasons = set(event.history.values_list("history_change_reason", flat=True)[:2])
    assert reasons == {"Named the delegate."}


# Who may publish


def test_the_status_field_offers_editors_only_draft_and_in_review(editor_client):
    response = editor_client.get(admin_url(Event, "add"))

    choices = [value for value, _ in response.context["adminform"].form.fields["status"].choices]
    assert choices == ["draft", "review"]


def test_the_status_field_offers_reviewers_publishing(reviewer_client):
    response = reviewer_client.get(admin_url(Event, "add"))

    choices = [value for value, _ in response.context["adminform"].form.fields["status"].choices]
    assert choices == ["draft", "review", "published"]


def test_an_editor_cannot_publish_through_the_form(editor_client):
    event = factories.EventFactory(status="review")
    data = change_form_data(editor_client, event, status="published", edit_summary="Publish.")

    response = editor_client.post(admin_url(Event, "change", event.pk), data)

    assert response.status_code == 200
    assert "Only reviewers can publish" in response.text
    event.refresh_from_db()
    assert event.status == "review"


def test_an_editor_cannot_add_an_entry_as_published(editor_client):
    response = editor_client.post(
        admin_url(Event, "add"), event_add_data(editor_client, status="published")
    )

    assert "Only reviewers can publish" in response.text
    assert not Event.objects.filter(slug="workflow-test-event").exists()


def test_the_form_save_itself_refuses_an_editor_who_publishes():
    editor = factories.EditorFactory()
    event = factories.EventFactory(status="review")
    model_admin = site._registry[Event]
    request = admin_request(editor)
    form_class = model_admin.get_form(request, event, change=True)
    form = form_class(instance=event)
    form.cleaned_data = {"edit_summary": "Bypassing the form."}
    form.locked_entry = Event.objects.get(pk=event.pk)
    event.status = "published"

    with pytest.raises(PermissionDenied):
        model_admin.save_model(request, event, form, change=True)

    assert Event.objects.get(pk=event.pk).status == "review"


def test_an_editor_cannot_publish_with_the_admin_action(editor_client):
    event = factories.EventFactory(status="review")
    data = action_data("publish_selected", [event], {event.pk: f"{event.version}.0"})

    response = editor_client.post(admin_url(Event, "changelist"), data)

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == "review"


def test_the_publish_action_itself_refuses_an_editor():
    editor = factories.EditorFactory()
    event = factories.EventFactory(status="review")
    request = admin_request(editor, data={f"_version-{event.pk}": f"{event.version}.0"})

    with pytest.raises(PermissionDenied):
        site._registry[Event].publish_selected(request, Event.objects.filter(pk=event.pk))

    event.refresh_from_db()
    assert event.status == "review"


def test_an_editor_cannot_publish_by_posting_to_the_review_queue(editor_client):
    event = factories.EventFactory(status="review")

    response = queue_post(editor_client, "admin:review_publish", event, token(event))

    assert response.status_code == 403
    event.refresh_from_db()
    assert event.status == "review"


def test_an_editor_cannot_send_back_by_posting_to_the_review_queue(editor_client):
    event = factories.EventFactory(status="review")

    response = queue_post(
        editor_client, "admin:review_send_back", event, token(event), comment="No."
    )

    assert response.status_code == 403
    event.refresh_from_db()
    assert event.status == "review"


def test_the_workflow_refuses_to_publish_for_an_editor():
    event = factories.EventFactory(status="review")

    with pytest.raises(workflow.Refused, match="Only reviewers can publish"):
        workflow.publish(Event, event.pk, factories.EditorFactory(), token=token(event))


def test_an_editor_cannot_open_the_review_queue(editor_client):
    assert editor_client.get(reverse("admin:review_queue")).status_code == 403


# Draft → in review → published


def test_the_whole_path_from_draft_to_published(editor_client, reviewer_client):
    source = factories.SourceFactory()
    data = event_add_data(editor_client, status="draft", **{"citations-0-source": source.pk})
    editor_client.post(admin_url(Event, "add"), data)
    event = Event.objects.get(slug="workflow-test-event")
    assert Client().get(event.get_absolute_url()).status_code == 404

    data = change_form_data(editor_client, event, status="review", edit_summary="Ready.")
    assert editor_client.post(admin_url(Event, "change", event.pk), data).status_code == 302
    event.refresh_from_db()
    assert event.status == "review"

    tokens = changelist_tokens(reviewer_client, Event, search=event.slug)
    response = reviewer_client.post(
        admin_url(Event, "changelist"), action_data("publish_selected", [event], tokens)
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == "published"
    assert Client().get(event.get_absolute_url()).status_code == 200
    # Readers see the editor's summary of the content, not the status-only "Ready.".
    assert event.history.first().history_change_reason == (
        "Added from the founding conference's report."
    )


def test_publishing_an_entry_that_cites_no_source_is_refused_by_the_action(reviewer_client):
    event = factories.EventFactory(status="review", cites=[])
    tokens = changelist_tokens(reviewer_client, Event, search=event.slug)

    response = reviewer_client.post(
        admin_url(Event, "changelist"), action_data("publish_selected", [event], tokens)
    )

    assert any("cites no source" in m for m in follow_messages(reviewer_client, response))
    event.refresh_from_db()
    assert event.status == "review"


def test_publishing_an_entry_that_cites_no_source_is_refused_by_the_queue(reviewer_client):
    event = factories.EventFactory(status="review", cites=[])

    response = queue_post(reviewer_client, "admin:review_publish", event, token(event))

    assert any("cites no source" in m for m in follow_messages(reviewer_client, response))
    event.refresh_from_db()
    assert event.status == "review"


def test_a_reviewers_own_save_to_a_published_entry_applies_directly(reviewer_client):
    fact = factories.FactFactory(note="Old note.")
    data = change_form_data(reviewer_client, fact, note="New note.", edit_summary="Fixed.")

    response = reviewer_client.post(admin_url(Fact, "change", fact.pk), data)

    assert response.status_code == 302
    fact.refresh_from_db()
    assert fact.note == "New note."
    assert not PendingChange.objects.exists()


# Pending changes


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


# Sending back


def test_a_reviewer_sends_an_entry_back_with_a_comment_shown_to_the_editor(
    reviewer_client, editor_client
):
    event = factories.EventFactory(status="review")
    tokens = changelist_tokens(reviewer_client, Event, search=event.slug)
    data = action_data("send_back_selected", [event], tokens)

    asked = reviewer_client.post(admin_url(Event, "changelist"), data)
    del data["index"]
    sent = reviewer_client.post(
        admin_url(Event, "changelist"), {**data, "apply": "1", "comment": "Cite the minutes."}
    )

    assert asked.status_code == 200
    assert "Comment for the editor" in asked.text
    assert sent.status_code == 302
    event.refresh_from_db()
    assert event.status == "draft"
    assert ReviewComment.objects.for_entry(event).get().comment == "Cite the minutes."
    page = editor_client.get(admin_url(Event, "change", event.pk))
    assert "Cite the minutes." in page.text


def test_sending_back_needs_a_comment(reviewer_client):
    event = factories.EventFactory(status="review")
    tokens = changelist_tokens(reviewer_client, Event, search=event.slug)
    data = action_data("send_back_selected", [event], tokens)
    del data["index"]

    response = reviewer_client.post(
        admin_url(Event, "changelist"), {**data, "apply": "1", "comment": ""}
    )

    assert response.status_code == 200
    assert "Write a comment for the editor" in response.text
    event.refresh_from_db()
    assert event.status == "review"


def test_a_pending_change_sent_back_from_the_queue_shows_the_comment_to_the_editor(
    reviewer_client, editor_client
):
    fact = factories.FactFactory(note="Published note.")
    data = change_form_data(editor_client, fact, note="Proposed.", edit_summary="Reworded.")
    editor_client.post(admin_url(Fact, "change", fact.pk), data)

    form_page = reviewer_client.get(
        reverse("admin:review_send_back"),
        {
            "content_type": ContentType.objects.get_for_model(Fact).pk,
            "object_id": fact.pk,
            "token": token(fact),
        },
    )
    response = queue_post(
        reviewer_client, "admin:review_send_back", fact, token(fact), comment="Which report?"
    )

    assert form_page.status_code == 200
    assert response.status_code == 302
    pending = PendingChange.objects.for_entry(fact).get()
    assert pending.state == PendingChange.State.SENT_BACK
    assert pending.reviewer_comment == "Which report?"
    page = editor_client.get(admin_url(Fact, "change", fact.pk))
    assert "Which report?" in page.text
    assert page.context["adminform"].form["note"].value() == "Proposed."
    fact.refresh_from_db()
    assert fact.note == "Published note."


# Staff previews


def test_staff_preview_a_draft_with_a_banner_and_no_cache(editor_client):
    event = factories.EventFactory(status="draft", title="Draft Event Title")

    response = editor_client.get(event.get_absolute_url())

    assert response.status_code == 200
    assert "Preview: this entry is not published" in response.text
    assert "Draft Event Title" in response.text
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "private"} <= directives


@pytest.mark.parametrize(
    "factory",
    [
        factories.PersonFactory,
        factories.NameEraFactory,
        factories.SourceFactory,
        factories.OrganizationFactory,
        factories.EventFactory,
        factories.CriticismFactory,
        factories.CriticFactory,
    ],
    ids=lambda f: f._meta.model.__name__,
)
def test_every_detail_page_previews_entries_in_review_for_staff(editor_client, factory):
    entry = factory(status="review")

    response = editor_client.get(entry.get_absolute_url())

    assert response.status_code == 200
    assert "Preview: this entry is not published" in response.text


def test_anonymous_readers_get_404_for_a_draft():
    event = factories.EventFactory(status="draft")

    response = Client().get(event.get_absolute_url())

    assert response.status_code == 404


def test_staff_without_the_view_permission_get_404_for_a_draft(client):
    event = factories.EventFactory(status="draft")
    client.force_login(factories.UserFactory(is_staff=True))

    assert client.get(event.get_absolute_url()).status_code == 404


def test_published_pages_have_no_banner_and_may_be_cached(editor_client):
    event = factories.EventFactory()

    response = editor_client.get(event.get_absolute_url())

    assert "Preview: this entry is not published" not in response.text
    assert "no-store" not in response.get("Cache-Control", "")


def test_lists_stay_published_only_for_staff(editor_client):
    factories.SourceFactory(status="draft", title="Unpublished Zanzibar Report")

    response = editor_client.get(reverse("orgs:sources"))

    assert "Unpublished Zanzibar Report" not in response.text


# Adding a source from the entry's form


def test_the_citation_inline_offers_to_add_a_source_in_a_popup(editor_client):
    response = editor_client.get(admin_url(Fact, "add"))

    assert f"{admin_url(Source, 'add')}?_to_field=id&amp;_popup=1" in response.text


def test_a_source_added_in_the_popup_is_sent_back_to_the_form(editor_client):
    page = editor_client.get(admin_url(Source, "add"), {"_to_field": "id", "_popup": "1"})
    data = {
        **form_data(page),
        "kind": Source.Kind.REPORT,
        "title": "Popup Source Report",
        "slug": "popup-source-report",
        "status": "draft",
        "edit_summary": "New source for a figure.",
        "_to_field": "id",
        "_popup": "1",
    }

    response = editor_client.post(admin_url(Source, "add") + "?_to_field=id&_popup=1", data)

    assert page.status_code == 200
    assert response.status_code == 200
    source = Source.objects.get(slug="popup-source-report")
    assert "popup_response" in response.text
    assert f"&quot;value&quot;: &quot;{source.pk}&quot;" in response.text


def test_editors_can_find_a_source_with_the_autocomplete(editor_client):
    source = factories.SourceFactory(title="Autocomplete Quokka Survey")

    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "quokka",
            "app_label": "orgs",
            "model_name": "factcitation",
            "field_name": "source",
        },
    )

    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(source.pk)]


def test_the_citations_of_a_fact_are_kept_when_it_is_edited_as_a_draft(editor_client):
    fact = factories.FactFactory(status="draft")
    data = change_form_data(editor_client, fact, note="Drafting.", edit_summary="Draft note.")

    response = editor_client.post(admin_url(Fact, "change", fact.pk), data)

    assert response.status_code == 302
    fact.refresh_from_db()
    assert fact.note == "Drafting."
    assert FactCitation.objects.filter(claim=fact).count() == 1
