"""Public history: the recent updates page, its feed and each entry's history page."""

from django.urls import path

from . import views

urlpatterns = [
    path("updates/", views.updates, name="updates"),
    path("updates/feed/", views.UpdatesFeed(), name="updates-feed"),
    path(
        "changes/<slug:app_label>/<slug:model_name>/<slug:slug>/",
        views.entry_history,
        name="entry-history",
    ),
]
