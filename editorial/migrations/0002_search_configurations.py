"""PostgreSQL text search configurations for the site search, one per reader
language: the language's own stemming with ``unaccent`` in front, so "antonio"
finds "António". ``pg_trgm`` serves the "Did you mean …" suggestions. On SQLite
every operation here does nothing (the search folds accents in Python there)."""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

# (configuration, PostgreSQL's configuration it copies, its stemming dictionary)
CONFIGURATIONS = [
    ("en_unaccent", "english", "english_stem"),
    ("fr_unaccent", "french", "french_stem"),
    ("es_unaccent", "spanish", "spanish_stem"),
]
# Token types whose words may carry accents; unaccent runs before the stemmer.
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, template, stemmer in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {template})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, {stemmer}"
        )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _template, _stemmer in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_initial")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(create_configurations, drop_configurations),
    ]
