"""Pages in French and Spanish show the content's translations; English standing
in for a missing one carries lang="en" and a "not yet translated" mark in the
body, plain in titles and meta data; quotations keep the original words; and a
page costs the same queries in every language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests import factories
from tests.critiques.page_helpers import DETAIL_QUERIES as CRITICISM_QUERIES

pytestmark = pytest.mark.django_db

LANGS = ("en", "fr", "es")
# The mark is in the reader's language (these tests read French pages).
MARK = '<small class="untranslated">(pas encore traduit)</small>'


def get_in(client, language, url_of):
    """The page at ``url_of()`` as a reader of ``language`` asks for it: the address
    given in that language, and the browser's language."""
    with translation.override(language):
        url = url_of()
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language)


def test_a_french_reader_gets_the_french_title_and_summary(client):
    event = factories.EventFactory(
        title="Founding conference",
        title_fr="Conférence fondatrice",
        summary="Delegates met in Brussels.",
        summary_fr="Les délégués se sont réunis à Bruxelles.",
    )

    response = get_in(client, "fr", event.get_absolute_url)

    assert "<h1>Conférence fondatrice</h1>" in response.text
    assert "<title>Conférence fondatrice · " in response.text
    assert "Les délégués se sont réunis à Bruxelles." in response.text
    assert "Founding conference" not in response.text
    assert MARK not in response.text


def test_a_spanish_reader_gets_the_spanish_not_the_french(client):
    event = factories.EventFactory(title="Founding", title_fr="Fondation", title_es="Fundación")

    response = get_in(client, "es", event.get_absolute_url)

    assert "<h1>Fundación</h1>" in response.text
    assert "Fondation" not in response.text


def test_english_without_translation_is_marked_in_the_body_and_plain_in_the_head(client):
    event = factories.EventFactory(title="Founding conference", summary="Delegates met.")

    response = get_in(client, "fr", event.get_absolute_url)

    assert f'<h1><span lang="en">Founding conference</span> {MARK}</h1>' in response.text
    assert "<title>Founding conference · " in response.text
    assert '<meta property="og:title" content="Founding conference">' in response.text
    assert '<meta name="description" content="Delegates met.">' in response.text
    assert '<div lang="en"><p>Delegates met.' in response.text


def test_english_readers_see_no_mark(client):
    event = factories.EventFactory(title="Founding conference")

    response = get_in(client, "en", event.get_absolute_url)

    assert "<h1>Founding conference</h1>" in response.text
    assert "untranslated" not in response.text


def test_a_quotation_keeps_its_words_with_the_sites_translation_beside_them(client):
    quotation = factories.QuotationFactory(
        text="arbitrary detention", translation_fr="détention arbitraire"
    )

    response = get_in(client, "fr", quotation.criticism.get_absolute_url)

    assert 'lang="en"' in response.text.split("<blockquote")[1].split(">")[0]
    assert "<p>arbitrary detention</p></blockquote>" in response.text
    assert "Traduction de ce site\u00a0:</span> détention arbitraire</p>" in response.text


def test_a_quotation_is_shown_without_translation_to_english_readers(client):
    quotation = factories.QuotationFactory(
        text="arbitrary detention", translation_fr="détention arbitraire"
    )

    response = get_in(client, "en", quotation.criticism.get_absolute_url)

    assert "arbitrary detention" in response.text
    assert "détention arbitraire" not in response.text
    assert "Translation by this site" not in response.text


def test_a_criticism_and_its_topics_are_shown_in_french(client):
    topic = factories.TopicFactory(name="Detention", name_fr="Détention")
    criticism = factories.CriticismFactory(
        title="Offshore detention", title_fr="Détention extraterritoriale", topics=[topic]
    )

    response = get_in(client, "fr", criticism.get_absolute_url)

    assert '<h1 id="criticism-heading">Détention extraterritoriale</h1>' in response.text
    assert ">Détention</a></li>" in response.text


# Query counts: the same in every language


def queries_of(client, language, url_of):
    with CaptureQueriesContext(connection) as captured:
        response = get_in(client, language, url_of)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("count", [1, 20])
def test_a_criticism_page_costs_the_same_queries_in_every_language(client, count):
    criticism = factories.CriticismFactory()
    factories.QuotationFactory.create_batch(count, criticism=criticism)

    counts = {lang: queries_of(client, lang, criticism.get_absolute_url) for lang in LANGS}

    assert counts == dict.fromkeys(LANGS, CRITICISM_QUERIES)


@pytest.mark.parametrize(
    "url_of",
    [
        lambda: reverse("home"),
        lambda: reverse("timeline:list"),
        lambda: reverse("orgs:leaders"),
        lambda: reverse("orgs:structure"),
        lambda: reverse("critiques:list"),
    ],
    ids=["home", "timeline", "leaders", "structure", "criticisms"],
)
def test_seed_pages_cost_the_same_queries_in_every_language(client, url_of):
    counts = {lang: queries_of(client, lang, url_of) for lang in LANGS}

    assert counts["fr"] == counts["es"] == counts["en"]
