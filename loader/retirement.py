"""Remove records the project took out of the fixtures, without losing editors' work.

The loader never deletes: a record missing from the fixtures may be one an editor
deleted, or one the project retired (a misattributed quotation, a duplicate
source merged into another). The project lists the records it retires, with the
reason, in ``fixtures/retired/retired.json``::

    [{"model": "critiques.quotation", "key": ["quote-..."], "reason": "..."}, ...]

``retire()`` runs after each full load (``manage.py load_content``, in the same
transaction) and deletes a listed record only when

* it still has the form the loader last wrote (the same fingerprint the loader
  uses to tell editors' changes apart): an editor's version is kept;
* nothing else still points to it (a citation, a link, a quotation): a record
  an editor linked to it keeps it. List dependants first (a source's citations
  before the source) so they go first.

Every deletion is kept in the record's history, with the change reason of a
fixture load, so readers see it as part of "Content loaded on deploy". What is
kept, and why, is reported.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction

from editorial import registry
from editorial.content import Content
from editorial.models import FixtureLoad

from .format import fingerprint, record_fields
from .loader import LoadError
from .models import LoadedRecord

RETIRED_RECORDS = Path(settings.BASE_DIR) / "fixtures" / "retired" / "retired.json"


@dataclass
class Retired:
    label: str
    outcome: str  # "retired", "kept" or "gone"
    why: str = ""


@dataclass
class RetirementReport:
    items: list = field(default_factory=list)

    @property
    def retired(self):
        return [item for item in self.items if item.outcome == "retired"]

    def lines(self):
        counts = {o: sum(i.outcome == o for i in self.items) for o in ("retired", "kept", "gone")}
        if not self.items:
            return
        yield (
            f"retired records: {counts['retired']} deleted, {counts['kept']} kept, "
            f"{counts['gone']} already gone"
        )
        for item in self.items:
            if item.outcome != "gone":
                yield f"{item.outcome}: {item.label}" + (f" ({item.why})" if item.why else "")


def read_retired(path):
    """The listed records as (model, natural key, reason); LoadError if malformed."""
    try:
        entries = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except json.JSONDecodeError as error:
        raise LoadError([f"{Path(path).name}: malformed JSON: {error.msg}"]) from None
    listed, problems = [], []
    for index, entry in enumerate(entries if isinstance(entries, list) else [None], start=1):
        where = f"{Path(path).name}, entry {index}"
        if not isinstance(entry, dict) or set(entry) != {"model", "key", "reason"}:
            problems.append(f"{where}: an entry has “model”, “key” and “reason”, nothing else")
            continue
        try:
            model = apps.get_model(entry["model"])
        except (LookupError, ValueError, TypeError):
            problems.append(f"{where}: unknown model {entry['model']!r}")
            continue
        if model not in _fixture_models() or not isinstance(entry["key"], list):
            problems.append(f"{where}: give a content model and its natural key as a list")
            continue
        if not str(entry["reason"]).strip():
            problems.append(f"{where}: say why the record is retired")
            continue
        listed.append((model, entry["key"], entry["reason"]))
    if problems:
        raise LoadError(problems)
    return listed


def _fixture_models():
    """The models the fixtures hold: registered ones and their citations."""
    return set(registry.tracked_models())


def retire(path=RETIRED_RECORDS):
    """Delete the listed records that are as the loader left them and unused."""
    report = RetirementReport()
    listed = read_retired(path)
    if not listed:
        return report
    with transaction.atomic():
        fixture_load = FixtureLoad.objects.create()
        reason = fixture_load.change_reason(f"retired/{Path(path).name}")
        touched = set()
        for model, key, _reason in listed:
            item, entry = _retire_one(model, key, reason)
            report.items.append(item)
            if entry is not None:
                touched.add(entry)
        if touched:
            fixture_load.updated = len(touched)
            fixture_load.save(update_fields=["updated"])
        else:
            fixture_load.delete()
    return report


def _retire_one(model, key, reason):
    """Retire one record; return its report line and the content entry it
    changed ((model, pk) of the record, or of a citation's claim), if any."""
    label = f"{model._meta.label_lower} {key!r}"
    try:
        obj = model._default_manager.get_by_natural_key(*key)
    except (ObjectDoesNotExist, TypeError):
        return Retired(label, "gone"), None
    key_text = json.dumps(list(obj.natural_key()), ensure_ascii=False)
    loaded = LoadedRecord.objects.filter(model=model._meta.label_lower, natural_key=key_text)
    remembered = loaded.values_list("fingerprint", flat=True).first()
    if remembered is None or remembered != fingerprint(record_fields(obj)):
        return Retired(label, "kept", "changed by an editor since it was loaded"), None
    users = _records_pointing_to(obj)
    if users:
        return Retired(label, "kept", f"still used by {', '.join(users)}"), None
    if model in registry.citation_models():
        entry = (model._meta.get_field("claim").related_model, obj.claim_id)
    else:
        entry = (model, obj.pk) if isinstance(obj, Content) else None
    obj._change_reason = reason
    obj.delete()
    loaded.delete()
    return Retired(label, "retired"), entry


def _records_pointing_to(obj):
    """'3 orgs.factcitation', ... for content records that refer to ``obj``, by a
    foreign key or a many-to-many link (history rows are not counted)."""
    users = []
    for relation in obj._meta.get_fields(include_hidden=True):
        if not (relation.is_relation and relation.auto_created and not relation.concrete):
            continue
        other = relation.related_model
        if (
            other not in _fixture_models()
            or other._meta.auto_created  # A many-to-many table: counted by its link below.
            or other.__name__.startswith("Historical")
        ):
            continue
        if relation.many_to_many:
            links = relation.through._default_manager.filter(
                **{relation.field.m2m_reverse_field_name(): obj.pk}
            )
            label = f"{other._meta.label_lower}.{relation.field.name}"
        else:
            links = other._default_manager.filter(**{relation.field.name: obj})
            label = other._meta.label_lower
        count = links.count()
        if count:
            users.append(f"{count} {label}")
    return users
