"""Load the curated content fixtures into the database, all or nothing.

Fixtures are Django's JSON serialization format without primary keys: every
record is identified by its natural key. Records are loaded model by model in
dependency order, each one validated like an admin save (``full_clean``) and,
at the end, every published claim must cite a source, and a published entry only
published ones (there is no reviewer here to publish them: see ``editorial.sourcing``).
Any problem rolls the whole load back and is reported with its file, record and
reason.

A load that writes something is recorded as a ``FixtureLoad``, whose number its
history rows carry in their change reason: readers see the load as one update.
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
from django.db import IntegrityError, models, transaction

from editorial import registry
from editorial.content import Claim, Content
from editorial.models import FixtureLoad
from editorial.sourcing import unpublished_sources_error

from .format import fingerprint, fixture_files, record_fields
from .models import LoadedRecord
from .record_order import referred_first


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
    kept: list = field(default_factory=list)

    def count(self, model, outcome):
        self.counts[model._meta.label_lower][outcome] += 1

    @property
    def changes(self):
        return sum(c["created"] + c["updated"] for c in self.counts.values())

    def lines(self):
        for label, counter in self.counts.items():
            line = (
                f"{label}: {counter['created']} created, {counter['updated']} updated, "
                f"{counter['unchanged']} unchanged"
            )
            if counter["kept"]:
                line += f", {counter['kept']} kept editor version"
            yield line
        for label in self.kept:
            yield f"kept editor version: {label}"


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


def _fixture_labels():
    return {label for labels in fixture_files().values() for label in labels}


def _is_citation(obj):
    return type(obj) in registry.citation_models()


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
    if model._meta.label_lower not in _fixture_labels():
        return (
            None,
            f"{where}: {label} is not content; fixtures hold only "
            f"{', '.join(sorted(_fixture_labels()))}",
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
    """Load every record of the files; return a Report, or raise LoadError and write nothing.

    Safe to run on every deploy: a record an editor changed (or deleted) since
    it was loaded is kept as the editor left it and reported; new records are
    added; unchanged ones are not touched. With ``dry_run`` nothing is written.
    """
    records = read_records(paths)
    report = Report()
    problems = [
        p for r in registry.registrations() if r.fixture_check for p in r.fixture_check(records)
    ]
    by_model = defaultdict(list)
    for record in referred_first(records):
        by_model[record.model].append(record)
    with transaction.atomic():
        stored = Stored()
        fixture_load = FixtureLoad.objects.create()
        loaded = []
        for model in dependency_order(set(by_model)):
            loaded.extend(_load_model(by_model[model], stored, problems, fixture_load))
        for item in loaded:
            if item.outcome in ("created", "updated"):
                _set_many_to_many(item, stored, problems)
        written = [item for item in loaded if item.outcome in ("created", "updated")]
        checked = {(type(item.obj), item.obj.pk) for item in written}
        for item in written:
            problems.extend(
                f"{item.record.label}: {message}"
                for message in _sourcing_problems(item.obj, checked)
            )
        for item in loaded:
            report.count(item.record.model, item.outcome)
            if item.outcome == "kept":
                report.kept.append(item.record.label)
                continue
            stored.remember(item)
        if problems:
            transaction.set_rollback(True)
            raise LoadError(problems)
        _count_entries(fixture_load, loaded)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _count_entries(fixture_load, loaded):
    """Record how many content entries the load created and updated (an entry
    whose citations it wrote counts as updated); forget a load that wrote none."""
    created, written = set(), set()
    for item in loaded:
        if item.outcome not in ("created", "updated"):
            continue
        obj = item.obj
        if _is_citation(obj):
            written.add((obj.claim_model(), obj.claim_id))
        elif isinstance(obj, Content):
            written.add((type(obj), obj.pk))
            if item.outcome == "created":
                created.add((type(obj), obj.pk))
    if not written:
        fixture_load.delete()
        return
    fixture_load.created, fixture_load.updated = len(created), len(written - created)
    fixture_load.save(update_fields=["created", "updated"])


def _sourcing_problems(obj, checked):
    """Why a written record breaks the sourcing rules: a published claim must cite a
    source, and a published entry only published ones (``editorial.sourcing``); the
    loader has no reviewer to publish them. A citation is checked on its own only
    when its claim was not written (``checked``): else the claim names the sources."""
    if _is_citation(obj):
        claim = obj.claim
        if (type(claim), claim.pk) in checked:
            return []
        if claim.is_published and not obj.source.is_published:
            return [
                f"{obj.claim_kind} {obj.claim.slug!r} is published but cites the source "
                f"{obj.source.slug!r} (“{obj.source}”), which is not: publish the source "
                "or keep the entry a draft"
            ]
        return []
    if not isinstance(obj, Content):
        return []
    errors = [obj.missing_citation_error()] if isinstance(obj, Claim) else []
    errors.append(unpublished_sources_error(obj))
    return [message for error in errors if error for message in error.messages]


class RecordProblem(Exception):
    """One record cannot be loaded; the message says why."""


@dataclass
class Loaded:
    record: Record
    obj: models.Model
    many_to_many: dict
    outcome: str
    fingerprint: str


class Stored:
    """What the database holds, read once per model, and what earlier loads wrote."""

    def __init__(self):
        self.by_model = {}
        self.fingerprints = {
            (model, key): print_
            for model, key, print_ in LoadedRecord.objects.values_list(
                "model", "natural_key", "fingerprint"
            )
        }
        # Natural keys of related records, shared by every fingerprint of this load.
        self.keys = {}

    def records(self, model):
        """{natural key: stored record} for every record of the model."""
        if model not in self.by_model:
            queryset = model._default_manager.all()
            related = [f.name for f in model._meta.concrete_fields if f.is_relation]
            if related:
                queryset = queryset.select_related(*related)
            if model._meta.many_to_many:
                queryset = queryset.prefetch_related(*(f.name for f in model._meta.many_to_many))
            self.by_model[model] = {tuple(obj.natural_key()): obj for obj in queryset}
        return self.by_model[model]

    def find(self, model, key, field_name):
        if not isinstance(key, list | tuple):
            raise RecordProblem(f"field {field_name!r}: a reference is a list (natural key)")
        target = self.records(model).get(tuple(key))
        if target is None:
            raise RecordProblem(
                f"field {field_name!r} refers to {model._meta.label_lower} {list(key)}, "
                "which does not exist"
            )
        return target

    def recall(self, model, obj):
        return self.fingerprints.get((model._meta.label_lower, _key_text(obj)))

    def remember(self, item):
        model, key = item.record.model._meta.label_lower, _key_text(item.obj)
        if self.fingerprints.get((model, key)) != item.fingerprint:
            LoadedRecord.objects.update_or_create(
                model=model, natural_key=key, defaults={"fingerprint": item.fingerprint}
            )
            self.fingerprints[(model, key)] = item.fingerprint


def _build(record, stored):
    """An unsaved instance holding the record's values, references resolved."""
    values = {}
    for name, value in record.fields.items():
        field = record.model._meta.get_field(name)
        if field.many_to_many:
            continue  # Set once every record is stored: they may refer forward.
        if field.is_relation:
            values[name] = None if value is None else stored.find(field.related_model, value, name)
        else:
            try:
                values[name] = field.to_python(value)
            except ValidationError as error:
                raise RecordProblem(f"{name}: {'; '.join(error.messages)}") from None
    return record.model(**values)


