"""The search without PostgreSQL (SQLite): matching words in Python.

Each searchable record stores its searched text, every language's, with accents
and case folded (``search_text``, see ``editorial.search``); one query per kind
of entry takes the records containing every stem of the query. Those are then
matched word by word in Python, in the reader's language with the English
beside it ("António" → "antonio"): a query word matches a word of the same stem,
by a light stemmer common to the three languages ("found", "founded",
"founding"), or that it begins, when the query word is long enough to be meant
as a prefix. Whole words only: "Manus" does not match "McManus". A hit in a
title counts more than one in a summary. When nothing matches, one more query
reads the names of all entries for a suggestion (``difflib``)."""

import difflib
import functools
import re

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from editorial.search import fold, translated_value

from .search import RESULTS_PER_KIND, WORD, Found, Result

WEIGHT_SCORES = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}
EXACT_NAME_BONUS = 1.0
# Endings of English, French and Spanish inflections, longest first.
SUFFIXES = ("ings", "ing", "edly", "ed", "ees", "ee", "es", "s", "e")
SHORTEST_STEM = 3
SHORTEST_PREFIX = 5
SNIPPET_WORDS = 30
# Records of a kind scored in Python at most: the search stays quick however
# common the word (on PostgreSQL every match is ranked).
MOST_CANDIDATES = 500
WORDS_AND_GAPS = re.compile(r"(\w+)", re.UNICODE)


def stem(word):
    """A word without accents, case and inflection ("Founded" → "found", "fondée" → "fond")."""
    return _stem_folded(fold(word))


@functools.lru_cache(maxsize=65536)
def _stem_folded(word):
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= SHORTEST_STEM:
            return word[: -len(suffix)]
    return word


class Matcher:
    """Tells which words of a text match the query's words."""

    def __init__(self, words):
        self.stems = {stem(word) for word in words}
        self.prefixes = {s for s in self.stems if len(s) >= SHORTEST_PREFIX}

    def found(self, text):
        """The query stems that some word of ``text`` matches."""
        words = set(WORD.findall(fold(text)))
        found = self.stems.intersection(_stem_folded(word) for word in words)
        for prefix in self.prefixes - found:
            if any(word.startswith(prefix) for word in words):
                found.add(prefix)
        return found

    def marks(self, word):
        return bool(self.found(word))


def search(targets, terms):
    results = []
    matcher = Matcher(terms.words)
    rest = Matcher(terms.text_words)
    for target in targets:
        scored = []
        for obj in _candidates(target, terms, matcher, rest):
            texts = _texts(target, obj, terms.language)
            score = _score(target, obj, texts, matcher, rest, terms)
            if score:
                scored.append((score, obj))
        scored.sort(key=lambda pair: -pair[0])
        results += [
            _result(target, obj, score, matcher, terms) for score, obj in scored[:RESULTS_PER_KIND]
        ]
    suggestion = None if results else suggest(terms, _name_words(targets))
    return Found(results, suggestion)


def _containing(matcher):
    """Records whose folded text contains every query stem: a superset of the
    hits (a stem inside a longer word too), narrowed in Python."""
    return Q(*(Q(search_text__contains=s) for s in matcher.stems))


def _candidates(target, terms, matcher, rest):
    condition = _containing(matcher)
    if terms.date_prefix and target.date:
        condition |= Q(**{f"{target.date}__startswith": terms.date_prefix}) & _containing(rest)
    return target.queryset().filter(condition)[:MOST_CANDIDATES]


def _name_words(targets):
    """The words of every entry's name or title, in one query."""
    names = [target.queryset().values_list(target.name_field).order_by() for target in targets]
    every_name = names[0].union(*names[1:], all=True).order_by()
    return {word for (name,) in every_name for word in WORD.findall(name)}


def _texts(target, obj, language):
    """Each searched field's text: the reader's language and the English."""
    texts = {}
    for name in target.weighted_fields:
        english = str(getattr(obj, name) or "")
        local = str(translated_value(obj, name, language) or "")
        texts[name] = english if local == english else f"{local} {english}"
    return texts


def _field_score(target, texts, matcher):
    """Each query word counts the weight of the best field it is found in; 0 unless
    every word is found."""
    best = dict.fromkeys(matcher.stems, 0.0)
    for name, weight in target.weighted_fields.items():
        for query_stem in matcher.found(texts[name]):
            best[query_stem] = max(best[query_stem], WEIGHT_SCORES[weight])
    return sum(best.values()) if best and all(best.values()) else 0.0


def _score(target, obj, texts, matcher, rest, terms):
    score = _field_score(target, texts, matcher)
    if score and any(fold(getattr(obj, name)) == fold(terms.text) for name in target.name_fields):
        score += EXACT_NAME_BONUS
    if terms.date_prefix and target.date:
        date = getattr(obj, target.date)
        if date and date.isoformat().startswith(terms.date_prefix):
            text_score = _field_score(target, texts, rest) if terms.text_words else 1.0
            if text_score:
                score = max(score, text_score) + 1.0
    return score * target.boost


def highlight(text, matcher, limit=None):
    """``text`` escaped, the matched words marked; cut to ``limit`` words around
    the first match when given."""
    pieces = WORDS_AND_GAPS.split(text)
    # Odd pieces are words, even ones the gaps between them.
    marked = [i for i in range(1, len(pieces), 2) if matcher.marks(pieces[i])]
    marked_set = set(marked)
    start, end, before, after = 0, len(pieces), "", ""
    if limit and len(pieces) // 2 > limit:
        start = max(0, (marked[0] if marked else 1) - 10)
        start -= start % 2  # begin on a gap
        end = min(len(pieces), start + 2 * limit)
        before = "… " if start else ""
        after = " …" if end < len(pieces) else ""
    html = [
        f"<mark>{escape(piece)}</mark>" if i in marked_set else escape(piece)
        for i, piece in enumerate(pieces[start:end], start=start)
    ]
    return mark_safe(before + "".join(html).strip() + after)


def _result(target, obj, score, matcher, terms):
    language = terms.language
    title = str(obj) if target.title == "__str__" else translated_value(obj, target.title, language)
    snippet = Truncator(translated_value(obj, target.snippet, language) or "").words(200)
    date = getattr(obj, target.date) if target.date else None
    return Result(
        str(target.label),
        highlight(title, matcher),
        obj.get_absolute_url(),
        highlight(snippet, matcher, limit=SNIPPET_WORDS),
        score,
        date,
    )


def suggest(terms, vocabulary):
    """The query with each unknown word replaced by the nearest name word, if any."""
    known = {fold(word): word for word in vocabulary if len(word) > 2}
    changed = False
    words = []
    for word in terms.words:
        folded = fold(word)
        close = difflib.get_close_matches(folded, known, n=1, cutoff=0.8)
        if close and close[0] != folded and folded not in known:
            words.append(known[close[0]])
            changed = True
        else:
            words.append(word)
    return " ".join(words) if changed else None
