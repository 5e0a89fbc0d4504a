"""Hostile query strings and paths on every public page: the page as usual or a
clear 4xx, never a server error, and nothing sent back unescaped."""

from urllib.parse import parse_qsl, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.iomsite.test_site_pages import PAGES

# Every public URL: the pages whose queries are pinned, and the list and the
# feeds that are not in that table.
URLS = sorted(
    {
        *PAGES,
        "/structure/country-offices/",
        "/updates/feed/",
        "/changes/orgs/person/amy-e-pope/feed/",
    }
)

pytestmark = pytest.mark.django_db

# The parameters the pages read.
PARAMETERS = ["q", "page", "era", "decade", "category", "critic", "year", "topic"]

NASTY_VALUES = [
    "",
    "0",
    "-1",
    "1.5",
    "1e308",
    "NaN",
    "-inf",
    "9" * 400,
    str(2**63),
    str(-(2**64)),
    "2024-13-45",
    "1951-02-30",
    "0000-00-00",
    "99999-01-01",
    "1950s",
    "19x0",
    "' OR 1=1 --",
    "1; DROP TABLE orgs_source; --",
    '" UNION SELECT password FROM auth_user --',
    "\x00",
    "a\x00b",
    "%00",
    "\u202e\u200b\ufeff",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃ 🏳️‍🌈",
    "é" * 2000,
    "a" * 10_000,
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "../../../etc/passwd",
    "{{ settings.SECRET_KEY }}",
    "${jndi:ldap://x}",
    "&|!:*()",
]

values = st.one_of(
    st.sampled_from(NASTY_VALUES),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.text(max_size=200),
)
names = st.one_of(st.sampled_from(PARAMETERS), st.text(min_size=1, max_size=30))
queries = st.lists(st.tuples(names, values), max_size=5)


def split(url):
    path, _, query = url.partition("?")
    return path, parse_qsl(query)


def assert_handled(response, url):
    assert response.status_code < 500, url
    if response.status_code >= 400:
        assert response.status_code in (400, 404, 405), url
    if response["Content-Type"].startswith("text/html"):
        assert "<script>alert" not in response.text, url
        assert "<img src=x" not in response.text, url


@pytest.mark.parametrize("url", URLS)
def test_every_page_takes_every_nasty_value_in_every_parameter(client, url):
    """A sweep: four requests a page, the parameters taking the nasty values in turn."""
    path, query = split(url)
    for start in range(0, len(NASTY_VALUES), len(PARAMETERS)):
        extra = [
            (name, NASTY_VALUES[(start + i) % len(NASTY_VALUES)])
            for i, name in enumerate([*PARAMETERS, "unknown"])
        ]
        full = f"{path}?{urlencode(query + extra)}"
        assert_handled(client.get(full), full)


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    # The client and the seeded database are the same for every example; the
    # requests only read, so sharing them across examples is safe.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(url=st.sampled_from(URLS), extra=queries)
def test_hostile_query_strings_never_cause_a_server_error(client, url, extra):
    path, query = split(url)
    full = f"{path}?{urlencode(query + extra)}"
    assert_handled(client.get(full), full)


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize(
    "raw_query",
    ["%", "page=%ff%fe", "q=%zz", "%C0%AE%C0%AE=1", "year=%00", "&&&==&", "page[]=1&page[]=2"],
)
def test_malformed_percent_encoding_never_causes_a_server_error(client, url, raw_query):
    path, query = split(url)
    full = f"{path}?{urlencode(query)}&{raw_query}"
    assert_handled(client.get(full), full)


@pytest.mark.parametrize(
    "path",
    [
        "/people/<script>alert(1)</script>/",
        '/sources/"><img src=x onerror=alert(1)>/',
        "/history/%00/",
        "/criticisms/critics/" + "a" * 5000 + "/",
        "/names/%C0%AE%C0%AE/",
        "/../../etc/passwd",
        "/changes/orgs/person/amy-e-pope/99999999999999999999999/",
        "/changes/orgs/person/amy-e-pope/2147483648/cite.bib",
        "/changes/orgs/person/amy-e-pope/1/cite.exe",
        "/changes/orgs/person/<script>alert(1)</script>/feed/",
    ],
)
def test_hostile_paths_get_the_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert_handled(response, path)
