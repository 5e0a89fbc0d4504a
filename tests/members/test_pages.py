"""The members page (map, table, filters, count over time) and a state's page,
with the seed loaded: what they show, their sources, bad input and query counts."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.content import Status
from tests.factories import MembershipSpellFactory, StateFactory

pytestmark = pytest.mark.django_db

LIST = "/members/"


def table_rows(html):
    body = html[html.index('<table class="members">') :]
    body = body[: body.index("</table>")]
    return re.findall(r"<tr>\s*<th scope=\"row\"><a href=\"([^\"]+)\">([^<]+)</a>", body)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_every_state_of_the_seed_is_listed_with_a_link_to_its_page(client):
    rows = table_rows(client.get(LIST).text)

    assert len(rows) == 173
    assert ("/members/germany/", "Germany") in rows
    assert ("/members/vatican-city/", "Vatican City") in rows


def test_every_row_cites_a_source(client):
    html = client.get(LIST).text
    body = html[html.index('<table class="members">') : html.index("</table>")]
    rows = body.split("<tr>")[2:]

    assert rows and all('class="fn"' in row for row in rows)


def test_a_year_only_cow_gives_reads_as_a_by_year(client):
    html = client.get(LIST).text

    assert "by 1951 (COW IGO v3)" in html


def test_an_official_date_ranks_above_the_cow_year(client):
    html = client.get("/members/micronesia/").text
    official = html.index('<time datetime="2011-12">')

    assert official < html.index("COW IGO v3: 2010")


def test_a_state_that_left_and_rejoined_shows_both_spells(client):
    html = client.get("/members/australia/").text

    assert html.count('<tr id="spell-') == 2
    assert "after 1973 (COW IGO v3)" in html


def test_an_observer_then_member_shows_both_standings(client):
    html = client.get("/members/russia/").text

    assert "Observer state" in html and "Member state" in html


def test_filter_by_standing_narrows_the_table(client):
    rows = table_rows(client.get(LIST, {"standing": "observer"}).text)

    assert rows == [("/members/kuwait/", "Kuwait")]


def test_filter_by_region_and_decade_combine(client):
    rows = table_rows(client.get(LIST, {"region": "oceania", "decade": "1950"}).text)

    assert [name for _url, name in rows] == ["Australia", "New Zealand"]


def test_a_by_date_gives_no_decade(client):
    html = client.get(LIST, {"decade": "2020"}).text

    assert "No state matches these filters." in html


def test_the_table_sorts_on_the_server_by_joining_date(client):
    rows = table_rows(client.get(LIST, {"sort": "-since"}).text)

    # Latest first: a state known to be a member by August 2024; the founding
    # members (by 1951 in COW) last, their names from Z to A.
    assert rows[0][1] == "Tonga"
    assert rows[-1][1] == "Argentina"


def test_sort_links_keep_the_filters(client):
    html = client.get(LIST, {"region": "europe"}).text

    assert 'href="?region=europe&amp;sort=since"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"standing": "king"},
        {"decade": "1940"},
        {"decade": "abc"},
        {"region": "atlantis"},
        {"sort": "population"},
        {"colour": "red"},
        {"region": "x" * 5000},
        {"standing": "member\x00"},
        {"decade": "1950'--"},
    ],
)
def test_a_value_not_on_offer_is_a_400_naming_the_problem(client, params):
    response = client.get(LIST, params)

    assert response.status_code == 400
    assert "from the list" in response.text


def test_the_map_links_each_coloured_state_with_an_accessible_name(client):
    html = client.get(LIST).text
    links = re.findall(r'<a href="(/members/[^"]+)" aria-label="([^"]+)"><path class="map-', html)

    assert len(links) == 152
    assert ("/members/germany/", "Germany: Member state, by 1990 (COW IGO v3)") in links


def test_the_map_colours_by_decade_on_request(client):
    html = client.get(LIST, {"colour": "decade"}).text

    assert 'class="map-decade-1950"' in html
    assert "first joined in the 1950s" in html


def test_small_states_off_the_map_are_named_under_it(client):
    html = client.get(LIST).text

    assert "too small for this map" in html
    assert '<a href="/members/tuvalu/">Tuvalu</a>' in html


def test_derived_and_sourced_counts_are_shown_side_by_side(client):
    html = client.get(LIST).text
    section = html[html.index('id="count-heading"') :]
    row = section[section.index('<time datetime="2014-07">') :]
    cells = re.findall(r"<td>(.*?)</td>", row[: row.index("</tr>")], re.S)

    assert cells[0].startswith("156")
    assert cells[1] == "156"
    assert "-11" in section  # 2023: 164 derived against 175 sourced


def test_a_state_page_names_its_codes_and_links_back_to_the_list(client):
    html = client.get("/members/germany/").text

    assert "DE · DEU · 276" in html
    assert 'href="/members/"' in html


def test_a_state_page_lists_records_that_name_it(client):
    html = client.get("/members/australia/").text

    assert "Elsewhere on this site" in html


def test_an_unknown_state_is_a_404(client):
    assert client.get("/members/atlantis/").status_code == 404


def test_a_draft_state_is_not_shown_to_readers(client):
    StateFactory(code="AQ", slug="state-aq", status=Status.DRAFT, region="oceania")

    assert client.get("/members/state-aq/").status_code == 404


def test_the_overview_links_its_membership_line_to_the_members_page(client):
    html = client.get("/").text

    assert '<a href="/members/">175 member states</a>' in html


def test_the_overview_json_ld_lists_current_members(client):
    html = client.get("/").text
    data = json.loads(html.split('type="application/ld+json">')[1].split("</script>")[0])

    names = {member["name"] for member in data["mainEntity"]["member"]}
    assert len(names) == 172
    assert "Uzbekistan" in names and "Kuwait" not in names


def add_states(count):
    """``count`` more published states, each with a cited spell."""
    codes = ["AQ", "BV", "HM", "GS", "TF", "UM", "IO", "PN", "NF", "CX", "CC", "TK"]
    codes += ["NU", "WF", "PF", "NC", "GU", "AS", "MP", "VI", "PR", "GL", "FO", "AX"]
    for code in codes[:count]:
        MembershipSpellFactory(
            state=StateFactory(code=code, slug=f"state-{code.lower()}", region="oceania"),
            start="2001-05",
        )


def test_members_page_queries_do_not_grow_with_twenty_more_states(client):
    before = queries_for(client, LIST)
    add_states(20)

    assert queries_for(client, LIST) == before
    assert queries_for(client, LIST + "?standing=member&decade=2000") == before


def test_state_page_queries_are_fixed(client):
    before = queries_for(client, "/members/australia/")
    add_states(20)

    assert queries_for(client, "/members/australia/") == before


def test_a_state_with_no_spell_is_listed_as_undated_and_sorts_last(client):
    StateFactory(code="AQ", slug="state-aq", region="oceania")

    html = client.get(LIST, {"sort": "since"}).text
    rows = table_rows(html)

    assert rows[-1] == ("/members/state-aq/", "Antarctica")
    assert "No dated membership" in html
