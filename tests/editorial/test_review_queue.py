"""The review queue shows what a reviewer publishes before they publish it: every
entry's values and citations, the sources published along with it, and a
preview link that shows the entry (a figure included)."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from orgs.models import Fact, Organization
from tests import factories
from tests.admin_forms import admin_url, change_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer():
    client = Client()
    client.force_login(factories.ReviewerFactory())
    return client


def queue_item(response, entry):
    [item] = [item for item in response.context["items"] if item.entry == entry]
    return item


def section_of(html, heading):
    start = html.index(heading)
    return html[start : html.index("</section>", start)]


def staff_figure(**fields):
    organization = Organization.objects.get(slug=settings.IOMSITE_ORGANIZATION)
    values = {
        "organization": organization,
        "kind": Fact.Kind.STAFF,
        "value": "21500.00",
        "unit": Fact.Unit.COUNT,
        "qualifier": Fact.Qualifier.ABOUT,
        "at": "2024-12",
        "status": "review",
    }
    return factories.FactFactory(**{**values, **fields})


def test_an_entry_in_review_shows_its_values_as_readers_read_them(reviewer):
    fact = staff_figure(note="Staff on all contracts.")

    response = reviewer.get(reverse("admin:review_queue"))

    values = {row.label: row.value for row in queue_item(response, fact).values}
    assert values["Kind"] == "Staff"
    assert values["Value"] == "21,500"
    assert values["Qualifier"] == "about"
    assert values["Point in time"] == "December 2024"
    assert values["Note"] == "Staff on all contracts."
    assert "<td>21,500</td>" in section_of(response.text, f"Fact: {fact}")


def test_an_entry_in_review_shows_its_citations_with_their_sources(reviewer):
    source = factories.SourceFactory(title="Staff Census Report")
    fact = staff_figure(cites=[source], cites__locator="p. 9", cites__supports="value")

    response = reviewer.get(reverse("admin:review_queue"))

    [line] = queue_item(response, fact).citations
    assert (line.source, line.supports, line.locator) == (source, "Value", "p. 9")
    section = section_of(response.text, f"Fact: {fact}")
    assert "Staff Census Report" in section and "p. 9" in section


def test_the_sources_published_along_are_listed_with_their_details_before_publish(reviewer):
    draft = factories.SourceFactory(
        status="draft",
        title="Draft Staff Census",
        authors="Statistics Office",
        url="https://example.org/census",
    )
    fact = staff_figure(cites=[draft])

    response = reviewer.get(reverse("admin:review_queue"))

    assert queue_item(response, fact).sources_to_publish == [draft]
    section = section_of(response.text, f"Fact: {fact}")
    listed = section.index("Also publishes these sources:")
    assert listed < section.index('value="Publish"')
    details = section[listed:]
    for text in ("Draft Staff Census", "Statistics Office", "https://example.org/census", "Draft"):
        assert text in details
    assert admin_url(type(draft), "change", draft.pk) in details


def test_a_pending_change_citing_a_draft_source_lists_it_before_publish(reviewer):
    fact = factories.FactFactory()
    draft = factories.SourceFactory(status="draft", title="Draft Addendum")
    editor = Client()
    editor.force_login(factories.EditorFactory())
    data = change_form_data(
        editor, fact, edit_summary="Cited the addendum.", **{"citations-1-source": draft.pk}
    )
    editor.post(admin_url(Fact, "change", fact.pk), data)

    response = reviewer.get(reverse("admin:review_queue"))

    assert queue_item(response, fact).sources_to_publish == [draft]


def test_a_published_source_is_not_listed_as_published_along(reviewer):
    fact = staff_figure()

    response = reviewer.get(reverse("admin:review_queue"))

    assert queue_item(response, fact).sources_to_publish == []
    assert "Also publishes these sources:" not in section_of(response.text, f"Fact: {fact}")


def test_the_preview_link_of_a_figure_in_review_shows_the_figure(reviewer):
    source = factories.SourceFactory(status="draft", title="Draft Payroll Report")
    fact = staff_figure(cites=[source])
    queue = reviewer.get(reverse("admin:review_queue"))
    url = queue_item(queue, fact).preview_url

    response = reviewer.get(url)

    assert url.startswith(reverse("orgs:figures", args=[Fact.Kind.STAFF]))
    assert response.status_code == 200
    row = response.text[response.text.index(f'id="fact-{fact.slug}"') :].split("</tr>")[0]
    assert "about 21,500" in row and 'class="fn"' in row
    assert "Draft Payroll Report" in response.text
    assert "Preview: this entry is not published" in response.text
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "private"} <= directives


def test_readers_asking_for_a_figure_preview_see_the_published_list_only():
    fact = staff_figure()

    response = Client().get(fact.get_preview_url())

    assert response.status_code == 200
    assert f'id="fact-{fact.slug}"' not in response.text
    assert "Preview: this entry is not published" not in response.text


def test_a_published_figure_links_to_its_row_on_its_kinds_page(client):
    fact = staff_figure(status="published")

    url = fact.get_absolute_url()

    assert url == reverse("orgs:figures", args=[Fact.Kind.STAFF]) + f"#fact-{fact.slug}"
    assert fact.get_preview_url() == url
    assert f'id="fact-{fact.slug}"' in client.get(url).text


def test_view_on_site_of_an_unpublished_figure_opens_its_preview(reviewer):
    fact = staff_figure()

    response = reviewer.get(admin_url(Fact, "change", fact.pk))

    assert f'href="{fact.get_preview_url()}"'.replace("&", "&amp;") in response.text


def test_a_source_in_review_shows_its_values_and_no_citation_warning(reviewer):
    source = factories.SourceFactory(status="review", title="Queued Handbook")

    response = reviewer.get(reverse("admin:review_queue"))

    values = {row.label: row.value for row in queue_item(response, source).values}
    assert values["Title"] == "Queued Handbook" and values["Kind"] == "Report"
    assert "cites no source" not in section_of(response.text, f"Source: {source}")


def test_a_claim_in_review_without_citations_is_flagged_before_publish(reviewer):
    fact = staff_figure(cites=[])

    response = reviewer.get(reverse("admin:review_queue"))

    assert "It cites no source: publishing it will be refused." in section_of(
        response.text, f"Fact: {fact}"
    )
