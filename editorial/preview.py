"""Staff previews of unpublished entries on their public pages.

A detail view looks its entry up in ``Model.objects.visible_to(request.user)``
(drafts only for staff who may view them) and renders it with ``render_entry``:
an unpublished entry gets the "Preview" banner (``preview`` in the context, see
base.html) and is sent with ``Cache-Control: no-cache, no-store, private`` so
that no shared cache keeps it for readers. A published entry's page gets what
readers need to cite and follow it (``permalinks.entry_page_context``).
"""

from django.shortcuts import render
from django.utils.cache import patch_cache_control

from .permalinks import entry_page_context


def render_entry(request, template_name, context, entry, **kwargs):
    preview = not entry.is_published
    response = render(
        request,
        template_name,
        {
            **context,
            **entry_page_context(request, entry),
            "preview": preview,
            "preview_status": entry.get_status_display(),
        },
        **kwargs,
    )
    if preview:
        patch_cache_control(response, no_cache=True, no_store=True, private=True)
    return response
