"""Site search across events, criticisms, people, name eras, facts and sources.

On PostgreSQL it uses full-text search (stored weighted vectors, web-search query
syntax, ranked); on SQLite it falls back to matching every word of the query
and ranking by where the words occur. Both return the same kind of results.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from editorial import registry

MAX_QUERY_LENGTH = 200
RESULTS_PER_KIND = 25
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Target:
    """A model to search (its ``search_weights`` say which fields count, and how
    much) and how to show a hit (its registration's ``SearchTarget``)."""

    model: type
    label: str
    title: str
    snippet: str
    boost: float = 1.0

    @property
    def weighted_fields(self):
        return self.model.search_weights

    def queryset(self):
        return self.model.objects.published()


def targets():
    """Every registered model the search covers."""
    return [
        Target(r.model, r.search.label, r.search.title, r.search.snippet, r.search.boost)
        for r in registry.registrations()
        if r.search is not None
    ]


WEIGHT_SCORES = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}


@dataclass
class Result:
    kind: str
    title: str
    url: str
    snippet: str
    score: float


def clean_query(raw):
    """The query as searched, and a notice for the reader when it had to be changed."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch == " ")
    text = " ".join(text.split())
    notice = None
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0]
        notice = _("Your search was long, so only its first %(count)s characters were used.") % {
            "count": MAX_QUERY_LENGTH
        }
    return text, notice


def search(query):
    """Ranked results for a cleaned query; empty when it has no words to look for."""
    words = WORD.findall(query)
    if not words:
        return []
    if connection.vendor == "postgresql":
        results = [r for target in targets() for r in _full_text(target, query)]
    else:
        results = [r for target in targets() for r in _word_match(target, words)]
    return sorted(results, key=lambda r: (-r.score, r.title))


def _full_text(target, query):
    search_query = SearchQuery(query, search_type="websearch", config="english")
    hits = (
        target.queryset()
        # The stored, GIN-indexed vector (see editorial.search.Searchable).
        .filter(search_vector=search_query)
        # Not "rank": Fact has a field of that name.
        .annotate(search_rank=SearchRank(F("search_vector"), search_query))
        .order_by("-search_rank")[:RESULTS_PER_KIND]
    )
    return [_result(target, obj, obj.search_rank) for obj in hits]


def _word_match(target, words):
    condition = Q()
    for word in words:
        condition &= Q(
            *(Q(**{f"{field}__icontains": word}) for field in target.weighted_fields),
            _connector=Q.OR,
        )
    hits = target.queryset().filter(condition)[: RESULTS_PER_KIND * 4]
    scored = [(_word_score(target, obj, words), obj) for obj in hits]
    scored.sort(key=lambda pair: -pair[0])
    return [_result(target, obj, score) for score, obj in scored[:RESULTS_PER_KIND]]


def _word_score(target, obj, words):
    score = 0.0
    for field, weight in target.weighted_fields.items():
        text = str(getattr(obj, field) or "").lower()
        score += WEIGHT_SCORES[weight] * sum(text.count(word.lower()) for word in words)
    return score


def _result(target, obj, score):
    title = str(obj) if target.title == "__str__" else getattr(obj, target.title)
    snippet = Truncator(getattr(obj, target.snippet) or "").words(30)
    url = obj.get_absolute_url()
    return Result(str(target.label), title, url, snippet, float(score) * target.boost)
