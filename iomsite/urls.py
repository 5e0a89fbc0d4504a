from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from . import health, history_views, views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("updates/", history_views.updates, name="updates"),
    path("updates/feed/", history_views.UpdatesFeed(), name="updates-feed"),
    path(
        "changes/<slug:app_label>/<slug:model_name>/<slug:slug>/",
        history_views.entry_history,
        name="entry-history",
    ),
    path("", include("orgs.urls")),
    path("history/", include("timeline.urls")),
    path("criticisms/", include("critiques.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", health.healthz, name="healthz"),
    path(settings.ADMIN_PATH, admin.site.urls),
]
