"""The one diff engine: what an entry is made of, how two states of it differ, and
how an entry is made to match a state.

A ``Snapshot`` is an entry's content at one moment: its field values, its links
(many-to-many values) and its citations. Snapshots are taken of the live entry
(``of_entry``), of a change waiting for review (``of_pending``) and of a version
in the entry's history (``of_version``, ``as_of``). ``diff()`` compares two of
them; ``display()`` words a difference as editors read it; ``restore()`` makes the
live entry match one, as one new change in its history. The workflow (publishing a
pending change, conflicts between editors, the review queue) and the revision
history (the admin's history and compare pages, revert, the public history) all
use these.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.encoding import is_protected_type
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from . import registry
from .content import BOOKKEEPING_FIELDS
from .numbers import plain_number

EMPTY = "—"

# What a citation says besides the claim it belongs to.
CITATION_FIELDS = ("source", "supports", "locator", "quotation")


# What an entry is made of


def content_fields(model):
    """The entry's own fields that a change can change: every editable column."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and f.name not in BOOKKEEPING_FIELDS
    ]


def link_fields(model):
    """The entry's own many-to-many fields."""
    return [f for f in model._meta.many_to_many if f.editable]


def normalize(field, value):
    """A field's value as Python holds it, from what a form or JSON gave."""
    try:
        return field.to_python(value)
    except ValidationError:
        return value


def serialize(field, obj):
    """A field's value as a pending change keeps it (JSON)."""
    value = field.value_from_object(obj)
    return value if is_protected_type(value) else field.value_to_string(obj)


@dataclass(frozen=True)
class CitationRecord:
    """One citation as a state of the entry holds it; ``id`` is None for a new one."""

    id: int | None
    source: int
    supports: str = ""
    locator: str = ""
    quotation: str = ""

    @property
    def key(self):
        return (self.source, self.supports, self.locator, self.quotation)

    @classmethod
    def of(cls, citation):
        """From a citation, or a citation's history row."""
        return cls(
            citation.id if hasattr(citation, "history_id") else citation.pk,
            citation.source_id,
            citation.supports,
            citation.locator,
            citation.quotation,
        )

    @classmethod
    def of_dict(cls, record):
        return cls(
            record.get("id"),
            record["source"],
            record.get("supports", ""),
            record.get("locator", ""),
            record.get("quotation", ""),
        )

    def as_dict(self):
        return {
            "id": self.id,
            "source": self.source,
            "supports": self.supports,
            "locator": self.locator,
            "quotation": self.quotation,
        }


def stored_citations(entry):
    """The entry's stored citations, oldest first ([] for content that cites nothing)."""
    if registry.citation_model(type(entry)) is None or entry.pk is None:
        return []
    return [CitationRecord.of(c) for c in entry.citations.order_by("pk")]


def stored_links(entry):
    if entry.pk is None:
        return {f.name: [] for f in link_fields(type(entry))}
    return {
        f.name: sorted(getattr(entry, f.name).values_list("pk", flat=True))
        for f in link_fields(type(entry))
    }


# States of an entry


@dataclass
class Snapshot:
    """An entry's content at one moment. ``values`` by field name (a foreign key as
    its key, or as the related record when it was fetched along), ``links`` as
    lists of keys or records, ``citations`` as ``CitationRecord``s, or None when
    not known (they are then not compared)."""

    values: dict
    links: dict
    citations: list | None = None


def of_entry(entry):
    model = type(entry)
    has_citations = registry.citation_model(model) is not None
    return Snapshot(
        values={f.name: normalize(f, f.value_from_object(entry)) for f in content_fields(model)},
        links=stored_links(entry),
        citations=stored_citations(entry) if has_citations else None,
    )


def of_pending(entry, pending):
    """The entry as its pending change proposes it."""
    current = of_entry(entry)
    values = dict(current.values)
    for f in content_fields(type(entry)):
        if f.name in pending.values:
            values[f.name] = normalize(f, pending.values[f.name])
    links = {**current.links, **{name: sorted(pks) for name, pks in pending.many_to_many.items()}}
    citations = None
    if current.citations is not None:
        citations = [CitationRecord.of_dict(record) for record in pending.citations]
    return Snapshot(values=values, links=links, citations=citations)


