from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IomsiteConfig(AppConfig):
    name = "iomsite"
    verbose_name = _("Site")

    def ready(self):
        from .page_cache import connect_invalidation

        connect_invalidation()
