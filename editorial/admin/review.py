"""The reviewers' queue in the admin (``/admin/review/``).

Every entry in review and every pending change waiting, across all content
models, oldest first, each with links, and for pending changes a field-by-field
comparison of the published version with the proposed one. Reviewers publish or
send back from here; every view checks ``editorial.publish_content`` itself.
"""

from copy import copy
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import registry, revisions, snapshots, sourcing, workflow
from ..content import Content, Status
from ..models import PendingChange
from ..roles import can_publish
from .forms import SendBackForm


@dataclass
class QueueItem:
    entry: Content
    kind: str  # "review" or "change"
    since: datetime | None
    author: str
    summary: str
    token: str
    differences: list = field(default_factory=list)
    stale: bool = False
    comment: str = ""
    # For an entry in review: its values and citations, as readers will see them.
    values: list = field(default_factory=list)
    citations: list = field(default_factory=list)
    # The sources that publishing it publishes along (see editorial.sourcing).
    sources_to_publish: list = field(default_factory=list)

    @property
    def content_type_id(self):
        return ContentType.objects.get_for_model(self.entry).pk

    @property
    def admin_url(self):
        opts = self.entry._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.entry.pk])

    @property
    def verbose_name(self):
        return self.entry._meta.verbose_name

    @property
    def is_change(self):
        return self.kind == "change"

    @property
    def preview_url(self):
        return self.entry.get_preview_url()


@dataclass
class Value:
    label: str
    value: str


@dataclass
class CitationLine:
    source: object
    supports: str
    locator: str
    quotation: str


def entry_values(entry):
    """The entry's fields and links that hold something, as a reviewer reads them:
    labels, numbers with separators, choices by label, related records by name."""
    model = type(entry)
    rows = []
    for f in snapshots.content_fields(model):
        value = f.value_from_object(entry)
        if f.name != "status" and not snapshots.is_blank(value):
            rows.append(Value(capfirst(str(f.verbose_name)), snapshots.display_value(f, value)))
    for name, pks in snapshots.stored_links(entry).items():
        if pks:
            f = model._meta.get_field(name)
            rows.append(Value(capfirst(str(f.verbose_name)), snapshots.display_links(f, pks)))
    return rows


def citation_lines(model, records):
    """Citations (``CitationRecord``s) with their sources."""
    cited = registry.citation_model(model)
    if cited is None or not records:
        return []
    sources = registry.source_model()._base_manager.in_bulk({record.source for record in records})
    supports = dict(cited.supports_choices())
    return [
        CitationLine(
            source=sources.get(record.source),
            supports=str(supports.get(record.supports, record.supports)),
            locator=record.locator,
            quotation=record.quotation,
        )
        for record in records
    ]


def entries_in_review():
    items = []
    users = {}
    for model in registry.content_models():
        history = (
            revisions.history_model(model)
            .objects.filter(id=OuterRef("pk"))
            .order_by("-history_date", "-history_id")
        )
        entries = list(
            model.objects.filter(status=Status.IN_REVIEW).annotate(
                queued_since=Subquery(history.values("history_date")[:1]),
                queued_by=Subquery(history.values("history_user_id")[:1]),
                queued_summary=Subquery(history.values("history_change_reason")[:1]),
            )
        )
        wanted = {e.queued_by for e in entries if e.queued_by and e.queued_by not in users}
        if wanted:
            users.update(get_user_model().objects.in_bulk(wanted))
        for entry in entries:
            user = users.get(entry.queued_by)
            items.append(
                QueueItem(
                    entry=entry,
                    kind="review",
                    since=entry.queued_since,
                    author=user.get_username() if user else "",
                    summary=entry.queued_summary or "",
                    token=workflow.token_of(entry, None),
                    values=entry_values(entry),
                    citations=citation_lines(type(entry), snapshots.stored_citations(entry)),
                    sources_to_publish=sourcing.unpublished_sources(entry),
                )
            )
    return items