def of_version(row, links=None, citations=None):
    """The entry as one of its history rows records it. ``links`` are the row's
    entry of ``revisions.m2m_snapshots()``; ``citations`` its citation rows
    (``revisions.citations_at()``), or None to leave them out."""
    model = row.instance_type
    values = {}
    for f in content_fields(model):
        values[f.name] = _related(row, f) if f.many_to_one else getattr(row, f.attname)
    recorded = {f.name for f in getattr(type(row), "_history_m2m_fields", ())}
    return Snapshot(
        values=values,
        links={
            f.name: list((links or {}).get(f.name, ()))
            for f in link_fields(model)
            if f.name in recorded
        },
        citations=[CitationRecord.of(c) for c in citations] if citations is not None else None,
    )


def _related(row, field):
    """A foreign key's value on a history row: the record if it was fetched with the
    row (``select_related``), else its key; a record deleted since, as such."""
    history_field = type(row)._meta.get_field(field.name)
    pk = getattr(row, field.attname)
    if pk is None or not history_field.is_cached(row):
        return pk
    return history_field.get_cached_value(row) or DeletedRecord(field.related_model, pk)


@dataclass(frozen=True)
class DeletedRecord:
    """A related record that no longer exists."""

    model: type
    pk: Any

    def __str__(self):
        return _("deleted %(type)s (no. %(pk)s)") % {
            "type": self.model._meta.verbose_name,
            "pk": self.pk,
        }


# How two states differ


@dataclass
class FieldChange:
    """One field, link field or (``field`` None) the citations, before and after."""

    field: Any
    old: Any
    new: Any

    @property
    def label(self):
        return capfirst(str(self.field.verbose_name)) if self.field else _("Citations")

    @property
    def name(self):
        return self.field.name if self.field else "citations"


def _key(value):
    return value.pk if isinstance(value, models.Model | DeletedRecord) else value


def is_blank(value):
    return value is None or value == "" or value == [] or value == ()


def diff(model, before, after):
    """What differs from ``before`` to ``after``: fields, links, then citations."""
    changes = []
    for f in content_fields(model):
        old, new = before.values.get(f.name), after.values.get(f.name)
        if (is_blank(old) and is_blank(new)) or _key(old) == _key(new):
            continue
        changes.append(FieldChange(f, old, new))
    for f in link_fields(model):
        if f.name not in before.links or f.name not in after.links:
            continue  # not known in one of them: a link field history does not record
        old, new = list(before.links[f.name]), list(after.links[f.name])
        if {_key(v) for v in old} != {_key(v) for v in new}:
            changes.append(FieldChange(f, old, new))
    if None not in (before.citations, after.citations):
        old_keys = sorted(c.key for c in before.citations)
        if old_keys != sorted(c.key for c in after.citations):
            changes.append(FieldChange(None, before.citations, after.citations))
    return changes


@dataclass
class CitationChanges:
    """Citations added, removed and changed (pairs), matched by citation."""

    added: list
    removed: list
    changed: list

    def __bool__(self):
        return bool(self.added or self.removed or self.changed)


def citation_changes(old_rows, new_rows):
    """Between two lists of citation history rows (``revisions.citations_at()``)."""
    old_by_id = {row.id: row for row in old_rows}
    new_by_id = {row.id: row for row in new_rows}
    return CitationChanges(
        added=[row for pk, row in new_by_id.items() if pk not in old_by_id],
        removed=[row for pk, row in old_by_id.items() if pk not in new_by_id],
        changed=[
            (old_by_id[pk], row)
            for pk, row in new_by_id.items()
            if pk in old_by_id
            and CitationRecord.of(old_by_id[pk]).key != CitationRecord.of(row).key
        ],
    )


# Words for editors


def display_value(field, value):
    """A field's value as an editor reads it: choices by label, relations by name,
    numbers with separators, dates at their precision."""
    if is_blank(value):
        return EMPTY
    if field.many_to_many:
        return display_links(field, value)
    if field.is_relation:
        if isinstance(value, models.Model | DeletedRecord):
            return str(value)
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else f"#{value}"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(field, models.JSONField) or isinstance(value, list):
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return str(value)


