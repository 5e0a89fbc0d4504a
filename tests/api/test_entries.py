"""The API gives every public entry, as its page shows it, and nothing readers
may not see."""

import pytest
from django.utils.html import escape

from api.resources import resources
from editorial.content import Status
from orgs.models import Fact
from tests import factories
from tests.api.helpers import every_item, relative, sitemap_paths

pytestmark = pytest.mark.django_db

SECTIONS = {
    "/",
    "/history/",
    "/names/",
    "/leaders/",
    "/structure/",
    "/criticisms/",
    "/sources/",
    "/updates/",
}


def api_twins(client):
    """{page address: the API entry of that page} for every kind with pages."""
    twins = {}
    for resource in resources():
        for item in every_item(client, resource.kind):
            twins.setdefault(relative(item["links"]["html"]), item)
    return twins


def date_fields(item):
    return [value for value in item.values() if isinstance(value, dict) and "precision" in value]


def test_every_public_entry_in_the_sitemap_has_an_api_twin_with_its_values(client):
    twins = api_twins(client)
    # One API entry holds every language's text; its twin is the English page.
    english = [path for path in sitemap_paths(client) if not path.startswith(("/fr/", "/es/"))]
    entries = [path for path in english if path not in SECTIONS - {"/"}]
    assert len(entries) > 100

    for path in entries:
        assert path in twins, path
        item = twins[path]
        detail = client.get(relative(item["links"]["api"]))
        assert detail.status_code == 200, path
        assert {**detail.json(), "license": None} == {**item, "license": None}
        html = client.get(path).text
        title = item.get("title") or item.get("name") or item["label"]
        assert escape(title) in html, path
        for date in date_fields(item):
            assert f'datetime="{date["date"]}"' in html, (path, date)
        # An organization's page cites only its kind and summary (a whole-entry
        # citation of an organization without a summary is not shown there).
        cited = [relative(c["source"]["url"]) for c in item.get("citations", [])]
        if not path.startswith("/organizations/"):
            assert not cited or any(url in html for url in cited), path


def test_a_figure_gives_its_value_date_precision_rank_reason_and_citations(client):
    fact = Fact.objects.published().exclude(rank=Fact.Rank.NORMAL).first()

    item = client.get(f"/api/v1/facts/{fact.slug}/").json()

    assert item["value"] == f"{fact.value:.2f}"
    assert item["at"] == {"date": fact.at.isoformat(), "precision": str(fact.at.precision)}
    assert item["rank"] == fact.rank
    assert item["rank_label"] == fact.get_rank_display()
    assert item["rank_reason"] == fact.rank_reason
    cited = [(c["source"]["key"], c["locator"], c["quotation"]) for c in item["citations"]]
    expected = [(c.source.slug, c.locator, c.quotation) for c in fact.citations.all()]
    assert cited == expected
    assert item["links"]["html"].endswith(fact.get_absolute_url())


def test_a_year_is_given_as_a_year_never_as_the_first_of_january(client):
    person = factories.PersonFactory(slug="born-in-a-year", born="1948")

    item = client.get(f"/api/v1/people/{person.slug}/").json()

    assert item["born"] == {"date": "1948", "precision": "year"}


def test_drafts_are_neither_listed_nor_given(client):
    person = factories.PersonFactory(slug="draft-person", status=Status.DRAFT)

    assert client.get(f"/api/v1/people/{person.slug}/").status_code == 404
    keys = [item["key"] for item in every_item(client, "people")]
    assert person.slug not in keys


def test_a_signed_in_editor_also_gets_only_published_entries(client):
    factories.PersonFactory(slug="draft-person", status=Status.DRAFT)
    client.force_login(factories.EditorFactory())

    assert client.get("/api/v1/people/draft-person/").status_code == 404


def test_citations_of_draft_sources_are_left_out(client):
    draft = factories.SourceFactory(slug="draft-source", status=Status.DRAFT)
    person = factories.PersonFactory(slug="cites-a-draft", cites=[factories.SourceFactory(), draft])

    item = client.get(f"/api/v1/people/{person.slug}/").json()

    assert [c["source"]["key"] for c in item["citations"]] != []
    assert "draft-source" not in str(item)


def test_editors_notes_are_never_given(client):
    person = factories.PersonFactory(slug="noted", editors_note="SECRET-NOTE still to check")

    assert "SECRET-NOTE" not in client.get(f"/api/v1/people/{person.slug}/").text
    assert "SECRET-NOTE" not in client.get("/api/v1/people/", {"page_size": 200}).text
    assert "editors_note" not in client.get("/api/v1/openapi.json").text


def test_a_link_to_a_draft_entry_is_left_out(client):
    draft = factories.PersonFactory(slug="draft-colleague", status=Status.DRAFT)
    event = factories.EventFactory(slug="event-with-draft", people=[draft])

    item = client.get(f"/api/v1/events/{event.slug}/").json()

    assert item["people"] == []


def test_lists_filter_like_their_pages(client):
    events = every_item(client, "events", {"category": "renaming"})
    assert events and {item["category"] for item in events} == {"renaming"}

    staff = every_item(client, "facts", {"kind": "staff"})
    assert staff and {item["kind"] for item in staff} == {"staff"}

    current = every_item(client, "terms-of-office", {"current": "true"})
    assert current and all(item["current"] for item in current)

    pope = every_item(client, "terms-of-office", {"person": "amy-e-pope"})
    assert {item["person"]["key"] for item in pope} == {"amy-e-pope"}
