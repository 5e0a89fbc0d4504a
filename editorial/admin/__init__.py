"""The editors' admin: what content apps build their admins on, and the engine's
own pages (the review queue, pending changes)."""

from django.contrib import admin

from ..models import PendingChange
from .base import ClaimAdmin, ContentAdmin
from .inlines import ClaimInline, ContentInline, citation_inline
from .pending import PendingChangeAdmin

__all__ = ["ClaimAdmin", "ClaimInline", "ContentAdmin", "ContentInline", "citation_inline"]

admin.site.register(PendingChange, PendingChangeAdmin)
