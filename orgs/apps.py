from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "orgs"
    verbose_name = _("Organizations, people and sources")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_save

        # Connects the signal that deletes a deleted entry's pending change.
        from . import workflow  # noqa: F401
        from .content import Searchable, refresh_search_vector

        for model in apps.get_models():
            if issubclass(model, Searchable):
                post_save.connect(refresh_search_vector, sender=model)
