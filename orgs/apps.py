from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "orgs"
    verbose_name = _("Organizations, people and sources")

    def ready(self):
        # Connects the signal that deletes a deleted entry's pending change.
        from . import workflow  # noqa: F401
