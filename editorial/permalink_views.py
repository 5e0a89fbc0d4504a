"""Permanent links, their citations to download, and each entry's Atom feed.

The data comes from ``editorial.permalinks`` and ``editorial.public``; an entry
is found as on its history page (``public.shown_entries``), so what has no
public history has no permanent link, citation or feed either.
"""

from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from . import permalinks, revisions
from .public import entry_changes, history_model_for, history_url, shown_entries
from .translation import in_reader_language
from .views import FEED_AUTHOR

DOWNLOADS = {
    "bib": ("application/x-bibtex; charset=utf-8", "bibtex"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
}


def shown_entry(app_label, model_name, slug):
    """The entry readers may see at these names; 404 otherwise."""
    model = history_model_for(app_label, model_name)
    if model is None:
        raise Http404(_("No such kind of entry."))
    return get_object_or_404(shown_entries(model), slug=slug)


def shown_revision(app_label, model_name, slug, revision):
    """(entry, its published history row named ``revision``); 404 otherwise."""
    entry = shown_entry(app_label, model_name, slug)
    row = permalinks.published_revision(entry, revision)
    if row is None:
        raise Http404(_("This entry has no published revision with that number."))
    return entry, row


def entry_revision(request, app_label, model_name, slug, revision):
    """The entry as it was published at ``revision``, with its citations as they
    were then and a banner linking the current version."""
    entry, row = shown_revision(app_label, model_name, slug, revision)
    shown = permalinks.revision_of(entry, row)
    return render(
        request,
        "editorial/entry_revision.html",
        {
            "revision": shown,
            "entry": entry,
            "entry_type": type(entry)._meta.verbose_name,
            "history_url": history_url(entry),
            "page_citation": permalinks.page_citation(
                request, entry, shown.number, shown.date, shown.title
            ),
            "entry_feed_url": permalinks.feed_url(entry),
        },
    )


def entry_revision_citation(request, app_label, model_name, slug, revision, file_format):
    """The citation of a revision as a BibTeX or RIS file."""
    entry, row = shown_revision(app_label, model_name, slug, revision)
    content_type, method = DOWNLOADS[file_format]
    title = str(in_reader_language(revisions.version_instance(row)))
    citation = permalinks.page_citation(request, entry, row.history_id, row.history_date, title)
    response = HttpResponse(getattr(citation, method)(), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{citation.key}.{file_format}"'
    return response


class EntryHistoryFeed(Feed):
    """An entry's published changes, newest first (the first page of its history),
    each linking the revision it published."""

    feed_type = Atom1Feed
    author_name = FEED_AUTHOR

    def get_object(self, request, app_label, model_name, slug):
        entry = shown_entry(app_label, model_name, slug)
        entry.feed_host = urlsplit(request.build_absolute_uri("/")).hostname
        return entry

    def title(self, entry):
        return _("IOM reference: changes to “%(entry)s”") % {"entry": entry}

    def subtitle(self, entry):
        return _("Published changes to this %(type)s, newest first, with their summaries.") % {
            "type": type(entry)._meta.verbose_name
        }

    def link(self, entry):
        return history_url(entry)

    def items(self, entry):
        changes = entry_changes(entry, 1).changes
        for change in changes:
            # A tag URI (RFC 4151), the one the recent updates feed gives the change.
            change.feed_id = f"tag:{entry.feed_host},{change.date:%Y-%m-%d}:updates/{change.anchor}"
        return changes

    def item_title(self, change):
        return _("%(action)s on %(date)s") % {
            "action": change.action,
            "date": date_format(localtime(change.date), "j F Y"),
        }

    def item_link(self, change):
        return permalinks.revision_url(change.entry, change.row.history_id)

    def item_guid(self, change):
        return change.feed_id

    item_guid_is_permalink = False

    def item_description(self, change):
        return escape(change.summary or _("No edit summary was given."))

    def item_pubdate(self, change):
        return change.date

    def item_updateddate(self, change):
        return change.date
