"""What the API serves, read from the editorial registry.

Every registered content model is a *resource*: ``/api/v1/<kind>/`` lists its
published entries and ``/api/v1/<kind>/<key>/`` gives one. The kind is the
model's plural name ("name-eras", "terms-of-office"); the fields are the
model's own, less what readers never see (status, bookkeeping, editors' notes).
A content model registered tomorrow (member spells, say) gets both endpoints,
its filters, its OpenAPI schema and its place in the documentation page with no
code here. What the public pages filter by, the API filters by too: the
timeline's and the criticisms' own filter forms are reused as they are.
"""

from dataclasses import dataclass
from functools import cache, cached_property

import django_filters
from django.db import models
from django.utils import translation
from django.utils.text import slugify

from critiques.filters import CriticismFilter
from critiques.models import Criticism
from editorial import registry
from editorial.content import UNSUPPORTABLE_FIELDS, Content, Status, citations_prefetch
from editorial.public import shown_entries
from orgs.fields import PartialDateField
from timeline.filters import EventFilter
from timeline.models import Event

# The public pages' own filter forms, for the models whose pages have one.
PAGE_FILTERS = {Event: EventFilter, Criticism: CriticismFilter}


@dataclass(frozen=True)
class Field:
    """One field of a resource, as the API and the downloads give it."""

    name: str
    model_field: models.Field

    @property
    def is_date(self):
        return isinstance(self.model_field, PartialDateField)

    @property
    def is_reference(self):
        return self.model_field.is_relation and not self.model_field.many_to_many

    @property
    def is_list(self):
        return self.model_field.many_to_many

    @property
    def has_choices(self):
        return bool(self.model_field.choices) and not self.model_field.is_relation

    @property
    def target(self):
        """The resource a reference points to, or None (a topic is not a resource)."""
        if not self.model_field.is_relation:
            return None
        return resource_for(self.model_field.related_model)


@dataclass(frozen=True)
class Resource:
    model: type

    @cached_property
    def kind(self):
        with translation.override("en"):
            return slugify(str(self.model._meta.verbose_name_plural))

    @property
    def label(self):
        return self.model._meta.verbose_name_plural

    @property
    def cites(self):
        return registry.citation_model(self.model) is not None

    @cached_property
    def fields(self):
        """The fields readers see, in the model's order, links last."""
        concrete = [
            f
            for f in self.model._meta.concrete_fields
            if not f.primary_key and f.name not in UNSUPPORTABLE_FIELDS
        ]
        links = [f for f in self.model._meta.many_to_many if f.editable]
        return [Field(f.name, f) for f in (*concrete, *links)]

    def entries(self):
        """The published entries readers may see, with everything their
        representation reads, in a fixed number of queries."""
        references = [f for f in self.fields if f.is_reference]
        related = [
            *(f.name for f in references),
            *(
                f"{f.name}__{name}"
                for f in references
                for name in getattr(f.model_field.related_model, "str_related", ())
            ),
        ]
        entries = shown_entries(self.model)
        if related:
            entries = entries.select_related(*related)
        for field in self.fields:
            if field.is_list:
                related = field.model_field.related_model
                shown = related.objects.all()
                if issubclass(related, Content):
                    shown = shown.filter(status=Status.PUBLISHED)
                entries = entries.prefetch_related(models.Prefetch(field.name, shown))
        if self.cites:
            entries = entries.prefetch_related(citations_prefetch(self.model))
        ordering = [*(self.model._meta.ordering or []), "pk"]
        return entries.order_by(*ordering)

    def filterset_class(self):
        """The public page's filter form where there is one, else filters made
        from the model: each closed list (choices), yes/no field and reference."""
        if self.model in PAGE_FILTERS:
            return PAGE_FILTERS[self.model]
        return generic_filterset(self)


# A yes/no filter takes exactly "true" or "false": anything else is a 400, not ignored.
YES_NO = [("true", "true"), ("false", "false")]


def filter_yes_no(queryset, name, value):
    return queryset.filter(**{name: value == "true"})


def generic_filterset(resource):
    declared = {}
    for field in resource.fields:
        model_field = field.model_field
        if field.has_choices:
            declared[field.name] = django_filters.ChoiceFilter(
                field_name=field.name, choices=model_field.choices
            )
        elif isinstance(model_field, models.BooleanField):
            declared[field.name] = django_filters.ChoiceFilter(
                field_name=field.name, choices=YES_NO, method=filter_yes_no
            )
        elif field.is_reference and field.target is not None:
            declared[field.name] = django_filters.CharFilter(
                field_name=f"{field.name}__slug", max_length=120
            )
    meta = type("Meta", (), {"model": resource.model, "fields": []})
    name = f"{resource.model.__name__}ApiFilter"
    return type(name, (django_filters.FilterSet,), {**declared, "Meta": meta})


@cache
def _resources(models):
    return {model: Resource(model) for model in models}


def resources():
    """Every resource, in the order the apps registered their models."""
    return list(_resources(tuple(registry.content_models())).values())


def resource_for(model):
    return _resources(tuple(registry.content_models())).get(model)


def resource_named(kind):
    """The resource served at ``kind``, or None."""
    for resource in resources():
        if resource.kind == kind:
            return resource
    return None
