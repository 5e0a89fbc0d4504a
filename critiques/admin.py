from django.contrib import admin

from editorial.admin import ContentInline
from orgs.admin import COMPACT_TEXTAREA, ClaimAdmin, ContentAdmin

from .models import Critic, Criticism, Quotation, Topic


@admin.register(Critic)
class CriticAdmin(ContentAdmin):
    list_display = ["name", "kind", "is_person", "status"]
    list_filter = ["kind", "is_person", "status"]
    search_fields = ["name", "description", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class QuotationInline(ContentInline):
    model = Quotation
    fields = ["text", "speaker", "co_speakers", "source", "locator", "slug", "status"]
    autocomplete_fields = ["speaker", "co_speakers", "source"]
    prepopulated_fields = {"slug": ["text"]}
    formfield_overrides = COMPACT_TEXTAREA
    show_change_link = True
    extra = 0


@admin.register(Criticism)
class CriticismAdmin(ClaimAdmin):
    list_display = ["title", "date", "organization", "status"]
    list_filter = ["status", "topics", "organization"]
    list_select_related = ["organization"]
    search_fields = ["title", "summary", "response", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organization", "critics", "topics", "response_source"]
    inlines = [QuotationInline]


@admin.register(Quotation)
class QuotationAdmin(ContentAdmin):
    list_display = ["__str__", "criticism", "source", "status"]
    list_filter = ["status", "speaker"]
    list_select_related = ["speaker", "criticism", "source"]
    search_fields = ["text", "speaker__name", "criticism__title", "slug"]
    prepopulated_fields = {"slug": ["text"]}
    autocomplete_fields = ["criticism", "speaker", "co_speakers", "source"]
