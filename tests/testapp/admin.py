from django.contrib import admin

from editorial.admin import ClaimAdmin

from .models import Gadget

admin.site.register(Gadget, ClaimAdmin)
