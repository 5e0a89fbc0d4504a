"""Content in the site's other languages: French and Spanish columns beside the English.

English stays in a field's own column; its translations are plain columns on the
same model, ``<field>_fr`` and ``<field>_es`` (blank allowed, empty by default).
One row per entry keeps everything the engine does per entry working unchanged:
one revision per change in history, one pending change per change, the review
queue's diff, fixtures with natural keys and the byte-stable export. A model
declares them in its class body, after the English field::

    title = models.CharField(_("title"), max_length=200)
    title_fr, title_es = translations(title)

Readers get a field's text in the active language through ``translated()``: the
translation, or the English marked as a fallback (``TranslatedText.is_fallback``),
which pages show with ``lang="en"`` and a "not yet translated" mark
(``editorial.templatetags.translation``).
"""

import copy

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# The language of the fields' own columns.
SOURCE_LANGUAGE = "en"

# The languages content is translated into, and how a field's label names each.
LANGUAGE_LABELS = {"fr": _("French"), "es": _("Spanish")}
LANGUAGES = tuple(LANGUAGE_LABELS)


def translations(english, *, shown_beside=False):
    """The French and Spanish columns of an English field, in ``LANGUAGES`` order.

    Each is the English field's kind and size, optional, empty by default, and
    remembers which field it translates (``translation_of``) and into what
    (``language``), so nothing else has to list the translated fields.

    ``shown_beside`` is for words that are never replaced by a translation, a
    quotation's: readers always get the original, and the site's translation
    beside it, as such (``site_translation()``). Their columns are named
    ``translation_<language>``.
    """
    columns = []
    for language, label in LANGUAGE_LABELS.items():
        _name, _path, args, kwargs = english.deconstruct()
        name = _("site’s translation") if shown_beside else english.verbose_name
        kwargs.update(
            verbose_name=format_lazy("{} ({})", name, label),
            blank=True,
            default="",
            help_text="",
        )
        for option in ("unique", "db_index", "choices", "validators", "null"):
            kwargs.pop(option, None)
        if isinstance(english, models.TextField):
            # A translation may run longer than the English (French often does).
            kwargs.pop("max_length", None)
        column = type(english)(*args, **kwargs)
        column.translation_of = english
        column.language = language
        column.shown_beside = shown_beside
        columns.append(column)
    return tuple(columns)


def translation_columns(model):
    """{English field name: {language: column}} for every translated field of ``model``."""
    found = {}
    for field in model._meta.concrete_fields:
        english = getattr(field, "translation_of", None)
        if english is not None:
            found.setdefault(english.name, {})[field.language] = field
    return found


def translated_fields(model):
    """The names of the model's translated fields (English columns), in model order."""
    return tuple(translation_columns(model))


def column_name(field_name, language, shown_beside=False):
    """The translation column's name: ``title_fr``, or ``translation_fr`` for words
    translated beside the original."""
    return f"{'translation' if shown_beside else field_name}_{language}"


def _column(model, field_name, language):
    return translation_columns(model)[field_name][language]


def is_translation(model, name):
    """Whether ``name`` is one of the model's translation columns."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return getattr(field, "translation_of", None) is not None


def reader_language():
    """The active language as a code of ``settings.LANGUAGES`` ("fr" for "fr-ca")."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    return language if language in LANGUAGES else SOURCE_LANGUAGE


class TranslatedText(str):
    """A field's text in the reader's language, or the English standing in for it.

    ``lang`` is the language of the text itself; ``is_fallback`` says the English
    is shown because the field has no translation into the reader's language yet.
    As a ``str`` it is plain text: safe in attributes, titles and JSON-LD.
    """

    lang: str
    is_fallback: bool

    def __new__(cls, text, lang, is_fallback=False):
        value = super().__new__(cls, text)
        value.lang = lang
        value.is_fallback = is_fallback
        return value

    def __reduce__(self):
        return (TranslatedText, (str(self), self.lang, self.is_fallback))


def translated(entry, field_name, language=None):
    """``entry``'s ``field_name`` in ``language`` (default: the active language).

    Empty English stays empty and is no fallback: there is nothing to translate.
    Reads only the entry's own columns, so it costs no query.
    """
    english = getattr(entry, field_name) or ""
    language = language or reader_language()
    if language == SOURCE_LANGUAGE or not english:
        return TranslatedText(english, SOURCE_LANGUAGE)
    column = _column(type(entry), field_name, language)
    if column.shown_beside:
        return TranslatedText(english, SOURCE_LANGUAGE)
    text = getattr(entry, column.attname)
    if text:
        return TranslatedText(text, language)
    return TranslatedText(english, SOURCE_LANGUAGE, is_fallback=True)


def site_translation(entry, field_name, language=None):
    """The site's own translation of words shown in the original (a quotation's),
    into ``language`` (default: the active language); None in English or when
    there is none yet."""
    language = language or reader_language()
    if language == SOURCE_LANGUAGE:
        return None
    text = getattr(entry, _column(type(entry), field_name, language).attname)
    return TranslatedText(text, language) if text else None


def untranslated(entry, language):
    """The names of ``entry``'s translated fields that have English but no
    ``language`` version."""
    return [
        name
        for name in translated_fields(type(entry))
        if getattr(entry, name) and not getattr(entry, _column(type(entry), name, language).attname)
    ]


def placed_beside_english(model, lines):
    """Admin field lines with each translation column right after its English field.

    Translation columns listed anywhere are moved there; those not listed at all
    are added there, so a model's admin need not name them.
    """
    columns = translation_columns(model)
    moved = {column.name for by_language in columns.values() for column in by_language.values()}
    placed = []
    for line in lines:
        if isinstance(line, (list, tuple)):
            kept = [name for name in line if name not in moved]
            if kept:
                placed.append(type(line)(kept))
            continue
        if line in moved:
            continue
        placed.append(line)
        placed.extend(columns[line][language].name for language in columns.get(line, {}))
    return placed


def in_reader_language(entry):
    """A copy of ``entry`` whose translated fields hold the reader's language
    (English where untranslated), so that ``str()`` names it as its page does."""
    shown = copy.copy(entry)
    for name in translated_fields(type(entry)):
        setattr(shown, name, str(translated(entry, name)))
    return shown
