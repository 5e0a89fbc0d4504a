"""The content models the editorial engine serves, as each content app registers them.

The engine (workflow, revisions, review, roles, public history, the page cache's
invalidation, the fixture loader) never names a content model: it asks this
registry. A content app registers each model once, in its ``models.py``::

    @register(fixture="facts.json", search=SearchTarget(_("Figure"), "__str__", "note"))
    class Fact(Searchable, Claim): ...

What a registration does not say is derived from the model itself:

* its **citation model**: the model behind its ``citations`` relation (claims only);
* its **links**: its editable many-to-many fields;
* its **named sources**: its own foreign keys to the model citations cite (a
  quotation's source), which count as cited like its citations;
* the **lookup models** editors choose from without editing them (a criticism's
  topics): related models that are neither registered content nor Django's own.

Models that are not content (no workflow, no history) may register for the
fixtures only, e.g. ``register(Topic, fixture="critiques.json")``.
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist


@dataclass(frozen=True)
class SearchTarget:
    """How the site search shows a hit of a model: its kind, the field (or
    ``"__str__"``) used as its title, the field shown as a snippet, and how much a
    match counts beside other kinds (sources, which back the rest, count less)."""

    label: Any
    title: str
    snippet: str
    boost: float = 1.0
    # The date field that places a hit in time, shown with it and matched by a
    # year or a month typed in the query ("1989", "December 1951").
    date: str | None = None


@dataclass
class Registration:
    model: type
    fixture: str | None = None
    # Related records that must be published too for a change to be shown to
    # readers: those its page or its name depends on (a term's person).
    shown_with: tuple = ()
    search: SearchTarget | None = None
    # Whether the entry has a page of its own (listed in the sitemap).
    own_page: bool = False
    # A rule over the model's fixture records as a whole (no two sources for one
    # document...): called with every record read, it returns the problems found.
    fixture_check: Any = None
    order: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def is_content(self):
        from .content import Content

        return issubclass(self.model, Content)

    @property
    def citation_model(self):
        """The model of the claim's citations, or None for content that cites nothing."""
        if not getattr(self.model, "requires_citation", False):
            return None
        try:
            return self.model._meta.get_field("citations").related_model
        except FieldDoesNotExist:
            return None

    @property
    def link_fields(self):
        return [f for f in self.model._meta.many_to_many if f.editable]

    @property
    def label(self):
        return self.model._meta.label_lower


_registrations: dict[type, Registration] = {}


def register(model=None, **options):
    """Register a content model: ``register(Model, ...)`` or ``@register(...)``."""

    def add(model):
        if model in _registrations:
            raise ValueError(f"{model._meta.label} is registered twice.")
        _registrations[model] = Registration(model, order=len(_registrations), **options)
        return model

    return add(model) if model is not None else add


def registrations():
    """Every registration, in the order the apps registered them."""
    return sorted(_registrations.values(), key=lambda registration: registration.order)


def registration_for(model):
    """The model's registration; KeyError for a model the engine does not serve."""
    return _registrations[model]


def is_registered(model):
    return model in _registrations


def content_models():
    """Every registered content model (workflow, history, review, public history)."""
    return [r.model for r in registrations() if r.is_content]


def citation_models():
    return [r.citation_model for r in registrations() if r.citation_model is not None]


def content_model(app_label, model_name):
    """The registered content model with these names, or None."""
    for model in content_models():
        if (model._meta.app_label, model._meta.model_name) == (app_label, model_name):
            return model
    return None


def citation_model(model):
    """The citation model of a registered claim model (None for other models)."""
    registration = _registrations.get(model)
    return registration.citation_model if registration else None


def source_model():
    """The model citations cite (their ``source``), or None before any claim registers."""
    for citations in citation_models():
        return citations._meta.get_field("source").related_model
    return None


def source_fields(model):
    """The model's own foreign keys to the model citations cite."""
    cited = source_model()
    return [f for f in model._meta.concrete_fields if f.many_to_one and f.related_model is cited]


def tracked_models():
    """Every model whose rows are content: registered models, their citation
    models and the through tables of their links (for the page cache's invalidation)."""
    models = []
    for registration in registrations():
        models.append(registration.model)
        if registration.citation_model is not None:
            models.append(registration.citation_model)
        models.extend(f.remote_field.through for f in registration.model._meta.many_to_many)
    return models


def lookup_models():
    """Models editors choose from in content forms without editing them: related
    models that are neither registered content nor citations nor Django's own."""
    served = set(content_models()) | set(citation_models())
    found = []
    for model in content_models():
        for f in model._meta.get_fields():
            related = f.related_model
            if (
                f.is_relation
                and f.concrete
                and related is not None
                and related not in served
                and related._meta.app_label not in ("auth", "contenttypes")
                and related not in found
            ):
                found.append(related)
    return found
