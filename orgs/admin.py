"""Editors' admin for the organization, its people, figures and sources.

The bases come from the editorial engine (``editorial.admin``); this site's
``ContentAdmin`` and ``ClaimAdmin`` add the site's organization preselected on new
records, and ``timeline`` and ``critiques`` build on them too.
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from editorial import admin as editorial_admin
from editorial.admin import ClaimInline
from editorial.admin.inlines import COMPACT_TEXTAREA

from .fields import GroupedDecimalFormField
from .models import Fact, NameEra, Office, Organization, Person, SeeAlso, Source, Term


class SiteOrganizationMixin:
    """Preselects the organization the site is about on new records."""

    def get_changeform_initial_data(self, request):
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


def _points_to_organization(model):
    try:
        field = model._meta.get_field("organization")
    except FieldDoesNotExist:
        return False
    return field.many_to_one and field.related_model is Organization


class ContentAdmin(SiteOrganizationMixin, editorial_admin.ContentAdmin):
    """The content admin of this site's records (timeline and critiques use it too)."""


class ClaimAdmin(SiteOrganizationMixin, editorial_admin.ClaimAdmin):
    """The claim admin of this site's records (timeline and critiques use it too)."""


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
