"""The editorial workflow in the admin (the rules are in ``orgs.workflow``).

``WorkflowAdminMixin`` is part of every content admin (``orgs.admin.ContentAdmin``):

* every save asks for an edit summary, which becomes the history's change reason
  of the entry, of each citation the save changes and of many-to-many changes;
* the form carries the version it was loaded from; a save based on an older one
  is refused, showing what the other editor changed, and the input is kept;
* the save buttons set the status ("Save draft", "Submit for review", and for
  reviewers "Publish": see ``orgs.save_buttons``), beside the edit summary;
* non-reviewers cannot publish; their changes to a published entry wait as a
  pending change, and the form shows it when reopened;
* a published entry saved by a reviewer publishes the sources it cites along
  (``orgs.sourcing``);
* a key left blank is made from the fields it is prepopulated from, and a key
  already taken is refused naming the entry that has it;
* non-reviewers may not delete published entries;
* "Publish selected" and "Send back to the editor with a comment" actions, which
  refuse rows changed since the list was loaded.

``ContentInline`` does the same for content edited inline on another entry's page.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, Subquery
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import keys, sourcing, workflow
from .content import CitationBase, Content, Status
from .models import PendingChange, ReviewComment
from .roles import can_publish
from .save_buttons import requested_status, save_buttons, status_text

# The changelist's hidden inputs holding each row's version: "_version-<pk>".
VERSION_INPUT = "_version"

WORKFLOW_FIELDS = ("edit_summary", "base_version", "base_revision", "loaded_at")


def posted_token(request, pk):
    return request.POST.get(f"{VERSION_INPUT}-{pk}")


def when(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def user_name(user):
    return user.get_username() if user is not None else gettext("someone")


class StatusChoicesMixin:
    """Offers someone who may not publish only "draft" and "in review", and
    fixes the status of an entry that is already published."""

    can_publish = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored_status = self.instance.status if self.instance.pk else None
        status = self.fields.get("status")
        if status is None or self.can_publish:
            return
        if self.stored_status == Status.PUBLISHED:
            status.disabled = True
            status.help_text = _(
                "Only reviewers can unpublish. Your changes wait for a reviewer before "
                "readers see them."
            )
        else:
            status.choices = [
                (value, label) for value, label in status.choices if value != Status.PUBLISHED
            ]
            status.error_messages["invalid_choice"] = _(
                "Only reviewers can publish: choose “Draft” or “In review”."
            )


class WorkflowForm(StatusChoicesMixin, forms.ModelForm):
    """The base form of every content admin."""

    edit_summary = forms.CharField(
        label=_("Edit summary"),
        max_length=workflow.SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text=_(
            "What you changed and why, naming the source of anything new. It is kept in "
            "the entry's history, and readers see it in the recent updates."
        ),
        error_messages={
            "required": _("Write an edit summary: say what you changed and why."),
        },
    )
    # The version this form was loaded from (see orgs.workflow: tokens).
    base_version = forms.IntegerField(
        label=_("version loaded"), widget=forms.HiddenInput, required=False, min_value=1
    )
    base_revision = forms.IntegerField(
        label=_("pending change loaded"), widget=forms.HiddenInput, required=False, min_value=0
    )
    loaded_at = forms.CharField(label=_("loaded at"), widget=forms.HiddenInput, required=False)

    user = None
    # The status the button pressed asks for (see SAVE_BUTTONS), or None.
    requested_status = None
    # The fields the key is made from when left blank (the admin's prepopulated_fields).
    slug_sources = ()
    # Set by clean() on a change: the stored row (locked), its pending change,
    # and whether this save proposes a change instead of writing the row.
    locked_entry = None
    locked_pending = None
    proposes_change = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields and self.slug_sources:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "Filled in for you from %(fields)s; it becomes part of the entry's address. "
                "Change it only if it is already taken."
            ) % {"fields": keys.field_names(self._meta.model, self.slug_sources)}
        if "status" in self.fields:
            # The save buttons set the status (see SAVE_BUTTONS).
            self.fields["status"].widget = forms.HiddenInput()
        if self.instance.pk is None:
            return
        pending = getattr(self.instance, "_workflow_pending", None)
        self.initial["base_version"] = self.instance.version
        self.initial["base_revision"] = pending.revision if pending else 0
        self.initial["loaded_at"] = timezone.now().isoformat()
        if getattr(self.instance, "_workflow_showing_pending", False):
            self.initial["edit_summary"] = pending.summary
            for name, pks in pending.many_to_many.items():
                if name in self.fields:
                    self.initial[name] = pks

    def clean(self):
        cleaned_data = super().clean()
        self._apply_requested_status(cleaned_data)
        if "slug" in self.fields and self.slug_sources:
            self._check_slug(cleaned_data)
        if self.instance.pk is not None:
            self._check_version(cleaned_data)
        return cleaned_data

    def _apply_requested_status(self, cleaned_data):
        status = self.fields.get("status")
        if self.requested_status is None or status is None or status.disabled:
            return
        if self.requested_status == Status.PUBLISHED and not self.can_publish:
            self.add_error(None, _("Only reviewers can publish: save a draft or submit it."))
            return
        cleaned_data["status"] = self.requested_status

    def _check_slug(self, cleaned_data):
        """Make the key from its source fields when left blank; refuse a key already
        taken, naming the entry that has it (see ``orgs.keys``)."""
        if "slug" in self.errors:
            return
        try:
            cleaned_data["slug"] = keys.entry_key(
                self._meta.model,
                cleaned_data.get("slug"),
                {name: cleaned_data.get(name) for name in self.slug_sources},
                exclude_pk=self.instance.pk,
                max_length=self.fields["slug"].max_length,
            )
        except ValidationError as error:
            self.add_error("slug", error)

    def _check_version(self, cleaned_data):
        version = cleaned_data.get("base_version")
        if version is None:
            self.add_error(
                None,
                _(
                    "This form does not say which version of the entry it changes: reload "
                    "the page, then make your changes again."
                ),
            )
            return
        model = type(self.instance)
        entry = model.objects.select_for_update().filter(pk=self.instance.pk).first()
        if entry is None:
            self.add_error(None, _("This entry was deleted while you were editing it."))
            return
        pending = workflow.pending_for(entry, lock=True)
        self.locked_entry, self.locked_pending = entry, pending
        self.proposes_change = entry.is_published and not self.can_publish
        if self.proposes_change and not self._may_propose(pending):
            self.add_error(None, _("You may not propose changes to published entries."))
        revision = cleaned_data.get("base_revision") or 0
        current_revision = pending.revision if pending else 0
        if entry.version == version and (not self.proposes_change or current_revision == revision):
            return
        conflict = workflow.describe_conflict(
            entry,
            pending if self.proposes_change else None,
            started_at=cleaned_data.get("loaded_at"),
            version=version,
            revision=revision,
        )
        self.add_error(None, conflict.messages(entry))
        # The input stays as typed; saving again now knowingly replaces the
        # other version.
        data = self.data.copy()
        data[self.add_prefix("base_version")] = entry.version
        data[self.add_prefix("base_revision")] = current_revision
        data[self.add_prefix("loaded_at")] = timezone.now().isoformat()
        self.data = data

    def _may_propose(self, pending):
        action = "add" if pending is None else "change"
        return self.user is not None and self.user.has_perm(f"orgs.{action}_pendingchange")


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the editor"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text=_("What to fix before the entry can be published."),
        error_messages={"required": _("Write a comment for the editor.")},
    )


class WorkflowAdminMixin:
    form = WorkflowForm
    change_form_template = "admin/orgs/workflow_change_form.html"
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
        request._workflow_changeform = True
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None or not getattr(request, "_workflow_changeform", False):
            return obj
        pending = workflow.pending_for(obj)
        obj._workflow_pending = pending
        if pending is not None and obj.is_published and not can_publish(request.user):
            # Editors continue from the change waiting for review.
            workflow.apply_values(obj, pending.values)
            obj._workflow_showing_pending = True
        return obj

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        attrs = {
            "can_publish": can_publish(request.user),
            "user": request.user,
            "requested_status": requested_status(request),
            "slug_sources": tuple(self.get_prepopulated_fields(request, obj).get("slug", ())),
        }
        return type(form.__name__, (form,), attrs)

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
        # buttons (admin/orgs/workflow_save.html).
        return fieldsets

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        pending = getattr(obj, "_workflow_pending", None)
        if not getattr(obj, "_workflow_showing_pending", False) or not issubclass(
            inline.model, CitationBase
        ):
            return kwargs
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
                {name: c.get(name, "") for name in workflow.CITATION_FIELDS}
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
        notices = []
        pending = getattr(obj, "_workflow_pending", None)
        if getattr(obj, "_workflow_showing_pending", False):
            notices.append(
                (
                    "info",
                    _(
                        "This form shows the change %(author)s proposed on %(date)s, waiting "
                        "for a reviewer. Readers still see the published version."
                    )
                    % {"author": user_name(pending.author), "date": when(pending.updated)},
                )
            )
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
        elif pending is not None:
            text = _("%(author)s proposed a change to this entry on %(date)s.") % {
                "author": user_name(pending.author),
                "date": when(pending.updated),
            }
            if can_publish(request.user):
                url = reverse("admin:review_queue", current_app=self.admin_site.name)
                text = format_html('{} <a href="{}">{}</a>', text, url, _("Review it"))
            notices.append(("info", text))
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
        if not obj.is_published:
            comment = workflow.latest_review_comment(obj)
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
            if issubclass(formset.model, CitationBase):
                citations = workflow.citation_records_from_formset(formset)
                # Nothing written: nothing for the admin's log to list.
                formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            else:
                self.save_formset(request, form, formset, change)
        if citations is None:
            citations = pending.citations if pending else workflow.citation_records(stored)
        links = workflow.stored_links(stored)
        if pending is not None:
            links.update(pending.many_to_many)
        for f in workflow.link_fields(type(entry)):
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
        entry._workflow_proposed = True

    def _publish_cited_sources(self, request, entry, summary):
        """A published entry saved by a reviewer takes the sources it cites along
        (see ``orgs.sourcing``)."""
        sources = sourcing.publish_cited_sources(entry, user=request.user, summary=summary)
        if sources:
            self.message_user(
                request,
                _("%(entry)s: %(published)s")
                % {
                    "entry": workflow.describe(entry),
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
                    links=workflow.stored_links(obj),
                    citations=workflow.citation_records(obj),
                    summary=summary,
                    author=request.user,
                    base_version=obj.version,
                    pending=workflow.pending_for(obj, lock=True),
                )
                self.message_user(
                    request,
                    _("Your change to %(entry)s is waiting for a reviewer.")
                    % {"entry": workflow.describe(obj)},
                    messages.INFO,
                )
                continue
            if obj.status == Status.PUBLISHED:
                raise PermissionDenied
            obj.save()
            row.save_m2m()

    def response_change(self, request, obj):
        if not getattr(obj, "_workflow_proposed", False) or IS_POPUP_VAR in request.POST:
            return super().response_change(request, obj)
        self.message_user(
            request,
            _(
                "Your change to %(entry)s is waiting for a reviewer. Readers still see the "
                "published version."
            )
            % {"entry": workflow.describe(obj)},
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
        return TemplateResponse(request, "admin/orgs/send_back.html", context)

    def _run(self, request, operation, pk, **kwargs):
        try:
            message = operation(self.model, pk, request.user, **kwargs)
        except workflow.Refused as refusal:
            self.message_user(request, refusal.message, messages.ERROR)
        else:
            self.message_user(request, message, messages.SUCCESS)


class ContentInlineForm(StatusChoicesMixin, forms.ModelForm):
    pass


class ContentInlineFormSet(BaseInlineFormSet):
    """For content edited inline on another entry's page: someone who may not
    publish cannot delete published rows, nor change one with a change already
    waiting for review (that is done on its own page)."""

    can_publish = True

    def clean(self):
        super().clean()
        if self.can_publish:
            return
        for form in self.forms:
            if getattr(form, "stored_status", None) != Status.PUBLISHED:
                continue
            if self._should_delete_form(form):
                raise ValidationError(
                    _("Only reviewers can delete published entries: %(entry)s.")
                    % {"entry": workflow.describe(form.instance)}
                )
            if form.has_changed() and workflow.pending_for(form.instance) is not None:
                form.add_error(
                    None,
                    _(
                        "%(entry)s already has a change waiting for review: change it on "
                        "its own page."
                    )
                    % {"entry": workflow.describe(form.instance)},
                )


class ContentInline(admin.TabularInline):
    form = ContentInlineForm
    formset = ContentInlineFormSet

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        allowed = can_publish(request.user)
        formset.can_publish = allowed
        formset.form.can_publish = allowed
        return formset


class PendingChangeAdmin(admin.ModelAdmin):
    """Pending changes are written from the entries' own forms; here they can be
    read, compared with the published version, and withdrawn (deleted)."""

    list_display = ["__str__", "entry_link", "author", "state", "updated"]
    list_filter = ["state"]
    list_select_related = ["author", "content_type"]
    fields = ["entry_link", "author", "summary", "state", "reviewer", "reviewer_comment"]
    readonly_fields = [*fields, "comparison"]

    def get_fields(self, request, obj=None):
        return [*self.fields, "comparison"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("entry"))
    def entry_link(self, pending):
        entry = pending.entry
        if entry is None:
            return "—"
        url = reverse(
            f"admin:{entry._meta.app_label}_{entry._meta.model_name}_change",
            args=[entry.pk],
            current_app=self.admin_site.name,
        )
        return format_html('<a href="{}">{}</a>', url, workflow.describe(entry))

    @admin.display(description=_("compared with the published version"))
    def comparison(self, pending):
        entry = pending.entry
        if entry is None:
            return "—"
        rows = workflow.compare_pending(entry, pending)
        if not rows:
            return _("No differences.")
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            _("field"),
            _("published"),
            _("proposed"),
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                ((d.label, d.before, d.after) for d in rows),
            ),
        )
