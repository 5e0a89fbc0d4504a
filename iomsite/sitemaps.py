from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from editorial import registry


class TrilingualSitemap(Sitemap):
    """Each page once per language, each entry naming its versions in the other
    languages (hreflang alternates) and the English one as x-default."""

    i18n = True
    alternates = True
    x_default = True


class SectionSitemap(TrilingualSitemap):
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


class PublishedSitemap(TrilingualSitemap):
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
