"""The sourcing rule: a published entry cites only published sources.

Readers see a citation only when they can open its source (public pages keep the
citations of published sources, see ``editorial.content.citations_prefetch``), so a
published claim citing an unpublished source would reach readers unsourced.
Every path that publishes keeps the rule:

* a reviewer publishing an entry (the review queue, the "Publish" action and
  button, a reviewer's own save of a published entry, a pending change applied, a
  revert) publishes the unpublished sources it cites in the same transaction,
  with a change reason naming the entry and its edit summary
  (``publish_cited_sources``), and is told which;
* a path without a reviewer (the fixture loader) refuses the entry instead,
  naming the sources (``unpublished_sources_error``);
* a source cited by a published entry cannot be unpublished (the source model's
  ``clean()``, with ``citing_published_entries``).

The sources an entry cites are those of its citations and of its own fields that
point at a source (a quotation's source, the source of a criticism's response).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from . import registry
from .content import Status, describe
from .models import ReviewComment
from .roles import can_publish


def citing_published_entries(source, limit=10):
    """Up to ``limit`` published entries that cite ``source``, through a citation or
    a field of their own (a quotation's source...)."""
    entries = []
    for registration in registry.registrations():
        if registration.citation_model is not None:
            claims = registration.model._default_manager.filter(
                status=Status.PUBLISHED, citations__source=source
            )
            entries.extend(claims.distinct()[: limit - len(entries)])
    for model in registry.content_models():
        for field in registry.source_fields(model):
            if len(entries) < limit:
                citing = model._default_manager.filter(
                    status=Status.PUBLISHED, **{field.name: source}
                )
                entries.extend(citing[: limit - len(entries)])
    return entries[:limit]


def cited_by_published_error(source):
    """Why ``source`` must stay published (published entries cite it), or None."""
    if source.pk is None or source.status == Status.PUBLISHED:
        return None
    citing = citing_published_entries(source)
    if not citing:
        return None
    return ValidationError(
        _(
            "Published entries cite this source, so it must stay published: "
            "%(entries)s. Unpublish or change them first."
        )
        % {"entries": "; ".join(describe(entry) for entry in citing)},
        code="cited_by_published",
    )


def _cites(model):
    return getattr(model, "requires_citation", False)


def cited_source_ids(entry, citations=None):
    """The keys of the sources ``entry`` cites: its stored citations', or those of
    ``citations`` (records as a pending change keeps them) when given."""
    ids = {getattr(entry, field.attname) for field in registry.source_fields(type(entry))}
    if _cites(type(entry)):
        if citations is not None:
            ids.update(record["source"] for record in citations)
        elif entry.pk is not None:
            ids.update(entry.citations.values_list("source_id", flat=True))
    ids.discard(None)
    return ids


def unpublished_sources(entry, citations=None):
    """The sources ``entry`` cites that readers cannot see yet, by title."""
    ids = cited_source_ids(entry, citations)
    if not ids:
        return []
    return list(
        registry.source_model()
        ._base_manager.filter(pk__in=ids)
        .exclude(status=Status.PUBLISHED)
        .order_by("title", "pk")
    )


def describe_sources(sources):
    return "; ".join(f"“{source}”" for source in sources)


def publication_reason(entry, summary):
    """'Published with Fact “Staff, 2024: 21,500”: <summary>', in the site's
    language whoever publishes: readers see it in the source's history."""
    with translation.override(settings.LANGUAGE_CODE):
        name = describe(entry)
        if summary:
            return _("Published with %(entry)s: %(summary)s") % {
                "entry": name,
                "summary": summary,
            }
        return _("Published with %(entry)s") % {"entry": name}


def publish_cited_sources(entry, *, user, summary, citations=None):
    """Publish the unpublished sources the published ``entry`` cites; return them.

    Call inside the transaction that publishes or saves the entry, after its
    citations are stored (or pass the ``citations`` it will have). Only the
    status of each source changes: its content was validated when it was saved.
    Raises PermissionDenied for a user who may not publish.
    """
    if not entry.is_published:
        return []
    sources = unpublished_sources(entry, citations)
    if not sources:
        return []
    if not can_publish(user):
        raise PermissionDenied(
            _("Only reviewers can publish the sources %(entry)s cites: %(sources)s.")
            % {"entry": describe(entry), "sources": describe_sources(sources)}
        )
    reason = publication_reason(entry, summary)
    for source in sources:
        source.status = Status.PUBLISHED
        source._change_reason = reason
        source._history_user = user
        source.save()
        ReviewComment.objects.for_entry(source).delete()
    return sources


def unpublished_sources_error(entry, citations=None):
    """Why the published ``entry`` breaks the rule (for paths without a reviewer),
    or None."""
    if not entry.is_published:
        return None
    sources = unpublished_sources(entry, citations)
    if not sources:
        return None
    return ValidationError(
        _(
            "%(entry)s is published but cites sources readers cannot see: %(sources)s. "
            "Publish them too, or keep the entry a draft."
        ),
        code="unpublished_sources",
        params={
            "entry": describe(entry),
            "sources": "; ".join(f"“{source}” ({source.slug})" for source in sources),
        },
    )


def published_with_message(sources):
    """What a reviewer is told after publishing an entry with its sources."""
    return _("Also published the sources it cites: %(sources)s.") % {
        "sources": describe_sources(sources)
    }
