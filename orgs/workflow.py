"""The editorial workflow: draft → in review → published, and pending changes.

* Only reviewers (``orgs.roles.can_publish``) publish. Editors write drafts and
  send them for review.
* A change to a PUBLISHED entry by anyone who may not publish does not touch the
  live row: it is kept whole as a ``PendingChange`` (fields, many-to-many values,
  the full list of citations) until a reviewer publishes or sends it back.
* Every write checks the version the user started from (optimistic locking): the
  entry's ``version`` and the pending change's ``revision`` together make a
  *token*; a write based on an older token is refused.

The admin, the review queue and the tests all go through these functions, so the
rules live in one place. Refusals are raised as ``Refused`` with a message for
the user.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.dateparse import parse_datetime
from django.utils.encoding import is_protected_type
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from . import sourcing
from .content import BOOKKEEPING_FIELDS, Content, Status
from .dates import PartialDate
from .models import PendingChange, ReviewComment, Source
from .numbers import plain_number
from .publication import publication_summary
from .roles import can_publish

# An edit summary says what changed and why in a line or two, as on Wikipedia.
SUMMARY_MAX_LENGTH = 300

CITATION_FIELDS = ("source", "supports", "locator", "quotation")

EMPTY = "—"


class Refused(Exception):
    """The workflow does not allow this; ``str()`` says why, for the user."""

    def __init__(self, message):
        self.message = str(message)
        super().__init__(self.message)


class Stale(Refused):
    """The entry changed since the user loaded the page they acted from."""


# What an entry is made of


def proposal_fields(model):
    """The fields a pending change proposes values for: every editable column."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and f.name not in BOOKKEEPING_FIELDS
    ]


def link_fields(model):
    """The entry's own many-to-many fields."""
    return [f for f in model._meta.many_to_many if f.editable]


def citation_model(model):
    if not getattr(model, "requires_citation", False):
        return None
    return model._meta.get_field("citations").related_model


def _serialize(field, obj):
    value = field.value_from_object(obj)
    return value if is_protected_type(value) else field.value_to_string(obj)


def _normalize(field, value):
    try:
        return field.to_python(value)
    except ValidationError:
        return value


def apply_values(entry, values):
    """Set the proposed field values on ``entry`` in memory (nothing is saved)."""
    for f in proposal_fields(type(entry)):
        if f.name in values:
            setattr(entry, f.attname, _normalize(f, values[f.name]))


def citation_records(entry):
    """The entry's stored citations, as a pending change keeps them."""
    if citation_model(type(entry)) is None or entry.pk is None:
        return []
    return [
        {
            "id": c.pk,
            "source": c.source_id,
            "supports": c.supports,
            "locator": c.locator,
            "quotation": c.quotation,
        }
        for c in entry.citations.order_by("pk")
    ]


def citation_records_from_formset(formset):
    """The citations an inline formset would keep, as a pending change keeps them."""
    records = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data or formset._should_delete_form(form) or not data.get("source"):
            continue
        existing = data.get("id")
        records.append(
            {
                "id": existing.pk if existing is not None else None,
                "source": data["source"].pk,
                "supports": data.get("supports", ""),
                "locator": data.get("locator", ""),
                "quotation": data.get("quotation", ""),
            }
        )
    return records


def stored_links(entry):
    if entry.pk is None:
        return {f.name: [] for f in link_fields(type(entry))}
    return {
        f.name: sorted(getattr(entry, f.name).values_list("pk", flat=True))
        for f in link_fields(type(entry))
    }


# Tokens: the version a page was loaded from


def version_token(version, revision=0):
    return f"{version}.{revision or 0}"


def token_of(entry, pending):
    return version_token(entry.version, pending.revision if pending else 0)


def pending_for(entry, *, lock=False):
    changes = PendingChange.objects.for_entry(entry)
    if lock:
        changes = changes.select_for_update()
    return changes.first()


def _lock(model, pk):
    try:
        return model.objects.select_for_update().get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Refused(_("That entry no longer exists.")) from None


def _check_token(entry, pending, token):
    if token != token_of(entry, pending):
        raise Stale(
            _(
                "%(entry)s was changed after this page was loaded, so it was left as it is. "
                "Reload the page, check the changes, then try again."
            )
            % {"entry": describe(entry)}
        )


def describe(entry):
    return capfirst(f"{entry._meta.verbose_name} “{entry}”")


def _text(error):
    return " ".join(error.messages)


# Proposing, publishing, sending back


