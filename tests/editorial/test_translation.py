"""Content in the reader's language: the translation when there is one, else the
English, marked as standing in for it; a quotation's words never replaced."""

from django.template import Context, Template
from django.utils import translation

from critiques.models import Quotation
from editorial.checks import translation_columns_follow_the_convention
from editorial.translation import (
    TranslatedText,
    placed_beside_english,
    site_translation,
    translated,
    translated_fields,
    untranslated,
)
from orgs.models import Fact, Source
from timeline.models import Event


def event(**fields):
    return Event(
        **{"title": "Founding conference", "summary": "Delegates met in Brussels.", **fields}
    )


def render(text, **context):
    return Template("{% load translated %}" + text).render(Context(context))


def test_the_translation_is_given_in_the_active_language():
    entry = event(title_fr="Conférence fondatrice", title_es="Conferencia fundacional")

    with translation.override("fr"):
        title = translated(entry, "title")

    assert title == "Conférence fondatrice"
    assert (title.lang, title.is_fallback) == ("fr", False)
    assert translated(entry, "title", "es") == "Conferencia fundacional"


def test_english_stands_in_for_a_missing_translation_and_says_so():
    with translation.override("es"):
        title = translated(event(title_fr="Conférence fondatrice"), "title")

    assert title == "Founding conference"
    assert (title.lang, title.is_fallback) == ("en", True)


def test_english_readers_get_the_english_unmarked():
    with translation.override("en"):
        title = translated(event(title_fr="Conférence fondatrice"), "title")

    assert (title, title.lang, title.is_fallback) == ("Founding conference", "en", False)


def test_an_empty_field_is_no_fallback():
    with translation.override("fr"):
        reason = translated(event(), "rank_reason")

    assert (reason, reason.is_fallback) == ("", False)


def test_a_regional_variant_reads_its_language():
    with translation.override("fr-ca"):
        assert translated(event(title_fr="Conférence"), "title") == "Conférence"


def test_a_quotations_words_are_never_replaced_by_the_translation():
    quotation = Quotation(text="arbitrary detention", translation_fr="détention arbitraire")

    with translation.override("fr"):
        words = translated(quotation, "text")
        beside = site_translation(quotation, "text")

    assert (words, words.lang, words.is_fallback) == ("arbitrary detention", "en", False)
    assert (beside, beside.lang) == ("détention arbitraire", "fr")


def test_a_quotation_has_no_site_translation_in_english_or_when_none_is_written():
    quotation = Quotation(text="arbitrary detention", translation_fr="détention arbitraire")

    assert site_translation(quotation, "text", "en") is None
    assert site_translation(quotation, "text", "es") is None


def test_the_translated_fields_are_read_from_the_model():
    assert translated_fields(Event) == ("title", "summary", "rank_reason")
    assert translated_fields(Source) == ("note",)
    assert translated_fields(Quotation) == ("text",)


def test_untranslated_lists_fields_with_english_but_no_translation():
    entry = event(title_fr="Conférence", summary_es="Los delegados se reunieron.")

    assert untranslated(entry, "fr") == ["summary"]
    assert untranslated(entry, "es") == ["title"]


def test_a_translation_survives_being_pickled_as_the_page_cache_would():
    import pickle

    text = pickle.loads(pickle.dumps(TranslatedText("Founding", "en", True)))

    assert (text, text.lang, text.is_fallback) == ("Founding", "en", True)


# In templates


def test_the_tag_marks_english_standing_in_for_a_translation():
    with translation.override("fr"):
        html = render('{% translated entry "title" %}', entry=event())

    assert html == (
        '<span lang="en">Founding conference</span> '
        '<small class="untranslated">(pas encore traduit)</small>'
    )


def test_the_tag_gives_a_translation_without_mark():
    with translation.override("fr"):
        html = render('{% translated entry "title" %}', entry=event(title_fr="Conférence & co"))

    assert html == "Conférence &amp; co"


def test_the_tag_sets_paragraphs_and_shortens():
    entry = event(summary="One two three four.\n\nFive.")

    with translation.override("fr"):
        paragraphs = render('{% translated entry "summary" paragraphs=True %}', entry=entry)
        short = render('{% translated entry "summary" words=2 %}', entry=entry)

    assert paragraphs.startswith('<div lang="en"><p>One two three four.</p>')
    assert paragraphs.endswith('<p class="untranslated">(pas encore traduit)</p>')
    assert short.startswith('<span lang="en">One two …</span>')


def test_the_filter_gives_plain_text_for_attributes():
    with translation.override("fr"):
        html = render('<meta content="{{ entry|translated:"title" }}">', entry=event())

    assert html == '<meta content="Founding conference">'


# Admin layout and the naming rule


def test_translations_are_placed_right_below_their_english_field():
    lines = ["kind", ("value", "unit"), "rank_reason", "note", "note_es", "slug"]

    assert placed_beside_english(Fact, lines) == [
        "kind",
        ("value", "unit"),
        "rank_reason",
        "rank_reason_fr",
        "rank_reason_es",
        "note",
        "note_fr",
        "note_es",
        "slug",
    ]


def test_a_translation_column_named_against_the_convention_fails_the_checks(monkeypatch):
    column = Event._meta.get_field("title_fr")
    monkeypatch.setattr(column, "name", "titel_fr")

    errors = translation_columns_follow_the_convention()

    assert [(error.id, error.obj) for error in errors] == [("editorial.E002", Event)]
    assert "must be named title_fr" in errors[0].msg


def test_the_seed_models_follow_the_convention():
    assert translation_columns_follow_the_convention() == []
