"""Downloads hold what their pages show, as CSV that Python's csv module reads
and as JSON; the whole-site dump rebuilds the published site in an empty database."""

import csv
import io
import re
import zipfile

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils.html import escape

from api.downloads import tables
from api.resources import resources
from editorial import registry
from loader.loader import dependency_order
from loader.models import LoadedRecord
from tests.api.helpers import every_item, sitemap_paths
from tests.timeline.page_helpers import titles

pytestmark = pytest.mark.django_db


def csv_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_every_table_downloads_as_csv_with_a_header_row_and_as_json(client):
    for table in tables():
        response = client.get(table.csv_url)
        reader = csv.reader(io.StringIO(response.content.decode("utf-8")))
        header = next(reader)
        assert header[:2] == ["key", "label"], table.name
        body = client.get(table.json_url).json()
        assert body["count"] == len(list(reader)), table.name
        assert body["license"]["name"] == "CC BY 4.0"


def test_a_figure_table_holds_the_figures_its_page_lists_with_their_values(client):
    page = client.get("/structure/figures/staff/").text
    rows = csv_rows(client, "/data/figures-staff.csv")

    assert [row["key"] for row in rows] == re.findall(r'id="fact-([^"]+)"', page)
    for row in rows:
        assert f'datetime="{row["at"]}"' in page
        assert row["at_precision"] in ("year", "month", "day")
        assert row["rank_label"] in ("Preferred value", "Also reported", "Disputed")
        assert row["sources"]


def test_the_leaders_table_holds_the_people_on_the_leaders_page(client):
    page = client.get("/leaders/").text
    rows = csv_rows(client, "/data/leaders.csv")

    assert rows
    for row in rows:
        assert row["person_name"] in page
        if row["start"]:
            assert f'datetime="{row["start"]}"' in page


def test_the_timeline_table_lists_the_events_in_the_pages_order(client):
    first_page = titles(client.get("/history/"))
    rows = csv_rows(client, "/data/timeline.csv")

    assert [row["title"] for row in rows[: len(first_page)]] == first_page
    assert all(row["account_of"] == "" for row in rows)


def test_a_table_takes_its_pages_filters(client):
    rows = csv_rows(client, "/data/timeline.csv?category=renaming")

    assert rows and {row["category"] for row in rows} == {"renaming"}


def test_the_criticisms_and_sources_tables_match_their_pages(client):
    criticisms = csv_rows(client, "/data/criticisms.csv")
    page = client.get("/criticisms/").text
    assert criticisms and all(escape(row["title"]) in page for row in criticisms)

    sources = csv_rows(client, "/data/sources.csv")
    count = int(re.search(r"(\d+) sources are cited", client.get("/sources/").text).group(1))
    assert len(sources) == count


def test_each_page_links_its_downloads(client):
    for table in tables():
        page = client.get(table.page_url).text
        assert f'href="{table.csv_url}"' in page, table.name
        assert f'href="{table.json_url}"' in page, table.name


def test_the_footer_states_the_licence(client):
    assert 'rel="license"' in client.get("/").text


def test_a_download_is_named_as_a_file(client):
    response = client.get("/data/leaders.csv")

    assert response["Content-Disposition"] == 'attachment; filename="iom-leaders.csv"'


# The whole-site dump


def unpacked(client, directory):
    response = client.get("/data/iomsite-data.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        archive.extractall(directory)
    return directory / "iomsite-data"


def published_site(client):
    """Everything readers can see: every entry through the API, and the pages."""
    entries = {resource.kind: every_item(client, resource.kind) for resource in resources()}
    return entries, sorted(sitemap_paths(client))


def empty_the_database():
    content_apps = {r.model._meta.app_label for r in registry.registrations()}
    models = {model for app in content_apps for model in apps.get_app_config(app).get_models()}
    for model in reversed(dependency_order(models)):
        model.objects.all().delete()
    LoadedRecord.objects.all().delete()


def test_the_dump_never_holds_editors_notes_and_states_its_licence(client, tmp_path):
    from orgs.models import Person

    Person.objects.filter(slug="amy-e-pope").update(editors_note="SECRET-NOTE to check")
    folder = unpacked(client, tmp_path)

    texts = {path.name: path.read_text() for path in folder.iterdir()}
    assert "people.json" in texts and "sources.json" in texts
    assert not any("SECRET-NOTE" in text or "editors_note" in text for text in texts.values())
    assert "CC BY 4.0" in texts["README.txt"]


def test_the_dump_loads_into_an_empty_database_and_reproduces_the_published_site(client, tmp_path):
    before = published_site(client)
    folder = unpacked(client, tmp_path)

    empty_the_database()
    assert every_item(client, "people") == []
    call_command("load_content", *sorted(folder.glob("*.json")), verbosity=0)

    assert published_site(client) == before