def propose(entry, *, links, citations, summary, author, base_version, pending=None):
    """Keep ``entry``'s values in memory as the entry's pending change.

    The live row is not written. ``pending`` is the entry's current pending
    change (locked by the caller), which this one replaces.
    """
    if pending is None:
        pending = PendingChange(
            content_type=ContentType.objects.get_for_model(entry), object_id=entry.pk
        )
    else:
        pending.revision += 1
    pending.values = {f.name: _serialize(f, entry) for f in proposal_fields(type(entry))}
    pending.many_to_many = {name: sorted(pks) for name, pks in links.items()}
    pending.citations = list(citations)
    pending.summary = summary
    pending.author = author
    pending.state = PendingChange.State.WAITING
    pending.base_version = base_version
    pending.save()
    return pending


def publish(model, pk, user, *, token):
    """Publish an entry in review (or a draft), or apply its pending change.

    An entry in review is published with the summary of its editor's latest
    content edit as the change reason, never a workflow note (see
    ``orgs.publication``); a pending change with its own summary.

    ``token`` is the version the user saw (``token_of``); a different one is refused.
    Returns a message for the user; raises ``Refused``.
    """
    if not can_publish(user):
        raise Refused(_("Only reviewers can publish."))
    try:
        with transaction.atomic():
            entry = _lock(model, pk)
            pending = pending_for(entry, lock=True)
            _check_token(entry, pending, token)
            if pending is not None:
                sources = apply_pending(entry, pending, reviewer=user)
                message = _("Published the change to %(entry)s.") % {"entry": describe(entry)}
                return _with_sources(message, sources)
            if entry.is_published:
                raise Refused(
                    _("%(entry)s is already published and has no change waiting.")
                    % {"entry": describe(entry)}
                )
            summary = publication_summary(entry)
            entry.status = Status.PUBLISHED
            _validate(entry, citations=None)
            entry._change_reason = summary
            entry._history_user = user
            entry.save()
            sources = sourcing.publish_cited_sources(entry, user=user, summary=summary)
            ReviewComment.objects.for_entry(entry).delete()
            message = _("Published %(entry)s.") % {"entry": describe(entry)}
            return _with_sources(message, sources)
    except IntegrityError:
        raise Refused(
            _("%(entry)s could not be published: it clashes with another entry.")
            % {"entry": describe_model_pk(model, pk)}
        ) from None


def _with_sources(message, sources):
    return f"{message} {sourcing.published_with_message(sources)}" if sources else message


def describe_model_pk(model, pk):
    entry = model._default_manager.filter(pk=pk).first()
    return describe(entry) if entry else capfirst(model._meta.verbose_name)


def _validate(entry, citations):
    """Refuse to publish an entry that is invalid or (for claims) cites no source.

    ``citations`` is the list that will replace the stored ones, or None to
    check the stored citations.
    """
    try:
        entry.full_clean()
    except ValidationError as error:
        raise Refused(
            _("%(entry)s cannot be published: %(reasons)s")
            % {"entry": describe(entry), "reasons": _text(error)}
        ) from None
    if not entry.requires_citation:
        return
    if citations is None:
        error = entry.missing_citation_error()
    else:
        error = None if citations or not entry.is_published else entry.unsourced_error()
    if error is not None:
        raise Refused(_text(error))


def apply_pending(entry, pending, *, reviewer):
    """Write a pending change to the live row (locked by the caller), with the
    edit summary as the history's change reason and its author as the history's
    user, then delete it; publish the sources it cites that were not published yet
    (``orgs.sourcing``), in ``reviewer``'s name, and return them. Call inside a
    transaction."""
    if pending.base_version != entry.version:
        raise Refused(
            _(
                "%(entry)s was changed after this change was proposed, so publishing it "
                "would undo that. Send it back so that the editor can update it."
            )
            % {"entry": describe(entry)}
        )
    apply_values(entry, pending.values)
    _validate(entry, citations=pending.citations)
    entry._change_reason = pending.summary
    entry._history_user = pending.author
    entry.save()
    for f in link_fields(type(entry)):
        if f.name in pending.many_to_many:
            related = f.related_model._base_manager.filter(pk__in=pending.many_to_many[f.name])
            getattr(entry, f.name).set(list(related))
    if citation_model(type(entry)) is not None:
        replace_citations(entry, pending.citations, reason=pending.summary, user=pending.author)
    sources = sourcing.publish_cited_sources(entry, user=reviewer, summary=pending.summary)
    pending.delete()
    ReviewComment.objects.for_entry(entry).delete()
    return sources


