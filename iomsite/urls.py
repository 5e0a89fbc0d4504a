from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from . import health, views
from .sitemaps import SITEMAPS

# Machine and staff addresses: one each, in no language.
urlpatterns = [
    # The API, its documentation and the downloads: one address each (see api.urls).
    path("", include("api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", health.healthz, name="healthz"),
    path(settings.ADMIN_PATH, admin.site.urls),
]

# Readers' pages: English at today's addresses, French under /fr/, Spanish under
# /es/, with the same slugs (see iomsite.languages).
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("", include("editorial.urls")),
    path("", include("orgs.urls")),
    path("history/", include("timeline.urls")),
    path("criticisms/", include("critiques.urls")),
    path("members/", include("members.urls")),
    prefix_default_language=False,
)
