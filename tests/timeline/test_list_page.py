"""The History and timeline page: the list of events, its filters, pagination
and band of names, in a fixed number of queries."""

import re

import pytest
from django.utils import timezone

from editorial.content import Status
from tests import factories
from tests.timeline.page_helpers import ERAS, event, list_url, titles
from timeline.models import Event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("subject")]


# Queries for the list page: the page of events, their citations with sources,
# the paginator's count, the names for the filter's menu and the names for the band.
LIST_QUERIES = 5


# The list


def test_list_shows_events_in_chronological_order(client):
    event(title="Renamed IOM", start="1989-11-14")
    event(title="Founded", start="1951-12-05")
    event(title="Renamed ICM", start="1980")
    event(title="Renamed ICEM", start="1952-11")

    response = client.get(list_url())

    assert response.status_code == 200
    assert titles(response) == ["Founded", "Renamed ICEM", "Renamed ICM", "Renamed IOM"]


def test_list_shows_dates_at_their_precision(client):
    event(title="Year only", start="1980")
    event(title="Month", start="1958-05")
    event(title="Day", start="1951-12-05")

    response = client.get(list_url())

    assert '<time datetime="1980">1980</time>' in response.text
    assert '<time datetime="1958-05">May 1958</time>' in response.text
    assert '<time datetime="1951-12-05">5 December 1951</time>' in response.text
    assert "1 January 1980" not in response.text
    assert "1 May 1958" not in response.text


def test_list_shows_a_range_for_an_event_that_lasted(client):
    event(title="Hungarian refugee operation", start="1956-11", end="1957")

    response = client.get(list_url())

    assert (
        '<time datetime="1956-11">November 1956</time> – <time datetime="1957">1957</time>'
        in response.text
    )


def test_list_entry_shows_link_category_name_summary_and_footnote(client, subject):
    founded = event(
        title="Founding conference",
        category=Event.Category.FOUNDING,
        name_era=subject.eras["PICMME"],
        summary="Delegates meeting in Brussels set up a committee.",
    )

    response = client.get(list_url())

    assert f'<a href="{founded.get_absolute_url()}">Founding conference</a>' in response.text
    assert "Founding" in response.text
    assert f'href="{subject.eras["PICMME"].get_absolute_url()}"' in response.text
    assert "Delegates meeting in Brussels set up a committee." in response.text
    assert '<a href="#note-1"' in response.text
    assert '<li id="note-1">' in response.text


def test_list_does_not_link_a_draft_name_era(client, subject):
    era = subject.eras["ICM"]
    era.status = Status.DRAFT
    era.save()
    event(title="Renamed ICM", start="1980", name_era=era)

    response = client.get(list_url())

    assert era.get_absolute_url() not in response.text


def test_list_has_title_description_and_one_h1(client):
    response = client.get(list_url())

    assert "<title>History and timeline · " in response.text
    assert '<meta name="description" content="Every dated event in the history' in response.text
    assert '<meta property="og:title" content="History and timeline">' in response.text
    assert response.text.count("<h1") == 1


def test_list_title_names_the_page_after_the_first(client):
    for number in range(30):
        event(start=f"{1951 + number}")

    response = client.get(list_url(page=2))

    assert "<title>History and timeline (page 2) · " in response.text


def test_list_with_no_events_says_so(client):
    response = client.get(list_url())

    assert response.status_code == 200
    assert "No events have been published yet." in response.text


# Filters


def test_filter_by_name_era_narrows_the_list(client, subject):
    event(title="Under ICEM", start="1960", name_era=subject.eras["ICEM"])
    event(title="Under IOM", start="1990", name_era=subject.eras["IOM"])

    response = client.get(list_url(era=subject.eras["ICEM"].slug))

    assert response.status_code == 200
    assert titles(response) == ["Under ICEM"]


def test_filter_by_decade_narrows_the_list(client):
    event(title="In the fifties, a year", start="1959")
    event(title="In the fifties, a day", start="1951-12-05")
    event(title="In the sixties", start="1960-01")
    event(title="Earlier", start="1949")

    response = client.get(list_url(decade="1950"))

    assert titles(response) == ["In the fifties, a day", "In the fifties, a year"]


def test_filter_by_category_narrows_the_list(client):
    event(title="A response", category=Event.Category.EMERGENCY_RESPONSE)
    event(title="A renaming", category=Event.Category.RENAMING)

    response = client.get(list_url(category=Event.Category.EMERGENCY_RESPONSE))

    assert titles(response) == ["A response"]


