"""The admin as a non-technical editor's tool: buttons that say what they do,
one edit summary beside them, readable citations, fields chosen by their labels,
plain-language ranks, numbers as numbers and keys made for the editor."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from editorial.models import PendingChange
from orgs.models import Fact, Organization, Person, Source
from tests import factories
from tests.admin_forms import admin_url, change_form_data, form_data
from timeline.models import Event

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor():
    return logged_in(factories.EditorFactory())


@pytest.fixture
def reviewer():
    return logged_in(factories.ReviewerFactory())


def new_event(client, button, **fields):
    page = client.get(admin_url(Event, "add"))
    data = {
        **form_data(page),
        "title": "Button test event",
        "slug": "button-test-event",
        "start": "1951-12-05",
        "category": Event.Category.FOUNDING,
        "summary": "Something happened.",
        "edit_summary": "Added from the conference report.",
        "citations-0-source": factories.SourceFactory().pk,
        button: "1",
        **fields,
    }
    return client.post(admin_url(Event, "add"), data)


def buttons(response):
    return [button.name for button in response.context["workflow_buttons"]]


# Save buttons


def test_submit_for_review_saves_the_entry_in_review_without_touching_a_status(editor):
    response = new_event(editor, "_submit_for_review")

    assert response.status_code == 302
    assert Event.objects.get(slug="button-test-event").status == "review"


def test_save_draft_saves_a_draft_whatever_status_was_posted(editor):
    new_event(editor, "_save_draft", status="review")

    assert Event.objects.get(slug="button-test-event").status == "draft"


def test_a_reviewers_publish_button_publishes_with_the_queues_rules(reviewer):
    draft_source = factories.SourceFactory(status="draft")
    event = factories.EventFactory(status="review", cites=[draft_source])
    data = change_form_data(reviewer, event, edit_summary="Checked; publishing.", _publish="1")

    response = reviewer.post(admin_url(Event, "change", event.pk), data)

    assert response.status_code == 302
    event.refresh_from_db()
    draft_source.refresh_from_db()
    assert (event.status, draft_source.status) == ("published", "published")
    assert event.history.first().history_change_reason == "Checked; publishing."


def test_the_publish_button_refuses_an_entry_that_cites_no_source(reviewer):
    event = factories.EventFactory(status="review", cites=[])
    data = change_form_data(reviewer, event, edit_summary="Publishing.", _publish="1")

    response = reviewer.post(admin_url(Event, "change", event.pk), data)

    assert response.status_code == 200
    assert "cites no source" in response.text
    event.refresh_from_db()
    assert event.status == "review"


def test_an_editor_pressing_publish_is_refused(editor):
    response = new_event(editor, "_publish")

    assert response.status_code == 200
    assert "Only reviewers can publish" in response.text
    assert not Event.objects.filter(slug="button-test-event").exists()


def test_an_editors_submit_on_a_published_entry_proposes_the_change(editor):
    fact = factories.FactFactory(note="Published note.")
    data = change_form_data(
        editor, fact, note="Proposed.", edit_summary="Clarified.", _submit_for_review="1"
    )

    editor.post(admin_url(Fact, "change", fact.pk), data)

    fact.refresh_from_db()
    assert (fact.status, fact.note) == ("published", "Published note.")
    assert PendingChange.objects.for_entry(fact).get().values["note"] == "Proposed."


def test_editors_are_offered_save_draft_and_submit_for_review(editor):
    assert buttons(editor.get(admin_url(Event, "add"))) == ["_save_draft", "_submit_for_review"]


def test_reviewers_are_also_offered_publish(reviewer):
    response = reviewer.get(admin_url(Event, "add"))

    assert buttons(response) == ["_save_draft", "_submit_for_review", "_publish"]
    assert 'name="_publish" value="Publish" class="default"' in response.text


def test_on_a_published_entry_an_editor_submits_and_a_reviewer_publishes_or_unpublishes(
    editor, reviewer
):
    event = factories.EventFactory()
    url = admin_url(Event, "change", event.pk)

    assert buttons(editor.get(url)) == ["_submit_for_review"]
    assert buttons(reviewer.get(url)) == ["_publish", "_save_draft"]


def test_the_status_is_set_by_the_buttons_not_a_drop_down(editor):
    response = editor.get(admin_url(Event, "add"))

    assert '<input type="hidden" name="status" value="draft"' in response.text
    assert '<select name="status"' not in response.text
    assert "A new entry: save it as a draft, or submit it" in response.text


# The edit summary


def test_one_edit_summary_sits_beside_the_save_buttons_after_the_citations(editor):
    html = editor.get(admin_url(Fact, "add")).text

    assert html.count('name="edit_summary"') == 1
    assert html.count('class="submit-row"') == 1
    summary = html.index('name="edit_summary"')
    assert html.index('id="citations-group"') < summary < html.index('name="_submit_for_review"')
    assert re.search(r'<textarea name="edit_summary" cols="80" rows="3"', html)


def test_the_edit_summary_is_still_required(editor):
    response = new_event(editor, "_submit_for_review", edit_summary="")

    assert "Write an edit summary" in response.text
    assert not Event.objects.filter(slug="button-test-event").exists()


def test_a_source_added_from_a_citation_popup_needs_no_second_summary(editor):
    response = editor.get(admin_url(Source, "add"), {"_to_field": "id", "_popup": "1"})

    assert response.context["adminform"].form.initial["edit_summary"]


# Citations


def test_each_citation_is_one_labelled_row_with_the_source_first(editor):
    response = editor.get(admin_url(Fact, "add"))

    [inline] = response.context["inline_admin_formsets"]
    assert [f["name"] for f in inline.fields()] == ["source", "supports", "locator", "quotation"]
    for name in ("source", "supports", "locator", "quotation"):
        assert re.search(f'<label [^>]*for="id_citations-0-{name}">', response.text)


def test_supports_offers_the_claims_fields_by_label_and_the_whole_entry(editor):
    response = editor.get(admin_url(Person, "add"))

    [citations] = [
        inline
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "citations"
    ]
    field = citations.formset.form.base_fields["supports"]
    choices = dict(field.choices)
    assert choices[""] == "The whole entry"
    assert choices["nationality"] == "Nationality"
    assert choices["born"] == "Born"
    assert "slug" not in choices and "status" not in choices


def test_supports_stores_the_field_name_and_refuses_an_unknown_one(editor):
    person = factories.PersonFactory(status="draft")
    data = change_form_data(editor, person, edit_summary="Cited.")

    editor.post(
        admin_url(Person, "change", person.pk), {**data, "citations-0-supports": "nationality"}
    )
    wrong = editor.post(
        admin_url(Person, "change", person.pk),
        {**change_form_data(editor, person, edit_summary="x"), "citations-0-supports": "slug"},
    )

    assert person.citations.get().supports == "nationality"
    assert wrong.status_code == 200
    assert "Select a valid choice" in wrong.text


# Ranks


def test_ranks_have_plain_labels_in_the_admin(editor):
    html = editor.get(admin_url(Fact, "add")).text

    for label in ("Preferred value", "Also reported", "Disputed"):
        assert f">{label}</option>" in html
    assert "“Also reported”: another value a source gives." in html


def test_ranks_have_plain_labels_on_the_public_figure_pages(client):
    fact = factories.FactFactory(
        organization=Organization.objects.get(slug=settings.IOMSITE_ORGANIZATION),
        kind=Fact.Kind.STAFF,
        at="2099",
        rank=Fact.Rank.DEPRECATED,
        rank_reason="Counted twice.",
    )

    html = client.get(reverse("orgs:figures", args=[Fact.Kind.STAFF])).text

    row = html[html.index(f'id="fact-{fact.slug}"') :].split("</tr>")[0]
    assert "Disputed: Counted twice." in row
    assert "Also reported" in html and "Preferred value" in html
    assert ">Normal<" not in html and ">Deprecated" not in html


# Numbers


def test_a_head_count_is_shown_with_separators_and_no_decimals_in_the_form(editor):
    fact = factories.FactFactory(status="draft", value="21500.00", unit=Fact.Unit.COUNT)

    html = editor.get(admin_url(Fact, "change", fact.pk)).text

    assert 'name="value" value="21,500"' in html
    assert "21500.00" not in html


@pytest.mark.parametrize("typed", ["21,500", "21500", "21 500"])
def test_the_value_accepts_numbers_as_people_type_them(editor, typed):
    fact = factories.FactFactory(status="draft", value="1", unit=Fact.Unit.COUNT)
    data = change_form_data(editor, fact, value=typed, edit_summary="Corrected the count.")

    assert editor.post(admin_url(Fact, "change", fact.pk), data).status_code == 302

    fact.refresh_from_db()
    assert fact.value == 21500


def test_the_fact_list_shows_values_as_readers_read_them(reviewer):
    factories.FactFactory(note="numbers-list-test", value="2500000000", unit=Fact.Unit.USD)
    factories.FactFactory(note="numbers-list-test", value="21500.00", unit=Fact.Unit.COUNT)

    html = reviewer.get(admin_url(Fact, "changelist"), {"q": "numbers-list-test"}).text

    assert "US$2.5 billion" in html and ">21,500<" in html
    assert "21500.00" not in html


# Keys


def test_a_facts_key_is_made_from_its_kind_and_date_when_left_blank(reviewer):
    source = factories.SourceFactory()
    organization = factories.OrganizationFactory()
    page = reviewer.get(admin_url(Fact, "add"))
    data = {
        **form_data(page),
        "organization": organization.pk,
        "kind": Fact.Kind.OFFICES,
        "value": "590",
        "unit": Fact.Unit.COUNT,
        "at": "2099-06",
        "rank": Fact.Rank.NORMAL,
        "slug": "",
        "edit_summary": "Added the office count.",
        "citations-0-source": source.pk,
        "_save_draft": "1",
    }

    response = reviewer.post(admin_url(Fact, "add"), data)

    assert response.status_code == 302
    assert Fact.objects.filter(slug="offices-2099-06").exists()


def test_a_key_already_taken_is_refused_naming_the_entry_and_a_free_one(editor):
    taken = factories.EventFactory(slug="button-test-event", title="The First Event")

    response = new_event(editor, "_save_draft")

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["slug"])
    assert "The key “button-test-event” is already used by Event “" in errors
    assert str(taken.title) in errors
    assert "“button-test-event-2”" in errors


def test_the_key_says_it_is_filled_in_from_the_title(editor):
    response = editor.get(admin_url(Fact, "add"))

    help_text = str(response.context["adminform"].form.fields["slug"].help_text)
    assert help_text.startswith("Filled in for you from “kind” and “point in time”")
