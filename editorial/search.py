"""Stored search text for content found by the site search.

``Searchable`` models keep, on PostgreSQL, a weighted search vector refreshed on
every save (``refresh_search_vector``, connected by ``editorial.apps``); the site
search reads it. On SQLite the search reads the fields themselves.
"""

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connection, models


class Searchable(models.Model):
    """Content found by the site search.

    ``search_weights`` names the fields searched and how much a match in each
    counts, from "A" (most) to "D". On PostgreSQL the weighted text is kept, ready
    to search, in ``search_vector`` (GIN-indexed), refreshed whenever the record is
    saved; on SQLite the search reads the fields themselves.
    """

    search_vector = SearchVectorField(null=True, editable=False)
    search_weights = {}

    class Meta:
        abstract = True

    @classmethod
    def search_vector_expression(cls):
        parts = [
            SearchVector(name, weight=weight, config="english")
            for name, weight in cls.search_weights.items()
        ]
        vector = parts[0]
        for part in parts[1:]:
            vector += part
        return vector

    @classmethod
    def refresh_search_vectors(cls, queryset=None):
        """Recompute the stored vectors of ``queryset`` (default: every record)."""
        if connection.vendor != "postgresql":
            return
        queryset = cls._default_manager.all() if queryset is None else queryset
        queryset.update(search_vector=cls.search_vector_expression())


def refresh_search_vector(sender, instance, raw=False, **kwargs):
    """Refresh the saved record's stored search text, in the same transaction."""
    if not raw:
        sender.refresh_search_vectors(sender._default_manager.filter(pk=instance.pk))
