"""How the API and the downloads answer over HTTP: read-only, open to any origin,
licensed, conditional, and never a server error whatever they are sent."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from api.licence import LICENSE_URL
from tests.iomsite.test_hostile_input import NASTY_VALUES, assert_handled, queries

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/api/v1/",
    "/api/v1/openapi.json",
    "/api/v1/events/",
    "/api/v1/people/amy-e-pope/",
    "/data/leaders.csv",
    "/data/timeline.json",
]


@pytest.mark.parametrize("url", ADDRESSES)
def test_any_origin_may_read_and_the_licence_is_linked(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Link"] == f'<{LICENSE_URL}>; rel="license"'


@pytest.mark.parametrize("url", [url for url in ADDRESSES if not url.endswith(".csv")])
def test_json_answers_carry_the_licence(client, url):
    body = client.get(url).json()
    found = body["info"]["license"] if "openapi" in body else body["license"]
    assert found["url"] == LICENSE_URL


def test_cors_and_licence_survive_the_page_cache(client, settings):
    settings.IOMSITE_PAGE_CACHE = True
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "api-page-cache-tests",
        }
    }
    client.get("/api/v1/events/")

    cached = client.get("/api/v1/events/")

    assert cached["X-Page-Cache"] == "hit"
    assert cached["Access-Control-Allow-Origin"] == "*"
    assert cached["Link"] == f'<{LICENSE_URL}>; rel="license"'


def test_an_unchanged_answer_is_a_304_to_its_etag(client):
    first = client.get("/api/v1/people/amy-e-pope/")

    again = client.get("/api/v1/people/amy-e-pope/", headers={"if-none-match": first["ETag"]})

    assert first["ETag"]
    assert again.status_code == 304
    assert again.content == b""


def test_a_changed_entry_gets_a_new_etag(client):
    from orgs.models import Person

    before = client.get("/api/v1/people/amy-e-pope/")["ETag"]
    person = Person.objects.get(slug="amy-e-pope")
    person.nationality = "United States of America"
    person.save()

    after = client.get("/api/v1/people/amy-e-pope/", headers={"if-none-match": before})

    assert after.status_code == 200
    assert after.json()["nationality"] == "United States of America"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_methods_get_405_naming_the_allowed_ones(method):
    client = Client(enforce_csrf_checks=True)

    response = getattr(client, method)("/api/v1/events/")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "read-only" in response.json()["error"]


def test_options_says_what_is_allowed(client):
    response = client.options("/api/v1/events/")

    assert response.status_code == 204
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_head_answers_without_a_body(client):
    response = client.head("/api/v1/events/")

    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.parametrize(
    ("url", "status", "parameter"),
    [
        ("/api/v1/events/?colour=blue", 400, "colour"),
        ("/api/v1/events/?category=picnic", 400, "category"),
        ("/api/v1/events/?page=-1", 400, "page"),
        ("/api/v1/events/?page=abc", 400, "page"),
        ("/api/v1/events/?page=99999999999999999999", 400, "page"),
        ("/api/v1/events/?page=400", 404, "page"),
        ("/api/v1/events/?page_size=5000", 400, "page_size"),
        ("/api/v1/facts/?kind=weather", 400, "kind"),
        ("/api/v1/terms-of-office/?current=perhaps", 400, "current"),
        ("/api/v1/criticisms/?critic=nobody", 400, "critic"),
        ("/api/v1/people/amy-e-pope/?fields=all", 400, "fields"),
        ("/data/timeline.csv?page=2", 400, "page"),
    ],
)
def test_a_wrong_parameter_is_named_in_a_json_error(client, url, status, parameter):
    response = client.get(url)

    assert response.status_code == status
    assert response.json()["parameter"] == parameter
    assert response.json()["error"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/dragons/",
        "/api/v1/people/nobody-at-all/",
        "/api/v1/people/" + "a" * 5000 + "/",
        "/data/dragons.csv",
    ],
)
def test_unknown_kinds_keys_and_tables_are_json_404s(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert response.json()["status"] == 404


@pytest.mark.parametrize("url", ADDRESSES)
@pytest.mark.parametrize(
    "accept",
    ["text/html", "application/xml", "*/*;q=0", "image/png, */*;q=0.1", "\x00", "a" * 2000],
)
def test_odd_accept_headers_still_get_the_answer(client, url, accept):
    response = client.get(url, headers={"accept": accept})

    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/api/v1/events/", "/api/v1/criticisms/", "/api/v1/facts/"])
def test_every_nasty_value_in_every_parameter_is_refused_cleanly(client, url):
    names = ["page", "page_size", "category", "decade", "era", "critic", "year", "kind", "x"]
    for start in range(0, len(NASTY_VALUES), len(names)):
        query = [(n, NASTY_VALUES[(start + i) % len(NASTY_VALUES)]) for i, n in enumerate(names)]
        full = f"{url}?{urlencode(query)}"
        assert_handled(client.get(full), full)
    for value in NASTY_VALUES:
        for name in ("page", "page_size"):
            full = f"{url}?{urlencode({name: value})}"
            assert_handled(client.get(full), full)


@pytest.mark.parametrize("raw_query", ["%", "page=%ff%fe", "%C0%AE%C0%AE=1", "page[]=1&page[]=2"])
def test_malformed_query_strings_are_refused_cleanly(client, raw_query):
    for url in ADDRESSES:
        full = f"{url}?{raw_query}"
        assert_handled(client.get(full), full)


@hypothesis_settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(url=st.sampled_from(ADDRESSES), extra=queries)
def test_hostile_query_strings_never_cause_a_server_error(client, url, extra):
    full = f"{url}?{urlencode(extra)}"
    assert_handled(client.get(full), full)
