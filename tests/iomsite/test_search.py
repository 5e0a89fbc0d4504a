"""The site search: finds records by name, ranks title matches first, and
explains itself for an empty, junk, fruitless or overlong query."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_search_finds_a_person_by_name(client):
    html = client.get("/search/", {"q": "Vitorino"}).text
    assert 'href="/people/antonio-vitorino/"' in html


def test_search_ranks_title_matches_first(client):
    html = client.get("/search/", {"q": "Pacific Solution"}).text
    first = re.search(r'<h2><a href="([^"]+)">', html).group(1)
    assert first.startswith("/criticisms/")


def test_search_with_an_empty_query_explains_what_to_type(client):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "Type a name, a place, a year or a topic" in response.text


@pytest.mark.parametrize(
    "query",
    [
        "!!!",
        "'; DROP TABLE orgs_source; --",
        "\x00\x01",
        "é" * 300,
        "a" * 5000,
        "<script>",
        "&|!:*",
    ],
)
def test_search_with_junk_gives_a_helpful_page_never_an_error(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>" not in response.text.split("<main", 1)[1]


def test_search_that_finds_nothing_suggests_the_sections(client):
    html = client.get("/search/", {"q": "zzyzzyva"}).text
    assert "Nothing matches" in html
    assert 'href="/history/"' in html.split("Nothing matches", 1)[1]


def test_a_long_search_is_shortened_with_a_notice(client):
    html = client.get("/search/", {"q": "migration " * 50}).text
    assert "only its first 200 characters were used" in html
