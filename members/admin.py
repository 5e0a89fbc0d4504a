"""Editors' admin for states and their membership spells.

A state's page lists its spells inline, for a quick look and small changes; a
spell's own page (ClaimAdmin) carries its citations, so adding or ending a spell
goes through the usual workflow: edit summary, review, history.
"""

from django import forms
from django.contrib import admin
from django_countries import countries

from editorial.admin import ClaimInline
from orgs.admin import ClaimAdmin, ContentAdmin

from .models import MembershipSpell, State


class MembershipSpellInline(ClaimInline):
    model = MembershipSpell
    fields = [
        "standing",
        "start",
        "start_is_bound",
        "start_cow",
        "end",
        "end_cow",
        "note",
        "slug",
        "status",
    ]


@admin.register(State)
class StateAdmin(ContentAdmin):
    list_display = ["__str__", "code", "region", "status"]
    list_filter = ["region", "status"]
    search_fields = ["code", "slug"]
    inlines = [MembershipSpellInline]
    prepopulated_fields = {"slug": ["code"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "code":
            # Chosen by name from the ISO list, stored as the two-letter code.
            kwargs["widget"] = forms.Select(choices=[("", "---------"), *countries])
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(MembershipSpell)
class MembershipSpellAdmin(ClaimAdmin):
    list_display = ["__str__", "standing", "start", "start_cow", "end", "end_cow", "status"]
    list_filter = ["standing", "status", "state__region"]
    list_select_related = ["state"]
    search_fields = ["state__code", "state__slug", "slug", "note"]
    autocomplete_fields = ["state"]
    prepopulated_fields = {"slug": ["standing", "start"]}
