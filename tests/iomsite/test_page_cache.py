"""Readers get cached pages, and never a stale one once content changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iomsite.models import ContentVersion
from loader.loader import load
from loader.models import LoadedRecord
from orgs.models import Person
from tests.conftest import fixture_paths
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.IOMSITE_PAGE_CACHE = True
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "page-cache-tests",
        }
    }
    from django.core.cache import cache

    cache.clear()


def queries_for(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


def test_a_second_reader_gets_the_page_from_the_cache(client):
    first, fresh_queries = queries_for(client, "/leaders/")
    second, cached_queries = queries_for(client, "/leaders/")
    assert second.content == first.content
    assert fresh_queries > 1
    assert cached_queries == 1  # the content version


def test_a_published_change_shows_on_the_very_next_request(
    client, django_capture_on_commit_callbacks
):
    client.get("/people/amy-e-pope/")
    pope = Person.objects.get(slug="amy-e-pope")
    pope.summary = "A summary changed a moment ago."
    with django_capture_on_commit_callbacks(execute=True):
        pope.save()
    assert "A summary changed a moment ago." in client.get("/people/amy-e-pope/").text


def test_a_change_to_citations_retires_cached_pages(client, django_capture_on_commit_callbacks):
    before = ContentVersion.current()
    pope = Person.objects.get(slug="amy-e-pope")
    with django_capture_on_commit_callbacks(execute=True):
        pope.citations.first().delete()
    assert ContentVersion.current() > before


def test_a_fixture_load_that_changes_content_retires_cached_pages(
    client, django_capture_on_commit_callbacks
):
    # A fresh database, as far as one citation goes: the load creates it again.
    citation = Person.objects.get(slug="mo-farah").citations.first()
    citation.delete()
    LoadedRecord.objects.filter(model="orgs.personcitation").delete()
    before = ContentVersion.current()
    with django_capture_on_commit_callbacks(execute=True):
        report = load(fixture_paths())
    assert report.counts["orgs.personcitation"]["created"] == 1
    assert ContentVersion.current() > before


def test_signed_in_users_always_get_a_fresh_page(client):
    client.force_login(UserFactory(is_staff=True))
    client.get("/leaders/")
    _, queries = queries_for(client, "/leaders/")
    assert queries > 1


def test_the_admin_is_never_cached(admin_client):
    admin_client.get("/admin/")
    _, queries = queries_for(admin_client, "/admin/")
    assert queries > 1


def test_pages_marked_private_are_not_cached(client, settings):
    # The health check says no-store: it must answer live every time.
    client.get("/healthz")
    _, queries = queries_for(client, "/healthz")
    assert queries >= 1


def test_an_unchanged_page_answers_304_to_a_conditional_request(client):
    etag = client.get("/names/")["ETag"]
    response = client.get("/names/", headers={"If-None-Match": etag})
    assert response.status_code == 304


def test_a_changed_page_answers_200_to_a_stale_conditional_request(
    client, django_capture_on_commit_callbacks
):
    etag = client.get("/people/amy-e-pope/")["ETag"]
    pope = Person.objects.get(slug="amy-e-pope")
    pope.summary = "Newer."
    with django_capture_on_commit_callbacks(execute=True):
        pope.save()
    response = client.get("/people/amy-e-pope/", headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "Newer." in response.text


def test_cached_pages_keep_their_security_headers(client):
    client.get("/leaders/")
    cached = client.get("/leaders/")
    assert cached["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in cached["Content-Security-Policy"]
    assert cached["Content-Type"] == "text/html; charset=utf-8"


def test_a_transaction_that_writes_many_rows_raises_the_version_once(
    django_capture_on_commit_callbacks,
):
    before = ContentVersion.current()
    with django_capture_on_commit_callbacks(execute=True):
        for person in Person.objects.all()[:5]:
            person.save()
    assert ContentVersion.current() == before + 1


PERSON_IN_EACH_LANGUAGE = (
    ("/people/amy-e-pope/", "en"),
    ("/fr/people/amy-e-pope/", "fr"),
    ("/es/people/amy-e-pope/", "es"),
)


def test_each_language_of_a_page_is_cached_apart(client):
    for url, _language in PERSON_IN_EACH_LANGUAGE:
        assert client.get(url)["X-Page-Cache"] == "miss", url
    for url, language in PERSON_IN_EACH_LANGUAGE:
        response = client.get(url)
        assert response["X-Page-Cache"] == "hit", url
        assert f'<html lang="{language}">' in response.text, url
        assert response["Content-Language"] == language, url


def test_a_cached_french_page_is_never_served_for_english(client):
    client.get("/fr/leaders/", headers={"accept-language": "fr"})
    response = client.get("/leaders/", headers={"accept-language": "fr"})
    assert response["X-Page-Cache"] == "miss"
    assert '<html lang="en">' in response.text


def test_an_etag_is_the_page_s_in_its_language(client):
    english = client.get("/names/")["ETag"]
    french = client.get("/fr/names/")
    assert french["ETag"] != english
    assert client.get("/fr/names/", headers={"If-None-Match": english}).status_code == 200
    assert client.get("/fr/names/", headers={"If-None-Match": french["ETag"]}).status_code == 304


def test_a_cached_citation_download_is_still_a_named_attachment(client):
    url = client.get("/people/amy-e-pope/").context["page_citation"].bibtex_url

    fresh = client.get(url)
    cached = client.get(url)

    assert cached["X-Page-Cache"] == "hit"
    assert cached.content == fresh.content
    assert cached["Content-Disposition"] == fresh["Content-Disposition"]
    assert cached["Content-Disposition"].startswith("attachment; filename=")


def test_a_page_cached_yesterday_is_not_served_today(client, monkeypatch):
    """An entry page's citation names the day it was read: the day is in the key."""
    from datetime import date

    from iomsite import page_cache

    monkeypatch.setattr(page_cache, "localdate", lambda: date(2026, 3, 1))
    client.get("/people/amy-e-pope/")
    assert client.get("/people/amy-e-pope/")["X-Page-Cache"] == "hit"

    monkeypatch.setattr(page_cache, "localdate", lambda: date(2026, 3, 2))

    assert client.get("/people/amy-e-pope/")["X-Page-Cache"] == "miss"
