"""Reading, comparing and restoring the revision history of content.

Every content and citation model keeps its history with django-simple-history
(see ``orgs.content``). This module holds what the editors' admin (history,
compare, revert) and the public history pages share:

* ``compared_fields()`` and ``field_changes()``: what differs between two history
  rows of one entry, many-to-many fields included (``m2m_snapshots()`` reads their
  rows for many versions in one query per field).
* ``citations_at()``: the citations an entry had at a version.
* ``with_windows()``, ``owner_date()`` and ``belongs_to()``: which citation
  history rows belong to a published change.
* ``revert()``: restore a version as a new change.

**Which citations belong to a version.** An admin save records the entry's
history row first and its inline citations after it (and the loader saves claims
before their citations), so a version's citations are those recorded *before the
entry's next history row* (or until now, for the latest version), not those
recorded before the version's own time. For the same reason a citation row belongs
to the entry's last history row recorded before it (its *owner*), and the sources
added "in" a published change are those of the "+" citation rows whose owner is
that change or a row between the previous published change and it (drafts that
were then published).
"""

import difflib
import functools
import json
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator, capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from simple_history.utils import get_m2m_reverse_field_name

from . import sourcing
from .content import CitationBase, Claim, Status
from .numbers import plain_number

CITATION_FIELDS = ("source", "supports", "locator", "quotation")


@functools.cache
def history_model(model):
    """The history (``Historical…``) model of a content or citation model.

    Kept once found: ``model.history`` builds a new manager class on every access,
    which costs more than the queries of a page that lists many changes."""
    return model.history.model


def citation_model(model):
    """The citation model of a claim model, or None for content that cites nothing."""
    try:
        field = model._meta.get_field("citations")
    except FieldDoesNotExist:
        return None
    related = field.related_model
    return related if isinstance(related, type) and issubclass(related, CitationBase) else None


def with_related(queryset):
    """The history rows with the records their foreign keys point to, in the same query."""
    names = [field.name for field in queryset.model.tracked_fields if field.many_to_one]
    return queryset.select_related(*names) if names else queryset


def compared_fields(history):
    """The entry's own fields a version records, in form order (not its key or bookkeeping)."""
    return [field for field in history.tracked_fields if field.editable and not field.primary_key]


def m2m_fields(history):
    """The many-to-many fields whose values each version records."""
    return list(history._history_m2m_fields)


def m2m_snapshots(history, history_ids, *, with_objects=False):
    """{history_id: {field name: [related pk or object, …]}} for the given versions.

    One query per many-to-many field, however many versions are asked for.
    """
    snapshots = defaultdict(lambda: defaultdict(list))
    history_ids = list(history_ids)
    if not history_ids:
        return snapshots
    for field in m2m_fields(history):
        rows_model = getattr(history, field.name).model
        target = get_m2m_reverse_field_name(field)
        target_attname = rows_model._meta.get_field(target).attname
        rows = rows_model.objects.filter(history_id__in=history_ids).order_by("pk")
        if with_objects:
            for row in rows.select_related(target):
                value = getattr(row, target) or DeletedRecord(
                    field.related_model, getattr(row, target_attname)
                )
                snapshots[row.history_id][field.name].append(value)
        else:
            for history_id, pk in rows.values_list("history_id", target_attname):
                snapshots[history_id][field.name].append(pk)
    return snapshots


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


@dataclass
class FieldChange:
    field: models.Field
    old: Any
    new: Any

    @property
    def label(self):
        return capfirst(self.field.verbose_name)

    @property
    def name(self):
        return self.field.name


def _related_key(value):
    return value.pk if isinstance(value, models.Model | DeletedRecord) else value


def field_changes(old, new, old_m2m=None, new_m2m=None):
    """What differs between two history rows of one entry, field by field.

    ``old_m2m`` and ``new_m2m`` are the rows' entries of ``m2m_snapshots()``; when
    they hold related objects, so do the changes, else primary keys. Foreign keys
    are given as the related object when the rows were fetched with it
    (``select_related``), else as the primary key.
    """
    changes = []
    for field in compared_fields(type(new)):
        before, after = getattr(old, field.attname), getattr(new, field.attname)
        if before == after:
            continue
        if field.many_to_one:
            before, after = related_value(old, field), related_value(new, field)
        changes.append(FieldChange(field, before, after))
    old_m2m, new_m2m = old_m2m or {}, new_m2m or {}
    for field in m2m_fields(type(new)):
        before, after = list(old_m2m.get(field.name, ())), list(new_m2m.get(field.name, ()))
        if {_related_key(v) for v in before} != {_related_key(v) for v in after}:
            changes.append(FieldChange(field, before, after))
    return changes


def related_value(row, field):
    """A foreign key's value on a history row: the object if it was fetched, else its key."""
    history_field = type(row)._meta.get_field(field.name)
    pk = getattr(row, field.attname)
    if pk is None or not history_field.is_cached(row):
        return pk
    return history_field.get_cached_value(row) or DeletedRecord(field.related_model, pk)


