from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LoaderConfig(AppConfig):
    name = "loader"
    verbose_name = _("Content fixtures")
