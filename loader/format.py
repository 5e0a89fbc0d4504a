"""The one way a record is written as fixture data.

The exporter writes records this way, and the loader compares records this way,
so "what the fixtures say" and "what the database holds" can be compared field
by field, and an export of freshly loaded fixtures reproduces them byte for byte.
"""

import datetime
import functools
import hashlib
import json

from django.db import models

from editorial import registry, translation
from editorial.content import BOOKKEEPING_FIELDS, INTERNAL_FIELDS

# Generated scale data (see devtools.generate) never belongs in the fixtures.
GENERATED_PREFIX = "gen-"


def fixture_files():
    """{file name: [model label, ...]}: which file holds which models, in the order
    they are written (the order the apps registered them, each claim model followed
    by its citation model)."""
    files = {}
    for registration in registry.registrations():
        if registration.fixture is None:
            continue
        labels = files.setdefault(registration.fixture, [])
        labels.append(registration.label)
        if registration.citation_model is not None:
            labels.append(registration.citation_model._meta.label_lower)
    return files


def data_fields(model):
    """The fields a fixture record carries, in the model's order: no primary key,
    no bookkeeping; then many-to-many fields, and last the editors' note, apart
    from what readers see."""
    concrete = [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name not in BOOKKEEPING_FIELDS + INTERNAL_FIELDS
    ]
    internal = [f for f in model._meta.concrete_fields if f.name in INTERNAL_FIELDS]
    return concrete + list(model._meta.many_to_many) + internal


def field_value(obj, field, keys=None):
    """One field as fixture data. ``keys`` caches related records' natural keys
    by (model, primary key) across calls, to spare the database."""
    if field.many_to_many:
        return sorted(list(related.natural_key()) for related in getattr(obj, field.name).all())
    if field.is_relation:
        related_pk = getattr(obj, field.attname)
        if related_pk is None:
            return None
        cache_key = (field.related_model, related_pk)
        if keys is None or cache_key not in keys:
            natural_key = list(getattr(obj, field.name).natural_key())
            if keys is None:
                return natural_key
            keys[cache_key] = natural_key
        return keys[cache_key]
    value = field.value_from_object(obj)
    if value is None:
        return None
    if isinstance(field, models.DecimalField):
        return f"{value:.{field.decimal_places}f}"
    if isinstance(value, datetime.date) or hasattr(value, "isoformat"):
        # Dates, and partial dates ("1980", "1958-05") as they are written.
        return value.isoformat()
    return value


def record_fields(obj, many_to_many=None, keys=None):
    """The record's fields as fixture data. ``many_to_many`` gives the values of
    those fields (natural-key lists) for an object not saved yet."""
    fields = {}
    for field in data_fields(type(obj)):
        if field.many_to_many and many_to_many is not None:
            given = many_to_many.get(field.name, [])
            fields[field.name] = sorted(list(key) for key in given)
        else:
            fields[field.name] = field_value(obj, field, keys)
    return fields


# Fields added after records were first loaded: while empty they count as absent,
# so that records loaded before the fields existed keep their fingerprints (and
# editors' changes stay theirs). Translation columns are added fields too: a record
# loaded before a field was translated, or with no translation yet, is unchanged.
ADDED_FIELDS = (*INTERNAL_FIELDS, "co_speakers", "in_office_until")


@functools.cache
def added_fields():
    columns = {
        column.name
        for registration in registry.registrations()
        for by_language in translation.translation_columns(registration.model).values()
        for column in by_language.values()
    }
    return frozenset(ADDED_FIELDS) | columns


def fingerprint(fields):
    added = added_fields()
    fields = {k: v for k, v in fields.items() if not (k in added and v in ("", [], None))}
    text = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def dump(records):
    """The text of a fixture file: stable order and formatting, one final newline."""
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