def version_instance(row):
    """The entry as a history row records it, with the related records the row was
    fetched with (``select_related``), so that showing it makes no query."""
    history = type(row)
    instance = row.history_object
    for field in history.tracked_fields:
        if field.many_to_one and history._meta.get_field(field.name).is_cached(row):
            field.set_cached_value(instance, getattr(row, field.name))
    return instance


# Showing values to editors


def display_value(field, value):
    """A field's value as an editor reads it: choices by label, relations by name."""
    if field.many_to_many:
        return ", ".join(str(item) for item in value) if value else "—"
    if value is None or value == "":
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(field, models.JSONField):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def is_long_text(field):
    return isinstance(field, models.TextField) or (
        isinstance(field, models.CharField) and (field.max_length or 0) > 100
    )


def marked_difference(old_text, new_text):
    """Two HTML strings: the old text with removed words in <del>, the new text with
    added words in <ins>."""
    old_words, new_words = old_text.split(" "), new_text.split(" ")
    old_parts, new_parts = [], []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = " ".join(old_words[i1:i2]), " ".join(new_words[j1:j2])
        if tag == "equal":
            old_parts.append(("{}", before))
            new_parts.append(("{}", after))
            continue
        if before:
            old_parts.append(("<del>{}</del>", before))
        if after:
            new_parts.append(("<ins>{}</ins>", after))

    def join(parts):
        return format_html_join(
            " ", "{}", ((format_html(pattern, text),) for pattern, text in parts)
        )

    return join(old_parts), join(new_parts)


@dataclass
class DisplayedChange:
    label: str
    old: str
    new: str


def displayed_changes(changes):
    """Field changes as editors read them; long texts with the changed words marked."""
    shown = []
    for change in changes:
        old = display_value(change.field, change.old)
        new = display_value(change.field, change.new)
        if is_long_text(change.field) and change.old and change.new:
            old, new = marked_difference(old, new)
        shown.append(DisplayedChange(change.label, old, new))
    return shown


# Citations at a version


def version_end(row):
    """When the entry's next history row was recorded; None for its latest version."""
    history = type(row)
    return (
        history.objects.filter(id=row.id)
        .filter(
            Q(history_date__gt=row.history_date)
            | Q(history_date=row.history_date, history_id__gt=row.history_id)
        )
        .order_by("history_date", "history_id")
        .values_list("history_date", flat=True)
        .first()
    )


def citations_at(row):
    """The citation history rows that describe the entry's citations at this version
    (with their sources), oldest citation first; [] for content that cites nothing."""
    citations = citation_model(row.instance_type)
    if citations is None:
        return []
    rows = citations.history.filter(claim_id=row.id)
    end = version_end(row)
    if end is not None:
        rows = rows.filter(history_date__lt=end)
    return list(
        rows.latest_of_each().exclude(history_type="-").select_related("source").order_by("id")
    )


def citation_label(row):
    """'Source (year). Title, p. 4 (backs: nationality)' for a citation history row."""
    source_field = row._meta.get_field("source")
    source = source_field.get_cached_value(row, None) if source_field.is_cached(row) else None
    text = str(source or DeletedRecord(source_field.related_model, row.source_id))
    if row.locator:
        text += f", {row.locator}"
    if row.supports:
        text += " " + _("(backs: %(field)s)") % {"field": row.instance.supports_label}
    return text


@dataclass
class CitationChanges:
    added: list
    removed: list
    changed: list  # (old row, new row)

    def __bool__(self):
        return bool(self.added or self.removed or self.changed)


def citation_changes(old_rows, new_rows):
    old_by_id = {row.id: row for row in old_rows}
    new_by_id = {row.id: row for row in new_rows}
    changed = [
        (old_by_id[pk], row)
        for pk, row in new_by_id.items()
        if pk in old_by_id and _citation_values(old_by_id[pk]) != _citation_values(row)
    ]
    return CitationChanges(
        added=[row for pk, row in new_by_id.items() if pk not in old_by_id],
        removed=[row for pk, row in old_by_id.items() if pk not in new_by_id],
        changed=changed,
    )


def _citation_values(row):
    return tuple(getattr(row, row._meta.get_field(name).attname) for name in CITATION_FIELDS)


# Which citation rows belong to a change


def with_windows(queryset, *, previous=True):
    """Annotate history rows with what tells which citation rows belong to them.

    ``window_end``: when the entry's next history row was recorded (None: latest).
    ``previous_published`` (if ``previous``): when the entry's previous published
    row was recorded (None: there is none). Both are simple correlated subqueries:
    apply this to a few rows (see ``only_rows()``), not to a whole table.
    """
    history = queryset.model
    same_entry = history.objects.filter(id=OuterRef("id"))
    later = (
        same_entry.filter(history_date__gt=OuterRef("history_date"))
        .order_by("history_date")
        .values("history_date")[:1]
    )
    queryset = queryset.annotate(window_end=Subquery(later))
    if previous:
        earlier_published = (
            same_entry.filter(status=Status.PUBLISHED, history_date__lt=OuterRef("history_date"))
            .order_by("-history_date")
            .values("history_date")[:1]
        )
        queryset = queryset.annotate(previous_published=Subquery(earlier_published))
    return queryset


