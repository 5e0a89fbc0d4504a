"""Site search across every public kind of entry, in the reader's language.

On PostgreSQL it uses full-text search (``iomsite.search_postgres``: stored,
weighted vectors per language with accent folding and stemming, ``ts_headline``
highlights, ``pg_trgm`` suggestions). On SQLite it falls back to Python
(``iomsite.search_words``): accents and case folded, whole words with a light
stemmer, title hits first, highlights and suggestions by ``difflib``. Both
return the same kind of results, and both match a year or a month typed in the
query ("1989", "December 1951") against the date of each dated entry.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.db import connection
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from editorial import registry
from editorial.search import fold, search_language

MAX_QUERY_LENGTH = 200
RESULTS_PER_KIND = 25
WORD = re.compile(r"\w+", re.UNICODE)
YEAR = re.compile(r"^[12]\d{3}$")
DAY = re.compile(r"^(0?[1-9]|[12]\d|3[01])$")
# Month names in the reader languages, accents and case folded.
MONTHS = {
    name: number
    for names in (
        "january february march april may june july august september october november december",
        "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    )
    for number, name in enumerate(names.split(), start=1)
}
# Words that join the parts of a written date ("5 de diciembre de 1951").
DATE_JOINERS = {"de", "del", "of", "the", "le", "el"}


@dataclass(frozen=True)
class Target:
    """A model to search (its ``search_weights`` say which fields count, and how
    much) and how to show a hit (its registration's ``SearchTarget``)."""

    model: type
    label: str
    title: str
    snippet: str
    boost: float = 1.0
    date: str | None = None

    @property
    def weighted_fields(self):
        return self.model.search_weights

    @property
    def name_field(self):
        """The field that names the entry: its title, or its first "A" field."""
        if self.title != "__str__":
            return self.title
        return next(name for name, weight in self.weighted_fields.items() if weight == "A")

    @property
    def name_fields(self):
        """The fields that name the entry, an exact match of which comes first."""
        return [name for name, weight in self.weighted_fields.items() if weight == "A"]

    def queryset(self):
        related = getattr(self.model, "str_related", ())
        published = self.model.objects.published()
        return published.select_related(*related) if related else published


def targets():
    """Every registered model the search covers."""
    return [
        Target(
            r.model, r.search.label, r.search.title, r.search.snippet, r.search.boost, r.search.date
        )
        for r in registry.registrations()
        if r.search is not None
    ]


@dataclass
class Result:
    kind: str
    title: str  # safe HTML: the matched words marked
    url: str
    snippet: str  # safe HTML: the matched words marked
    score: float
    date: object = None  # a PartialDate, shown at its own precision


@dataclass
class Found:
    results: list = field(default_factory=list)
    # "Did you mean …": the query with a near-miss word spelled as the site spells it.
    suggestion: str | None = None


@dataclass(frozen=True)
class Terms:
    """What a query asks for: its words, and the date it names, if any."""

    text: str
    words: tuple
    # The words left once the date's words are taken out ("treaty" of "treaty 1951").
    text_words: tuple = ()
    # The date as stored ("1989", "1951-12", "1951-12-05"), matched as a prefix.
    date_prefix: str | None = None
    language: str = "en"


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


def parse(query, language="en"):
    """The query's words, and the date it names: a year, with a month and a day
    if given ("5 December 1951", "décembre 1951", "1951")."""
    words = tuple(WORD.findall(query))
    folded = [fold(word) for word in words]
    year = next((i for i, word in enumerate(folded) if YEAR.match(word)), None)
    if year is None:
        return Terms(query, words, words, None, language)
    date_words = {year}
    prefix = folded[year]
    month = next((i for i, word in enumerate(folded) if word in MONTHS), None)
    if month is not None:
        date_words.add(month)
        prefix += f"-{MONTHS[folded[month]]:02d}"
        day = next((i for i, word in enumerate(folded) if DAY.match(word)), None)
        if day is not None:
            date_words.add(day)
            prefix += f"-{int(folded[day]):02d}"
        date_words |= {i for i, word in enumerate(folded) if word in DATE_JOINERS}
    rest = tuple(word for i, word in enumerate(words) if i not in date_words)
    return Terms(query, words, rest, prefix, language)


def search(query):
    """Ranked results for a cleaned query, with a suggestion when nothing matched."""
    terms = parse(query, search_language(get_language()))
    if not terms.words:
        return Found()
    if connection.vendor == "postgresql":
        from . import search_postgres as engine
    else:
        from . import search_words as engine
    found = engine.search(targets(), terms)
    found.results.sort(key=lambda r: (-r.score, r.title))
    return found
