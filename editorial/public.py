"""Published changes, for the public history pages, the recent updates page and its feed.

A *published change* is a history row whose ``status`` is "published" (see
``editorial.revisions`` for which citation rows belong to it). Readers see the date, the
editor's edit summary, what changed and the sources added; never who made it, nor
the editors' note.

The rows a deploy's fixture load wrote are one update, "Content loaded on deploy: N
entries" (see ``editorial.models.FixtureLoad``), not one per entry; an entry's own
history page shows its row as "Loaded on deploy".

Query counts do not depend on how much history there is:

* ``entry_changes()``: the entry's changes, a page at a time: a count, the page's
  rows (and the one before, to compare with), one query per many-to-many field and
  one for the sources added.
* ``recent_changes()``: one query per content history model and one for the
  fixture loads (each asks for no more rows than the pages up to the one shown),
  merged in Python; then one query (a
  UNION over the models on the page) for what tells which citations belong to the
  changes shown, and one (a UNION over the citation history models) for the
  sources added.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.paginator import Paginator
from django.db.models import CharField, Exists, OuterRef, Q, Value
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import permalinks, registry, revisions
from .content import INTERNAL_FIELDS, Status
from .models import FixtureLoad

ENTRY_CHANGES_PER_PAGE = 20
UPDATES_PER_PAGE = 30
UPDATES_MAX_PAGES = 20


def history_model_for(app_label, model_name):
    """The content model with a public history page at these names (every
    registered content model has one), or None."""
    return registry.content_model(app_label, model_name)


def shown_entries(model):
    """The model's entries readers may see, with what their pages and names need."""
    entries = model.objects.published()
    shown_with = registry.registration_for(model).shown_with
    for name in shown_with:
        entries = entries.filter(**{f"{name}__status": Status.PUBLISHED})
    return entries.select_related(*shown_with) if shown_with else entries


def history_url(entry):
    """The address of an entry's public history page ("" for entries without one)."""
    model = type(entry)
    if not registry.is_registered(model):
        return ""
    return reverse(
        "entry-history", args=[model._meta.app_label, model._meta.model_name, entry.slug]
    )


@dataclass
class AddedSource:
    """A source added in a change, with just what a link to it needs."""

    pk: int
    slug: str
    title: str
    authors: str
    published: Any

    def _source(self):
        return registry.source_model()(
            slug=self.slug, title=self.title, authors=self.authors, published=self.published
        )

    def __str__(self):
        return str(self._source())

    def get_absolute_url(self):
        return self._source().get_absolute_url()


@dataclass
class Change:
    """A published change to one entry."""

    model: type
    row: Any
    entry: Any
    fields: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    first_published: bool = False
    # When the entry's previous published change was recorded (None: none), and
    # when its next history row was (None: none); see editorial.revisions.
    previous_published: datetime | None = None
    window_end: datetime | None = None

    is_load = False

    @property
    def date(self) -> datetime:
        return self.row.history_date

    @property
    def summary(self):
        reason = self.row.history_change_reason or ""
        return _("Loaded on deploy") if FixtureLoad.wrote(reason) else reason

    @property
    def created(self):
        return self.row.history_type == "+"

    @property
    def type_label(self):
        return capfirst(self.model._meta.verbose_name)

    @property
    def url(self):
        return self.entry.get_absolute_url()

    @property
    def history_url(self):
        return history_url(self.entry)

    @property
    def revision_url(self):
        """The permanent link of the entry as this change published it."""
        return permalinks.revision_url(self.entry, self.row.history_id)

    @property
    def anchor(self):
        return f"change-{self.model._meta.model_name}-{self.row.history_id}"

    @property
    def key(self):
        """Unique and stable among all changes: model and history row."""
        return f"{self.model._meta.label_lower}.{self.row.history_id}"

    @property
    def action(self):
        if self.created:
            return _("Created")
        if self.first_published:
            return _("Published")
        return _("Updated")


