"""A cache in trouble (down, slow, full) never takes a page down: the page is
served uncached, the trouble is logged once, and a write to content still succeeds."""

import logging

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iomsite.models import ContentVersion
from orgs.models import Person
from tests.failing_cache import FailingCache

pytestmark = pytest.mark.django_db

PAGES = ["/", "/history/", "/names/", "/leaders/", "/criticisms/"]
NOTHING_LISTENS = "redis://127.0.0.1:1/0"  # port 1: connecting is refused at once


@pytest.fixture(autouse=True)
def page_cache_tried_at_every_request(settings, monkeypatch):
    settings.IOMSITE_PAGE_CACHE = True
    settings.IOMSITE_PAGE_CACHE_RETRY_SECONDS = 0
    monkeypatch.setattr(FailingCache, "repaired", False)
    monkeypatch.setattr(FailingCache, "calls", 0)


@pytest.fixture
def cache_in_trouble(settings):
    def configure(trouble):
        settings.CACHES = {
            "default": {"BACKEND": "tests.failing_cache.FailingCache", "LOCATION": trouble}
        }
        cache.clear()  # what earlier tests stored there

    return configure


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": NOTHING_LISTENS,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }


def warnings_from(caplog):
    return [r for r in caplog.records if r.name == "iomsite.cache_health" and r.levelno >= 30]


def notices_from(caplog):
    return [r for r in caplog.records if r.name == "iomsite.cache_health" and r.levelno == 20]


@pytest.mark.parametrize("url", ["/", "/history/"])
def test_every_page_is_served_when_redis_does_not_answer(client, redis_down, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "unavailable"
    assert b"</html>" in response.content


@pytest.mark.parametrize(
    ("trouble", "served_as"),
    [("down", "unavailable"), ("slow", "unavailable"), ("full", "miss")],
)
def test_a_page_is_served_uncached_whatever_the_cache_trouble(
    client, cache_in_trouble, trouble, served_as
):
    cache_in_trouble(trouble)

    for _ in range(2):
        response = client.get("/leaders/")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == served_as  # never from the cache
        assert b"Directors General" in response.content


@pytest.mark.parametrize("trouble", ["down", "slow", "full"])
def test_a_cache_outage_is_logged_once_however_many_pages_are_served_meanwhile(
    client, cache_in_trouble, caplog, trouble
):
    cache_in_trouble(trouble)

    with caplog.at_level(logging.INFO, logger="iomsite.cache_health"):
        for url in PAGES * 2:
            assert client.get(url).status_code == 200

    assert FailingCache.calls >= len(PAGES) * 2  # each request tried the cache
    [warning] = warnings_from(caplog)
    assert "serving pages uncached" in warning.getMessage()
    assert not notices_from(caplog)


def test_the_end_of_an_outage_is_logged_once_and_pages_are_cached_again(
    client, cache_in_trouble, caplog
):
    cache_in_trouble("down")
    with caplog.at_level(logging.INFO, logger="iomsite.cache_health"):
        for url in PAGES:
            client.get(url)
        FailingCache.repaired = True
        first = client.get("/leaders/")
        second = client.get("/leaders/")
        client.get("/names/")

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert len(warnings_from(caplog)) == 1
    [notice] = notices_from(caplog)
    assert "answering again" in notice.getMessage()


def test_a_full_cache_that_still_serves_earlier_pages_is_one_outage_in_the_log(
    client, cache_in_trouble, caplog
):
    cache_in_trouble("full")
    FailingCache.repaired = True
    client.get("/leaders/")  # stored while there was room
    FailingCache.repaired = False

    with caplog.at_level(logging.INFO, logger="iomsite.cache_health"):
        for _ in range(3):
            assert client.get("/leaders/")["X-Page-Cache"] == "hit"
            assert client.get("/names/")["X-Page-Cache"] == "miss"

    assert len(warnings_from(caplog)) == 1
    assert not notices_from(caplog)


def test_while_the_cache_is_out_it_is_tried_again_only_now_and_then(
    client, cache_in_trouble, settings
):
    """So that a Redis that times out does not cost every request its timeout."""
    settings.IOMSITE_PAGE_CACHE_RETRY_SECONDS = 3600
    cache_in_trouble("slow")
    client.get("/leaders/")
    tried = FailingCache.calls

    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "unavailable"

    assert FailingCache.calls == tried


def test_a_write_to_content_succeeds_while_redis_is_down(
    redis_down, caplog, django_capture_on_commit_callbacks
):
    before = ContentVersion.current()
    pope = Person.objects.get(slug="amy-e-pope")
    pope.summary = "Saved while the cache was down."

    with django_capture_on_commit_callbacks(execute=True):
        pope.save()

    assert Person.objects.get(slug="amy-e-pope").summary == "Saved while the cache was down."
    assert ContentVersion.current() == before + 1  # the database's number, the truth
    assert len(warnings_from(caplog)) == 1


def test_without_redis_the_content_version_is_read_from_the_database(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    client.get("/names/")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/names/")

    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 1
    assert "iomsite_contentversion" in queries[0]["sql"]
