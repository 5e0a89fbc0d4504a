"""The site's URLs plus one view that fails, for the test of the 500 page."""

from django.urls import path

from iomsite.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("secret-internal-detail /srv/iomsite password=hunter2")


urlpatterns = [path("broken/", broken), *site_urlpatterns]
