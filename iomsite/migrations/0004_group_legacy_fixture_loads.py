"""Loads before FixtureLoad stamped each history row "Loaded from fixtures/<file>"
and recorded no load. Group those rows into loads (a new one wherever more than
ten minutes pass between two rows) and stamp them as a load does now, so that
/updates/ lists each earlier deploy as one update too."""

from datetime import timedelta

from django.db import migrations, models
from django.db.models import Value
from django.db.models.functions import Concat, Substr

LEGACY_PREFIX = "Loaded from fixtures/"
REASON_PREFIX = "Loaded on deploy (load "
GAP = timedelta(minutes=10)
CONTENT_APPS = ("orgs", "timeline", "critiques")


def history_models(apps):
    """(history model, label of the entry each row is about, the field naming it)."""
    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            names = {field.name for field in model._meta.get_fields()}
            if "history_change_reason" not in names:
                continue
            if "claim" in names:  # a citation: its row is about the claim
                claim = model._meta.get_field("claim").related_model
                yield model, claim._meta.label_lower, "claim_id"
            else:
                entry = model._meta.model_name.removeprefix("historical")
                yield model, f"{model._meta.app_label}.{entry}", "id"


def legacy_loads(apps):
    """The legacy rows as loads: [(first date, last date, entries, entries created)]."""
    rows = []
    for model, entry_label, key in history_models(apps):
        legacy = model.objects.filter(history_change_reason__startswith=LEGACY_PREFIX)
        for date, pk, kind in legacy.values_list("history_date", key, "history_type"):
            rows.append((date, (entry_label, pk), kind == "+" and key == "id"))
    loads = []
    for date, entry, created in sorted(rows, key=lambda row: row[0]):
        if not loads or date - loads[-1][1] > GAP:
            loads.append([date, date, set(), set()])
        load = loads[-1]
        load[1] = date
        load[2].add(entry)
        if created:
            load[3].add(entry)
    return loads


def group_legacy_loads(apps, schema_editor):
    fixture_load_model = apps.get_model("iomsite", "FixtureLoad")
    for first, last, entries, created in legacy_loads(apps):
        load = fixture_load_model.objects.create(
            loaded_at=first, created=len(created), updated=len(entries - created)
        )
        # "Loaded from fixtures/people.json" → "Loaded on deploy (load 3, fixtures/people.json)"
        reason = Concat(
            Value(f"{REASON_PREFIX}{load.pk}, "),
            Substr("history_change_reason", len("Loaded from ") + 1),
            Value(")"),
            output_field=models.TextField(),
        )
        for model, _entry_label, _key in history_models(apps):
            model.objects.filter(
                history_change_reason__startswith=LEGACY_PREFIX,
                history_date__range=(first, last),
            ).update(history_change_reason=reason)


class Migration(migrations.Migration):
    dependencies = [
        ("iomsite", "0003_fixtureload"),
        ("orgs", "0006_content_editors_note"),
        ("timeline", "0005_event_editors_note"),
        ("critiques", "0004_content_editors_note"),
    ]

    operations = [migrations.RunPython(group_legacy_loads, migrations.RunPython.noop)]
