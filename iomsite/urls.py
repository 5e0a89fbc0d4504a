from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("", include("orgs.urls")),
    path("history/", include("timeline.urls")),
    path("criticisms/", include("critiques.urls")),
    path("admin/", admin.site.urls),
]
