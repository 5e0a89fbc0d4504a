"""Load the curated content fixtures into the database, all or nothing.

Fixtures are Django's JSON serialization format without primary keys: every
record is identified by its natural key. Records are loaded model by model in
dependency order, each one validated like an admin save (``full_clean``) and,
at the end, every published claim must cite a source. Any problem rolls the
whole load back and is reported with its file, record and reason.
"""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    FieldDoesNotExist,
    ObjectDoesNotExist,
    ValidationError,
)
from django.core.serializers.base import DeserializationError
from django.core.serializers.python import Deserializer
from django.db import IntegrityError, models, transaction

from orgs.content import Claim

CONTENT_APPS = ("orgs", "timeline", "critiques")


class LoadError(Exception):
    """The fixtures cannot be loaded; ``problems`` lists every reason found."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Record:
    path: Path
    index: int
    model: type[models.Model]
    fields: dict

    @property
    def label(self):
        key = self.fields.get("slug")
        if key is None and "claim" in self.fields:
            key = f"{self.fields.get('claim')} → {self.fields.get('source')}"
        return f"{self.path.name}, record {self.index} ({self.model._meta.label_lower} {key!r})"


@dataclass
class Report:
    counts: dict = field(default_factory=lambda: defaultdict(Counter))

    def count(self, model, outcome):
        self.counts[model._meta.label_lower][outcome] += 1

    @property
    def changes(self):
        return sum(c["created"] + c["updated"] for c in self.counts.values())

    def lines(self):
        for label, counter in self.counts.items():
            yield (
                f"{label}: {counter['created']} created, {counter['updated']} updated, "
                f"{counter['unchanged']} unchanged"
            )


def read_records(paths):
    """Parse the files and check every record's shape; raise LoadError listing all problems."""
    records, problems = [], []
    for path in paths:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            position = f"line {error.lineno}, column {error.colno}"
            problems.append(f"{path.name}: malformed JSON at {position}: {error.msg}")
            continue
        if not isinstance(data, list):
            problems.append(f"{path.name}: expected a list of records, found {type(data).__name__}")
            continue
        for index, item in enumerate(data, start=1):
            record, problem = _read_record(path, index, item)
            if problem:
                problems.append(problem)
            else:
                records.append(record)
    if problems:
        raise LoadError(problems)
    return records


def _read_record(path, index, item):
    where = f"{path.name}, record {index}"
    if not isinstance(item, dict) or set(item) - {"model", "fields"}:
        extra = sorted(set(item) - {"model", "fields"}) if isinstance(item, dict) else []
        hint = (
            f" (unexpected keys: {', '.join(extra)}; records are identified by natural key)"
            if extra
            else ""
        )
        return None, f"{where}: a record is an object with “model” and “fields” only{hint}"
    label = item.get("model")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError, TypeError):
        return None, f"{where}: unknown model {label!r}"
    if model._meta.app_label not in CONTENT_APPS:
        return (
            None,
            f"{where}: {label} is not content; fixtures hold only {', '.join(CONTENT_APPS)}",
        )
    fields = item.get("fields")
    if not isinstance(fields, dict):
        return None, f"{where} ({label}): “fields” must be an object"
    for name in fields:
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return None, f"{where} ({label}): unknown field {name!r}"
        if model_field.auto_created or not (model_field.concrete or model_field.many_to_many):
            return None, f"{where} ({label}): field {name!r} cannot be loaded"
    return Record(Path(path), index, model, fields), None


def dependency_order(models_present):
    """Models sorted so that every model comes after the models it refers to."""
    remaining = {model: _dependencies(model) & models_present for model in models_present}
    ordered = []
    while remaining:
        ready = sorted(
            (m for m, deps in remaining.items() if not deps - set(ordered)),
            key=lambda m: m._meta.label_lower,
        )
        if not ready:
            names = ", ".join(sorted(m._meta.label_lower for m in remaining))
            raise LoadError([f"circular references between {names}"])
        ordered.extend(ready)
        for model in ready:
            del remaining[model]
    return ordered


