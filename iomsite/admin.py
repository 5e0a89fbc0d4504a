"""The admin site's own wording; each app registers its models in its admin.py."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("iomsite editors")
admin.site.site_title = _("iomsite admin")
admin.site.index_title = _("Content")
