"""Reading and restoring the revision history of content.

Every content and citation model keeps its history with django-simple-history
(see ``editorial.content``). This module reads it for the editors' admin
(history, compare, revert) and the public history pages; comparing two versions
is ``editorial.snapshots``'s work, as is comparing any two states of an entry:

* ``history_model()``: the history model of a content or citation model, looked up
  once;
* ``m2m_snapshots()`` and ``version_changes()``: what differs between two history
  rows of one entry, many-to-many fields included, in one query per many-to-many
  field however many versions are compared;
* ``citations_at()``: the citations an entry had at a version;
* ``with_windows()``, ``owner_date()`` and ``belongs_to()``: which citation history
  rows belong to a published change;
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
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from simple_history.utils import get_m2m_reverse_field_name

from . import registry, snapshots, sourcing
from .content import Status


@functools.cache
def history_model(model):
    """The history (``Historical…``) model of a content or citation model.

    Kept once found: ``model.history`` builds a new manager class on every access,
    which costs more than the queries of a page that lists many changes."""
    return model.history.model


def with_related(queryset):
    """The history rows with the records their foreign keys point to, in the same query."""
    names = [field.name for field in queryset.model.tracked_fields if field.many_to_one]
    return queryset.select_related(*names) if names else queryset


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
                value = getattr(row, target) or snapshots.DeletedRecord(
                    field.related_model, getattr(row, target_attname)
                )
                snapshots[row.history_id][field.name].append(value)
        else:
            for history_id, pk in rows.values_list("history_id", target_attname):
                snapshots[history_id][field.name].append(pk)
    return snapshots


def version_changes(older, newer, links):
    """What changed from the history row ``older`` to ``newer`` (``FieldChange``s);
    ``links`` is ``m2m_snapshots()`` for both rows."""
    before = snapshots.of_version(older, links[older.history_id])
    after = snapshots.of_version(newer, links[newer.history_id])
    return snapshots.diff(newer.instance_type, before, after)


def version_instance(row):
    """The entry as a history row records it, with the related records the row was
    fetched with (``select_related``), so that showing it makes no query."""
    history = type(row)
    instance = row.history_object
    for field in history.tracked_fields:
        if field.many_to_one and history._meta.get_field(field.name).is_cached(row):
            field.set_cached_value(instance, getattr(row, field.name))
    return instance


def state_as_of(entry, moment):
    """The entry as its history shows it at ``moment`` (a ``Snapshot``), or None."""
    history = history_model(type(entry))
    row = (
        with_related(history.objects.filter(id=entry.pk, history_date__lte=moment))
        .order_by("-history_date", "-history_id")
        .first()
    )
    if row is None:
        return None
    links = m2m_snapshots(history, [row.history_id])[row.history_id]
    citations = None
    if (cited := registry.citation_model(type(entry))) is not None:
        citations = list(cited.history.as_of(moment).filter(claim_id=entry.pk))
    return snapshots.of_version(row, links, citations)


# Showing changes to editors


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


def displayed_changes(model, changes, *, marked=True):
    """Changes as editors read them; long texts with the changed words marked (as
    HTML) unless ``marked`` is false (for plain-text messages)."""
    shown = []
    for change in changes:
        old, new = snapshots.display(model, change)
        long_text = change.field is not None and is_long_text(change.field)
        if marked and long_text and change.old and change.new:
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
    citations = registry.citation_model(row.instance_type)
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
    text = str(source or snapshots.DeletedRecord(source_field.related_model, row.source_id))
    if row.locator:
        text += f", {row.locator}"
    if row.supports:
        text += " " + _("(backs: %(field)s)") % {"field": row.instance.supports_label}
    return text


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
    were at that version (``snapshots.restore``). Raises ValidationError (and writes
    nothing) when the restored entry would break a rule of the site as it is now.

    A published version takes the sources it cites along (``editorial.sourcing``):
    the sources published with it are returned.
    """
    model = type(entry)
    if version.id != entry.pk or type(version) is not history_model(model):
        raise ValueError("The version is not a version of this entry.")
    links = m2m_snapshots(type(version), [version.history_id])[version.history_id]
    citations = citations_at(version) if registry.citation_model(model) else None
    state = snapshots.of_version(version, links, citations)
    snapshots.restore(entry, state, reason=reason, user=user)
    return sourcing.publish_cited_sources(entry, user=user, summary=reason)