def test_filters_combine(client, subject):
    icem = subject.eras["ICEM"]
    event(title="Match", start="1956-11", category="emergency-response", name_era=icem)
    event(title="Other decade", start="1962", category="emergency-response", name_era=icem)
    event(title="Other category", start="1957", category="structure", name_era=icem)
    event(title="Other name", start="1951-12", category="emergency-response")

    response = client.get(list_url(era=icem.slug, decade="1950", category="emergency-response"))

    assert titles(response) == ["Match"]


def test_filter_with_no_match_says_so_and_offers_the_full_list(client):
    event(title="A founding", category=Event.Category.FOUNDING)

    response = client.get(list_url(category=Event.Category.LEADERSHIP))

    assert response.status_code == 200
    assert titles(response) == []
    assert "No events match these filters." in response.text
    assert f'<a href="{list_url()}">show all events</a>' in response.text


def test_filter_form_has_labelled_controls_and_a_submit_button(client):
    response = client.get(list_url())

    form = re.search(r'<form class="filters" method="get".*?</form>', response.text, re.S).group()
    for name in ("era", "decade", "category"):
        assert f'<label for="id_{name}">' in form
        assert f'name="{name}" id="id_{name}"' in form
    assert '<button type="submit">' in form


def test_decade_choices_run_from_the_1950s_to_the_current_decade(client):
    current = timezone.localdate().year // 10 * 10

    response = client.get(list_url())

    assert '<option value="1950">1950s</option>' in response.text
    assert f'<option value="{current}">{current}s</option>' in response.text
    assert '<option value="1940">' not in response.text
    assert f'<option value="{current + 10}">' not in response.text


def test_name_filter_offers_only_the_published_names_of_the_organization(client, subject):
    subject.eras["ICM"].status = Status.DRAFT
    subject.eras["ICM"].save()
    other = factories.NameEraFactory(slug="timeline-test-other", acronym="UNHCR")

    response = client.get(list_url())

    assert f'value="{subject.eras["ICEM"].slug}"' in response.text
    assert f'value="{subject.eras["ICM"].slug}"' not in response.text
    assert f'value="{other.slug}"' not in response.text


# Pagination


def test_list_is_paginated_by_25(client):
    for number in range(30):
        event(title=f"Event {number:02d}", start=f"{1951 + number}")

    first = client.get(list_url())
    second = client.get(list_url(page=2))

    assert titles(first) == [f"Event {n:02d}" for n in range(25)]
    assert titles(second) == [f"Event {n:02d}" for n in range(25, 30)]


def test_pagination_links_keep_the_filters(client):
    for number in range(30):
        event(title=f"Response {number:02d}", category="emergency-response")

    response = client.get(list_url(category="emergency-response", decade="1950"))

    assert 'href="?category=emergency-response&amp;decade=1950&amp;page=2"' in response.text
    assert 'rel="next"' in response.text


def test_link_to_the_first_page_keeps_the_filters_and_drops_the_page(client):
    for number in range(30):
        event(title=f"Response {number:02d}", category="emergency-response")

    response = client.get(list_url(category="emergency-response", page=2))

    assert titles(response) == [f"Response {n:02d}" for n in range(25, 30)]
    assert 'href="?category=emergency-response" rel="prev"' in response.text


def test_changing_a_filter_starts_again_at_page_one(client):
    for number in range(30):
        event(title=f"Response {number:02d}", category="emergency-response")

    response = client.get(list_url(category="emergency-response", page=2))

    form = re.search(r'<form class="filters" method="get".*?</form>', response.text, re.S).group()
    # The form sends only the filters, so a new choice shows its first page.
    assert 'name="page"' not in form
    assert f'action="{list_url()}"' in form
    # and it shows the filters in force.
    assert '<option value="emergency-response" selected>' in form


# Bad parameters


@pytest.mark.parametrize(
    "params",
    [
        {"era": "no-such-name"},
        {"era": "x" * 5000},
        {"era": "bad\x00value"},
        {"category": "no-such-category"},
        {"category": "y" * 5000},
        {"decade": "abc"},
        {"decade": "1940"},
        {"decade": "1950s"},
        {"decade": "9" * 5000},
        {"category": "founding", "decade": "abc"},
    ],
    ids=[
        "unknown-era",
        "long-era",
        "null-byte-era",
        "unknown-category",
        "long-category",
        "decade-abc",
        "decade-before-1950",
        "decade-with-s",
        "long-decade",
        "one-good-one-bad",
    ],
)
def test_invalid_filter_shows_the_error_and_no_events(client, params):
    event(title="A founding", category=Event.Category.FOUNDING)

    response = client.get(list_url(**params))

    assert response.status_code == 400
    assert '<ul class="errorlist"' in response.text
    assert "Some filters could not be applied" in response.text
    assert titles(response) == []
    assert '<meta name="robots" content="noindex">' in response.text


