"""The bases of every content admin, which content apps build theirs on:

* ``ContentAdmin``: status column and filter, "view on site" (a preview for
  unpublished entries), one row of save buttons at the foot beside the edit
  summary, French and Spanish right below each translated field (saved, reviewed
  and kept in history with the rest of the change), the editors' note in a
  section of its own, the workflow
  (``WorkflowAdminMixin``) and the revision history (``HistoryAdminMixin``).
* ``ClaimAdmin``: a ``ContentAdmin`` that adds the claim's citation inline and
  refuses to publish a claim that cites no source.
"""

from django.contrib import admin
from django.contrib.admin.utils import flatten
from django.utils.translation import gettext_lazy as _

from .. import registry
from ..content import INTERNAL_FIELDS
from ..translation import placed_beside_english
from .history import HistoryAdminMixin
from .inlines import citation_inline
from .workflow import WorkflowAdminMixin


class ContentAdmin(WorkflowAdminMixin, HistoryAdminMixin, admin.ModelAdmin):
    """Base for the admin of every registered content model.

    Subclasses name their own columns, filters and search fields; keep "status"
    in ``list_display`` and ``list_filter`` (the admin tests check it).
    """

    list_display = ["__str__", "status"]
    list_filter = ["status"]
    search_fields = ["slug"]
    prepopulated_fields = {}
    view_on_site = True
    # One row of save buttons, at the foot beside the edit summary.
    save_on_top = False
    list_per_page = 50

    def get_view_on_site_url(self, obj=None):
        """An unpublished entry opens where staff can preview it (``get_preview_url``)."""
        if obj is not None and not obj.is_published:
            return obj.get_preview_url()
        return super().get_view_on_site_url(obj)

    def get_fieldsets(self, request, obj=None):
        """The fieldsets as laid out elsewhere, each translation right below its
        English field, and the editors' note in a section of its own after the
        entry's fields (and so before any section for saving)."""
        model_fields = {field.name for field in self.model._meta.get_fields()}
        fieldsets, position = [], 0
        for name, options in super().get_fieldsets(request, obj):
            lines = placed_beside_english(self.model, options.get("fields", ()))
            lines = [line for line in lines if line not in INTERNAL_FIELDS]
            if not lines:
                continue
            fieldsets.append((name, {**options, "fields": lines}))
            if set(flatten(lines)) & model_fields:
                position = len(fieldsets)
        fieldsets.insert(position, (_("For editors only"), {"fields": list(INTERNAL_FIELDS)}))
        return fieldsets


class ClaimAdmin(ContentAdmin):
    """Admin for a claim: its citations are edited inline, and it cannot be
    published without one.

    The citation inline is appended to ``inlines`` automatically (after any the
    subclass declares); its model is the claim's registered citation model.
    """

    def __init__(self, model, admin_site):
        self.citation_inline = citation_inline(registry.citation_model(model))
        self.inlines = [*self.inlines, self.citation_inline]
        super().__init__(model, admin_site)

    def checks_stored_citations(self, request, obj):
        """An editor who may not see citations has no inline to check them: the form
        checks the citations already saved instead."""
        return not any(
            isinstance(inline, self.citation_inline)
            for inline in self.get_inline_instances(request, obj)
        )
