"""Editors' admin for the organization, its people, figures and sources.

The bases here are shared by every content app (``timeline`` and ``critiques``
import them), so the editing rules live in one place:

* ``ContentAdmin``: status column and filter, key prepopulated from a title,
  "view on site" (a preview for unpublished entries), one row of save buttons at
  the foot beside the edit summary, the site's organization preselected,
  the editors' note in a section of its own.
* ``ClaimAdmin``: a ``ContentAdmin`` that adds the claim's citation inline and
  refuses to publish a claim that cites no source.
* ``citation_inline()``: the tabular citation inline for any citation model.
* ``ClaimInline``: for claims edited inline on another record's page, where their
  own citations cannot be shown; they are refused publication until cited.

The editorial workflow (edit summaries, versions, pending changes, publishing
and sending back) comes with ``WorkflowAdminMixin`` and ``ContentInline``, in
``orgs.workflow_admin``.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import flatten
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from .admin_history import HistoryAdminMixin
from .content import INTERNAL_FIELDS, CitationBase, Status
from .fields import GroupedDecimalFormField
from .models import (
    Fact,
    NameEra,
    Office,
    Organization,
    PendingChange,
    Person,
    SeeAlso,
    Source,
    Term,
)
from .workflow import CITATION_FIELDS
from .workflow_admin import (
    ContentInline,
    ContentInlineFormSet,
    PendingChangeAdmin,
    WorkflowAdminMixin,
)

COMPACT_TEXTAREA = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}}


class ContentAdmin(WorkflowAdminMixin, HistoryAdminMixin, admin.ModelAdmin):
    """Base for the admin of every model built on ``orgs.content.Content``.

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

    def get_changeform_initial_data(self, request):
        """Preselect the organization the site is about on new records."""
        initial = super().get_changeform_initial_data(request)
        if "organization" not in initial and _points_to_organization(self.model):
            site_organization = (
                Organization.objects.filter(slug=settings.IOMSITE_ORGANIZATION)
                .values_list("pk", flat=True)
                .first()
            )
            if site_organization is not None:
                initial["organization"] = site_organization
        return initial

    def get_fieldsets(self, request, obj=None):
        """The fieldsets as laid out elsewhere, with the editors' note in a section
        of its own after the entry's fields (and so before any section for saving)."""
        model_fields = {field.name for field in self.model._meta.get_fields()}
        fieldsets, position = [], 0
        for name, options in super().get_fieldsets(request, obj):
            lines = [line for line in options.get("fields", ()) if line not in INTERNAL_FIELDS]
            if not lines:
                continue
            fieldsets.append((name, {**options, "fields": lines}))
            if set(flatten(lines)) & model_fields:
                position = len(fieldsets)
        fieldsets.insert(position, (_("For editors only"), {"fields": list(INTERNAL_FIELDS)}))
        return fieldsets


def _points_to_organization(model):
    try:
        field = model._meta.get_field("organization")
    except FieldDoesNotExist:
        return False
    return field.many_to_one and field.related_model is Organization


class CitationInlineFormSet(BaseInlineFormSet):
    """Refuses to save a published claim unless at least one citation is kept.

    Counts the rows being submitted (new and existing) minus those marked for
    deletion, so the whole save is refused before anything is written.

    ``proposed`` ({citation key: values}) shows stored citations with the values
    of a pending change (see ``WorkflowAdminMixin.get_formset_kwargs``).
    """

    def __init__(self, *args, proposed=None, **kwargs):
        self.proposed = proposed or {}
        super().__init__(*args, **kwargs)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        values = self.proposed.get(form.instance.pk)
        if values is not None:
            form.initial.update({name: values.get(name, "") for name in CITATION_FIELDS})
        return form

    def clean(self):
        super().clean()
        if any(self.errors) or self.instance.status != Status.PUBLISHED:
            return
        kept = [
            form for form in self.forms if form.cleaned_data and not self._should_delete_form(form)
        ]
        if not kept:
            raise self.instance.unsourced_error()