def replace_citations(entry, records, *, reason, user):
    """Make the entry's citations match ``records`` (see ``citation_records``)."""
    model = citation_model(type(entry))
    stored = {c.pk: c for c in entry.citations.all()}
    kept = {r.get("id") for r in records} & set(stored)
    for pk, citation in stored.items():
        if pk not in kept:
            citation._change_reason = reason
            citation._history_user = user
            citation.delete()
    for record in records:
        citation = stored.get(record.get("id")) if record.get("id") in kept else None
        if citation is None:
            citation = model(claim=entry)
        values = {
            "source_id": record["source"],
            "supports": record.get("supports", ""),
            "locator": record.get("locator", ""),
            "quotation": record.get("quotation", ""),
        }
        if citation.pk and all(getattr(citation, k) == v for k, v in values.items()):
            continue
        for name, value in values.items():
            setattr(citation, name, value)
        try:
            citation.full_clean(exclude=["claim"])
        except ValidationError as error:
            raise Refused(
                _("A citation of %(entry)s is not valid: %(reasons)s")
                % {"entry": describe(entry), "reasons": _text(error)}
            ) from None
        citation._change_reason = reason
        citation._history_user = user
        citation.save()


def send_back(model, pk, user, comment, *, token):
    """Return an entry in review to draft, or a pending change to its editor,
    with the reviewer's comment. Returns a message; raises ``Refused``."""
    if not can_publish(user):
        raise Refused(_("Only reviewers can send entries back."))
    comment = (comment or "").strip()
    if not comment:
        raise Refused(_("Write a comment for the editor."))
    with transaction.atomic():
        entry = _lock(model, pk)
        pending = pending_for(entry, lock=True)
        _check_token(entry, pending, token)
        if pending is not None:
            pending.state = PendingChange.State.SENT_BACK
            pending.reviewer = user
            pending.reviewer_comment = comment
            pending.save(update_fields=["state", "reviewer", "reviewer_comment", "updated"])
        elif entry.status == Status.IN_REVIEW:
            entry.status = Status.DRAFT
            entry._change_reason = Truncator(
                _("Sent back: %(comment)s") % {"comment": comment}
            ).chars(SUMMARY_MAX_LENGTH)
            entry._history_user = user
            entry.save()
            ReviewComment.objects.create(
                content_type=ContentType.objects.get_for_model(entry),
                object_id=entry.pk,
                comment=comment,
                reviewer=user,
            )
        else:
            raise Refused(_("%(entry)s is not waiting for review.") % {"entry": describe(entry)})
    return _("Sent %(entry)s back to the editor.") % {"entry": describe(entry)}


@receiver(post_delete)
def forget_deleted_entry(sender, instance, **kwargs):
    """A deleted entry's pending change and review comments go with it."""
    if isinstance(instance, Content) and instance.pk is not None:
        PendingChange.objects.for_entry(instance).delete()
        ReviewComment.objects.for_entry(instance).delete()


# Comparing versions


@dataclass
class Snapshot:
    """An entry's content at one moment: field values, links and citations."""

    values: dict
    links: dict
    citations: list | None = None


@dataclass
class Difference:
    label: str
    before: str
    after: str


@dataclass
class Conflict:
    """What others changed since an editor opened the form."""

    editors: list = field(default_factory=list)
    differences: list = field(default_factory=list)
    proposal: bool = False

    def messages(self, entry):
        names = ", ".join(self.editors) or _("another editor")
        if self.proposal:
            lead = _(
                "%(names)s proposed a change to this entry while you were editing it, so "
                "your changes were not saved. They are still in the form: check what the "
                "other proposal says, then save again to replace it."
            )
        else:
            lead = _(
                "%(names)s saved this entry while you were editing it, so your changes "
                "were not saved. They are still in the form: check what the other editor "
                "changed, then save again to keep your version."
            )
        lines = [lead % {"names": names}]
        if self.differences:
            lines.append(_("What changed (before → now):"))
        lines += [
            _("%(field)s: %(before)s → %(after)s")
            % {"field": d.label, "before": d.before, "after": d.after}
            for d in self.differences
        ]
        return lines


def _citation_key(record):
    return (
        record["source"],
        record.get("supports", ""),
        record.get("locator", ""),
        record.get("quotation", ""),
    )


def snapshot_of(entry):
    model = type(entry)
    return Snapshot(
        values={f.name: _normalize(f, f.value_from_object(entry)) for f in proposal_fields(model)},
        links=stored_links(entry),
        citations=sorted(map(_citation_key, citation_records(entry)))
        if citation_model(model)
        else None,
    )


