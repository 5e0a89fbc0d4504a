from django.contrib import admin

from orgs.admin import ClaimAdmin

from .models import Event


@admin.register(Event)
class EventAdmin(ClaimAdmin):
    list_display = ["start", "title", "category", "name_era", "rank", "account_of", "status"]
    list_filter = ["category", "name_era", "rank", "status"]
    list_select_related = ["name_era", "account_of"]
    search_fields = ["title", "summary", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["name_era", "people", "account_of"]
