"""The page cache on a real Redis (its own, on a free port): the content version
kept beside the pages, so a cached page costs no database query, and a version
raise lost while Redis did not answer repaired from the database."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iomsite import content_version
from iomsite.models import ContentVersion
from orgs.models import Person
from tests.redis_server import own_redis

pytestmark = pytest.mark.django_db

PERSON = "/people/amy-e-pope/"
VERSION_KEY = ":1:content-version"  # Django's key for "content-version", beside ":1:page:…"


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    with own_redis(tmp_path_factory.mktemp("redis")) as server:
        yield server


@pytest.fixture
def redis(redis_server, settings):
    """The page cache on the test's Redis, emptied: a client to that Redis."""
    settings.IOMSITE_PAGE_CACHE = True
    settings.IOMSITE_PAGE_CACHE_RETRY_SECONDS = 0
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server.url(),
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    client = redis_server.client()
    client.flushdb()
    yield client
    redis_server.resume()
    client.config_set("maxmemory", 0)
    client.flushdb()
    client.close()


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response["X-Page-Cache"], len(queries), response.text


def change_summary(text, capture):
    pope = Person.objects.get(slug="amy-e-pope")
    pope.summary = text
    with capture(execute=True):
        pope.save()


def test_a_cached_page_costs_no_database_query(client, redis):
    assert get(client, "/leaders/")[:1] == ("miss",)

    served, queries, _ = get(client, "/leaders/")

    assert (served, queries) == ("hit", 0)


def test_a_cached_page_costs_one_round_trip_to_redis(client, redis):
    """The version and the page are read together."""
    get(client, "/leaders/")
    get(client, "/leaders/")
    redis.config_resetstat()

    for _ in range(3):
        assert get(client, "/leaders/")[:2] == ("hit", 0)

    stats = redis.info("commandstats")
    the_tests_own = ("cmdstat_info", "cmdstat_config")
    calls = {name: stats[name]["calls"] for name in stats if not name.startswith(the_tests_own)}
    assert calls == {"cmdstat_mget": 3}


def test_a_cached_page_answers_304_to_a_conditional_request_without_a_query(client, redis):
    etag = client.get("/names/")["ETag"]

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/names/", headers={"If-None-Match": etag})

    assert (response.status_code, len(queries)) == (304, 0)


def test_the_content_version_is_kept_in_redis_beside_the_pages(client, redis):
    get(client, "/names/")

    assert int(redis.get(VERSION_KEY)) == ContentVersion.current()
    assert any(key.startswith(b":1:page:") for key in redis.scan_iter())


def test_a_published_change_shows_on_the_very_next_request(
    client, redis, django_capture_on_commit_callbacks
):
    get(client, PERSON)
    assert get(client, PERSON)[0] == "hit"

    change_summary("Published a moment ago.", django_capture_on_commit_callbacks)

    served, _, text = get(client, PERSON)
    assert "Published a moment ago." in text
    assert served == "miss"
    assert int(redis.get(VERSION_KEY)) == ContentVersion.current()


def test_another_app_server_sees_a_change_at_once(
    client, redis, settings, django_capture_on_commit_callbacks
):
    """Another process, which checked the database a moment ago, reads the
    version from Redis on its next request: it is already the new one."""
    get(client, PERSON)
    other = content_version.RedisVersion(settings.CACHES["default"])
    other.lookup(str)

    change_summary("Seen by every app server.", django_capture_on_commit_callbacks)

    with CaptureQueriesContext(connection) as queries:
        seen, _ = other.lookup(str)  # the key is the version itself
    assert (seen, len(queries)) == (str(ContentVersion.current()), 0)


def test_a_raise_lost_while_redis_was_down_is_repaired_when_it_returns(
    client, redis, redis_server, django_capture_on_commit_callbacks
):
    """Redis comes back from a snapshot taken before the change, with the old
    number and the old pages: the process that saw it fail checks the database."""
    get(client, PERSON)
    assert get(client, PERSON)[0] == "hit"
    redis.save()
    redis_server.stop()

    change_summary("Changed while Redis was down.", django_capture_on_commit_callbacks)
    redis_server.start()

    assert int(redis.get(VERSION_KEY)) < ContentVersion.current()
    assert "Changed while Redis was down." in get(client, PERSON)[2]
    assert int(redis.get(VERSION_KEY)) == ContentVersion.current()


def test_a_raise_lost_elsewhere_is_repaired_at_the_next_check_against_the_database(
    client, redis, settings, django_capture_on_commit_callbacks
):
    """A process that saw no trouble trusts Redis's number for at most
    IOMSITE_CONTENT_VERSION_RECHECK_SECONDS, then compares it with the database."""
    get(client, PERSON)
    assert get(client, PERSON)[0] == "hit"
    redis.set(VERSION_KEY, ContentVersion.current())
    lost = ContentVersion.bump()  # committed by a process whose raise in Redis failed
    assert int(redis.get(VERSION_KEY)) == lost - 1

    store = content_version.version_store()
    store.checked_at = time.monotonic() - settings.IOMSITE_CONTENT_VERSION_RECHECK_SECONDS

    assert get(client, PERSON)[0] == "miss"
    assert int(redis.get(VERSION_KEY)) == lost


def test_a_lost_version_key_is_restored_from_the_database(client, redis):
    get(client, "/names/")
    redis.delete(VERSION_KEY)  # evicted, or a Redis started afresh

    assert get(client, "/names/")[:2] == ("hit", 1)  # the page is as current as the row
    assert int(redis.get(VERSION_KEY)) == ContentVersion.current()
    assert get(client, "/names/")[:2] == ("hit", 0)


def test_a_hung_redis_costs_a_page_its_timeout_not_an_error(client, redis, redis_server):
    get(client, "/names/")
    redis_server.pause()

    served, _, text = get(client, "/names/")

    assert served == "unavailable"
    assert "</html>" in text


def test_a_full_redis_serves_pages_uncached(client, redis):
    get(client, "/")  # the version is stored while there is room
    redis.config_set("maxmemory-policy", "noeviction")
    redis.config_set("maxmemory", 1)

    assert [get(client, "/names/")[0] for _ in range(2)] == ["miss", "miss"]


def test_healthz_names_the_cache_degraded_and_why(client, redis, redis_server, settings):
    settings.REDIS_URL = redis_server.url()
    assert client.get("/healthz").json()["cache"] == "ok"

    redis.config_set("maxmemory-policy", "noeviction")
    redis.config_set("maxmemory", 1)
    full = client.get("/healthz")
    redis.config_set("maxmemory", 0)
    redis_server.pause()
    hung = client.get("/healthz")

    assert (full.status_code, hung.status_code) == (200, 200)
    assert full.json() == {
        "status": "degraded",
        "database": "ok",
        "cache": "degraded",
        "cache_problem": "out of memory",
    }
    assert hung.json()["cache_problem"] == "timed out"
