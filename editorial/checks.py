"""System checks: a content model the engine does not serve, or a translation column
named against the convention, fails at start-up, not in production."""

from django.apps import apps
from django.core import checks

from . import registry, translation
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


@checks.register()
def translation_columns_follow_the_convention(app_configs=None, **kwargs):
    """Each translation column is named ``<field>_<language>`` (``translation_<language>``
    for words shown beside the original) and each translated field has one column
    per language: fixtures, the translators' files and the search find them by name."""
    errors = []
    for model in apps.get_models():
        for name, by_language in translation.translation_columns(model).items():
            for language, column in by_language.items():
                expected = translation.column_name(name, language, column.shown_beside)
                if column.name != expected:
                    errors.append(
                        checks.Error(
                            f"{model._meta.label}.{column.name} translates “{name}” into "
                            f"“{language}”, so it must be named {expected}.",
                            obj=model,
                            id="editorial.E002",
                        )
                    )
            missing = set(translation.LANGUAGES) - set(by_language)
            if missing:
                errors.append(
                    checks.Error(
                        f"{model._meta.label}.{name} has no column for "
                        f"{', '.join(sorted(missing))}.",
                        hint="Declare them with `<field>_fr, <field>_es = translations(<field>)`.",
                        obj=model,
                        id="editorial.E003",
                    )
                )
    return errors
