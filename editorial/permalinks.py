"""Permanent links: an entry as readers saw it at one of its published revisions.

A revision is named by the ``history_id`` of the entry's published history row
(``/changes/<app>/<model>/<key>/<history_id>/``). That number is already the
anchor of the change on the entry's history page, is never reused or renumbered
(a per-entry count would shift if old rows were ever pruned or merged), and a
single indexed lookup finds it. Only a row of *this* entry whose status is
"published" is reachable: drafts, rows in review and other entries' rows are
not found, so a link shows nothing readers were never shown.

The revision page is drawn by one template for every kind of content, from what
the row recorded (the fields readers see, the links and the citations as they
were, ``revisions.citations_at``) rather than by each entry's own page: those
pages read related records live (a person's terms, a criticism's quotations, the
siblings of a name era), and mixing today's related records into yesterday's
entry would show a page that never existed. Figures, terms and quotations,
shown on another entry's page, get the same page (the values as they were).

Queries do not depend on how long the history is: the row (with the records its
foreign keys point to), one per many-to-many field, when the next row was
recorded, and the citations.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from . import registry, revisions, snapshots
from .citing import PageCitation, citation_key
from .content import INTERNAL_FIELDS, Status
from .models import FixtureLoad
from .translation import in_reader_language

# History ids are 32-bit on every database the site runs on: a larger number is
# no revision (and PostgreSQL would refuse to compare with it).
MAX_REVISION = 2**31 - 1

# About the entry rather than what readers read: left off the revision page.
NOT_SHOWN = ("slug", "status", *INTERNAL_FIELDS)


def entry_args(entry):
    meta = type(entry)._meta
    return [meta.app_label, meta.model_name, entry.slug]


def revision_url(entry, history_id):
    """The permanent link of the entry at the published revision ``history_id``."""
    return reverse("entry-revision", args=[*entry_args(entry), history_id])


def feed_url(entry):
    """The address of the Atom feed of the entry's published changes."""
    return reverse("entry-history-feed", args=entry_args(entry))


def page_citation(request, entry, history_id, revised, title):
    """How to cite ``entry`` at the published revision ``history_id`` (``revised``
    is when it was published, ``title`` what the entry was called then)."""
    args = [*entry_args(entry), history_id]
    return PageCitation(
        title=title,
        revision_date=revised,
        url=request.build_absolute_uri(revision_url(entry, history_id)),
        accessed=timezone.localdate(),
        key=citation_key(*args),
        bibtex_url=reverse("entry-revision-cite", args=[*args, "bib"]),
        ris_url=reverse("entry-revision-cite", args=[*args, "ris"]),
    )


def entry_page_context(request, entry):
    """What an entry's public page adds for readers who cite or follow it: the
    citation of the revision shown and the entry's feed. Nothing for an entry
    readers cannot see yet (a staff preview) or one the engine does not serve.
    One query."""
    if not entry.is_published or not registry.is_registered(type(entry)):
        return {}
    latest = latest_published(entry)
    if latest is None:
        return {}
    history_id, revised = latest
    return {
        "page_citation": page_citation(
            request, entry, history_id, revised, str(in_reader_language(entry))
        ),
        "entry_feed_url": feed_url(entry),
    }


def published_rows(entry):
    history = revisions.history_model(type(entry))
    return history.objects.filter(id=entry.pk, status=Status.PUBLISHED)


def latest_published(entry):
    """(history_id, date) of the entry's newest published revision, or None: what
    the entry's page shows now. One query."""
    return (
        published_rows(entry)
        .order_by("-history_date", "-history_id")
        .values_list("history_id", "history_date")
        .first()
    )


def parse_revision(text):
    """The revision number in a URL, or None when it cannot name one."""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_REVISION)):
        return None
    number = int(text)
    return number if 0 < number <= MAX_REVISION else None


def published_revision(entry, text):
    """The entry's published history row named ``text``, with the records its
    foreign keys point to; None for anything else (a draft, another entry's row,
    a number that names nothing)."""
    number = parse_revision(text)
    if number is None:
        return None
    return revisions.with_related(published_rows(entry).filter(history_id=number)).first()


@dataclass
class ShownValue:
    label: str
    text: str
    long: bool = False
    is_address: bool = False  # the value is a web address
    link: str = ""  # the page of the record the value names, if readers may open it


@dataclass
class ShownCitation:
    source: Any
    locator: str
    supports: str
    quotation: str


@dataclass
class Revision:
    """An entry at one published revision, as its page shows it."""

    entry: Any  # the live entry: its current page and history
    row: Any
    instance: Any  # the entry as the row records it
    values: list = field(default_factory=list)
    citations: list = field(default_factory=list)

    @property
    def date(self) -> datetime:
        return self.row.history_date

    @property
    def number(self):
        return self.row.history_id

    @property
    def url(self):
        return revision_url(self.entry, self.number)

    @property
    def title(self):
        return str(self.instance)

    @property
    def summary(self):
        reason = self.row.history_change_reason or ""
        return _("Loaded on deploy") if FixtureLoad.wrote(reason) else reason


def revision_of(entry, row):
    """The ``Revision`` of ``entry`` that its history row ``row`` records."""
    model = type(entry)
    history = type(row)
    links = revisions.m2m_snapshots(history, [row.history_id], with_objects=True)
    state = snapshots.of_version(row, links[row.history_id])
    values = [
        shown_value(f, state.values[f.name])
        for f in snapshots.content_fields(model)
        if f.name not in NOT_SHOWN and not snapshots.is_blank(state.values[f.name])
    ]
    values += [
        ShownValue(capfirst(f.verbose_name), snapshots.display_links(f, state.links[f.name]))
        for f in snapshots.link_fields(model)
        if state.links.get(f.name)
    ]
    return Revision(entry, row, revisions.version_instance(row), values, shown_citations(row))


def shown_value(model_field, value):
    published_record = isinstance(value, models.Model) and getattr(value, "is_published", False)
    return ShownValue(
        capfirst(model_field.verbose_name),
        snapshots.display_value(model_field, value),
        long=isinstance(model_field, models.TextField),
        is_address=isinstance(model_field, models.URLField),
        link=value.get_absolute_url() if published_record else "",
    )


def shown_citations(row):
    """The entry's citations at the revision, of sources readers may open."""
    shown = []
    for citation in revisions.citations_at(row):
        source_field = citation._meta.get_field("source")
        source = source_field.get_cached_value(citation, None)
        if source is None or source.status != Status.PUBLISHED:
            continue
        shown.append(
            ShownCitation(
                source,
                citation.locator,
                citation.instance.supports_label if citation.supports else "",
                getattr(citation, "quotation", ""),
            )
        )
    return shown