def display_links(field, values):
    if not values:
        return EMPTY
    objects = [v for v in values if isinstance(v, models.Model | DeletedRecord)]
    keys = [v for v in values if not isinstance(v, models.Model | DeletedRecord)]
    if keys:
        objects += list(field.related_model._base_manager.filter(pk__in=keys))
    return ", ".join(sorted(str(o) for o in objects))


def display_citations(model, citations):
    if not citations:
        return EMPTY
    source_model = registry.source_model()
    sources = source_model._base_manager.in_bulk({c.source for c in citations})
    labels = dict(registry.citation_model(model).supports_choices())
    parts = []
    for citation in citations:
        text = str(sources.get(citation.source, f"#{citation.source}"))
        if citation.locator:
            text += f", {citation.locator}"
        if citation.supports:
            text += f" ({labels.get(citation.supports, citation.supports)})"
        parts.append(text)
    return "; ".join(parts)


def display(model, change):
    """(old, new) of a ``FieldChange`` in words."""
    if change.field is None:
        return display_citations(model, change.old), display_citations(model, change.new)
    return display_value(change.field, change.old), display_value(change.field, change.new)


# Making an entry match a state


def restore(entry, state, *, reason, user):
    """Make ``entry`` (locked by the caller, in a transaction) what ``state`` holds:
    its fields, links and (unless None) citations, as ONE new row in its history
    with ``reason`` and ``user``, and a row for each citation that changes.

    Raises ValidationError, writing nothing, when the result would break a rule of
    the site as it is now: an invalid value, a linked record that no longer exists,
    a key now used by another entry, a published claim without citations.
    """
    model = type(entry)
    for f in content_fields(model):
        if f.name in state.values:
            setattr(entry, f.attname, _key(state.values[f.name]))
    entry.full_clean()
    links = {f.name: [_key(v) for v in state.links.get(f.name, ())] for f in link_fields(model)}
    for f in link_fields(model):
        wanted = set(links[f.name])
        existing = set(
            f.related_model._default_manager.filter(pk__in=wanted).values_list("pk", flat=True)
        )
        if wanted - existing:
            raise ValidationError(
                _("%(field)s: some of the linked records no longer exist.")
                % {"field": capfirst(f.verbose_name)}
            )
    entry.skip_history_when_saving = True  # the save below records the new values once
    try:
        for f in link_fields(model):
            getattr(entry, f.name).set(links[f.name])
    finally:
        del entry.skip_history_when_saving
    entry._change_reason = reason
    entry._history_user = user
    entry.save()
    if state.citations is not None and registry.citation_model(model) is not None:
        restore_citations(entry, state.citations, reason=reason, user=user)
    if (error := getattr(entry, "missing_citation_error", lambda: None)()) is not None:
        raise error


def restore_citations(entry, records, *, reason, user):
    """Make the entry's citations match ``records`` (``CitationRecord``s): keep and
    update those whose ``id`` is stored, delete the others, add the rest."""
    citations = registry.citation_model(type(entry))
    current = {citation.pk: citation for citation in entry.citations.all()}
    wanted_ids = {record.id for record in records}
    for pk, citation in current.items():
        if pk not in wanted_ids:
            citation._change_reason = reason
            citation._history_user = user
            citation.delete()
    for record in records:
        citation = current.get(record.id)
        values = {
            "source_id": record.source,
            "supports": record.supports,
            "locator": record.locator,
            "quotation": record.quotation,
        }
        if citation is None:
            taken = record.id is not None and citations._base_manager.filter(pk=record.id).exists()
            citation = citations(pk=None if taken else record.id, claim=entry)
        elif all(getattr(citation, name) == value for name, value in values.items()):
            continue
        for name, value in values.items():
            setattr(citation, name, value)
        try:
            citation.full_clean(exclude=["claim"])
        except ValidationError as error:
            raise ValidationError(
                _("A citation is not valid (%(citation)s): %(problem)s")
                % {"citation": citation, "problem": "; ".join(error.messages)}
            ) from None
        citation._change_reason = reason
        citation._history_user = user
        citation.save()
