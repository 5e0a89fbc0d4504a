"""The charts' arithmetic: round ticks, text widths, year axes and gaps."""

import datetime
import itertools
from decimal import Decimal

import pytest

from orgs.chart_scales import (
    MAX_JOINED_YEARS,
    MAX_STEPS,
    MAX_YEAR_TICKS,
    NARROW,
    WIDE,
    TimeAxis,
    joined_runs,
    text_width,
    tick_label,
    value_ticks,
)


def d(text):
    return datetime.date.fromisoformat(text)


# Value ticks


@pytest.mark.parametrize(
    ("largest", "whole", "expected"),
    [
        (43, True, [0, 10, 20, 30, 40, 50]),
        (175, True, [0, 50, 100, 150, 200]),
        (20000, True, [0, 5000, 10000, 15000, 20000]),
        (2_505_000_000, False, [0, 10**9, 2 * 10**9, 3 * 10**9]),
        (3_340_000_000, False, [0, 10**9, 2 * 10**9, 3 * 10**9, 4 * 10**9]),
        (1, False, ["0", "0.2", "0.4", "0.6", "0.8", "1"]),
        (1, True, [0, 1]),
        (2, True, [0, 1, 2]),
        (50, True, [0, 10, 20, 30, 40, 50]),
        (0, True, [0, 1]),
        (Decimal("0.3"), True, [0, 1]),
    ],
)
def test_value_ticks_are_round_steps_from_zero_to_at_least_the_largest(largest, whole, expected):
    assert value_ticks(largest, whole=whole) == [Decimal(value) for value in expected]


@pytest.mark.parametrize("largest", [1, 7, 43, 99, 101, 175, 999, 15311, 2_505_000_000, 10**12])
def test_value_ticks_step_is_one_two_or_five_times_a_power_of_ten(largest):
    ticks = value_ticks(largest)
    step = ticks[1] - ticks[0]
    assert step.normalize().as_tuple().digits in ((1,), (2,), (5,))
    assert all(b - a == step for a, b in itertools.pairwise(ticks))
    assert ticks[-1] >= largest
    assert len(ticks) - 1 <= MAX_STEPS


@pytest.mark.parametrize("largest", [1, 3, 7, 43, 175, 19000])
def test_value_ticks_of_counts_are_whole_numbers(largest):
    assert all(tick == tick.to_integral_value() for tick in value_ticks(largest, whole=True))


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (Decimal(2_500_000_000), "2.5 billion"),
        (Decimal(3 * 10**9), "3 billion"),
        (Decimal(500_000_000), "500 million"),
        (Decimal(15000), "15,000"),
        (Decimal(0), "0"),
        (Decimal("0.20"), "0.2"),
    ],
)
def test_tick_labels_are_written_in_full(value, label):
    assert tick_label(value) == label


def test_no_tick_label_starts_with_a_point():
    for largest in (Decimal("0.34"), 1, 3_340_000_000, 2_505_000_000):
        assert not any(tick_label(t).startswith(".") for t in value_ticks(largest))


# Text width


def test_text_width_grows_with_the_text_and_the_font_size():
    assert text_width("2 billion", 12) > text_width("2 million", 11)
    assert text_width("2.5 billion", 12) > text_width("500", 12)
    assert text_width("", 12) == 0


def test_text_width_counts_capitals_and_wide_letters_as_wider():
    assert text_width("MMMM", 12) > text_width("IIII", 12) > text_width("iiii", 12)


def test_text_width_of_a_billion_label_is_about_what_a_browser_draws():
    # Chromium draws "2.5 billion" at 12 px in DejaVu Sans about 59 px wide
    # (measured by tests/browser/test_charts.py); the estimate may be larger, not smaller.
    assert 59 <= text_width("2.5 billion", 12) <= 90


# Year axes


def test_years_spanning_rounds_out_to_whole_decades():
    assert TimeAxis.years_spanning(d("1953-04-01"), d("2024-06-30")) == (1950, 2030)


def test_time_axis_places_dates_proportionally():
    axis = TimeAxis(1950, 2030, left=20, right=700)
    assert axis.x(d("1950-01-01")) == 20
    assert axis.x(d("2030-01-01")) == 700
    assert axis.x(d("1990-01-01")) == 360


@pytest.mark.parametrize(("layout", "step"), [(WIDE, 10), (NARROW, 20)])
def test_year_ticks_are_spaced_so_that_labels_do_not_touch(layout, step):
    axis = TimeAxis(1950, 2030, left=20, right=layout.width - 20)
    ticks = axis.ticks(layout.font_size)
    years = [year for year, _x in ticks]
    assert years[1] - years[0] == step
    assert all(year % step == 0 for year in years)
    label = text_width("0000", layout.font_size)
    assert all(b - a > label for (_a, a), (_b, b) in itertools.pairwise(ticks))
    assert len(ticks) <= MAX_YEAR_TICKS


def test_a_short_time_axis_gets_yearly_or_two_yearly_ticks():
    axis = TimeAxis(2020, 2030, left=20, right=700)
    years = [year for year, _x in axis.ticks(12)]
    assert years == [2020, 2022, 2024, 2026, 2028, 2030]


# Gaps


def test_values_at_most_the_limit_apart_form_one_run():
    days = [d("2003-01-01"), d("2008-01-01"), d("2009-06-01")]
    assert joined_runs(days) == [[0, 1, 2]]


def test_values_further_apart_than_the_limit_break_the_run():
    # Operational budget: 1953, then 2022 and 2023.
    days = [d("1953-01-01"), d("2022-01-01"), d("2023-01-01")]
    assert joined_runs(days) == [[0], [1, 2]]


def test_the_limit_is_five_years():
    assert MAX_JOINED_YEARS == 5
    assert joined_runs([d("2008-01-01"), d("2014-07-01")]) == [[0], [1]]


def test_a_single_value_is_a_run_of_one():
    assert joined_runs([d("2021-01-01")]) == [[0]]
    assert joined_runs([]) == []
