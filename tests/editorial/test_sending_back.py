"""Sending back: a reviewer returns an entry or a pending change to its editor
with a comment the editor sees."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from editorial.models import PendingChange, ReviewComment
from orgs.models import Fact
from tests import factories
from tests.admin_forms import action_data, admin_url, change_form_data, changelist_tokens
from tests.editorial.workflow_helpers import queue_post, token
from timeline.models import Event

pytestmark = pytest.mark.django_db


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