def _as_proposed(entry, values):
    """A copy of ``entry`` with the proposed ``values`` (nothing is saved)."""
    proposed = copy(entry)
    workflow.apply_values(proposed, values)
    return proposed


def changes_waiting():
    items = []
    for pending in PendingChange.objects.waiting().select_related("author", "content_type"):
        model = pending.content_type.model_class()
        entry = model._default_manager.filter(pk=pending.object_id).first() if model else None
        if entry is None:
            continue
        items.append(
            QueueItem(
                entry=entry,
                kind="change",
                since=pending.updated,
                author=pending.author.get_username() if pending.author else "",
                summary=pending.summary,
                token=workflow.token_of(entry, pending),
                differences=workflow.compare_pending(entry, pending),
                stale=pending.base_version != entry.version,
                comment=pending.reviewer_comment,
                sources_to_publish=sourcing.unpublished_sources(
                    _as_proposed(entry, pending.values),
                    citations=pending.citations if registry.citation_model(model) else None,
                ),
            )
        )
    return items


def queue():
    """Everything waiting for a reviewer, oldest first."""
    oldest = timezone.now().replace(year=1)
    return sorted([*entries_in_review(), *changes_waiting()], key=lambda item: item.since or oldest)


def waiting_count():
    in_review = sum(
        model._default_manager.filter(status=Status.IN_REVIEW).count()
        for model in registry.content_models()
    )
    return in_review + PendingChange.objects.waiting().count()


def _require_reviewer(request):
    if not can_publish(request.user):
        raise PermissionDenied


def _entry_model(content_type_id):
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (ContentType.DoesNotExist, TypeError, ValueError):
        model = None
    if model is None or model not in registry.content_models():
        raise Http404(_("There is no such kind of entry."))
    return model


def queue_view(request, admin_site):
    _require_reviewer(request)
    context = {
        **admin_site.each_context(request),
        "title": _("Review queue"),
        "items": queue(),
    }
    return TemplateResponse(request, "admin/editorial/review_queue.html", context)


@require_POST
def publish_view(request, admin_site):
    _require_reviewer(request)
    model = _entry_model(request.POST.get("content_type"))
    _report(
        request,
        workflow.publish,
        model,
        request.POST.get("object_id"),
        token=request.POST.get("token"),
    )
    return HttpResponseRedirect(reverse("admin:review_queue", current_app=admin_site.name))


def send_back_view(request, admin_site):
    _require_reviewer(request)
    data = request.POST if request.method == "POST" else request.GET
    model = _entry_model(data.get("content_type"))
    entry = model._default_manager.filter(pk=data.get("object_id")).first()
    if entry is None:
        raise Http404(_("That entry no longer exists."))
    queue_url = reverse("admin:review_queue", current_app=admin_site.name)
    form = SendBackForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        _report(
            request,
            workflow.send_back,
            model,
            entry.pk,
            comment=form.cleaned_data["comment"],
            token=data.get("token"),
        )
        return HttpResponseRedirect(queue_url)
    context = {
        **admin_site.each_context(request),
        "title": _("Send back to the editor"),
        "opts": model._meta,
        "entries": [entry],
        "form": form,
        "from_queue": True,
        "form_action": request.path,
        "hidden": [
            ("content_type", data.get("content_type", "")),
            ("object_id", entry.pk),
            ("token", data.get("token", "")),
        ],
        "cancel_url": queue_url,
    }
    return TemplateResponse(request, "admin/editorial/send_back.html", context)


def _report(request, operation, model, pk, **kwargs):
    try:
        message = operation(model, pk, request.user, **kwargs)
    except workflow.Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, message)


def urls(admin_site):
    """The queue's URLs, for the admin site's ``get_urls()``."""

    def view(function):
        return admin_site.admin_view(lambda request: function(request, admin_site))

    return [
        path("review/", view(queue_view), name="review_queue"),
        path("review/publish/", view(publish_view), name="review_publish"),
        path("review/send-back/", view(send_back_view), name="review_send_back"),
    ]
