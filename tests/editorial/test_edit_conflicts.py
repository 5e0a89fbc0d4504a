"""Optimistic locking: a save or an action based on a version someone else has
since replaced is refused, shows what they changed, and loses nothing."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from editorial import workflow
from editorial.models import PendingChange
from orgs.models import Fact
from tests import factories
from tests.admin_forms import action_data, admin_url, change_form_data, changelist_tokens
from timeline.models import Event

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def first():
    return logged_in(factories.EditorFactory(username="amina"))


@pytest.fixture
def second():
    return logged_in(factories.EditorFactory(username="bruno"))


@pytest.fixture
def reviewer():
    return logged_in(factories.ReviewerFactory())


def test_the_change_form_carries_the_entrys_version(first):
    event = factories.EventFactory(status="draft")

    response = first.get(admin_url(Event, "change", event.pk))

    assert f'name="base_version" value="{event.version}"' in response.text


def test_the_second_of_two_editors_saving_the_same_entry_is_refused(first, second):
    event = factories.EventFactory(status="draft", title="Founding conference")
    first_data = change_form_data(first, event, title="Brussels conference", edit_summary="City.")
    second_data = change_form_data(
        second, event, summary="Sixteen governments met.", edit_summary="Who met."
    )
    assert first.post(admin_url(Event, "change", event.pk), first_data).status_code == 302

    response = second.post(admin_url(Event, "change", event.pk), second_data)

    assert response.status_code == 200
    assert "amina saved this entry while you were editing it" in response.text
    assert "Title: Founding conference → Brussels conference" in response.text
    event.refresh_from_db()
    assert event.title == "Brussels conference"
    assert event.summary != "Sixteen governments met."


def test_the_refused_editors_input_is_kept_in_the_form(first, second):
    event = factories.EventFactory(status="draft")
    first_data = change_form_data(first, event, title="Brussels conference", edit_summary="City.")
    second_data = change_form_data(
        second, event, summary="Sixteen governments met.", edit_summary="Who met."
    )
    first.post(admin_url(Event, "change", event.pk), first_data)

    response = second.post(admin_url(Event, "change", event.pk), second_data)

    form = response.context["adminform"].form
    assert form["summary"].value() == "Sixteen governments met."
    assert form["edit_summary"].value() == "Who met."
    assert form["title"].value() == second_data["title"]


def test_saving_again_after_seeing_the_conflict_keeps_the_second_version(first, second):
    event = factories.EventFactory(status="draft")
    first_data = change_form_data(first, event, title="Brussels conference", edit_summary="City.")
    second_data = change_form_data(
        second, event, summary="Sixteen governments met.", edit_summary="Who met."
    )
    first.post(admin_url(Event, "change", event.pk), first_data)
    refused = second.post(admin_url(Event, "change", event.pk), second_data)
    form = refused.context["adminform"].form

    again = second.post(
        admin_url(Event, "change", event.pk),
        {**second_data, "base_version": form["base_version"].value()},
    )

    assert again.status_code == 302
    event.refresh_from_db()
    assert event.summary == "Sixteen governments met."


def test_a_proposal_based_on_an_older_proposal_is_refused(first, second):
    fact = factories.FactFactory(note="Published note.")
    first_data = change_form_data(first, fact, note="Amina's note.", edit_summary="One.")
    second_data = change_form_data(second, fact, qualifier="about", edit_summary="Two.")
    first.post(admin_url(Fact, "change", fact.pk), first_data)

    response = second.post(admin_url(Fact, "change", fact.pk), second_data)

    assert response.status_code == 200
    assert "amina proposed a change to this entry while you were editing it" in response.text
    assert "Note: Published note. → Amina&#x27;s note." in response.text
    pending = PendingChange.objects.for_entry(fact).get()
    assert (pending.values["note"], pending.summary) == ("Amina's note.", "One.")


def test_a_save_without_the_version_is_refused(first):
    event = factories.EventFactory(status="draft")
    data = change_form_data(first, event, title="Changed", edit_summary="Edit.")
    del data["base_version"]

    response = first.post(admin_url(Event, "change", event.pk), data)

    assert response.status_code == 200
    assert "does not say which version of the entry it changes" in response.text
    event.refresh_from_db()
    assert event.title != "Changed"


def test_an_action_on_a_row_changed_since_the_list_was_loaded_is_refused(reviewer, first):
    changed = factories.EventFactory(status="review", slug="conflict-event-changed")
    untouched = factories.EventFactory(status="review", slug="conflict-event-untouched")
    tokens = changelist_tokens(reviewer, Event, search="conflict-event")
    data = change_form_data(first, changed, title="Edited meanwhile", edit_summary="Meanwhile.")
    first.post(admin_url(Event, "change", changed.pk), data)

    response = reviewer.post(
        admin_url(Event, "changelist"),
        action_data("publish_selected", [changed, untouched], tokens),
    )

    messages = [str(m) for m in reviewer.get(response.url).context["messages"]]
    assert any("was changed after this page was loaded" in m for m in messages)
    changed.refresh_from_db()
    untouched.refresh_from_db()
    assert changed.status == "review"
    assert untouched.status == "published"


def test_an_action_without_row_versions_is_refused(reviewer):
    event = factories.EventFactory(status="review")
    data = action_data("publish_selected", [event], {event.pk: ""})

    reviewer.post(admin_url(Event, "changelist"), data)

    event.refresh_from_db()
    assert event.status == "review"


def test_publishing_from_a_stale_review_queue_is_refused(reviewer, first):
    fact = factories.FactFactory(note="Published note.")
    first.post(
        admin_url(Fact, "change", fact.pk),
        change_form_data(first, fact, note="First proposal.", edit_summary="One."),
    )
    [item] = [
        i for i in reviewer.get(reverse("admin:review_queue")).context["items"] if i.entry == fact
    ]
    first.post(
        admin_url(Fact, "change", fact.pk),
        change_form_data(first, fact, note="Second proposal.", edit_summary="Two."),
    )

    reviewer.post(
        reverse("admin:review_publish"),
        {
            "content_type": ContentType.objects.get_for_model(Fact).pk,
            "object_id": fact.pk,
            "token": item.token,
        },
    )

    fact.refresh_from_db()
    assert fact.note == "Published note."
    assert PendingChange.objects.for_entry(fact).get().values["note"] == "Second proposal."


def test_a_pending_change_older_than_the_published_entry_is_not_published(reviewer):
    pending = factories.PendingChangeFactory(values={"note": "Proposed."})
    fact = pending.entry
    fact.note = "Changed by a reviewer since."
    fact.save()

    with pytest.raises(workflow.Refused, match="was changed after this change was proposed"):
        workflow.publish(
            Fact, fact.pk, factories.ReviewerFactory(), token=workflow.token_of(fact, pending)
        )

    fact.refresh_from_db()
    assert fact.note == "Changed by a reviewer since."
    assert PendingChange.objects.filter(pk=pending.pk).exists()


def test_sending_back_a_row_changed_since_the_list_was_loaded_is_refused(reviewer, first):
    event = factories.EventFactory(status="review", slug="conflict-event-send-back")
    tokens = changelist_tokens(reviewer, Event, search="conflict-event-send-back")
    data = change_form_data(first, event, title="Edited meanwhile", edit_summary="Meanwhile.")
    first.post(admin_url(Event, "change", event.pk), data)
    posted = {**action_data("send_back_selected", [event], tokens), "apply": "1"}
    del posted["index"]

    response = reviewer.post(admin_url(Event, "changelist"), {**posted, "comment": "Cite it."})

    messages = [str(m) for m in reviewer.get(response.url).context["messages"]]
    assert any("was changed after this page was loaded" in m for m in messages)
    event.refresh_from_db()
    assert (event.status, event.title) == ("review", "Edited meanwhile")