@dataclass
class LoadUpdate:
    """A deploy's fixture load, listed as one update however many entries it wrote."""

    load: FixtureLoad
    is_load = True
    sources = ()

    @property
    def date(self) -> datetime:
        return self.load.loaded_at

    @property
    def title(self):
        return ngettext(
            "Content loaded on deploy: %(count)s entry",
            "Content loaded on deploy: %(count)s entries",
            self.load.entries,
        ) % {"count": self.load.entries}

    @property
    def summary(self):
        return _("%(created)s new, %(updated)s updated.") % {
            "created": self.load.created,
            "updated": self.load.updated,
        }

    @property
    def anchor(self):
        return f"change-load-{self.load.pk}"

    @property
    def url(self):
        return reverse("updates") + f"#{self.anchor}"

    @property
    def key(self):
        return f"{FixtureLoad._meta.label_lower}.{self.load.pk}"


# One entry's changes


def published_rows(entry):
    history = revisions.history_model(type(entry))
    return history.objects.filter(id=entry.pk, status=Status.PUBLISHED).order_by(
        "-history_date", "-history_id"
    )


def entry_changes(entry, page_number):
    """A page of the entry's published changes, newest first, and the Page.

    Raises django.core.paginator.InvalidPage for a page that does not exist.
    """
    model = type(entry)
    history = revisions.history_model(model)
    rows_query = published_rows(entry)
    page = Paginator(rows_query, ENTRY_CHANGES_PER_PAGE).page(page_number)
    bottom = (page.number - 1) * ENTRY_CHANGES_PER_PAGE
    # The page's rows and the published row before them, to compare the oldest with.
    rows = list(
        revisions.with_related(
            revisions.with_windows(
                revisions.only_rows(rows_query, bottom, bottom + ENTRY_CHANGES_PER_PAGE + 1),
                previous=False,
            )
        ).order_by("-history_date", "-history_id")
    )
    shown = rows[:ENTRY_CHANGES_PER_PAGE]
    links = revisions.m2m_snapshots(history, [row.history_id for row in rows])
    changes = []
    for index, row in enumerate(shown):
        before = rows[index + 1] if index + 1 < len(rows) else None
        change = Change(model, row, entry)
        if before is None:
            change.first_published = True
        elif not change.created:
            change.fields = [
                item.label
                for item in revisions.version_changes(before, row, links)
                if item.name not in INTERNAL_FIELDS
            ]
        change.previous_published = before.history_date if before else None
        change.window_end = row.window_end
        changes.append(change)
    _attach_sources(changes, [model])
    page.changes = changes
    return page


# Every entry's changes


def recent_changes(page_number=1, per_page=UPDATES_PER_PAGE):
    """(updates on the page, whether there is a next page), newest first: changes
    to entries, and fixture loads (``LoadUpdate``) instead of the rows they wrote."""
    limit = page_number * per_page + 1
    found = []
    for model in registry.content_models():
        history = revisions.history_model(model)
        # EXISTS rather than IN: the database then walks the history_date index
        # from the newest row and stops at the limit, instead of sorting every row.
        rows = history.objects.filter(
            Exists(model.objects.published().filter(pk=OuterRef("id"))),
            status=Status.PUBLISHED,
        ).exclude(history_change_reason__startswith=FixtureLoad.REASON_PREFIX)
        for name in registry.registration_for(model).shown_with:
            rows = rows.filter(**{f"{name}__status": Status.PUBLISHED})
        newest = revisions.with_related(rows).order_by("-history_date", "-history_id")[:limit]
        found.extend(Change(model, row, revisions.version_instance(row)) for row in newest)
    found.extend(LoadUpdate(load) for load in FixtureLoad.objects.order_by("-loaded_at")[:limit])
    found.sort(key=lambda change: (change.date, change.key), reverse=True)
    page = found[(page_number - 1) * per_page : page_number * per_page]
    changes = [change for change in page if not change.is_load]
    _attach_windows(changes)
    _attach_sources(changes, registry.content_models())
    return page, len(found) > page_number * per_page


