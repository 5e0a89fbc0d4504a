"""Public revision history: each entry's history page, the recent updates page and
its Atom feed. The data comes from ``editorial.public``."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import InvalidPage
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from . import permalinks
from .public import (
    UPDATES_MAX_PAGES,
    entry_changes,
    history_model_for,
    recent_changes,
    shown_entries,
)

FEED_AUTHOR = gettext_lazy("iomsite editors")


def entry_history(request, app_label, model_name, slug):
    """An entry's published changes, newest first, 20 to a page; 404 unless readers
    may see the entry (and what it is shown with: a term's person, say)."""
    model = history_model_for(app_label, model_name)
    if model is None:
        raise Http404(_("No such kind of entry."))
    entry = get_object_or_404(shown_entries(model), slug=slug)
    try:
        page = entry_changes(entry, request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404(_("This page of the history does not exist.")) from None
    return render(
        request,
        "editorial/entry_history.html",
        {
            "entry": entry,
            "entry_type": model._meta.verbose_name,
            "entry_feed_url": permalinks.feed_url(entry),
            "page": page,
            "changes": page.changes,
        },
    )


def updates_page_number(request):
    try:
        number = int(request.GET.get("page") or 1)
    except ValueError:
        number = 0
    if not 1 <= number <= UPDATES_MAX_PAGES:
        raise Http404(_("This page of recent updates does not exist."))
    return number


def updates(request):
    """Published changes across the site, newest first, 30 to a page."""
    number = updates_page_number(request)
    changes, has_next = recent_changes(number)
    if not changes and number > 1:
        raise Http404(_("This page of recent updates does not exist."))
    return render(
        request,
        "editorial/updates.html",
        {
            "changes": changes,
            "page_number": number,
            "previous_page": number - 1 if number > 1 else None,
            "next_page": number + 1 if has_next and number < UPDATES_MAX_PAGES else None,
        },
    )


class UpdatesFeed(Feed):
    """The first page of recent updates as an Atom feed, in the language of its
    address (/updates/feed/, /fr/updates/feed/, /es/updates/feed/): its words,
    its xml:lang and its links to entries are that language's."""

    feed_type = Atom1Feed
    title = gettext_lazy("IOM reference: recent updates")
    subtitle = gettext_lazy(
        "Published changes to the IOM reference, newest first, with the editors’ summaries."
    )
    link = reverse_lazy("updates")
    author_name = FEED_AUTHOR

    def get_object(self, request, *args, **kwargs):
        return request

    def items(self, request):
        changes, _has_next = recent_changes(1)
        host = urlsplit(request.build_absolute_uri("/")).hostname
        # English keeps the ids its subscribers have; each other language's feed
        # has its own, its entries being other documents.
        language = get_language()
        prefix = "" if language == settings.LANGUAGE_CODE else f"{language}/"
        for change in changes:
            # A tag URI (RFC 4151): stable, unique for each change, not tied to a page.
            change.feed_id = f"tag:{host},{change.date:%Y-%m-%d}:{prefix}updates/{change.anchor}"
        return changes

    def item_title(self, change):
        if change.is_load:
            return change.title
        if change.created or change.first_published:
            return _("New %(type)s: %(entry)s") % {
                "type": change.model._meta.verbose_name,
                "entry": change.entry,
            }
        return _("%(type)s updated: %(entry)s") % {"type": change.type_label, "entry": change.entry}

    def item_link(self, change):
        return change.url

    def item_guid(self, change):
        return change.feed_id

    item_guid_is_permalink = False

    def item_description(self, change):
        # Atom <summary type="html">: the editor's words, escaped.
        return escape(change.summary or _("No edit summary was given."))

    def item_pubdate(self, change):
        return change.date

    def item_updateddate(self, change):
        return change.date

    def item_author_name(self, change):
        return FEED_AUTHOR
