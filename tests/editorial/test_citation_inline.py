"""The citation inline: a source added in a popup from the entry's form, found
with the autocomplete, and citations kept when the entry is saved as a draft."""

import pytest
from django.urls import reverse

from orgs.models import Fact, FactCitation, Source
from tests import factories
from tests.admin_forms import admin_url, change_form_data, form_data

pytestmark = pytest.mark.django_db


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
