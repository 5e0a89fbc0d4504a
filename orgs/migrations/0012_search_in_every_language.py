import django.contrib.postgres.search
from django.db import migrations, models

from editorial.search import index_and_fill

# The search weights as they were when this migration was written.
WEIGHTS = {'organization': {'name': 'A', 'acronym': 'A', 'summary': 'B', 'mandate': 'C', 'structure': 'D'}, 'nameera': {'name': 'A', 'acronym': 'A', 'summary': 'B'}, 'office': {'name': 'A', 'city': 'A', 'country': 'B', 'summary': 'C'}, 'fact': {'kind': 'A', 'note': 'B', 'rank_reason': 'C'}, 'person': {'name': 'A', 'native_name': 'A', 'nationality': 'B', 'summary': 'C'}, 'source': {'title': 'A', 'authors': 'A', 'un_symbol': 'A', 'doi': 'A', 'isbn': 'A', 'container': 'B', 'publisher': 'C'}}


def index_and_fill_all(apps, schema_editor):
    """The folded search text of every record; on PostgreSQL, GIN indexes on the
    vectors of each language, all filled in with the unaccenting configurations
    (the English vectors included)."""
    for model_name, weights in WEIGHTS.items():
        index_and_fill(apps.get_model("orgs", model_name), weights, schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('editorial', '0002_search_configurations'),
        ('orgs', '0011_verbose_names_translated'),
    ]

    operations = [
        migrations.AddField(
            model_name='fact',
            name='search_text',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='fact',
            name='search_vector_es',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='fact',
            name='search_vector_fr',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='nameera',
            name='search_text',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='nameera',
            name='search_vector_es',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='nameera',
            name='search_vector_fr',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='office',
            name='search_text',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='office',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='office',
            name='search_vector_es',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='office',
            name='search_vector_fr',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='organization',
            name='search_text',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='organization',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='organization',
            name='search_vector_es',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='organization',
            name='search_vector_fr',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='person',
            name='search_text',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='person',
            name='search_vector_es',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='person',
            name='search_vector_fr',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='source',
            name='search_text',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='source',
            name='search_vector_es',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='source',
            name='search_vector_fr',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(index_and_fill_all, migrations.RunPython.noop),
    ]
