"""The editors' admin site: Django's, plus the reviewers' queue (``review/``),
the list of what is not yet translated (``untranslated/``) and links to them on
the admin's home page.

Installed in place of ``django.contrib.admin`` (``editorial.apps.EditorsAdminConfig``
in INSTALLED_APPS), so ``admin.site`` is an ``EditorsAdminSite`` everywhere.
"""

from django.contrib import admin
from django.urls import reverse

from .roles import can_publish


class EditorsAdminSite(admin.AdminSite):
    index_template = "admin/editorial/index.html"

    def get_urls(self):
        from .admin import review, untranslated

        return [*review.urls(self), *untranslated.urls(self), *super().get_urls()]

    def index(self, request, extra_context=None):
        context = {"untranslated_url": reverse("admin:untranslated", current_app=self.name)}
        if can_publish(request.user):
            from .admin import review

            context.update(
                review_queue_url=reverse("admin:review_queue", current_app=self.name),
                review_count=review.waiting_count(),
            )
        return super().index(request, {**context, **(extra_context or {})})
