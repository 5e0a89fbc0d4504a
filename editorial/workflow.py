"""The editorial workflow: draft → in review → published, and pending changes.

* Only reviewers (``editorial.roles.can_publish``) publish. Editors write drafts and
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

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from . import revisions, snapshots, sourcing
from .content import Content, Status, describe
from .models import PendingChange, ReviewComment
from .publication import publication_summary
from .roles import can_publish

# An edit summary says what changed and why in a line or two, as on Wikipedia.
SUMMARY_MAX_LENGTH = 300


class Refused(Exception):
    """The workflow does not allow this; ``str()`` says why, for the user."""

    def __init__(self, message):
        self.message = str(message)
        super().__init__(self.message)


class Stale(Refused):
    """The entry changed since the user loaded the page they acted from."""


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


def _text(error):
    return " ".join(error.messages)


# Proposing, publishing, sending back


def propose(entry, *, links, citations, summary, author, base_version, pending=None):
    """Keep ``entry``'s values in memory as the entry's pending change, with
    ``links`` ({field name: [key, ...]}) and ``citations`` (``CitationRecord``s).

    The live row is not written. ``pending`` is the entry's current pending
    change (locked by the caller), which this one replaces.
    """
    if pending is None:
        pending = PendingChange(
            content_type=ContentType.objects.get_for_model(entry), object_id=entry.pk
        )
    else:
        pending.revision += 1
    pending.values = {
        f.name: snapshots.serialize(f, entry) for f in snapshots.content_fields(type(entry))
    }
    pending.many_to_many = {name: sorted(pks) for name, pks in links.items()}
    pending.citations = [record.as_dict() for record in citations]
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
    ``editorial.publication``); a pending change with its own summary.

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
        raise Refused(_cannot_publish(entry, error)) from None
    if not entry.requires_citation:
        return
    if citations is None:
        error = entry.missing_citation_error()
    else:
        error = None if citations or not entry.is_published else entry.unsourced_error()
    if error is not None:
        raise Refused(_text(error))


def _cannot_publish(entry, error):
    return _("%(entry)s cannot be published: %(reasons)s") % {
        "entry": describe(entry),
        "reasons": _text(error),
    }


def apply_values(entry, values):
    """Set a pending change's field values on ``entry`` in memory (nothing is saved)."""
    for f in snapshots.content_fields(type(entry)):
        if f.name in values:
            setattr(entry, f.attname, snapshots.normalize(f, values[f.name]))


def apply_pending(entry, pending, *, reviewer):
    """Write a pending change to the live row (locked by the caller), with the
    edit summary as the history's change reason and its author as the history's
    user, then delete it; publish the sources it cites that were not published yet
    (``editorial.sourcing``), in ``reviewer``'s name, and return them. Call inside a
    transaction."""
    if pending.base_version != entry.version:
        raise Refused(
            _(
                "%(entry)s was changed after this change was proposed, so publishing it "
                "would undo that. Send it back so that the editor can update it."
            )
            % {"entry": describe(entry)}
        )
    state = snapshots.of_pending(entry, pending)
    apply_values(entry, pending.values)
    _validate(entry, citations=pending.citations)
    try:
        snapshots.restore(entry, state, reason=pending.summary, user=pending.author)
    except ValidationError as error:
        raise Refused(_cannot_publish(entry, error)) from None
    sources = sourcing.publish_cited_sources(entry, user=reviewer, summary=pending.summary)
    pending.delete()
    ReviewComment.objects.for_entry(entry).delete()
    return sources


def compare_pending(entry, pending):
    """The published entry against its pending change, field by field, in words."""
    model = type(entry)
    changes = snapshots.diff(model, snapshots.of_entry(entry), snapshots.of_pending(entry, pending))
    return revisions.displayed_changes(model, changes, marked=False)


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


def forget_deleted_entry(sender, instance, **kwargs):
    """A deleted entry's pending change and review comments go with it."""
    if isinstance(instance, Content) and instance.pk is not None:
        PendingChange.objects.for_entry(instance).delete()
        ReviewComment.objects.for_entry(instance).delete()


def latest_review_comment(entry):
    return ReviewComment.objects.for_entry(entry).select_related("reviewer").first()
