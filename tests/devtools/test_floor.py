"""The benchmark's framework floor: routed by the development tools only."""

import pytest
from django.contrib.auth.models import AnonymousUser

from iomsite.page_cache import PageCacheMiddleware


@pytest.mark.urls("devtools.urls")
def test_the_floor_answers_a_constant_through_the_whole_stack(client):
    response = client.get("/bench/floor/")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Security-Policy"]


@pytest.mark.django_db
def test_production_urls_do_not_route_the_floor(client):
    assert client.get("/bench/floor/").status_code == 404


def test_production_settings_do_not_install_the_development_tools():
    from iomsite import settings as production

    assert "devtools" not in production.INSTALLED_APPS
    assert production.ROOT_URLCONF == "iomsite.urls"


def test_the_benchmark_settings_route_the_floor_around_the_page_cache():
    from devtools import settings as benchmark

    assert "devtools" in benchmark.INSTALLED_APPS
    assert benchmark.ROOT_URLCONF == "devtools.urls"
    assert "/bench/floor/" in benchmark.IOMSITE_PAGE_CACHE_EXEMPT


def test_the_page_cache_skips_exempt_paths(rf, settings):
    settings.IOMSITE_PAGE_CACHE = True
    settings.IOMSITE_PAGE_CACHE_EXEMPT = ("/healthz", "/bench/floor/")
    request = rf.get("/bench/floor/")
    request.user = AnonymousUser()

    assert not PageCacheMiddleware(lambda request: None).cacheable_request(request)
