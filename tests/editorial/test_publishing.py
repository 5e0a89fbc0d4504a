"""Publishing: edit summaries, draft → in review → published, and who may
publish (through the form, the admin action and the review queue)."""

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from editorial import workflow
from tests import factories
from tests.admin_forms import action_data, admin_url, change_form_data, changelist_tokens
from tests.editorial.workflow_helpers import (
    admin_request,
    event_add_data,
    follow_messages,
    queue_post,
    token,
)
from timeline.models import Event

pytestmark = pytest.mark.django_db


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
