"""The editorial workflow in the admin (the rules are in ``editorial.workflow``).

``WorkflowAdminMixin`` is part of every content admin (``editorial.admin.ContentAdmin``):

* every save asks for an edit summary, which becomes the history's change reason
  of the entry, of each citation the save changes and of many-to-many changes;
* the form carries the version it was loaded from; a save based on an older one
  is refused, showing what the other editor changed, and the input is kept;
* the save buttons set the status ("Save draft", "Submit for review", and for
  reviewers "Publish": see ``editorial.admin.save_buttons``), beside the edit summary;
* non-reviewers cannot publish; their changes to a published entry wait as a
  pending change, and the form shows it when reopened;
* a published entry saved by a reviewer publishes the sources it cites along
  (``editorial.sourcing``);
* a key left blank is made from the fields it is prepopulated from, and a key
  already taken is refused naming the entry that has it;
* non-reviewers may not delete published entries;
* "Publish selected" and "Send back to the editor with a comment" actions, which
  refuse rows changed since the list was loaded.

What one request's change form works with travels in its ``EditSession``
(``editorial.admin.session``).
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import registry, snapshots, sourcing, workflow
from ..content import Content, Status, describe
from ..models import PendingChange, ReviewComment
from ..roles import can_publish
from ..snapshots import CITATION_FIELDS, CitationRecord
from .forms import SendBackForm, WorkflowForm
from .save_buttons import save_buttons, status_text
from .session import (
    VERSION_INPUT,
    EditSession,
    posted_token,
    session_of,
    user_name,
    when,
)

WORKFLOW_FIELDS = ("edit_summary", "base_version", "base_revision", "loaded_at")


def citation_records_from_formset(formset):
    """The citations an inline formset would keep (``CitationRecord``s)."""
    records = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data or formset._should_delete_form(form) or not data.get("source"):
            continue
        existing = data.get("id")
        records.append(
            CitationRecord(
                existing.pk if existing is not None else None,
                data["source"].pk,
                data.get("supports", ""),
                data.get("locator", ""),
                data.get("quotation", ""),
            )
        )
    return records


class WorkflowAdminMixin:
    form = WorkflowForm
    change_form_template = "admin/editorial/workflow_change_form.html"
    actions = ["publish_selected", "send_back_selected"]

    # Permissions

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or not obj.is_published or can_publish(request.user)

    # The change list: every row carries its version for the actions

    def get_queryset(self, request):
        pending = PendingChange.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=OuterRef("pk")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                workflow_revision=Subquery(pending.values("revision")[:1]),
                workflow_pending_state=Subquery(pending.values("state")[:1]),
            )
        )

    def get_list_display(self, request):
        return [*super().get_list_display(request), "workflow_version"]

    @admin.display(description=_("version"))
    def workflow_version(self, obj):
        revision = getattr(obj, "workflow_revision", None) or 0
        state = getattr(obj, "workflow_pending_state", None)
        label = str(obj.version)
        if state:
            label += " · " + str(PendingChange.State(state).label).lower()
        return format_html(
            '{}<input type="hidden" name="{}-{}" value="{}">',
            label,
            VERSION_INPUT,
            obj.pk,
            workflow.version_token(obj.version, revision),
        )

    # The change form

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        request.edit_session = EditSession.start(request)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        session = session_of(request)
        if obj is None or session is None:
            return obj
        session.pending = workflow.pending_for(obj)
        if session.pending is not None and obj.is_published and not session.may_publish:
            # Editors continue from the change waiting for review.
            workflow.apply_values(obj, session.pending.values)
            session.showing_pending = True
        return obj

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        session = session_of(request) or EditSession.start(request)
        session.slug_sources = tuple(self.get_prepopulated_fields(request, obj).get("slug", ()))
        session.checks_stored_citations = self.checks_stored_citations(request, obj)
        # A class built for this request by ModelAdmin.get_form: the session is its own.
        form.edit_session = session
        return form

    def checks_stored_citations(self, request, obj):
        """Whether the form must check the stored citations itself (``ClaimAdmin``)."""
        return False

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if IS_POPUP_VAR in request.GET:
            # Added from another entry's form to be cited or linked there: the
            # summary of that entry says why; this one need not be written again.
            initial.setdefault("edit_summary", gettext("Added from another entry's form."))
        return initial

    def get_fieldsets(self, request, obj=None):
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            lines = []
            for line in options.get("fields", ()):
                if isinstance(line, (list, tuple)):
                    line = [f for f in line if f not in WORKFLOW_FIELDS]
                    if line:
                        lines.append(line)
                elif line not in WORKFLOW_FIELDS:
                    lines.append(line)
            fieldsets.append((name, {**options, "fields": lines}))
        # The edit summary and the hidden version fields are shown beside the save
        # buttons (admin/editorial/workflow_save.html).
        return fieldsets

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        session = session_of(request)
        if session is None or not session.showing_pending:
            return kwargs
        if inline.model is not registry.citation_model(self.model):
            return kwargs
        pending = session.pending
        # Show the citations as proposed: stored ones with their proposed values,
        # new ones as extra rows.
        proposed_ids = [c["id"] for c in pending.citations if c.get("id")]
        stored = set(
            kwargs["queryset"].filter(claim=obj, pk__in=proposed_ids).values_list("pk", flat=True)
        )
        kwargs["queryset"] = kwargs["queryset"].filter(pk__in=stored)
        kwargs["proposed"] = {c["id"]: c for c in pending.citations if c.get("id") in stored}
        if request.method != "POST":
            kwargs["initial"] = [
                {name: c.get(name, "") for name in CITATION_FIELDS}
                for c in pending.citations
                if c.get("id") not in stored
            ]
        return kwargs

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["workflow_notices"] = self.workflow_notices(request, obj) if change and obj else []
        if add:
            may_save = self.has_add_permission(request)
        else:
            may_save = self.has_change_permission(request, obj)
        context["workflow_may_save"] = may_save
        if may_save:
            context["workflow_buttons"] = save_buttons(request.user, obj if change else None)
            context["workflow_status"] = status_text(request.user, obj if change else None)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_notices(self, request, obj):
        """(level, text) pairs shown at the top of the change form."""
        session = session_of(request)
        pending = session.pending if session else None
        notices = self._pending_notices(request, obj, pending, session) if pending else []
        if pending is not None and pending.is_sent_back:
            notices.append(
                (
                    "warning",
                    _("%(reviewer)s sent this change back: “%(comment)s”")
                    % {
                        "reviewer": user_name(pending.reviewer),
                        "comment": pending.reviewer_comment,
                    },
                )
            )
        comment = None if obj.is_published else workflow.latest_review_comment(obj)
        if comment is not None:
            notices.append(
                (
                    "warning",
                    _("%(reviewer)s sent this entry back on %(date)s: “%(comment)s”")
                    % {
                        "reviewer": user_name(comment.reviewer),
                        "date": when(comment.created),
                        "comment": comment.comment,
                    },
                )
            )
        return notices

    def _pending_notices(self, request, obj, pending, session):
        """What the form says of the entry's change waiting for review."""
        if not session.showing_pending:
            text = _("%(author)s proposed a change to this entry on %(date)s.") % {
                "author": user_name(pending.author),
                "date": when(pending.updated),
            }
            if can_publish(request.user):
                url = reverse("admin:review_queue", current_app=self.admin_site.name)
                text = format_html('{} <a href="{}">{}</a>', text, url, _("Review it"))
            return [("info", text)]
        notices = [
            (
                "info",
                _(
                    "This form shows the change %(author)s proposed on %(date)s, waiting "
                    "for a reviewer. Readers still see the published version."
                )
                % {"author": user_name(pending.author), "date": when(pending.updated)},
            )
        ]
        if pending.base_version != obj.version:
            notices.append(
                (
                    "warning",
                    _(
                        "The published entry was changed after this change was proposed: "
                        "compare them before saving again."
                    ),
                )
            )
        return notices

    # Saving

    def save_model(self, request, obj, form, change):
        obj._change_reason = form.cleaned_data.get("edit_summary")
        if form.proposes_change:
            return  # the live row stays as it is; save_related keeps the proposal
        stored = form.locked_entry.status if form.locked_entry is not None else None
        becomes_published = obj.status == Status.PUBLISHED and stored != Status.PUBLISHED
        if becomes_published and not can_publish(request.user):
            raise PermissionDenied
        super().save_model(request, obj, form, change)
        if stored == Status.PUBLISHED and obj.status != Status.PUBLISHED:
            # Pending changes only exist for published entries.
            dropped, _count = PendingChange.objects.for_entry(obj).delete()
            if dropped:
                self.message_user(
                    request,
                    _("The change waiting for review was discarded with the unpublishing."),
                    messages.WARNING,
                )
        if becomes_published:
            ReviewComment.objects.for_entry(obj).delete()

    def save_related(self, request, form, formsets, change):
        if not form.proposes_change:
            super().save_related(request, form, formsets, change)
            self._publish_cited_sources(request, form.instance, form.cleaned_data["edit_summary"])
            return
        entry, stored, pending = form.instance, form.locked_entry, form.locked_pending
        citations = None
        for formset in formsets:
            if formset.model is registry.citation_model(self.model):
                citations = citation_records_from_formset(formset)
                # Nothing written: nothing for the admin's log to list.
                formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            else:
                self.save_formset(request, form, formset, change)
        if citations is None:
            citations = (
                [CitationRecord.of_dict(c) for c in pending.citations]
                if pending
                else snapshots.stored_citations(stored)
            )
        links = snapshots.stored_links(stored)
        if pending is not None:
            links.update(pending.many_to_many)
        for f in snapshots.link_fields(type(entry)):
            if f.name in form.cleaned_data:
                links[f.name] = [related.pk for related in form.cleaned_data[f.name]]
        workflow.propose(
            entry,
            links=links,
            citations=citations,
            summary=form.cleaned_data["edit_summary"],
            author=request.user,
            base_version=stored.version,
            pending=pending,
        )
        session_of(request).proposed = True

    def _publish_cited_sources(self, request, entry, summary):
        """A published entry saved by a reviewer takes the sources it cites along
        (see ``editorial.sourcing``)."""
        sources = sourcing.publish_cited_sources(entry, user=request.user, summary=summary)
        if sources:
            self.message_user(
                request,
                _("%(entry)s: %(published)s")
                % {
                    "entry": describe(entry),
                    "published": sourcing.published_with_message(sources),
                },
                messages.INFO,
            )

    def save_formset(self, request, form, formset, change):
        summary = form.cleaned_data.get("edit_summary")
        for row in formset.forms:
            row.instance._change_reason = summary
        if issubclass(formset.model, Content) and not can_publish(request.user):
            self._save_content_rows(request, formset, summary)
            return
        super().save_formset(request, form, formset, change)
        if issubclass(formset.model, Content):
            for row in [*formset.new_objects, *(obj for obj, _fields in formset.changed_objects)]:
                self._publish_cited_sources(request, row, summary)

    def _save_content_rows(self, request, formset, summary):
        """Inline content rows saved by a non-reviewer: changes to published rows
        are proposed, not written."""
        stored = {id(row.instance): getattr(row, "stored_status", None) for row in formset.forms}
        formset.save(commit=False)
        for obj in formset.deleted_objects:
            if stored.get(id(obj)) == Status.PUBLISHED:
                raise PermissionDenied
            obj.delete()
        for row in formset.saved_forms:
            obj = row.instance
            if stored.get(id(obj)) == Status.PUBLISHED:
                workflow.propose(
                    obj,
                    links=snapshots.stored_links(obj),
                    citations=snapshots.stored_citations(obj),
                    summary=summary,
                    author=request.user,
                    base_version=obj.version,
                    pending=workflow.pending_for(obj, lock=True),
                )
                self.message_user(
                    request,
                    _("Your change to %(entry)s is waiting for a reviewer.")
                    % {"entry": describe(obj)},
                    messages.INFO,
                )
                continue
            if obj.status == Status.PUBLISHED:
                raise PermissionDenied
            obj.save()
            row.save_m2m()

    def response_change(self, request, obj):
        session = session_of(request)
        if session is None or not session.proposed or IS_POPUP_VAR in request.POST:
            return super().response_change(request, obj)
        self.message_user(
            request,
            _(
                "Your change to %(entry)s is waiting for a reviewer. Readers still see the "
                "published version."
            )
            % {"entry": describe(obj)},
            messages.SUCCESS,
        )
        if "_continue" in request.POST:
            return HttpResponseRedirect(request.path)
        return self.response_post_save_change(request, obj)

    # Actions

    @admin.action(description=_("Publish selected"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        if not can_publish(request.user):
            raise PermissionDenied
        for pk in queryset.values_list("pk", flat=True):
            self._run(request, workflow.publish, pk, token=posted_token(request, pk))

    @admin.action(description=_("Send back to the editor with a comment"), permissions=["publish"])
    def send_back_selected(self, request, queryset):
        if not can_publish(request.user):
            raise PermissionDenied
        entries = list(queryset)
        form = SendBackForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            for entry in entries:
                self._run(
                    request,
                    workflow.send_back,
                    entry.pk,
                    comment=form.cleaned_data["comment"],
                    token=posted_token(request, entry.pk),
                )
            return None
        hidden = [("action", "send_back_selected"), ("apply", "1")]
        for entry in entries:
            hidden.append((helpers.ACTION_CHECKBOX_NAME, entry.pk))
            hidden.append((f"{VERSION_INPUT}-{entry.pk}", posted_token(request, entry.pk) or ""))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Send back to the editor"),
            "opts": self.opts,
            "entries": entries,
            "form": form,
            "hidden": hidden,
            "cancel_url": request.get_full_path(),
        }
        return TemplateResponse(request, "admin/editorial/send_back.html", context)

    def _run(self, request, operation, pk, **kwargs):
        try:
            message = operation(self.model, pk, request.user, **kwargs)
        except workflow.Refused as refusal:
            self.message_user(request, refusal.message, messages.ERROR)
        else:
            self.message_user(request, message, messages.SUCCESS)
