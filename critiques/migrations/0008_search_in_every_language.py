import django.contrib.postgres.search
from django.db import migrations, models

from editorial.search import index_and_fill

# The search weights as they were when this migration was written.
WEIGHTS = {'criticism': {'title': 'A', 'summary': 'B', 'response': 'C'}, 'critic': {'name': 'A', 'description': 'B'}}


def index_and_fill_all(apps, schema_editor):
    """The folded search text of every record; on PostgreSQL, GIN indexes on the
    vectors of each language, all filled in with the unaccenting configurations
    (the English vectors included)."""
    for model_name, weights in WEIGHTS.items():
        index_and_fill(apps.get_model("critiques", model_name), weights, schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('editorial', '0002_search_configurations'),
        ('critiques', '0007_verbose_names_translated'),
    ]

    operations = [
        migrations.AddField(
            model_name='critic',
            name='search_text',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='critic',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='critic',
            name='search_vector_es',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='critic',
            name='search_vector_fr',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='criticism',
            name='search_text',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='criticism',
            name='search_vector_es',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='criticism',
            name='search_vector_fr',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(index_and_fill_all, migrations.RunPython.noop),
    ]
