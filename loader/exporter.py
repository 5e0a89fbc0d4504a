"""Write the database back to the fixture files, so editors' published work can
be committed. Only published records are written, never generated scale data,
and only records whose references are written too, so the files always load."""

from pathlib import Path

from django.apps import apps

from editorial import registry
from editorial.content import Content, Status

from .format import GENERATED_PREFIX, data_fields, dump, fixture_files, record_fields


def exportable(model):
    """The records of ``model`` that belong in the fixtures."""
    queryset = model._default_manager.all()
    if issubclass(model, Content):
        queryset = queryset.filter(status=Status.PUBLISHED)
    if model in registry.citation_models():
        queryset = queryset.filter(claim__status=Status.PUBLISHED, source__status=Status.PUBLISHED)
    if any(f.name == "slug" for f in model._meta.concrete_fields):
        queryset = queryset.exclude(slug__startswith=GENERATED_PREFIX)
    return queryset


def export(directory):
    """Write every fixture file into ``directory``; return {file name: record count}."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written_keys = {
        apps.get_model(label): _records(apps.get_model(label))
        for labels in fixture_files().values()
        for label in labels
    }
    files = {}
    for file_name, labels in fixture_files().items():
        records = []
        for label in labels:
            model = apps.get_model(label)
            for fields in written_keys[model].values():
                if _references_written(model, fields, written_keys):
                    records.append(
                        {"model": label, "fields": _only_written(model, fields, written_keys)}
                    )
        (directory / file_name).write_text(dump(records), encoding="utf-8")
        files[file_name] = len(records)
    return files


def _records(model):
    """{natural key: fields} for the model's exportable records, in natural-key order."""
    keys = {}
    records = {}
    related = [f.name for f in model._meta.concrete_fields if f.is_relation]
    m2m = [f.name for f in model._meta.many_to_many]
    queryset = exportable(model)
    if related:
        queryset = queryset.select_related(*related)
    if m2m:
        queryset = queryset.prefetch_related(*m2m)
    for obj in queryset:
        records[tuple(obj.natural_key())] = record_fields(obj, keys=keys)
    return dict(sorted(records.items()))


def _references_written(model, fields, written):
    """Whether every record this one needs (non-null foreign keys) is written too."""
    for field in data_fields(model):
        if field.is_relation and not field.many_to_many and fields[field.name] is not None:
            target = written.get(field.related_model)
            if target is not None and tuple(fields[field.name]) not in target:
                return False
    return True


def _only_written(model, fields, written):
    """Drop links to records that are not written (drafts, generated data)."""
    fields = dict(fields)
    for field in model._meta.many_to_many:
        target = written.get(field.related_model)
        if target is not None:
            fields[field.name] = [key for key in fields[field.name] if tuple(key) in target]
    return fields
