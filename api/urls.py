from django.urls import path

from . import downloads, dump, views

app_name = "api"

urlpatterns = [
    path("api/", views.docs, name="docs"),
    path("api/v1/", views.index, name="index"),
    path("api/v1/openapi.json", views.openapi, name="openapi"),
    path("api/v1/<slug:kind>/", views.entry_list, name="list"),
    path("api/v1/<slug:kind>/<slug:key>/", views.entry_detail, name="detail"),
    path("data/iomsite-data.zip", dump.data_dump, name="dump"),
    path("data/<slug:name>.csv", downloads.download, {"format": "csv"}, name="download-csv"),
    path("data/<slug:name>.json", downloads.download, {"format": "json"}, name="download-json"),
]
