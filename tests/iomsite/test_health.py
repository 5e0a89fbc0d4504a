"""/healthz: what the load balancer asks. 200 while the database answers (naming
a cache in trouble), 503 when it does not, never redirected or cached."""

import pytest
from django.db import DatabaseError
from django.test import override_settings

from iomsite import health


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "not configured"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_checks_the_cache_when_redis_is_configured(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"  # the test cache stands in for it

    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_healthz_names_the_database_when_it_fails(client, monkeypatch, caplog):
    def broken():
        raise DatabaseError("connection refused at db.internal:5432")

    monkeypatch.setattr(health, "check_database", broken)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "not configured"}
    assert "db.internal" not in response.text  # the reason is logged, not shown
    assert "no-store" in response["Cache-Control"]
    assert "Health check failed: database" in caplog.text


@pytest.mark.django_db
def test_healthz_answers_200_naming_the_cache_degraded_when_redis_does_not_answer(client, settings):
    """Pages are still served without the cache: the balancer must keep the server."""
    # Nothing listens on port 1: connecting is refused at once.
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.REDIS_URL,
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "cache": "degraded",
        "cache_problem": "refused or unreachable",
    }
    assert "127.0.0.1" not in response.text  # the details are logged, not shown


@pytest.mark.django_db
@pytest.mark.parametrize(("trouble", "problem"), [("slow", "timed out"), ("full", "out of memory")])
def test_healthz_says_what_troubles_the_cache(client, settings, trouble, problem):
    settings.REDIS_URL = "redis://redis.internal:6379/0"
    settings.CACHES = {
        "default": {"BACKEND": "tests.failing_cache.FailingCache", "LOCATION": trouble}
    }

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["cache_problem"] == problem


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_fails_whatever_the_cache(
    client, settings, monkeypatch
):
    def broken():
        raise DatabaseError("connection refused")

    monkeypatch.setattr(health, "check_database", broken)
    settings.REDIS_URL = "redis://redis.internal:6379/0"
    settings.CACHES = {
        "default": {"BACKEND": "tests.failing_cache.FailingCache", "LOCATION": "down"}
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "error"


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True)
def test_healthz_is_exempt_from_the_https_redirect(client):
    assert client.get("/").status_code == 301
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_healthz_answers_head_without_a_body_and_refuses_post(client):
    head = client.head("/healthz")
    assert head.status_code == 200
    assert head.content == b""
    assert client.post("/healthz").status_code == 405
