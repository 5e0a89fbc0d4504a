"""The staff page of what is not translated yet: per language, every published
entry whose reader-facing fields have English but no translation, with a link to
edit it. One query per translated model, however many entries there are."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .. import registry, translation
from ..content import Content


@dataclass
class Untranslated:
    """One entry and the labels of its fields lacking a translation into one language."""

    entry: object
    fields: list
    edit_url: str


def _lacking_any(model):
    """The model's published entries with English but no translation in some field."""
    queryset = model._default_manager.all()
    if issubclass(model, Content):
        queryset = queryset.published()
    missing = [
        ~Q(**{name: ""}) & Q(**{column.name: ""})
        for name, columns in translation.translation_columns(model).items()
        for column in columns.values()
    ]
    queryset = queryset.filter(reduce(or_, missing))
    # Whatever an entry's name is made of (a term's person, a quotation's speaker).
    related = [f.name for f in model._meta.concrete_fields if f.many_to_one]
    return queryset.select_related(*related) if related else queryset


def _edit_url(entry, admin_site):
    opts = entry._meta
    try:
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change",
            args=[entry.pk],
            current_app=admin_site.name,
        )
    except NoReverseMatch:
        return ""


def untranslated_by_language(admin_site):
    """{language: [(model's plural name, [Untranslated, ...]), ...]} over every
    registered model with translated fields, in registration order."""
    found = {language: [] for language in translation.LANGUAGES}
    for registration in registry.registrations():
        model = registration.model
        columns = translation.translation_columns(model)
        if not columns:
            continue
        entries = list(_lacking_any(model))
        for language in translation.LANGUAGES:
            rows = []
            for entry in entries:
                names = translation.untranslated(entry, language)
                if names:
                    labels = [capfirst(model._meta.get_field(name).verbose_name) for name in names]
                    rows.append(Untranslated(entry, labels, _edit_url(entry, admin_site)))
            if rows:
                found[language].append((capfirst(model._meta.verbose_name_plural), rows))
    return found


def untranslated_view(request, admin_site):
    by_language = untranslated_by_language(admin_site)
    sections = [
        (
            language,
            translation.LANGUAGE_LABELS[language],
            groups,
            sum(len(rows) for _name, rows in groups),
        )
        for language, groups in by_language.items()
    ]
    context = {
        **admin_site.each_context(request),
        "title": _("Not yet translated"),
        "sections": sections,
    }
    return TemplateResponse(request, "admin/editorial/untranslated.html", context)


def urls(admin_site):
    """The page's URL, for the admin site's ``get_urls()`` (staff only, as every admin view)."""
    return [
        path(
            "untranslated/",
            admin_site.admin_view(lambda request: untranslated_view(request, admin_site)),
            name="untranslated",
        )
    ]
