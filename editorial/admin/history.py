"""Revision history in the editors' admin: list, compare, and revert with a summary.

``HistoryAdminMixin`` builds on django-simple-history's ``SimpleHistoryAdmin``:

* **History** (the admin's "History" button): every version of the entry, paginated,
  each with what changed since the version before it; pick two versions with the
  radio buttons and press "Compare". Its query count does not grow with the number
  of versions (the deltas of a page are computed from one query per many-to-many
  field, not one per version).
* **Compare** (``…/history/compare/?old=<id>&new=<id>``): each changed field with the
  old and new value (verbose names, related records by name, changed words marked in
  long texts), and the citations added, removed or changed between the two versions.
* **Revert** (``…/history/<id>/revert/``): only for reviewers (``editorial.publish_content``)
  and superusers. It asks for an edit summary and restores the version's fields,
  many-to-many fields and citations as one new change, in one transaction. Everybody
  else gets 403. simple-history's own "Revert" button on the version page (which
  would save without a summary) is replaced by a link to this page, and posting to
  the version page is refused.
"""

import itertools

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext
from simple_history.admin import SimpleHistoryAdmin

from .. import registry, revisions, snapshots, sourcing
from ..roles import can_publish
from .forms import RevertForm


class HistoryAdminMixin(SimpleHistoryAdmin):
    object_history_list_template = "admin/history/object_history_list.html"
    object_history_form_template = "admin/history/object_history_form.html"
    history_compare_template = "admin/history/compare.html"
    history_revert_template = "admin/history/revert.html"
    history_list_per_page = 50

    # URLs

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        view = self.admin_site.admin_view
        return [
            path(
                "<str:object_id>/history/compare/",
                view(self.history_compare_view),
                name="{}_{}_history_compare".format(*info),
            ),
            path(
                "<str:object_id>/history/<int:version_id>/revert/",
                view(self.history_revert_view),
                name="{}_{}_history_revert".format(*info),
            ),
            *super().get_urls(),
        ]

    def _url(self, view, *args):
        opts = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{view}",
            args=args,
            current_app=self.admin_site.name,
        )

    # Permissions

    def has_revert_permission(self, request, obj=None):
        return can_publish(request.user) and self.has_change_permission(request, obj)

    def revert_disabled(self, request, obj=None):
        # simple-history's own revert saves without a summary: always off, see
        # history_revert_view for the one way to revert.
        return True

    def history_view_title(self, request, obj):
        return gettext("History: %s") % obj

    def history_form_view_title(self, request, obj):
        return gettext("Version of %s") % obj

    # The history list

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        context = {
            "can_revert": obj is not None and self.has_revert_permission(request, obj),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, extra_context=context)

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        rows = history_manager.filter(**{pk_name: object_id}).select_related("history_user")
        return revisions.with_related(rows)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """What changed in each version of the page, compared with the version before.

        The version before the page's oldest one is read too, so every version on
        every page shows its changes; many-to-many values come from one query per
        field. However many versions the entry has, the page makes the same queries.
        """
        records = list(historical_records)
        paginator = getattr(historical_records, "paginator", None)
        if paginator is not None:
            end = historical_records.number * paginator.per_page
            records_and_before = records + list(paginator.object_list[end : end + 1])
        else:
            records_and_before = records
        if not records:
            return
        history = type(records[0])
        links = revisions.m2m_snapshots(
            history, [r.history_id for r in records_and_before], with_objects=True
        )
        for record, before in itertools.pairwise(records_and_before):
            changes = revisions.version_changes(before, record, links)
            record.history_delta_changes = revisions.displayed_changes(self.model, changes)
        for record in records:
            record.version_label = str(revisions.version_instance(record))

    # Compare two versions

    def history_compare_view(self, request, object_id):
        obj = self._history_object_or_404(request, object_id)
        history = revisions.history_model(self.model)
        try:
            ids = {int(request.GET["old"]), int(request.GET["new"])}
        except (KeyError, ValueError):
            ids = set()
        versions = list(
            revisions.with_related(history.objects.filter(id=obj.pk, history_id__in=ids)).order_by(
                "history_date", "history_id"
            )
        )
        if len(ids) != 2 or len(versions) != 2:
            self.message_user(
                request,
                gettext("Choose two different versions of this entry to compare."),
                messages.WARNING,
            )
            return HttpResponseRedirect(self._url("history", obj.pk))
        old, new = versions
        context = {
            **self._history_context(request, obj),
            "title": gettext("Compare versions: %s") % obj,
            "old": old,
            "new": new,
            **self._comparison(old, new),
        }
        return TemplateResponse(request, self.history_compare_template, context)

    def _comparison(self, old, new):
        links = revisions.m2m_snapshots(
            type(new), [old.history_id, new.history_id], with_objects=True
        )
        changes = revisions.version_changes(old, new, links)
        has_citations = registry.citation_model(self.model) is not None
        return {
            "changes": revisions.displayed_changes(self.model, changes),
            "has_citations": has_citations,
            "citation_changes": (
                snapshots.citation_changes(revisions.citations_at(old), revisions.citations_at(new))
                if has_citations
                else None
            ),
        }

    # Revert to a version

    def history_revert_view(self, request, object_id, version_id):
        obj = self._history_object_or_404(request, object_id)
        if not self.has_revert_permission(request, obj):
            raise PermissionDenied
        history = revisions.history_model(self.model)
        version = revisions.with_related(
            history.objects.filter(id=obj.pk, history_id=version_id).exclude(history_type="-")
        ).first()
        if version is None:
            raise Http404(gettext("This entry has no such version."))
        max_length = revisions.change_reason_max_length(self.model)
        prefix_length = len(revisions.revert_reason(version, "", None))
        form = RevertForm(
            request.POST if request.method == "POST" else None,
            max_length=max_length - prefix_length if max_length else None,
        )
        problems = []
        if request.method == "POST" and form.is_valid():
            reason = revisions.revert_reason(version, form.cleaned_data["summary"], max_length)
            try:
                with transaction.atomic():
                    entry = self.model._default_manager.select_for_update().get(pk=obj.pk)
                    sources = revisions.revert(entry, version, reason, request.user)
            except ValidationError as error:
                problems = error.messages
            else:
                self.log_change(request, entry, reason)
                message = gettext("%(entry)s was reverted to the version of %(date)s.") % {
                    "entry": capfirst(str(entry)),
                    "date": self._when(version),
                }
                if sources:
                    message += " " + sourcing.published_with_message(sources)
                self.message_user(request, message, messages.SUCCESS)
                return HttpResponseRedirect(self._url("history", obj.pk))
        elif request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        latest = (
            revisions.with_related(history.objects.filter(id=obj.pk))
            .order_by("-history_date", "-history_id")
            .first()
        )
        context = {
            **self._history_context(request, obj),
            "title": gettext("Revert %(entry)s to the version of %(date)s")
            % {"entry": obj, "date": self._when(version)},
            "version": version,
            "latest": latest,
            "form": form,
            "problems": problems,
            **self._comparison(latest, version),
        }
        return TemplateResponse(request, self.history_revert_template, context)

    # The version page (simple-history's)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            # This page used to revert without a summary; reverting is done on the
            # revert page now.
            return HttpResponseNotAllowed(["GET"])
        obj = self.get_object(request, unquote(object_id))
        context = {
            "can_revert": obj is not None and self.has_revert_permission(request, obj),
            "revert_url": obj and self._url("history_revert", obj.pk, version_id),
            "compare_url": obj and self._url("history_compare", obj.pk),
            "version_id": version_id,
            **(extra_context or {}),
        }
        return super().history_form_view(request, object_id, version_id, extra_context=context)

    # Shared

    def _history_object_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(gettext("This entry does not exist (any more)."))
        if not self.has_view_history_or_change_history_permission(request, obj):
            raise PermissionDenied
        return obj

    def _history_context(self, request, obj):
        opts = self.model._meta
        return {
            **self.admin_site.each_context(request),
            "opts": opts,
            "app_label": opts.app_label,
            "object": obj,
            "history_url": self._url("history", obj.pk),
            "change_url": self._url("change", obj.pk),
            "changelist_url": self._url("changelist"),
            "can_revert": self.has_revert_permission(request, obj),
            "module_name": capfirst(opts.verbose_name_plural),
        }

    @staticmethod
    def _when(version):
        return date_format(localtime(version.history_date), "j F Y, H:i")
