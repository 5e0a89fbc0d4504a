"""Charts drawn from records: series of figures and time lines of spans.

Every chart is drawn at each layout (narrow and wide); the rules hold for both.
"""

import datetime
import re
from decimal import Decimal

import pytest

from orgs import charts
from orgs.chart_scales import LAYOUTS, text_width
from orgs.charts import Known, Span
from orgs.dates import PartialDate
from orgs.models import Fact

TODAY = datetime.date(2026, 6, 1)


def fact(at, value, unit=Fact.Unit.COUNT):
    return Fact(kind=Fact.Kind.STAFF, at=PartialDate.parse(at), value=Decimal(value), unit=unit)


def span(label, start=None, end=None, ongoing=False, in_office_on=None):
    return Span(
        label,
        PartialDate.parse(start) if start else None,
        PartialDate.parse(end) if end else None,
        f"/{label}/",
        ongoing,
        PartialDate.parse(in_office_on) if in_office_on else None,
    )


OPERATIONAL_BUDGET = [
    fact("1953", 34_600_000, Fact.Unit.USD),
    fact("2022", 2_370_000_000, Fact.Unit.USD),
    fact("2023", 3_340_000_000, Fact.Unit.USD),
]


# Series


def test_series_is_drawn_once_for_each_layout():
    chart = charts.series(OPERATIONAL_BUDGET)
    assert [drawing.layout for drawing in chart.drawings] == list(LAYOUTS)


def test_series_does_not_join_values_decades_apart():
    chart = charts.series(OPERATIONAL_BUDGET)
    assert chart.gaps == 1
    for drawing in chart.drawings:
        assert len(drawing.points) == 3
        assert len(drawing.lines) == 1
        first, _second, _third = drawing.points
        assert f"{first.x},{first.y}" not in drawing.lines[0]


def test_series_of_one_value_has_a_point_and_no_line():
    chart = charts.series([fact("2021", 2_500_000_000, Fact.Unit.USD)])
    assert chart.count == 1
    assert all(len(d.points) == 1 and d.lines == [] for d in chart.drawings)


def test_series_of_counts_has_whole_number_ticks():
    chart = charts.series([fact("1951-12", 15), fact("1952-10", 20), fact("1953-04", 43)])
    labels = [label for label, _y in chart.drawings[0].value_ticks]
    assert labels == ["0", "10", "20", "30", "40", "50"]


def test_series_tick_labels_are_full_and_fit_left_of_the_axis():
    for drawing in charts.series(OPERATIONAL_BUDGET).drawings:
        labels = [label for label, _y in drawing.value_ticks]
        assert labels == ["0", "1 billion", "2 billion", "3 billion", "4 billion"]
        for label in labels:
            assert drawing.value_label_x - text_width(label, drawing.layout.font_size) >= 0


def test_series_label_area_is_as_wide_as_its_longest_label():
    small = charts.series([fact("2020", 10), fact("2021", 40)]).drawings[0]
    large = charts.series(OPERATIONAL_BUDGET).drawings[0]
    assert small.left < large.left


def test_series_points_lie_inside_the_plot():
    for drawing in charts.series(OPERATIONAL_BUDGET).drawings:
        for point in drawing.points:
            assert drawing.left <= point.x <= drawing.right
            assert drawing.top <= point.y <= drawing.baseline


def test_series_names_its_currency_and_not_a_count():
    assert charts.series(OPERATIONAL_BUDGET).unit_label == "US dollars"
    assert charts.series([fact("2020", 10)]).unit_label == ""


def test_series_in_different_units_is_not_drawn():
    assert charts.series([fact("2020", 10, Fact.Unit.USD), fact("2021", 10, Fact.Unit.AUD)]) is None
    assert charts.series([]) is None


# What the sources show of a span


@pytest.mark.parametrize(
    ("kwargs", "known", "label"),
    [
        ({"start": "1962", "end": "1969"}, Known.WHOLE, "X"),
        ({"start": "2023-10-01", "ongoing": True}, Known.WHOLE, "X"),
        ({"end": "1954-12-12", "in_office_on": "1953-04"}, Known.PART, "X (start unknown)"),
        ({"start": "1998", "in_office_on": "2001"}, Known.PART, "X (end unknown)"),
        ({"start": "1958-05"}, Known.DATE, "X (from May 1958)"),
        ({"end": "1958-05"}, Known.DATE, "X (until May 1958)"),
        ({"in_office_on": "1983-04-01"}, Known.DATE, "X (in office on 1 April 1983)"),
    ],
)
def test_a_span_is_shown_only_as_far_as_its_dates_go(kwargs, known, label):
    shown = charts.stretch(span("X", **kwargs), TODAY)
    assert (shown.known, shown.label) == (known, label)