def snapshot_of_pending(entry, pending):
    current = snapshot_of(entry)
    values = dict(current.values)
    for f in proposal_fields(type(entry)):
        if f.name in pending.values:
            values[f.name] = _normalize(f, pending.values[f.name])
    links = {**current.links, **{k: sorted(v) for k, v in pending.many_to_many.items()}}
    citations = (
        sorted(map(_citation_key, pending.citations)) if current.citations is not None else None
    )
    return Snapshot(values=values, links=links, citations=citations)


def snapshot_as_of(entry, moment):
    """The entry as its history shows it at ``moment``, or None if unknown."""
    record = entry.history.filter(history_date__lte=moment).first()
    if record is None:
        return None
    model = type(entry)
    values = {f.name: _normalize(f, getattr(record, f.attname)) for f in proposal_fields(model)}
    links = stored_links(entry)
    tracked = set(getattr(model, "_history_m2m_fields", []))
    for f in link_fields(model):
        if f.name in tracked:
            column = f"{f.m2m_reverse_field_name()}_id"
            links[f.name] = sorted(getattr(record, f.name).values_list(column, flat=True))
    citations = None
    cited = citation_model(model)
    if cited is not None:
        citations = sorted(
            (c.source_id, c.supports, c.locator, c.quotation)
            for c in cited.history.as_of(moment).filter(claim_id=entry.pk)
        )
    return Snapshot(values=values, links=links, citations=citations)


def differences(model, before, after):
    rows = []
    for f in proposal_fields(model):
        old, new = before.values.get(f.name), after.values.get(f.name)
        if (is_blank(old) and is_blank(new)) or old == new:
            continue
        rows.append(Difference(field_label(f), display_value(f, old), display_value(f, new)))
    for f in link_fields(model):
        old, new = before.links.get(f.name, []), after.links.get(f.name, [])
        if sorted(old) != sorted(new):
            rows.append(Difference(field_label(f), display_links(f, old), display_links(f, new)))
    if None not in (before.citations, after.citations) and before.citations != after.citations:
        rows.append(
            Difference(
                _("Citations"),
                display_citations(model, before.citations),
                display_citations(model, after.citations),
            )
        )
    return rows


def compare_pending(entry, pending):
    """The published entry against its pending change, field by field."""
    return differences(type(entry), snapshot_of(entry), snapshot_of_pending(entry, pending))


def field_label(f):
    return capfirst(str(f.verbose_name))


def is_blank(value):
    return value is None or value == "" or value == [] or value == ()


def display_value(f, value):
    if is_blank(value):
        return EMPTY
    if f.is_relation:
        related = f.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else f"#{value}"
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    return str(value)


def display_links(f, pks):
    if not pks:
        return EMPTY
    return ", ".join(sorted(str(o) for o in f.related_model._base_manager.filter(pk__in=pks)))


def display_citations(model, citations):
    if not citations:
        return EMPTY
    sources = Source._base_manager.in_bulk({c[0] for c in citations})
    labels = dict(citation_model(model).supports_choices())
    parts = []
    for source_id, supports, locator, _quotation in citations:
        text = str(sources.get(source_id, f"#{source_id}"))
        if locator:
            text += f", {locator}"
        if supports:
            text += f" ({labels.get(supports, supports)})"
        parts.append(text)
    return "; ".join(parts)


def describe_conflict(entry, pending, *, started_at, version, revision):
    """What changed since an editor loaded the form at ``version``/``revision``
    (at ``started_at``), for the message that refuses their save."""
    model = type(entry)
    if entry.version != version:
        moment = parse_moment(started_at)
        since = entry.history.all()
        if moment is not None:
            since = since.filter(history_date__gt=moment)
        editors = _names(row.history_user for row in since[:20])
        before = snapshot_as_of(entry, moment) if moment is not None else None
        rows = differences(model, before, snapshot_of(entry)) if before else []
        return Conflict(editors=editors, differences=rows)
    if pending is None:
        return Conflict(proposal=True)
    return Conflict(
        editors=_names([pending.author]), differences=compare_pending(entry, pending), proposal=True
    )


def parse_moment(value):
    if isinstance(value, datetime):
        return value
    try:
        return parse_datetime(value or "")
    except ValueError:
        return None


def _names(users):
    names = []
    for user in users:
        name = user.get_username() if user is not None else _("someone")
        if name not in names:
            names.append(name)
    return names


def latest_review_comment(entry):
    return ReviewComment.objects.for_entry(entry).select_related("reviewer").first()
