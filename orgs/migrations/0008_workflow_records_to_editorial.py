"""Pending changes and review comments now belong to the editorial engine: copy
them, keys included, to its tables, then drop the old ones."""

from django.core.management.color import no_style
from django.db import migrations

FIELDS = {
    "pendingchange": [
        "id", "content_type_id", "object_id", "values", "many_to_many", "citations", "summary",
        "author_id", "state", "reviewer_id", "reviewer_comment", "base_version", "revision",
        "created", "updated",
    ],
    "reviewcomment": ["id", "content_type_id", "object_id", "comment", "reviewer_id", "created"],
}  # fmt: skip


def copy_to_editorial(apps, schema_editor):
    connection = schema_editor.connection
    copied = []
    for name, fields in FIELDS.items():
        old = apps.get_model("orgs", name)
        new = apps.get_model("editorial", name)
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
        ("orgs", "0007_fact_rank_plain_labels"),
        ("editorial", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_to_editorial, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="pendingchange", name="orgs_pendingchange_one_per_entry"
        ),
        migrations.RemoveIndex(model_name="reviewcomment", name="orgs_review_content_33e80f_idx"),
        migrations.RemoveField(model_name="reviewcomment", name="content_type"),
        migrations.RemoveField(model_name="reviewcomment", name="reviewer"),
        migrations.DeleteModel(name="PendingChange"),
        migrations.DeleteModel(name="ReviewComment"),
    ]
