from django.db import models

from editorial.content import Claim
from editorial.registry import register
from orgs.citations import CitationBase


@register()
class Gadget(Claim):
    name = models.CharField("name", max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/gadgets/{self.slug}/"


class GadgetCitation(CitationBase):
    claim = models.ForeignKey(Gadget, on_delete=models.CASCADE, related_name="citations")
