"""Every public page answers with the seed loaded, shows what it is for, and
keeps a fixed number of queries however much content there is."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from devtools.generate import generate
from orgs.models import Fact
from tests.factories import FactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


# Each public page with the number of SQL queries it makes. The counts are the
# same with the seed alone and with twenty times as much generated content. An
# entry's own page asks once more for its newest published revision ("Cite this
# page" names it and links it).
PAGES = {
    # + the current member states listed in the overview's JSON-LD
    "/": 17,
    "/names/": 3,
    "/names/era-icem/": 4,
    # Terms with their people and citations; the current name, whose citations
    # back the sentence on when the head's title changed.
    "/leaders/": 5,
    "/people/amy-e-pope/": 5,
    "/structure/": 7,
    "/structure/figures/staff/": 4,
    "/sources/": 2,
    "/sources/wikipedia-iom/": 12,  # one per citation model, members' included
    "/organizations/unhcr/": 6,
    "/history/": 5,
    "/history/event-1989-renamed-iom/": 5,
    "/history/event-2018-un-network-on-migration/": 6,
    "/criticisms/": 8,
    "/criticisms/criticism-2003-pacific-solution/": 7,  # + co-authors of quotations
    "/criticisms/critics/human-rights-watch/": 6,
    # States, their spells, the spells' citations, the filtered states, the
    # sourced counts and their citations.
    "/members/": 6,
    "/members/?colour=decade&region=europe&sort=-since": 6,
    # + offices, events and criticisms that name the state
    "/members/germany/": 7,
    # One query per kind of entry searched (nine kinds).
    "/search/?q=swing": 9,
    "/search/?q=1989": 9,
    "/search/?q=antonio+vitorino": 9,
    "/updates/": 17,  # one per content model, states and spells included
    "/changes/orgs/person/amy-e-pope/": 4,
    "/changes/timeline/event/event-1989-renamed-iom/": 5,
    "/changes/orgs/fact/fact-staff-2024-rok-mofa/": 4,
    "/changes/orgs/term/term-amy-e-pope-dg/": 4,
    # + the co-authors each version of a quotation records
    "/changes/critiques/quotation/quote-john-joniad-open-prison/": 4,
    # The data and API documentation: the kinds come from the registry, not the database.
    "/api/": 0,
    "/sitemap.xml": 8,
    "/robots.txt": 0,
}
MACHINE_ADDRESSES = ("/sitemap.xml", "/robots.txt", "/api/")

# The French and Spanish pages make the same queries as their English twins.
TRANSLATED_PAGES = {
    f"/{language}{url}": count
    for language in ("fr", "es")
    for url, count in PAGES.items()
    if url not in MACHINE_ADDRESSES
}


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("url", PAGES)
def test_every_public_page_answers_with_the_seed(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(("url", "expected"), PAGES.items())
def test_query_count_of_each_page_is_pinned(client, url, expected):
    assert queries_for(client, url) == expected


@pytest.mark.parametrize(("url", "expected"), TRANSLATED_PAGES.items())
def test_query_count_of_each_page_is_the_same_in_french_and_spanish(client, url, expected):
    assert queries_for(client, url) == expected


def test_query_counts_do_not_grow_with_twenty_times_the_content(client):
    generate(20)
    every_page = {**PAGES, **TRANSLATED_PAGES}
    counts = {url: queries_for(client, url) for url in every_page}
    assert counts == every_page


def test_home_shows_the_infobox_with_a_footnote_for_every_value(client):
    html = client.get("/").text
    infobox = html[html.index('class="infobox"') : html.index("</aside>")]
    for label in ("Type", "Headquarters", "Director General", "Staff", "Membership"):
        assert f"<dt>{label}</dt>" in infobox
    assert "Geneva, Switzerland" in infobox
    assert "Amy E. Pope" in infobox
    assert "175 member states" in infobox
    definitions = re.findall(r"<dd>(.*?)</dd>", infobox, re.S)
    cited = [d for d in definitions if 'class="fn"' in d]
    assert len(cited) == len(definitions) - 1  # all but the website link


def test_home_infobox_values_show_their_year_and_that_they_are_the_most_recent(client):
    html = client.get("/").text
    assert '(most recent figure, <time datetime="2024">2024</time>)' in html
    assert '(most recent figure, <time datetime="2021">2021</time>)' in html


def test_footnote_markers_link_to_references_that_link_back(client):
    html = client.get("/").text
    assert '<a href="#note-1"' in html
    assert '<li id="note-1">' in html
    assert 'href="#cite-1-1"' in html


def test_each_source_gets_one_number_per_page(client):
    html = client.get("/").text
    numbers = re.findall(r'<li id="note-(\d+)">', html)
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    sources = re.findall(r'<li id="note-\d+">.*?href="(/sources/[^"]+)"', html, re.S)
    assert len(sources) == len(set(sources))


def test_a_newly_published_budget_figure_appears_in_the_infobox(client):
    from orgs.models import Organization

    iom = Organization.objects.get(slug="iom")
    FactFactory(
        organization=iom,
        kind=Fact.Kind.BUDGET,
        value=9_100_000_000,
        at="2026",
        rank=Fact.Rank.PREFERRED,
        rank_reason="Latest figure",
    )
    assert "US$9.1 billion" in client.get("/").text


def test_home_embeds_organization_structured_data(client):
    html = client.get("/").text
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    page = json.loads(raw)
    assert page["@type"] == "WebPage"
    assert page["inLanguage"] == "en"
    assert page["url"] == "http://testserver/"
    data = page["mainEntity"]
    assert data["@type"] == "Organization"
    assert data["name"] == "International Organization for Migration"
    assert {"PICMME", "ICEM", "ICM"} <= set(data["alternateName"])
    assert data["foundingDate"] == "1951-12-05"
    assert data["location"]["address"]["addressLocality"] == "Geneva"
    observed = {o["variableMeasured"]: o["observationDate"] for o in data["subjectOf"]}
    assert observed["memberStates"] == "2024"
    assert "https://www.iom.int" in data["sameAs"]


def test_structured_data_cannot_close_its_script_element(client):
    OrganizationFactory(slug="iom-twin", name="</script><script>alert(1)</script>")
    from iomsite.views import organization_json_ld
    from orgs.models import Organization

    text = organization_json_ld(Organization.objects.get(slug="iom-twin"), [], None, {})
    assert "</script>" not in text
    assert json.loads(text)["mainEntity"]["name"] == "</script><script>alert(1)</script>"


def test_every_page_has_title_description_canonical_and_open_graph(client):
    for url in PAGES:
        if url in MACHINE_ADDRESSES:
            continue
        html = client.get(url).text
        assert re.search(r"<title>[^<]+ · IOM reference</title>", html), url
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), url
        assert '<link rel="canonical" href="http://testserver/' in html, url
        assert '<meta property="og:title" content="' in html, url
        assert len(re.findall(r"<h1[ >]", html)) == 1, url


def test_navigation_marks_the_current_section(client):
    html = client.get(reverse("orgs:leaders")).text
    assert '<a href="/leaders/" aria-current="page">Leaders</a>' in html
    assert html.count('aria-current="page"') == 1


def test_navigation_marks_the_section_of_a_detail_page(client):
    html = client.get("/people/amy-e-pope/").text
    assert '<a href="/leaders/" aria-current="page">' in html


def test_pages_make_no_third_party_requests(client):
    for url in PAGES:
        html = client.get(url).text
        assets = re.findall(r'<(?:link|script|img)[^>]+(?:href|src)="([^"]+)"', html)
        assert all(a.startswith("/") or a.startswith("http://testserver/") for a in assets), url


def test_sitemap_lists_the_sections_and_published_records(client):
    xml = client.get("/sitemap.xml").text
    assert "<loc>http://testserver/leaders/</loc>" in xml
    assert "<loc>http://testserver/people/amy-e-pope/</loc>" in xml


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text


def test_unknown_page_gets_the_sites_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert 'class="site-nav"' in response.text


def test_the_500_page_reveals_nothing_internal(client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html
    assert "Traceback" not in html


def test_both_dates_of_the_un_network_are_kept_and_the_better_sourced_one_preferred(client):
    main = client.get("/history/event-2018-un-network-on-migration/").text
    other = client.get("/history/event-2019-un-network-on-migration/").text

    assert '<time datetime="2018-05-23">23 May 2018</time>' in main
    assert 'href="/history/event-2019-un-network-on-migration/">' in main
    assert 'other sources give <time datetime="2019">2019</time>' in main
    assert "only the Wikipedia article gives 2019" in main
    assert "Wikipedia" in other[other.index('class="references') :]
    source = client.get("/sources/wikipedia-iom/").text
    assert "established the UN Network on Migration in 2019" in source
    assert 'another account of <a href="/history/event-2018-un-network-on-migration/">' in other