def _load_model(records, stored, problems, fixture_load):
    seen = {}
    loaded = []
    for record in records:
        m2m = {k: v for k, v in record.fields.items() if _is_many_to_many(record.model, k)}
        try:
            built = _build(record, stored)
            key = tuple(built.natural_key())
        except (RecordProblem, ObjectDoesNotExist, AttributeError) as error:
            problems.append(f"{record.label}: {error}")
            continue
        if key in seen:
            problems.append(f"{record.label}: same natural key as record {seen[key].index}")
            continue
        seen[key] = record
        item = _plan(record, built, m2m, stored)
        if item.outcome in ("kept", "unchanged"):
            loaded.append(item)
            continue
        try:
            item.obj.full_clean()
        except ValidationError as error:
            problems.extend(f"{record.label}: {message}" for message in _messages(error))
            continue
        item.obj._change_reason = fixture_load.change_reason(record.path.name)
        try:
            with transaction.atomic():
                item.obj.save()
        except IntegrityError as error:
            problems.append(f"{record.label}: rejected by the database: {error}")
            continue
        stored.records(record.model)[key] = item.obj
        loaded.append(item)
    return loaded


def _plan(record, built, m2m, stored):
    """Decide what to do with one record: create, update, leave, or keep the editor's version."""
    model = record.model
    wanted = fingerprint(record_fields(built, many_to_many=m2m, keys=stored.keys))
    remembered = stored.recall(model, built)
    existing = stored.records(model).get(tuple(built.natural_key()))
    if existing is None:
        # Loaded before and gone now: an editor deleted it, so it stays deleted.
        outcome = "kept" if remembered else "created"
        return Loaded(record, built, m2m, outcome, wanted)
    current = fingerprint(record_fields(existing, keys=stored.keys))
    if current == wanted:
        return Loaded(record, existing, m2m, "unchanged", wanted)
    if remembered != current:
        return Loaded(record, existing, m2m, "kept", wanted)
    # Only the fixture changed: apply the record's fields to the stored row, so
    # bookkeeping such as the version counter carries on.
    for name in record.fields:
        model_field = model._meta.get_field(name)
        if not model_field.many_to_many:
            setattr(existing, model_field.attname, getattr(built, model_field.attname))
    return Loaded(record, existing, m2m, "updated", wanted)


def _key_text(obj):
    return json.dumps(list(obj.natural_key()), ensure_ascii=False)


def _is_many_to_many(model, name):
    return model._meta.get_field(name).many_to_many


def _set_many_to_many(item, stored, problems):
    for name, keys in item.many_to_many.items():
        related = item.record.model._meta.get_field(name).related_model
        try:
            if not isinstance(keys, list):
                raise RecordProblem(f"field {name!r}: many-to-many values are a list")
            targets = [stored.find(related, key, name) for key in keys]
        except RecordProblem as problem:
            problems.append(f"{item.record.label}: {problem}")
            continue
        getattr(item.obj, name).set(targets)


def _messages(error):
    if not hasattr(error, "error_dict"):
        return error.messages
    return [
        message if name == NON_FIELD_ERRORS else f"{name}: {message}"
        for name, messages in error.message_dict.items()
        for message in messages
    ]
