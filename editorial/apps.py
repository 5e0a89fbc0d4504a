from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save, pre_save

        from . import checks, registry, roles, workflow  # noqa: F401 (checks registers itself)
        from .search import Searchable, refresh_search_vector, set_folded_text

        post_migrate.connect(roles.sync_groups, sender=self)
        for model in registry.content_models():
            # A deleted entry's pending change and review comments go with it.
            post_delete.connect(workflow.forget_deleted_entry, sender=model)
            if issubclass(model, Searchable):
                pre_save.connect(set_folded_text, sender=model)
                post_save.connect(refresh_search_vector, sender=model)


class EditorsAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the editors' site (the review queue added)."""

    default = False  # "editorial" itself is EditorialConfig
    default_site = "editorial.admin_site.EditorsAdminSite"
