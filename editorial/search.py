"""Stored search text for content found by the site search.

``Searchable`` models keep, on PostgreSQL, one weighted search vector per reader
language, refreshed on every save (``refresh_search_vector``, connected by
``editorial.apps``); the site search reads them. Every searchable record also
keeps ``search_text``: its searched text in every language with accents and case
folded (``fold``), set before each save; the search on SQLite narrows its
candidates with it before matching words in Python.

Why stored vectors rather than computed at query time: a computed vector is
rebuilt for every published row on every search (a sequential scan that grows
with the content), while a stored one is GIN-indexed, so a search reads only
the matching rows. Three languages cost three columns and one UPDATE per save.

Each language's vector holds the text in that language, falling back to the
English where a translation is missing, parsed with that language's stemming,
plus the English text parsed with English stemming: a reader of the Spanish
pages finds an entry by its Spanish words and by its English ones.
"""

import unicodedata

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, NullIf

# The reader languages and their text search configurations: PostgreSQL's own
# stemming for the language with ``unaccent`` in front (see the migration
# editorial 0002_search_configurations).
SEARCH_CONFIGS = {"en": "en_unaccent", "fr": "fr_unaccent", "es": "es_unaccent"}
# PostgreSQL's own configurations, accents kept: the French and Spanish stemmers
# know their languages' accented endings ("fondée" and "fondé" share "fond"
# only when the accents reach the stemmer), so French and Spanish text is
# parsed both ways and a query matches either.
ACCENTED_CONFIGS = {"fr": "french", "es": "spanish"}
VECTOR_FIELDS = {"en": "search_vector", "fr": "search_vector_fr", "es": "search_vector_es"}


def search_language(language):
    """The reader language the search uses for ``language`` ("fr-ca" → "fr")."""
    code = (language or "en").split("-")[0]
    return code if code in SEARCH_CONFIGS else "en"


def translated_name(model, field, language):
    """The column holding ``field`` in ``language`` (``name_fr``), or ``field`` itself
    for English and for fields without a translation column yet."""
    if language == "en":
        return field
    name = f"{field}_{language}"
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return field
    return name


def translated_expression(model, field, language):
    """The field's text in ``language``, or the English where that is blank."""
    name = translated_name(model, field, language)
    if name == field:
        return F(field)
    # Text and char columns mix here (a summary and its translation): say the type.
    text = TextField()
    return Coalesce(NullIf(F(name), Value(""), output_field=text), F(field), output_field=text)


def translated_value(obj, field, language):
    """The record's text of ``field`` in ``language``, or the English where blank."""
    value = getattr(obj, translated_name(type(obj), field, language), "")
    return value or getattr(obj, field, "")


def fold(text):
    """Text without accents and case, for matching ("António" → "antonio")."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def vector_expression(model, weights, language):
    """The weighted vector of ``language``: its text (English where untranslated)
    with its stemming (for French and Spanish, with accents folded and kept), and
    for French and Spanish the English text with English stemming too."""
    parts = []
    for name, weight in weights.items():
        text = translated_expression(model, name, language)
        parts.append(SearchVector(text, weight=weight, config=SEARCH_CONFIGS[language]))
        if language in ACCENTED_CONFIGS:
            parts.append(SearchVector(text, weight=weight, config=ACCENTED_CONFIGS[language]))
        if language != "en":
            parts.append(SearchVector(name, weight=weight, config=SEARCH_CONFIGS["en"]))
    vector = parts[0]
    for part in parts[1:]:
        vector += part
    return vector


def folded_text(obj, weights):
    """The record's searched text, every language's, accents and case folded."""
    parts = []
    for name in weights:
        for column in (name, f"{name}_fr", f"{name}_es"):
            parts.append(str(getattr(obj, column, "") or ""))
    return fold("\n".join(part for part in parts if part))


def fill_folded_text(model, weights, queryset=None):
    """Store ``search_text`` for ``queryset`` (default: every record of ``model``)."""
    records = list(model._default_manager.all() if queryset is None else queryset)
    for record in records:
        record.search_text = folded_text(record, weights)
    model._default_manager.bulk_update(records, ["search_text"], batch_size=500)


def index_and_fill(model, weights, schema_editor):
    """For migrations: ``model``'s folded search text filled in, and on PostgreSQL
    a GIN index on each of its search vectors, and the vectors filled in
    (``model`` may be a historical model)."""
    fill_folded_text(model, weights)
    if schema_editor.connection.vendor != "postgresql":
        return
    table = model._meta.db_table
    for column in VECTOR_FIELDS.values():
        # The English vector's index keeps the name it was first given.
        index = f"{table}_search_gin" if column == "search_vector" else f"{table}_{column}_gin"
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin ({column})")
    model._default_manager.update(
        **{
            column: vector_expression(model, weights, language)
            for language, column in VECTOR_FIELDS.items()
        }
    )


class Searchable(models.Model):
    """Content found by the site search.

    ``search_weights`` names the fields searched and how much a match in each
    counts, from "A" (most) to "D". On PostgreSQL the weighted text is kept, ready
    to search, in one vector per language (GIN-indexed), refreshed whenever the
    record is saved; on SQLite the search reads the fields themselves.
    """

    search_vector = SearchVectorField(null=True, editable=False)
    search_vector_fr = SearchVectorField(null=True, editable=False)
    search_vector_es = SearchVectorField(null=True, editable=False)
    search_text = models.TextField(default="", editable=False)
    search_weights = {}

    class Meta:
        abstract = True

    @classmethod
    def search_vector_expression(cls, language="en"):
        return vector_expression(cls, cls.search_weights, language)

    @classmethod
    def update_search_vectors(cls, queryset):
        """On PostgreSQL, recompute the stored vectors of ``queryset``."""
        if connection.vendor != "postgresql":
            return
        queryset.update(
            **{
                column: cls.search_vector_expression(language)
                for language, column in VECTOR_FIELDS.items()
            }
        )

    @classmethod
    def refresh_search_vectors(cls, queryset=None):
        """Recompute all the stored search text of ``queryset`` (default: every
        record), for records written without a save (bulk creation)."""
        queryset = cls._default_manager.all() if queryset is None else queryset
        fill_folded_text(cls, cls.search_weights, queryset)
        cls.update_search_vectors(queryset)


def set_folded_text(sender, instance, **kwargs):
    """Fold the record's searched text as it is saved (no query of its own)."""
    instance.search_text = folded_text(instance, sender.search_weights)


def refresh_search_vector(sender, instance, raw=False, **kwargs):
    """Refresh the saved record's stored search vectors, in the same transaction."""
    if not raw:
        sender.update_search_vectors(sender._default_manager.filter(pk=instance.pk))
