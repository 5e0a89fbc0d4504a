"""Dates and numbers as each language writes them: partial dates at their
precision, large numbers in the language's own scale, amounts of money, and the
figures of the pages and charts that show them."""

import re

import pytest
from django.utils import translation

from editorial.numbers import human_number, money, plain_number
from orgs.chart_scales import tick_label
from orgs.dates import PartialDate

NBSP = "\xa0"


def in_(language, function, *args):
    with translation.override(language):
        return function(*args)


@pytest.mark.parametrize(
    ("iso", "english", "french", "spanish"),
    [
        ("1951-12-05", "5 December 1951", "5 décembre 1951", "5 de diciembre de 1951"),
        ("1989-11-01", "1 November 1989", "1er novembre 1989", "1 de noviembre de 1989"),
        ("1958-05", "May 1958", "mai 1958", "mayo de 1958"),
        ("1980", "1980", "1980", "1980"),
    ],
)
def test_a_partial_date_is_written_at_its_precision_in_each_language(iso, english, french, spanish):
    date = PartialDate.parse(iso)
    assert [in_(language, str, date) for language in ("en", "fr", "es")] == [
        english,
        french,
        spanish,
    ]


@pytest.mark.parametrize(
    ("value", "english", "french", "spanish"),
    [
        (2_500_000_000, "2.5 billion", "2,5 milliards", "2500 millones"),
        (1_500_000_000, "1.5 billion", "1,5 milliard", "1500 millones"),
        (1_000_000, "1 million", "1 million", "1 millón"),
        (1_500_000, "1.5 million", "1,5 million", "1,5 millones"),
        (17_761, "17,761", f"17{NBSP}761", f"17{NBSP}761"),
        (2_500, "2,500", f"2{NBSP}500", "2500"),
        (175, "175", "175", "175"),
    ],
)
def test_a_large_number_is_written_in_each_language_s_scale(value, english, french, spanish):
    assert [in_(language, human_number, value) for language in ("en", "fr", "es")] == [
        english,
        french,
        spanish,
    ]


@pytest.mark.parametrize(
    ("value", "currency", "english", "french", "spanish"),
    [
        (
            2_500_000_000,
            "USD",
            "US$2.5 billion",
            "2,5 milliards de dollars US",
            "2500 millones de dólares estadounidenses",
        ),
        (
            750_000,
            "USD",
            "US$750,000",
            f"750{NBSP}000 dollars US",
            f"750{NBSP}000 dólares estadounidenses",
        ),
        (
            40_000_000,
            "AUD",
            "A$40 million",
            "40 millions de dollars australiens",
            "40 millones de dólares australianos",
        ),
    ],
)
def test_an_amount_of_money_is_written_in_each_language(value, currency, english, french, spanish):
    assert [in_(language, money, value, currency) for language in ("en", "fr", "es")] == [
        english,
        french,
        spanish,
    ]


def test_a_number_in_full_takes_the_language_s_decimal_mark():
    assert in_("en", plain_number, "0.5") == "0.5"
    assert in_("fr", plain_number, "21500.50") == f"21{NBSP}500,5"


def test_a_chart_s_tick_labels_take_the_language_s_decimal_mark():
    assert in_("fr", tick_label, "0.2") == "0,2"
    assert in_("es", tick_label, "2500000000") == "2500 millones"


@pytest.mark.django_db
def test_the_french_infobox_shows_the_founding_date_and_figures_in_french(client):
    html = client.get("/fr/").text
    infobox = html[html.index('class="infobox"') : html.index("</aside>")]
    assert '<time datetime="1951-12-05">5 décembre 1951</time>' in infobox
    assert re.search(r"\d+,?\d* milliards? de dollars US", infobox)


@pytest.mark.django_db
def test_the_spanish_infobox_shows_the_founding_date_and_figures_in_spanish(client):
    html = client.get("/es/").text
    infobox = html[html.index('class="infobox"') : html.index("</aside>")]
    assert '<time datetime="1951-12-05">5 de diciembre de 1951</time>' in infobox
    assert re.search(r"\d+ millones de dólares estadounidenses", infobox)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "es"])
def test_chart_coordinates_stay_plain_numbers_in_every_language(client, language):
    html = client.get(f"/{language}/structure/").text
    svg = "".join(re.findall(r"<svg .*?</svg>", html, re.S))
    assert svg
    coordinates = re.findall(r' (?:x|y|x1|x2|y1|y2|width|height|cx|cy|r)="([^"]*)"', svg)
    assert coordinates
    assert all(re.fullmatch(r"-?\d+(\.\d+)?", value) for value in coordinates), coordinates


@pytest.mark.django_db
def test_recent_updates_are_dated_in_the_page_s_language(client):
    html = client.get("/es/updates/").text
    assert re.search(r"<time datetime=\"[^\"]+\">\d+ de \w+ de \d{4}", html)


def test_dates_and_numbers_are_written_in_english_with_no_language_active():
    # As when Django writes the admin's log messages.
    with translation.override(None):
        assert str(PartialDate.parse("1989-11-01")) == "1 November 1989"
        assert money(2_500_000_000, "USD") == "US$2.5 billion"
