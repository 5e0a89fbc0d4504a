"""Pending changes in the admin: read, compared with the published version, withdrawn."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from ..content import describe
from ..workflow import compare_pending


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
        return format_html('<a href="{}">{}</a>', url, describe(entry))

    @admin.display(description=_("compared with the published version"))
    def comparison(self, pending):
        entry = pending.entry
        if entry is None:
            return "—"
        rows = compare_pending(entry, pending)
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
                ((d.label, d.old, d.new) for d in rows),
            ),
        )
