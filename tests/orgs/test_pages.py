"""The organization's pages: country offices, the structure page and its
figures, a source's page and the bibliography."""

import pytest

from tests.iomsite.test_site_pages import queries_for

pytestmark = pytest.mark.django_db


def test_country_offices_page_keeps_its_query_count_as_offices_grow(client):
    from orgs.models import Organization
    from tests.factories import OfficeFactory

    iom = Organization.objects.get(slug="iom")
    OfficeFactory.create_batch(3, organization=iom)
    few = queries_for(client, "/structure/country-offices/")
    OfficeFactory.create_batch(120, organization=iom)
    assert queries_for(client, "/structure/country-offices/") == few == 4


def test_the_structure_page_lists_every_figure_kind_with_a_link_to_all_its_figures(client):
    html = client.get("/structure/").text
    assert 'href="/structure/figures/staff/"' in html
    assert 'href="/structure/figures/member-states/"' in html


def test_a_figure_kind_page_lists_every_value_of_that_kind_with_sources(client):
    html = client.get("/structure/figures/staff/").text
    assert "17,761" in html
    assert "about 20,000" in html
    assert 'href="#note-1"' in html


def test_an_unknown_figure_kind_is_not_found(client):
    assert client.get("/structure/figures/happiness/").status_code == 404


def test_a_source_page_names_the_kind_of_each_statement_citing_it(client):
    html = client.get("/sources/wikipedia-iom/").text
    assert "(Term of office" in html or "(Event" in html
    assert "(, " not in html


def test_the_bibliography_shows_fifty_sources_a_page(client):
    first = client.get("/sources/").text
    second = client.get("/sources/?page=2").text

    assert "134 sources are cited on this site." in first
    assert first.count('<li id="source-') == 50
    assert second.count('<li id="source-') == 50
    assert '<ol class="record-list bibliography" start="51">' in second