def only_rows(queryset, start, stop):
    """Rows ``start:stop`` of the ordered history queryset, as a new queryset of the
    same model (to annotate, select related records and order again).

    The slice is taken in a subquery, so that expensive annotations of the new
    queryset are computed for those rows only, however large the table.
    """
    return queryset.model.objects.filter(history_id__in=queryset.values("history_id")[start:stop])


def citation_rows_for(claim_id, after, before):
    """Citation history rows of a claim recorded after ``after`` and before
    ``before`` (either may be None): those that may belong to a change."""
    condition = Q(claim_id=claim_id)
    if after is not None:
        condition &= Q(history_date__gt=after)
    if before is not None:
        condition &= Q(history_date__lt=before)
    return condition


def owner_date(entry_history):
    """Annotation for citation history rows: when the claim's last history row up to
    the citation row was recorded. The citation row belongs to the first published
    change from that row on."""
    return Subquery(
        entry_history.objects.filter(
            id=OuterRef("claim_id"), history_date__lte=OuterRef("history_date")
        )
        .order_by("-history_date")
        .values("history_date")[:1]
    )


def belongs_to(owner, change_date, previous_published):
    """Whether a citation row whose claim's last row is ``owner`` belongs to the
    published change recorded at ``change_date``."""
    return (
        owner is not None
        and owner <= change_date
        and (previous_published is None or owner > previous_published)
    )


# Reverting


def revert_reason(version, summary, max_length):
    """'Reverted to the version of 12 March 2026: <summary>', cut to the field's length.

    Written in the site's language, whoever reverts: readers see it in the history.
    """
    with translation.override(settings.LANGUAGE_CODE):
        reason = _("Reverted to the version of %(date)s: %(summary)s") % {
            "date": date_format(localtime(version.history_date), "j F Y"),
            "summary": summary,
        }
    return Truncator(reason).chars(max_length) if max_length else reason


def change_reason_max_length(model):
    return history_model(model)._meta.get_field("history_change_reason").max_length


@transaction.atomic
def revert(entry, version, reason, user=None):
    """Make ``entry`` what ``version`` recorded, as one new change with ``reason``.

    Restores the entry's fields, its many-to-many fields and its citations as they
    were at that version. The entry gets exactly one new history row; each citation
    that is removed, changed or restored gets its own, with the same reason. Raises
    ValidationError (and writes nothing) when the restored entry would break a rule
    of the site as it is now: a related record that no longer exists, a key now used
    by another entry, a published claim without citations, and so on.

    A published version takes the sources it cites along (``orgs.sourcing``): the
    sources published with it are returned.
    """
    model = type(entry)
    history = type(version)
    if version.id != entry.pk or history is not history_model(model):
        raise ValueError("The version is not a version of this entry.")
    for field in compared_fields(history):
        setattr(entry, field.attname, getattr(version, field.attname))
    entry.full_clean()

    targets = m2m_snapshots(history, [version.history_id])[version.history_id]
    for field in m2m_fields(history):
        wanted = set(targets.get(field.name, ()))
        existing = set(
            field.related_model._default_manager.filter(pk__in=wanted).values_list("pk", flat=True)
        )
        if wanted - existing:
            raise ValidationError(
                _("%(field)s: some of the records of that version no longer exist.")
                % {"field": capfirst(field.verbose_name)}
            )
    entry.skip_history_when_saving = True  # the save below records the new values once
    try:
        for field in m2m_fields(history):
            getattr(entry, field.name).set(targets.get(field.name, []))
    finally:
        del entry.skip_history_when_saving

    entry._change_reason = reason
    entry._history_user = user
    entry.save()
    _restore_citations(entry, version, reason, user)
    if isinstance(entry, Claim) and (error := entry.missing_citation_error()):
        raise error
    return sourcing.publish_cited_sources(entry, user=user, summary=reason)


def _restore_citations(entry, version, reason, user):
    citations = citation_model(type(entry))
    if citations is None:
        return
    wanted = {row.id: row for row in citations_at(version)}
    current = {citation.pk: citation for citation in entry.citations.all()}
    for pk, citation in current.items():
        if pk not in wanted:
            citation._change_reason = reason
            citation._history_user = user
            citation.delete()
    for pk, row in wanted.items():
        values = {
            citations._meta.get_field(name).attname: getattr(
                row, citations._meta.get_field(name).attname
            )
            for name in CITATION_FIELDS
        }
        citation = current.get(pk)
        if citation is None:
            citation = citations(pk=pk, claim=entry, **values)
        elif all(getattr(citation, name) == value for name, value in values.items()):
            continue
        else:
            for name, value in values.items():
                setattr(citation, name, value)
        try:
            citation.full_clean()
        except ValidationError as error:
            raise ValidationError(
                _("A citation of that version cannot be restored (%(citation)s): %(problem)s")
                % {"citation": citation_label(row), "problem": "; ".join(error.messages)}
            ) from None
        citation._change_reason = reason
        citation._history_user = user
        citation.save()
