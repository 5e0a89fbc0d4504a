"""The site's addresses plus the benchmark's framework floor (never routed in production)."""

from django.urls import path

from iomsite.urls import urlpatterns as site_urlpatterns

from . import views

# The site's patterns themselves, not include()d: Django allows i18n_patterns
# only in the root URLconf.
urlpatterns = [
    path("bench/floor/", views.framework_floor, name="framework-floor"),
    *site_urlpatterns,
]