def test_invalid_filter_does_not_echo_the_value(client):
    response = client.get(list_url(category="z" * 5000))

    assert "z" * 100 not in response.text.split("<main", 1)[1].split("</form>", 1)[0]
    assert "Choose one of the listed categories." in response.text


@pytest.mark.parametrize("page", ["abc", "", "1.5", "0x10", "9" * 5000])
def test_page_that_is_not_a_number_shows_the_first_page(client, page):
    for number in range(30):
        event(title=f"Event {number:02d}", start=f"{1951 + number}")

    response = client.get(list_url(page=page))

    assert response.status_code == 200
    assert titles(response)[0] == "Event 00"


@pytest.mark.parametrize("page", ["999999", "3", "0", "-1"])
def test_page_out_of_range_shows_the_last_page(client, page):
    for number in range(30):
        event(title=f"Event {number:02d}", start=f"{1951 + number}")

    response = client.get(list_url(page=page))

    assert response.status_code == 200
    assert titles(response) == [f"Event {n:02d}" for n in range(25, 30)]


def test_unknown_parameters_are_ignored(client):
    event(title="A founding")

    response = client.get(list_url(utm_source="newsletter", sort="x" * 5000))

    assert response.status_code == 200
    assert titles(response) == ["A founding"]


# The band of names


def test_era_band_draws_each_name_as_a_link_to_its_page(client, subject):
    response = client.get(list_url())

    for layout in ("narrow", "wide"):
        svg = re.search(rf'<svg class="chart-{layout}".*?</svg>', response.text, re.S).group()
        assert 'role="group"' in svg
        assert f'aria-labelledby="era-band-{layout}-title"' in svg
        assert f'aria-describedby="era-band-{layout}-desc"' in svg
        assert f'<title id="era-band-{layout}-title">' in svg
        assert f'<desc id="era-band-{layout}-desc">' in svg
        for acronym, era in subject.eras.items():
            assert f'<a href="{era.get_absolute_url()}">' in svg
            assert f">{acronym}</text>" in svg


def test_era_band_has_a_text_alternative_with_dates(client, subject):
    response = client.get(list_url())

    caption = re.search(r"<figcaption>.*?</figcaption>", response.text, re.S).group()
    for acronym, name, start, _end in ERAS:
        era = subject.eras[acronym]
        assert f'<a href="{era.get_absolute_url()}">{acronym}</a>: {name}' in caption
        assert f'<time datetime="{start}">' in caption
    assert 'since <time datetime="1989-11-14">14 November 1989</time>' in caption
    assert f"?era={subject.eras['ICEM'].slug}" in caption


def test_era_band_leaves_out_draft_names(client, subject):
    subject.eras["ICM"].status = Status.DRAFT
    subject.eras["ICM"].save()

    response = client.get(list_url())

    svg = re.search(r"<svg .*?</svg>", response.text, re.S).group()
    assert ">ICM</text>" not in svg
    assert ">ICEM</text>" in svg


# Query counts


@pytest.mark.parametrize("count", [5, 150])
def test_list_queries_do_not_grow_with_events(client, subject, django_assert_num_queries, count):
    shared = factories.SourceFactory()
    eras = list(subject.eras.values())
    for number in range(count):
        event(
            start=f"{1951 + number % 70}",
            name_era=eras[number % 4],
            people=[factories.PersonFactory()] if number < 5 else [],
            cites=[shared, factories.SourceFactory()] if number % 2 else None,
        )

    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(list_url())

    assert len(titles(response)) == min(count, 25)


@pytest.mark.parametrize("count", [5, 150])
def test_filtered_list_queries_do_not_grow_with_events(
    client, subject, django_assert_num_queries, count
):
    for number in range(count):
        event(start=f"{1951 + number % 70}", name_era=subject.eras["ICEM"])

    # One more query than the plain list: the name chosen in the filter is looked up.
    with django_assert_num_queries(LIST_QUERIES + 1):
        response = client.get(list_url(era=subject.eras["ICEM"].slug, page=2))

    assert response.status_code == 200
