"""Public history: the recent updates page and its feed; each entry's history page,
its feed, and its permanent links (the entry at each published revision) with
their citations to download."""

from django.urls import path, re_path

from . import permalink_views, views

ENTRY = r"^changes/(?P<app_label>[-\w]+)/(?P<model_name>[-\w]+)/(?P<slug>[-\w]+)/"

urlpatterns = [
    path("updates/", views.updates, name="updates"),
    path("updates/feed/", views.UpdatesFeed(), name="updates-feed"),
    path(
        "changes/<slug:app_label>/<slug:model_name>/<slug:slug>/",
        views.entry_history,
        name="entry-history",
    ),
    path(
        "changes/<slug:app_label>/<slug:model_name>/<slug:slug>/feed/",
        permalink_views.EntryHistoryFeed(),
        name="entry-history-feed",
    ),
    # Digits of any length: the view answers 404 to a number that names no revision.
    re_path(
        ENTRY + r"(?P<revision>[0-9]+)/$",
        permalink_views.entry_revision,
        name="entry-revision",
    ),
    re_path(
        ENTRY + r"(?P<revision>[0-9]+)/cite\.(?P<file_format>bib|ris)$",
        permalink_views.entry_revision_citation,
        name="entry-revision-cite",
    ),
]
