"""Permanent links: every entry at each of its published revisions, with the
citations it had then, a banner linking the current version, nothing else
reachable, and a query count that does not grow with history or citations."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from editorial import permalinks, registry, workflow
from editorial.content import Status
from editorial.public import shown_entries
from orgs.models import Person
from tests import factories
from tests.admin_forms import admin_url, change_form_data
from tests.editorial.history_helpers import save
from tests.editorial.workflow_helpers import login, token

pytestmark = pytest.mark.django_db

# The entry, its revision (with what its foreign keys point to), when the next
# history row was recorded, the citations then (with their sources).
REVISION_QUERIES = 4


def revision_links(client, history_page):
    return re.findall(r'href="(/changes/[^"]+/\d+/)"', client.get(history_page).text)


def published_twice():
    """A person published through the workflow, then changed by an editor (text
    and source) and published again."""
    first_source = factories.SourceFactory(title="The First Annual Report")
    second_source = factories.SourceFactory(title="The Second Council Resolution")
    person = factories.PersonFactory(
        slug="twice-published",
        summary="First text of the summary.",
        status=Status.IN_REVIEW,
        cites=[first_source],
    )
    reviewer = factories.ReviewerFactory()
    workflow.publish(Person, person.pk, reviewer, token=token(person))
    editor = factories.EditorFactory()
    data = change_form_data(
        login(Client(), editor),
        person,
        summary="Second text of the summary.",
        edit_summary="Rewritten from the Council resolution.",
        **{"citations-0-source": str(second_source.pk)},
    )
    login(Client(), editor).post(admin_url(Person, "change", person.pk), data)
    workflow.publish(Person, person.pk, reviewer, token=token(person))


def test_the_first_revision_shows_the_first_text_and_its_first_citations(client):
    published_twice()
    assert "Second text" in client.get("/people/twice-published/").text
    newest, oldest = revision_links(client, "/changes/orgs/person/twice-published/")

    first = client.get(oldest).text

    assert "First text of the summary." in first
    assert "Second text" not in first
    assert "The First Annual Report" in first
    assert "The Second Council Resolution" not in first
    assert "You are reading the version of" in first
    assert 'href="/people/twice-published/">See the current version' in first
    latest = client.get(newest).text
    assert "Second text of the summary." in latest
    assert "The Second Council Resolution" in latest
    assert "The First Annual Report" not in latest


def test_the_history_page_links_each_published_revision(client):
    person = Person.objects.get(slug="amy-e-pope")
    published = person.history.filter(status=Status.PUBLISHED).values_list("history_id", flat=True)

    links = revision_links(client, "/changes/orgs/person/amy-e-pope/")

    assert sorted(links) == sorted(f"/changes/orgs/person/amy-e-pope/{n}/" for n in published)
    for link in links:
        assert client.get(link).status_code == 200


def test_a_revision_readers_were_never_shown_is_not_found(client):
    person = factories.PersonFactory(slug="drafted-then-published", summary="Public text.")
    save(person, "Hidden draft", status=Status.DRAFT, summary="Draft text.")
    draft = person.history.order_by("-history_id").first()
    save(person, "Published again", status=Status.PUBLISHED, summary="Public text.")

    response = client.get(f"/changes/orgs/person/drafted-then-published/{draft.history_id}/")

    assert response.status_code == 404
    assert "Draft text" not in response.text


@pytest.mark.parametrize(
    "revision",
    ["0", "00", "2147483648", "99999999999999999999999999", "999999999", "1x", "-1", "%00"],
)
def test_a_revision_number_that_names_nothing_is_not_found(client, revision):
    assert client.get(f"/changes/orgs/person/amy-e-pope/{revision}/").status_code == 404
    assert client.get(f"/changes/orgs/person/amy-e-pope/{revision}/cite.bib").status_code == 404


def test_another_entrys_revision_is_not_found(client):
    other = Person.objects.exclude(slug="amy-e-pope").filter(status=Status.PUBLISHED).first()
    revision = other.history.filter(status=Status.PUBLISHED).first().history_id

    assert client.get(f"/changes/orgs/person/amy-e-pope/{revision}/").status_code == 404
    assert client.get(f"/changes/orgs/event/amy-e-pope/{revision}/").status_code == 404
    assert client.get(f"/changes/nothing/here/amy-e-pope/{revision}/").status_code == 404


def test_an_unpublished_entry_has_no_permanent_link(client):
    person = factories.PersonFactory(slug="published-then-withdrawn")
    revision = person.history.get().history_id
    save(person, "Withdrawn", status=Status.DRAFT)

    page = client.get(f"/changes/orgs/person/published-then-withdrawn/{revision}/")

    assert page.status_code == 404


@pytest.mark.parametrize("model", registry.content_models(), ids=lambda m: m._meta.label_lower)
def test_every_kind_of_content_has_permanent_links(client, model):
    entry = shown_entries(model).order_by("pk").first()
    history_id, _date = permalinks.latest_published(entry)

    page = client.get(permalinks.revision_url(entry, history_id))

    assert page.status_code == 200
    assert "You are reading the version of" in page.text
    assert '<details class="cite-page"' in page.text
    assert 'name="robots" content="noindex"' in page.text


@pytest.mark.parametrize("count", [1, 20])
def test_revision_page_queries_do_not_grow_with_history_or_citations(
    client, django_assert_num_queries, count
):
    person = factories.PersonFactory(slug="many-revisions", cites=[])
    factories.PersonCitationFactory.create_batch(count, claim=person)
    for number in range(count):
        save(person, f"Change {number}", summary=f"Text {number}")
    revision = person.history.order_by("-history_id").first().history_id
    url = f"/changes/orgs/person/many-revisions/{revision}/"

    with django_assert_num_queries(REVISION_QUERIES):
        page = client.get(url)

    assert len(re.findall(r'<li><a href="/sources/[^"]+/">', page.text)) == count


def test_revision_page_query_count_is_pinned_for_every_kind(client):
    for model in registry.content_models():
        entry = shown_entries(model).order_by("pk").first()
        history_id, _date = permalinks.latest_published(entry)
        links = len(registry.registration_for(model).link_fields)
        citations = 2 if registry.citation_model(model) else 0
        with CaptureQueriesContext(connection) as queries:
            client.get(permalinks.revision_url(entry, history_id))
        assert len(queries) == 2 + links + citations, model


def test_a_revision_page_never_shows_the_editors_note(client):
    person = factories.PersonFactory(slug="quietly-noted", editors_note="Ask the archive first.")
    revision = person.history.get().history_id

    html = client.get(f"/changes/orgs/person/quietly-noted/{revision}/").text

    assert "Ask the archive" not in html
    assert "never shown to readers" not in html


@pytest.mark.parametrize("text", ["12", "²", "١٢", "", "1 ", "+1", "0"])
def test_only_ascii_digits_name_a_revision(text):
    assert (permalinks.parse_revision(text) is not None) == (text == "12")
