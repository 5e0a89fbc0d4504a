"""The site's addresses plus the benchmark's framework floor (never routed in production)."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("bench/floor/", views.framework_floor, name="framework-floor"),
    path("", include("iomsite.urls")),
]
