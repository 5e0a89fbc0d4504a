"""The search on PostgreSQL: full-text search in the reader's language.

Each kind of entry is one query on its stored, GIN-indexed vector of the reader's
language (see ``editorial.search``). The query is parsed with the language's
stemming (for French and Spanish twice: accents folded and kept) and with
English stemming, and any may match: the vector holds the text parsed each way.
Ranks weigh a title ("A") far above a passing mention; an entry dated in the
year or month the query names ranks above both.
``ts_headline`` marks the matched words, between two private-use characters
that cannot come from a query (``clean_query`` drops them) and that this module
turns into ``<mark>`` after escaping the text.
"""

import difflib
import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db.models import Case, F, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from editorial.search import (
    ACCENTED_CONFIGS,
    SEARCH_CONFIGS,
    VECTOR_FIELDS,
    fold,
    translated_expression,
)

from .search import RESULTS_PER_KIND, Found, Result

# ts_rank's weights for D, C, B and A: a title hit outweighs many mentions.
RANK_WEIGHTS = [0.02, 0.05, 0.2, 1.0]
DATE_BONUS = 1.0
EXACT_NAME_BONUS = 1.0
MARK_START, MARK_END = "\ue000", "\ue001"
MARKED = re.compile(f"{MARK_START}([^{MARK_START}{MARK_END}]*){MARK_END}")
SNIPPET_OPTIONS = {
    "max_words": 30,
    "min_words": 15,
    "max_fragments": 2,
    "fragment_delimiter": " … ",
}
# How alike a word and a name must be (pg_trgm word similarity) to be suggested.
SUGGESTION_SIMILARITY = 0.4
MOST_WORDS_CORRECTED = 4


def _query(text, language):
    """The words parsed with the language's stemming (accents folded, and kept
    for French and Spanish), or with English stemming."""
    configs = [SEARCH_CONFIGS[language], ACCENTED_CONFIGS.get(language), SEARCH_CONFIGS["en"]]
    queries = [
        SearchQuery(text, search_type="websearch", config=config)
        for config in dict.fromkeys(configs)
        if config
    ]
    query = queries[0]
    for other in queries[1:]:
        query |= other
    return query


def search(targets, terms):
    results = [r for target in targets for r in _hits(target, terms)]
    suggestion = None if results else suggest(targets, terms)
    return Found(results, suggestion)


def _hits(target, terms):
    column = VECTOR_FIELDS[terms.language]
    query = _query(terms.text, terms.language)
    condition = Q(**{column: query})
    bonus = _exact_name_bonus(target, terms.text)
    if terms.date_prefix and target.date:
        dated = Q(**{f"{target.date}__startswith": terms.date_prefix})
        if terms.text_words:
            dated &= Q(**{column: _query(" ".join(terms.text_words), terms.language)})
        condition |= dated
        bonus += Case(When(dated, then=Value(DATE_BONUS)), default=Value(0.0))
    hits = (
        target.queryset()
        .filter(condition)
        # Not "rank": Fact and Event have fields of that name.
        .annotate(search_rank=SearchRank(F(column), query, weights=RANK_WEIGHTS) + bonus)
        .annotate(**_headlines(target, query, terms.language))
        .order_by("-search_rank", "pk")[:RESULTS_PER_KIND]
    )
    return [_result(target, obj) for obj in hits]


def _exact_name_bonus(target, text):
    """The entry the query names exactly ("UNHCR", "antonio vitorino") comes first."""
    names = Q(
        *(Q(**{f"{name}__unaccent__iexact": text}) for name in target.name_fields),
        _connector=Q.OR,
    )
    return Case(When(names, then=Value(EXACT_NAME_BONUS)), default=Value(0.0))


def _headlines(target, query, language):
    config = SEARCH_CONFIGS[language]
    marks = {"config": config, "start_sel": MARK_START, "stop_sel": MARK_END}
    headlines = {
        "search_snippet": SearchHeadline(
            translated_expression(target.model, target.snippet, language),
            query,
            **marks,
            **SNIPPET_OPTIONS,
        )
    }
    if target.title != "__str__":
        headlines["search_title"] = SearchHeadline(
            translated_expression(target.model, target.title, language),
            query,
            highlight_all=True,
            **marks,
        )
    return headlines


def marked(headline):
    """A headline escaped, with its marked words in ``<mark>``."""
    html = MARKED.sub(r"<mark>\1</mark>", str(escape(headline or "")))
    return mark_safe(html.replace(MARK_START, "").replace(MARK_END, ""))


def _result(target, obj):
    title = getattr(obj, "search_title", None) or str(obj)
    return Result(
        str(target.label),
        marked(title),
        obj.get_absolute_url(),
        marked(obj.search_snippet),
        float(obj.search_rank) * target.boost,
        getattr(obj, target.date) if target.date else None,
    )


def suggest(targets, terms):
    """The query with its words that name nothing replaced by the most alike word
    of a name or title (``pg_trgm``), or None: one query per word corrected."""
    changed = False
    words = []
    for position, word in enumerate(terms.words):
        better = None
        if position < MOST_WORDS_CORRECTED and len(word) > 3 and not word.isdigit():
            better = _closest_name_word(targets, word)
        changed |= better is not None
        words.append(better or word)
    return " ".join(words) if changed else None


def _closest_name_word(targets, word):
    names = [
        target.queryset()
        .annotate(similarity=TrigramWordSimilarity(Value(word), target.name_field))
        .filter(similarity__gte=SUGGESTION_SIMILARITY)
        .values_list(target.name_field, "similarity")
        .order_by()
        for target in targets
    ]
    best = names[0].union(*names[1:], all=True).order_by("-similarity")[:1]
    if not best:
        return None
    name_words = re.findall(r"\w+", best[0][0])
    closest = max(
        name_words, key=lambda w: difflib.SequenceMatcher(None, fold(w), fold(word)).ratio()
    )
    return None if fold(closest) == fold(word) else closest
