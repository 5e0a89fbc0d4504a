"""The order the loader writes the records of one model in.

Records are written one by one, each looking up what it refers to in the
database; the models are already ordered so that referred-to models come first
(``loader.dependency_order``). A model can also refer to itself (an event that is
"another account of" an event): such a record must come after the record it
names, wherever the fixture file (sorted by key) puts it.
"""


def referred_first(records):
    """``records`` in file order, except that a record naming another record of
    its own model comes after that record. A loop of references (an error the
    records' validation reports) keeps file order."""
    by_key = {}
    for record in records:
        key = record.fields.get("slug")
        if key is not None:
            by_key[(record.model, key)] = record
    depth = {}

    def depth_of(record, seen=()):
        if id(record) in depth:
            return depth[id(record)]
        found = 0
        for target in _same_model_targets(record, by_key):
            if target is record or id(target) in seen:
                continue
            found = max(found, 1 + depth_of(target, (*seen, id(record))))
        depth[id(record)] = found
        return found

    return sorted(records, key=depth_of)


def _same_model_targets(record, by_key):
    """The records of the same model that ``record``'s foreign keys name."""
    for field in record.model._meta.concrete_fields:
        if not field.is_relation or field.related_model is not record.model:
            continue
        value = record.fields.get(field.name)
        if isinstance(value, list) and len(value) == 1:
            target = by_key.get((record.model, value[0]))
            if target is not None:
                yield target
