"""The loader's fingerprints now belong to the loader app, and the fixture loads
(shown to readers as one update each) to the editorial engine: copy them, keys
included (history rows name their load by number), then drop the old tables."""

from django.core.management.color import no_style
from django.db import migrations

MOVES = [
    ("loadedrecord", "loader", ["id", "model", "natural_key", "fingerprint", "loaded_at"]),
    ("fixtureload", "editorial", ["id", "loaded_at", "created", "updated"]),
]


def copy_rows(apps, schema_editor):
    connection = schema_editor.connection
    copied = []
    for name, app_label, fields in MOVES:
        old = apps.get_model("iomsite", name)
        new = apps.get_model(app_label, name)
        new.objects.bulk_create(
            new(**{field: getattr(row, field) for field in fields}) for row in old.objects.all()
        )
        copied.append(new)
    # Rows were written with their keys: the next key must come after them.
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), copied):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("iomsite", "0004_group_legacy_fixture_loads"),
        ("loader", "0001_initial"),
        ("editorial", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_rows, migrations.RunPython.noop),
        migrations.DeleteModel(name="FixtureLoad"),
        migrations.RemoveConstraint(model_name="loadedrecord", name="iomsite_loadedrecord_unique"),
        migrations.DeleteModel(name="LoadedRecord"),
    ]