class CitationInline(admin.StackedInline):
    """Base for citation inlines; build one with ``citation_inline(model)``.

    Each citation is one labelled row, source first, that wraps on narrow screens
    (see static/css/admin-workflow.css); "supports" is chosen among the claim's
    fields by their labels (the field's name is stored).
    """

    formset = CitationInlineFormSet
    fields = [("source", "supports", "locator", "quotation")]
    autocomplete_fields = ["source"]
    extra = 1
    formfield_overrides = COMPACT_TEXTAREA
    classes = ["citations"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "supports":
            return forms.ChoiceField(
                label=_("Supports"),
                choices=self.model.supports_choices(),
                required=False,
                help_text=_("What this source backs: the whole entry, or one of its fields."),
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_extra(self, request, obj=None, **kwargs):
        """One empty row, after the new citations of a pending change shown in the form."""
        pending = getattr(obj, "_workflow_pending", None)
        if getattr(obj, "_workflow_showing_pending", False):
            stored = {c.pk for c in obj.citations.all()}
            return self.extra + sum(1 for c in pending.citations if c.get("id") not in stored)
        return super().get_extra(request, obj, **kwargs)


def citation_inline(citation_model):
    """The tabular inline for a concrete citation model (one built on CitationBase)."""
    if not issubclass(citation_model, CitationBase):
        raise TypeError(f"{citation_model.__name__} is not a citation model.")
    return type(f"{citation_model.__name__}Inline", (CitationInline,), {"model": citation_model})


class ClaimAdmin(ContentAdmin):
    """Admin for a claim: its citations are edited inline, and it cannot be
    published without one.

    The citation inline is appended to ``inlines`` automatically (after any the
    subclass declares); its model is found from the claim's ``citations``
    relation.
    """

    def __init__(self, model, admin_site):
        self.citation_inline = citation_inline(model._meta.get_field("citations").related_model)
        self.inlines = [*self.inlines, self.citation_inline]
        super().__init__(model, admin_site)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if any(
            isinstance(inline, self.citation_inline)
            for inline in self.get_inline_instances(request, obj)
        ):
            return form
        # The editor may not see citations, so the inline cannot check them:
        # check the citations already saved instead.
        return type(form.__name__, (DatabaseCitationCheckMixin, form), {})


class DatabaseCitationCheckMixin:
    def clean(self):
        cleaned_data = super().clean()
        claim = self.instance
        if cleaned_data.get("status") == Status.PUBLISHED and (
            claim.pk is None or not claim.citations.exists()
        ):
            raise claim.unsourced_error()
        return cleaned_data


class ClaimInlineFormSet(ContentInlineFormSet):
    """For claims edited inline on another record's page.

    Their citations cannot be nested there, so a new claim or one being published
    must already cite a source in the database.
    """

    def clean(self):
        super().clean()
        for form in self.forms:
            if not form.cleaned_data or self._should_delete_form(form):
                continue
            if form.cleaned_data.get("status") != Status.PUBLISHED:
                continue
            claim = form.instance
            if claim.pk is None or not claim.citations.exists():
                form.add_error(
                    "status",
                    claim.unsourced_error(
                        _(
                            "%(claim)s is published but cites no source: save it as a draft "
                            "here, then add citations on its own page."
                        ),
                    ),
                )


class ClaimInline(ContentInline):
    formset = ClaimInlineFormSet
    show_change_link = True
    extra = 0


admin.site.register(PendingChange, PendingChangeAdmin)


# Reference records


@admin.register(Source)
class SourceAdmin(ContentAdmin):
    list_display = ["title", "authors", "kind", "published", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "authors", "container", "doi", "isbn", "un_symbol", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (_("Identity"), {"fields": ["kind", "title", "authors", "editors", "slug", "status"]}),
        (
            _("Publication"),
            {"fields": ["container", "publisher", "volume", "issue", "pages", "published"]},
        ),
        (_("Identifiers"), {"fields": ["doi", "isbn", "un_symbol"]}),
        (_("Access"), {"fields": ["url", "accessed", "note"]}),
    ]


# Claims


@admin.register(Organization)
class OrganizationAdmin(ClaimAdmin):
    list_display = ["name", "acronym", "kind", "founded", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["name", "acronym", "slug"]
    prepopulated_fields = {"slug": ["acronym"]}
    autocomplete_fields = ["related_organizations", "bibliography"]


@admin.register(SeeAlso)
class SeeAlsoAdmin(ClaimAdmin):
    list_display = ["title", "organization", "position", "status"]
    list_filter = ["status", "organization"]
    list_select_related = ["organization"]
    search_fields = ["title", "description", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organization"]


@admin.register(NameEra)
class NameEraAdmin(ClaimAdmin):
    list_display = ["name", "acronym", "organization", "start", "end", "status"]
    list_filter = ["status", "organization"]
    list_select_related = ["organization"]
    search_fields = ["name", "acronym", "slug"]
    prepopulated_fields = {"slug": ["acronym"]}
    autocomplete_fields = ["organization"]


class TermInline(ClaimInline):
    model = Term
    fields = [
        "organization",
        "role",
        "portfolio",
        "start",
        "end",
        "in_office_on",
        "in_office_until",
        "current",
        "note",
        "slug",
        "status",
    ]
    autocomplete_fields = ["organization"]
    prepopulated_fields = {"slug": ["role", "portfolio", "start"]}


@admin.register(Person)
class PersonAdmin(ClaimAdmin):
    list_display = ["name", "sort_name", "nationality", "born", "died", "status"]
    search_fields = ["name", "native_name", "sort_name", "nationality", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TermInline]


@admin.register(Term)
class TermAdmin(ClaimAdmin):
    list_display = ["person", "role", "portfolio", "period_label", "current", "status"]
    list_filter = ["role", "organization", "status"]
    list_select_related = ["person"]
    search_fields = ["person__name", "person__sort_name", "portfolio", "note", "slug"]
    prepopulated_fields = {"slug": ["role", "portfolio", "start"]}
    autocomplete_fields = ["person", "organization"]

    @admin.display(description=_("period"), ordering=Coalesce("start", "in_office_on", "end").asc())
    def period_label(self, term):
        return term.period_label


@admin.register(Office)
class OfficeAdmin(ClaimAdmin):
    list_display = ["name", "kind", "city", "country", "organization", "opened", "status"]
    list_filter = ["kind", "status", "organization"]
    list_select_related = ["organization"]
    search_fields = ["name", "city", "country", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organization"]


@admin.register(Fact)
class FactAdmin(ClaimAdmin):
    """One form adds a figure and the source it comes from."""

    fields = [
        "organization",
        "kind",
        "value",
        "unit",
        "qualifier",
        "at",
        "rank",
        "rank_reason",
        "note",
        "slug",
        "status",
    ]
    list_display = ["kind", "at", "display_value", "rank", "status"]
    list_filter = ["kind", "rank", "unit", "status"]
    search_fields = ["note", "rank_reason", "slug"]
    prepopulated_fields = {"slug": ["kind", "at"]}
    autocomplete_fields = ["organization"]
    formfield_overrides = {
        **COMPACT_TEXTAREA,
        models.DecimalField: {
            "form_class": GroupedDecimalFormField,
            "help_text": _("As the source gives it, in full: 21,500 or 2,500,000,000."),
        },
    }

    @admin.display(description=_("value"), ordering="value")
    def display_value(self, fact):
        return fact.display_value