def test_a_span_without_any_date_is_not_shown():
    assert charts.stretch(span("X"), TODAY) is None


def test_a_running_span_reaches_today():
    assert charts.stretch(span("X", start="2023", ongoing=True), TODAY).last == TODAY


# Unknown stretches


DIRECTORS = [
    span("A", end="1954-12-12", in_office_on="1953-04"),
    span("B", end="1958-05"),
    span("C", start="1958-05"),
    span("D", start="1962", end="1969"),
    span("E", in_office_on="1983-04-01"),
    span("F", start="1988", end="1998"),
    span("G", start="1998-10", end="2008"),
    span("H", start="2008-10-01", end="2018-09"),
    span("I", start="2018-10-01", ongoing=True),
]


def test_unknown_stretches_are_the_times_no_known_term_covers():
    chart = charts.timeline(DIRECTORS, today=TODAY, rows=True)
    years = [(first.year, last.year) for first, last in chart.unknown]
    assert years == [(1954, 1962), (1969, 1988)]
    assert chart.unknown_years == "1954–1962 and 1969–1988"


def test_terms_that_follow_each_other_leave_no_unknown_stretch():
    chart = charts.timeline(
        [span("F", start="1988", end="1998"), span("G", start="1998-10", end="2008")],
        today=TODAY,
        rows=True,
    )
    assert chart.unknown == []


def test_a_band_of_names_marks_no_unknown_stretch():
    chart = charts.timeline([span("A", start="1951", end="1952"), span("B", start="1980")], TODAY)
    assert chart.unknown == []


# Time lines drawn


def test_timeline_labels_stay_inside_the_chart():
    chart = charts.timeline(DIRECTORS, today=TODAY, rows=True)
    for drawing in chart.drawings:
        for band in drawing.bands:
            width = text_width(band.label, drawing.layout.font_size)
            start = band.label_x - width if band.label_anchor == "end" else band.label_x
            assert start >= 0 and start + width <= drawing.layout.width, band.label


def test_terms_are_labelled_beside_the_bar_when_wide_and_above_it_when_narrow():
    narrow, wide = charts.timeline(DIRECTORS, today=TODAY, rows=True).drawings
    assert all(band.label_y < band.y for band in narrow.bands)
    assert all(band.y < band.label_y < band.y + band.height for band in wide.bands)


def test_a_single_date_is_drawn_as_a_diamond_on_that_date():
    drawing = charts.timeline([span("E", in_office_on="1983-04-01")], TODAY, rows=True).drawings[1]
    band = drawing.bands[0]
    assert band.known == Known.DATE
    assert band.x == drawing.axis.x(datetime.date(1983, 4, 1))
    assert len(band.marker.split()) == 4


# The pages


@pytest.mark.django_db
def test_structure_page_draws_no_line_across_the_operational_budget_gap(client):
    html = client.get("/structure/").text
    section = html[html.index('id="figures-budget-operational"') :]
    svg = section[: section.index("</svg>")]
    circles = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg)
    assert len(circles) == 3
    first = ",".join(circles[0])
    assert all(first not in line for line in re.findall(r'<polyline points="([^"]+)"', svg))
    assert "Points further apart are not joined: no source gives the values between." in section


@pytest.mark.django_db
def test_structure_page_counts_members_in_whole_numbers(client):
    html = client.get("/structure/").text
    section = html[html.index('id="figures-member-states"') :]
    svg = section[: section.index("</svg>")]
    labels = re.findall(r'text-anchor="end">([^<]+)</text>', svg)
    assert labels and all(re.fullmatch(r"[\d,]+", label) for label in labels)


@pytest.mark.django_db
def test_leaders_chart_has_a_legend_and_names_the_unknown_years(client):
    html = client.get("/leaders/").text
    legend = html[html.index('class="legend"') : html.index("</figcaption>")]
    assert "A term from its start to its end" in legend
    assert "A single date a source gives" in legend
    assert "no source found gives the terms for 1954–1962, 1969–1975 and 1976–1988" in legend
    assert "John Thomas (start and end unknown)" in html
    assert "James L. Carlin (in office on 1 April 1983)" in html
