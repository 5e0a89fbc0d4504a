from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from editorial import registry


class SectionSitemap(Sitemap):
    priority = 0.8

    def items(self):
        return [
            "home",
            "timeline:list",
            "orgs:names",
            "orgs:leaders",
            "orgs:structure",
            "critiques:list",
            "orgs:sources",
            "updates",
        ]

    def location(self, item):
        return reverse(item)


class PublishedSitemap(Sitemap):
    """Every published record of one model that has its own page."""

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published().order_by("pk")


SITEMAPS = {
    "sections": SectionSitemap(),
    **{
        model._meta.model_name: PublishedSitemap(model)
        for model in (r.model for r in registry.registrations() if r.own_page)
    },
}
