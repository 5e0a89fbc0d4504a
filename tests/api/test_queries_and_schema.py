"""The API's queries are pinned and do not grow with the content, and its
OpenAPI document is valid and describes what it serves."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openapi_spec_validator import validate

from api.resources import resources
from devtools.generate import generate

pytestmark = pytest.mark.django_db

# Each address with its SQL queries, the same with the seed alone and with twenty
# times as much content. A list: its count, its page, then one query per
# prefetched relation (citations with their sources, each link); the filter forms
# of the timeline and the criticisms read their choices as the pages do.
QUERIES = {
    "/api/v1/sources/": 2,
    "/api/v1/organizations/": 5,
    "/api/v1/see-also-links/": 3,
    "/api/v1/name-eras/": 3,
    "/api/v1/people/": 3,
    "/api/v1/terms-of-office/": 3,
    "/api/v1/offices/": 3,
    "/api/v1/facts/": 3,
    "/api/v1/facts/?kind=staff": 3,
    "/api/v1/events/": 4,
    "/api/v1/events/?category=renaming": 4,
    "/api/v1/critics/": 2,
    "/api/v1/criticisms/": 8,
    "/api/v1/quotations/": 3,
    "/api/v1/sources/wikipedia-iom/": 1,
    "/api/v1/people/amy-e-pope/": 2,
    "/api/v1/terms-of-office/term-amy-e-pope-dg/": 2,
    "/api/v1/facts/fact-staff-2024-rok-mofa/": 2,
    "/api/v1/events/event-1989-renamed-iom/": 3,
    "/api/v1/criticisms/criticism-2003-pacific-solution/": 4,
    "/api/v1/states/": 2,
    "/api/v1/membership-spells/": 3,
    "/api/v1/states/germany/": 1,
    "/data/leaders.csv": 2,
    "/data/timeline.json": 3,
}


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(queries)


def test_query_counts_are_pinned(client):
    assert {url: queries_for(client, url) for url in QUERIES} == QUERIES


def test_query_counts_do_not_grow_with_twenty_times_the_content(client):
    generate(20)

    assert {url: queries_for(client, url) for url in QUERIES} == QUERIES


def test_every_kind_has_its_query_count_pinned():
    listed = {url.split("/")[3] for url in QUERIES if url.startswith("/api/v1/")}

    assert {resource.kind for resource in resources()} <= listed


def test_the_openapi_document_is_valid(client):
    document = client.get("/api/v1/openapi.json").json()

    validate(document)
    assert document["openapi"].startswith("3.1")


def test_the_schema_describes_every_kind_and_its_filters(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    for resource in resources():
        assert f"/api/v1/{resource.kind}/" in paths
        assert f"/api/v1/{resource.kind}/{{key}}/" in paths
    events = {p["name"] for p in paths["/api/v1/events/"]["get"]["parameters"]}
    assert {"page", "page_size", "era", "decade", "category"} <= events


def test_the_schema_names_every_field_an_entry_has(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    item = client.get("/api/v1/facts/fact-staff-2024-rok-mofa/").json()

    assert set(item) - {"license"} == set(schemas["Fact"]["properties"])