def _dependencies(model):
    return {
        f.related_model
        for f in model._meta.get_fields()
        if f.concrete and f.is_relation and f.related_model not in (None, model)
    }


def load(paths, *, dry_run=False):
    """Load every record of the files; return a Report, or raise LoadError and write nothing."""
    records = read_records(paths)
    report = Report()
    problems = []
    by_model = defaultdict(list)
    for record in records:
        by_model[record.model].append(record)
    with transaction.atomic():
        loaded = []
        for model in dependency_order(set(by_model)):
            loaded.extend(_load_model(by_model[model], problems))
        for record, obj, m2m, outcome in loaded:
            if _set_many_to_many(record, obj, m2m, problems) and outcome == "unchanged":
                outcome = "updated"
            report.count(record.model, outcome)
            if isinstance(obj, Claim) and (error := obj.missing_citation_error()):
                problems.extend(f"{record.label}: {message}" for message in error.messages)
        if problems:
            transaction.set_rollback(True)
            raise LoadError(problems)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _load_model(records, problems):
    seen = {}
    loaded = []
    for record in records:
        scalar = {k: v for k, v in record.fields.items() if not _is_many_to_many(record.model, k)}
        m2m = {k: v for k, v in record.fields.items() if _is_many_to_many(record.model, k)}
        try:
            (deserialized,) = Deserializer(
                [{"model": record.model._meta.label_lower, "fields": scalar}],
                handle_forward_references=False,
            )
        except (DeserializationError, ObjectDoesNotExist, ValidationError, ValueError) as error:
            problems.append(f"{record.label}: {_explain(error)}")
            continue
        obj = deserialized.object
        key = obj.natural_key() if hasattr(obj, "natural_key") else None
        if key in seen:
            problems.append(f"{record.label}: same natural key as record {seen[key].index}")
            continue
        seen[key] = record
        existing = type(obj)._default_manager.filter(pk=obj.pk).first() if obj.pk else None
        # Found by natural key: validate and save it as the stored record, not a new one.
        obj._state.adding = existing is None
        try:
            obj.full_clean()
        except ValidationError as error:
            problems.extend(f"{record.label}: {message}" for message in _messages(error))
            continue
        if existing is not None and _same_values(existing, obj):
            outcome = "unchanged"
        else:
            outcome = "updated" if existing is not None else "created"
            try:
                with transaction.atomic():
                    obj.save()
            except IntegrityError as error:
                problems.append(f"{record.label}: rejected by the database: {error}")
                continue
        loaded.append((record, obj, m2m, outcome))
    return loaded


def _is_many_to_many(model, name):
    return model._meta.get_field(name).many_to_many


def _set_many_to_many(record, obj, m2m, problems):
    """Point each many-to-many field at its records; return whether any link changed."""
    changed = False
    for name, keys in m2m.items():
        related = record.model._meta.get_field(name).related_model
        try:
            targets = [related._default_manager.get_by_natural_key(*key) for key in keys]
        except (ObjectDoesNotExist, TypeError) as error:
            problems.append(f"{record.label}: field {name!r}: {_explain(error)} (keys {keys})")
            continue
        manager = getattr(obj, name)
        if set(manager.values_list("pk", flat=True)) != {t.pk for t in targets}:
            manager.set(targets)
            changed = True
    return changed


def _same_values(existing, new):
    return all(
        f.value_from_object(existing) == f.value_from_object(new)
        for f in new._meta.concrete_fields
        if not f.primary_key
    )


def _messages(error):
    if not hasattr(error, "error_dict"):
        return error.messages
    return [
        message if name == NON_FIELD_ERRORS else f"{name}: {message}"
        for name, messages in error.message_dict.items()
        for message in messages
    ]


def _explain(error):
    if isinstance(error, DeserializationError) and error.__cause__ is not None:
        cause = error.__cause__
        if isinstance(cause, ObjectDoesNotExist):
            return f"refers to a record that does not exist ({error})"
        if isinstance(cause, ValidationError):
            return "; ".join(cause.messages)
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return str(error)
