"""Partial dates: a date known only to the year, month or day is kept, shown, compared
and stored at exactly that precision."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Cast

from orgs.dates import PartialDate, Precision, spans_overlap
from orgs.models import Fact, Source
from tests import factories
from timeline.models import Event


def span(start, end=None):
    return (PartialDate.parse(start), PartialDate.parse(end) if end else None)


# Reading


def test_parses_a_year():
    assert PartialDate.parse("1980") == PartialDate(1980)


def test_parses_a_month():
    assert PartialDate.parse("1958-05") == PartialDate(1958, 5)


def test_parses_a_day():
    assert PartialDate.parse("1958-05-07") == PartialDate(1958, 5, 7)


def test_parsing_ignores_surrounding_spaces():
    assert PartialDate.parse(" 1958-05 ") == PartialDate(1958, 5)


@pytest.mark.parametrize("text", ["80", "1958/05", "", "1958-5", "May 1958", "1958-05-07T10:00"])
def test_rejects_text_that_is_not_shaped_like_a_date_and_names_it(text):
    with pytest.raises(ValidationError) as error:
        PartialDate.parse(text)

    assert error.value.code == "invalid_partial_date"
    assert error.value.messages == [f"“{text}” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD."]


@pytest.mark.parametrize("text", ["1958-13", "1958-02-30", "2023-02-29", "0000"])
def test_rejects_a_date_that_is_not_on_the_calendar_and_names_it(text):
    with pytest.raises(ValidationError) as error:
        PartialDate.parse(text)

    assert error.value.code == "impossible_date"
    assert error.value.messages == [f"“{text}” is not a real calendar date."]


@pytest.mark.parametrize("text", ["1958-00", "1958-05-00"])
def test_rejects_a_zero_month_or_day(text):
    with pytest.raises(ValidationError) as error:
        PartialDate.parse(text)

    assert error.value.messages == [f"“{text}” is not a real calendar date."]


def test_accepts_29_february_in_a_leap_year():
    assert PartialDate.parse("2024-02-29") == PartialDate(2024, 2, 29)


def test_a_day_without_a_month_cannot_be_built():
    with pytest.raises(ValueError, match="a day needs a month"):
        PartialDate(1958, None, 7)


def test_is_built_from_a_calendar_date_to_the_day():
    assert PartialDate.from_date(datetime.date(1958, 5, 7)) == PartialDate(1958, 5, 7)


# Precision


@pytest.mark.parametrize(
    ("text", "precision"),
    [("1980", Precision.YEAR), ("1958-05", Precision.MONTH), ("1958-05-07", Precision.DAY)],
)
def test_precision_is_that_of_the_text_it_was_read_from(text, precision):
    assert PartialDate.parse(text).precision == precision


def test_the_same_day_at_different_precisions_are_different_dates():
    assert PartialDate.parse("1980") != PartialDate.parse("1980-01-01")


# Showing


def test_a_year_is_shown_as_the_year_alone_never_as_1_january():
    assert str(PartialDate.parse("1980")) == "1980"


def test_a_month_is_shown_as_month_and_year():
    assert str(PartialDate.parse("1958-05")) == "May 1958"


def test_a_day_is_shown_in_full():
    assert str(PartialDate.parse("1958-05-07")) == "7 May 1958"


@pytest.mark.parametrize("text", ["1980", "1958-05", "1958-05-07", "0999-01"])
def test_isoformat_round_trips_through_parse(text):
    assert PartialDate.parse(text).isoformat() == text
    assert PartialDate.parse(PartialDate.parse(text).isoformat()) == PartialDate.parse(text)


def test_repr_shows_the_iso_text():
    assert repr(PartialDate.parse("1958-05")) == "PartialDate('1958-05')"


def test_decade_is_the_year_rounded_down_to_ten():
    assert PartialDate.parse("1958-05-07").decade == 1950


# The days a date could mean


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("1980", datetime.date(1980, 1, 1), datetime.date(1980, 12, 31)),
        ("1958-05", datetime.date(1958, 5, 1), datetime.date(1958, 5, 31)),
        ("1958-04", datetime.date(1958, 4, 1), datetime.date(1958, 4, 30)),
        ("1958-05-07", datetime.date(1958, 5, 7), datetime.date(1958, 5, 7)),
    ],
)
def test_earliest_and_latest_are_the_first_and_last_day_it_could_mean(text, earliest, latest):
    date = PartialDate.parse(text)

    assert (date.earliest(), date.latest()) == (earliest, latest)


def test_february_of_a_leap_year_ends_on_the_29th():
    assert PartialDate.parse("2024-02").latest() == datetime.date(2024, 2, 29)


def test_february_of_a_common_year_ends_on_the_28th():
    assert PartialDate.parse("2023-02").latest() == datetime.date(2023, 2, 28)


def test_february_of_a_century_that_is_not_a_leap_year_ends_on_the_28th():
    assert PartialDate.parse("1900-02").latest() == datetime.date(1900, 2, 28)


# Spans that overlap


def test_spans_sharing_years_overlap():
    assert spans_overlap(span("1990", "2000"), span("1995", "2005"))


def test_overlap_does_not_depend_on_which_span_comes_first():
    assert spans_overlap(span("1995", "2005"), span("1990", "2000"))


def test_a_span_inside_another_overlaps_it():
    assert spans_overlap(span("1990", "2010"), span("1995-03", "1996-07"))


def test_disjoint_spans_do_not_overlap():
    assert not spans_overlap(span("1951", "1960"), span("1970", "1980"))


def test_a_hand_over_in_the_same_month_is_not_an_overlap():
    assert not spans_overlap(span("1951-12", "1952-10"), span("1952-10", "1980-11"))


def test_a_hand_over_on_the_same_day_is_not_an_overlap():
    assert not spans_overlap(span("1998-10-01", "2008-09-30"), span("2008-09-30", "2018-09-30"))


def test_spans_sharing_one_whole_day_overlap():
    assert spans_overlap(span("1998-10-01", "2008-10-01"), span("2008-09-30", "2018-09-30"))


def test_a_running_span_overlaps_a_span_that_starts_later():
    assert spans_overlap(span("1989-11-14"), span("2000", "2001"))


def test_a_running_span_does_not_overlap_a_span_that_ended_before_it_began():
    assert not spans_overlap(span("1989-11-14"), span("1970", "1980"))


def test_two_running_spans_overlap():
    assert spans_overlap(span("1989"), span("2020"))


def test_an_end_known_only_to_the_year_is_not_a_certain_overlap_with_a_start_that_year():
    assert not spans_overlap(span("1998-10-01", "2008"), span("2008-10-01", "2018-09-30"))


def test_an_end_known_only_to_the_year_overlaps_a_start_the_year_before():
    assert spans_overlap(span("1998-10-01", "2008"), span("2007-10-01", "2018-09-30"))


# Stored in a PartialDateField


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["1980", "1958-05", "1958-05-07"])
def test_the_field_stores_and_reads_back_a_partial_date(text):
    factories.SourceFactory(slug="dates-stored", published=text)

    stored = Source.objects.get(slug="dates-stored")

    assert stored.published == PartialDate.parse(text)
    assert stored.published.precision == PartialDate.parse(text).precision


@pytest.mark.django_db
def test_the_field_stores_the_iso_text_in_the_column():
    factories.SourceFactory(slug="dates-column", published=PartialDate(1958, 5))

    raw = Source.objects.filter(slug="dates-column").annotate(
        text=Cast("published", models.CharField())
    )

    assert raw.get().text == "1958-05"


@pytest.mark.django_db
def test_the_field_reads_back_a_missing_date_as_none():
    factories.SourceFactory(slug="dates-undated", published=None)

    assert Source.objects.get(slug="dates-undated").published is None


@pytest.mark.django_db
def test_ordering_by_the_field_is_chronological_across_precisions():
    for slug, start in [("dates-b", "1952"), ("dates-c", "1952-10"), ("dates-a", "1951-12-05")]:
        factories.EventFactory(slug=slug, start=start)

    events = Event.objects.filter(slug__startswith="dates-").order_by("start")

    assert [event.start.isoformat() for event in events] == ["1951-12-05", "1952", "1952-10"]


@pytest.mark.django_db
def test_the_field_compares_chronologically_in_the_database():
    for slug, start in [("dates-early", "1951-12-05"), ("dates-late", "1989-11-14")]:
        factories.EventFactory(slug=slug, start=start)

    later = Event.objects.filter(slug__startswith="dates-", start__gte="1980")

    assert [event.slug for event in later] == ["dates-late"]


@pytest.mark.django_db
def test_startswith_filters_a_decade():
    for slug, start in [
        ("dates-1951", "1951-12-05"),
        ("dates-1958", "1958-05"),
        ("dates-1960", "1960"),
        ("dates-1949", "1949"),
    ]:
        factories.EventFactory(slug=slug, start=start)

    fifties = Event.objects.filter(slug__startswith="dates-", start__startswith="195")

    assert sorted(event.slug for event in fifties) == ["dates-1951", "dates-1958"]


@pytest.mark.django_db
def test_full_clean_turns_text_into_a_partial_date():
    source = factories.SourceFactory.build(slug="dates-cleaned", published="1958-05")

    source.full_clean()

    assert source.published == PartialDate(1958, 5)


@pytest.mark.django_db
def test_full_clean_refuses_an_impossible_date_and_names_it():
    source = factories.SourceFactory.build(slug="dates-impossible", published="1958-02-30")

    with pytest.raises(ValidationError) as error:
        source.full_clean()

    assert error.value.message_dict["published"] == ["“1958-02-30” is not a real calendar date."]


@pytest.mark.django_db
def test_a_blank_date_is_allowed_where_the_field_is_nullable():
    source = factories.SourceFactory.build(slug="dates-blank", published="")

    source.full_clean()
    source.save()

    assert Source.objects.get(slug="dates-blank").published is None


@pytest.mark.django_db
def test_a_blank_date_is_refused_where_the_field_is_required():
    fact = factories.FactFactory.build(slug="dates-no-date", at=None)

    with pytest.raises(ValidationError) as error:
        fact.full_clean()

    assert error.value.message_dict["at"] == ["This field cannot be null."]


# In a form


def published_form_field():
    return Source._meta.get_field("published").formfield()


def test_the_form_field_cleans_text_into_a_partial_date():
    assert published_form_field().clean("1958-05") == PartialDate(1958, 5)


def test_the_form_field_refuses_an_impossible_date_with_a_clear_error():
    with pytest.raises(ValidationError) as error:
        published_form_field().clean("1958-02-30")

    assert error.value.messages == ["“1958-02-30” is not a real calendar date."]


def test_the_form_field_refuses_a_malformed_date_with_a_clear_error():
    with pytest.raises(ValidationError) as error:
        published_form_field().clean("7/5/1958")

    assert error.value.messages == ["“7/5/1958” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD."]


def test_the_form_field_allows_blank_where_the_model_field_is_nullable():
    field = published_form_field()

    assert not field.required
    assert field.clean("") is None


def test_the_form_field_requires_a_value_where_the_model_field_does():
    field = Fact._meta.get_field("at").formfield()

    with pytest.raises(ValidationError) as error:
        field.clean("")

    assert error.value.messages == ["This field is required."]


def test_the_form_field_shows_a_stored_date_as_its_iso_text():
    assert published_form_field().prepare_value(PartialDate(1958, 5, 7)) == "1958-05-07"


def test_the_form_field_limits_typing_to_ten_characters():
    assert published_form_field().widget.attrs["maxlength"] == "10"


def test_the_form_field_explains_the_format_when_the_model_field_gives_no_help():
    assert Source._meta.get_field("published").help_text == ""

    assert "YYYY, YYYY-MM or YYYY-MM-DD" in str(published_form_field().help_text)
