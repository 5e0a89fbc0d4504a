"""System checks: a content model the engine does not serve fails at start-up,
not in production (its entries would have no review, history or roles)."""

from django.apps import apps
from django.core import checks

from . import registry
from .content import Content


@checks.register()
def every_content_model_is_registered(app_configs=None, **kwargs):
    errors = []
    for model in apps.get_models():
        if issubclass(model, Content) and not registry.is_registered(model):
            errors.append(
                checks.Error(
                    f"{model._meta.label} is content but not registered with the editorial "
                    "engine, so it would have no workflow, history or roles.",
                    hint="Decorate it with @editorial.registry.register(...).",
                    obj=model,
                    id="editorial.E001",
                )
            )
    return errors
