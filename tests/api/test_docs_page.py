"""The documentation page for people: every kind, the downloads and the licence,
and an example that is the API's own answer."""

import pytest

from api.downloads import tables
from api.resources import resources

pytestmark = pytest.mark.django_db


def test_the_page_lists_every_kind_and_every_download(client):
    html = client.get("/api/").text

    for resource in resources():
        assert f'href="/api/v1/{resource.kind}/"' in html
    for table in tables():
        assert f'href="{table.csv_url}"' in html
    assert 'href="/api/v1/openapi.json"' in html
    assert 'href="/data/iomsite-data.zip"' in html
    assert 'rel="license"' in html


def test_the_example_entry_is_what_the_api_answers(client):
    html = client.get("/api/").text
    item = client.get("/api/v1/facts/fact-staff-2024-rok-mofa/").json()

    for name in ("label", "value", "rank_label", "rank_reason"):
        assert f'"{name}": "{item[name]}"' in html, name