# Sources added in a change


def _attach_windows(changes):
    """Set each change's ``previous_published`` and ``window_end`` (see editorial.revisions),
    in one query for the changes of every model, computed for those rows only; and
    ``first_published``, as ``entry_changes()`` does."""
    by_model = defaultdict(list)
    for change in changes:
        by_model[change.model].append(change)
    if not by_model:
        # Asked even when the page lists only fixture loads, so that the query
        # count does not depend on what the page shows.
        by_model[registry.content_models()[0]] = []
    parts = [
        revisions.with_windows(
            revisions.history_model(model).objects.filter(
                Q(history_id__in=[change.row.history_id for change in model_changes])
                if model_changes
                else Q(history_id=None)  # matches nothing, but is still asked
            )
        )
        .annotate(entry_model=Value(model._meta.label_lower, output_field=CharField()))
        .order_by()
        .values_list("entry_model", "history_id", "previous_published", "window_end")
        for model, model_changes in by_model.items()
    ]
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    windows = {
        (label, pk): (previous, end) for label, pk, previous, end in rows.order_by("history_id")
    }
    for change in changes:
        key = (change.model._meta.label_lower, change.row.history_id)
        change.previous_published, change.window_end = windows[key]
        change.first_published = change.previous_published is None


def _attach_sources(changes, models):
    """Set each change's ``sources``: the published sources of the citations added in
    it, then any source the entry names itself.

    One query over the citations of ``models`` (those that have citations): asked
    for every one of them even when the page shows none of its changes, so that the
    query count does not depend on what the page shows.
    """
    added = _added_citations(changes, models)
    for change in changes:
        citations = registry.citation_model(change.model)
        sources = {}
        if citations is not None:
            for owner, source in added[(citations._meta.label_lower, change.row.id)]:
                if revisions.belongs_to(owner, change.date, change.previous_published):
                    sources.setdefault(source.pk, source)
        for source_field in registry.source_fields(change.model):
            source = getattr(change.row, source_field.name, None)
            if source is not None and source.status == Status.PUBLISHED:
                sources.setdefault(
                    source.pk,
                    AddedSource(
                        source.pk, source.slug, source.title, source.authors, source.published
                    ),
                )
        change.sources = list(sources.values())


def _added_citations(changes, models):
    """{(citation model label, claim key): [(owner date, AddedSource), ...]}: the
    citations of published sources added around the changes, in one query."""
    by_citation_model = {
        citations: [] for model in models if (citations := registry.citation_model(model))
    }
    for change in changes:
        citations = registry.citation_model(change.model)
        if citations is not None:
            by_citation_model[citations].append(change)
    parts = []
    for citations, claim_changes in by_citation_model.items():
        condition = Q(history_id=None)  # matches nothing, but is still asked
        for change in claim_changes:
            condition |= revisions.citation_rows_for(
                change.row.id, change.previous_published, change.window_end
            )
        claim_history = revisions.history_model(citations._meta.get_field("claim").related_model)
        parts.append(
            revisions.history_model(citations)
            .objects.filter(condition, history_type="+", source__status=Status.PUBLISHED)
            .annotate(
                claim_model=Value(citations._meta.label_lower, output_field=CharField()),
                owner=revisions.owner_date(claim_history),
            )
            .order_by()
            .values_list(
                "claim_model",
                "claim_id",
                "owner",
                "history_date",
                "source_id",
                "source__slug",
                "source__title",
                "source__authors",
                "source__published",
            )
        )
    added = defaultdict(list)
    if parts:
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        for label, claim_id, owner, _date, source_id, *source in rows.order_by("history_date"):
            added[(label, claim_id)].append((owner, AddedSource(source_id, *source)))
    return added
