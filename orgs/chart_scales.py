"""The arithmetic behind the charts: sizes, ticks, text widths and gaps.

Nothing here knows about models or templates, so every rule can be tested on
its own (tests/orgs/test_chart_scales.py).
"""

import datetime
import math
from dataclasses import dataclass
from decimal import Decimal

from editorial.numbers import human_number, localized


@dataclass(frozen=True)
class Layout:
    """One drawing of a chart: its width in SVG units and its text size.

    Every chart is drawn twice, narrow for phones and wide for larger screens,
    and the stylesheet shows the one that fits. Each is scaled to its column
    by about 1:1, so text keeps about its font size on a phone instead of
    shrinking with a wide drawing.
    """

    name: str
    width: int
    font_size: int


NARROW = Layout("narrow", 340, 12)
WIDE = Layout("wide", 720, 12)
LAYOUTS = (NARROW, WIDE)

# Average advance of a character in ems, rounded up from DejaVu Sans (the widest
# of the usual system sans-serif fonts): digits and most lower case letters are
# 0.55 to 0.64 em, capitals up to 0.77, M and W wider still.
CHARACTER_EM = 0.64
CAPITAL_EM = 0.78
WIDEST_EM = 1.0
WIDEST = frozenset("MWmw")


def text_width(text, font_size):
    """An upper estimate of the width of ``text`` set at ``font_size``."""
    ems = sum(
        WIDEST_EM if c in WIDEST else CAPITAL_EM if c.isupper() else CHARACTER_EM for c in text
    )
    return ems * font_size


# Values axes: zero to the first multiple of a round step at or above the largest
# value, in at most this many steps.
MAX_STEPS = 5
ROUND_STEPS = (1, 2, 5)


def value_ticks(largest, whole=False):
    """Tick values from zero to at least ``largest``, a round step apart.

    The step is 1, 2 or 5 times a power of ten, the smallest that covers
    ``largest`` in at most MAX_STEPS steps; ``whole`` keeps it at 1 or more
    (there is no such thing as 43.75 member states). A largest value of zero
    gets the axis 0 to 1.
    """
    largest = Decimal(largest)
    if largest <= 0:
        largest = Decimal(1)
    exponent = (largest / MAX_STEPS).adjusted()
    if whole:
        exponent = max(exponent, 0)
    while True:
        for multiple in ROUND_STEPS:
            step = Decimal(multiple).scaleb(exponent)
            steps = math.ceil(largest / step)
            if steps <= MAX_STEPS:
                return [step * i for i in range(steps + 1)]
        exponent += 1


def tick_label(value):
    """A tick value in full, in the reader's language: "2.5 billion", "17,500",
    "0.2" (never ".34 billion"); "2,5 milliards", "0,2" in French."""
    value = Decimal(value)
    if value == value.to_integral_value() or value >= 10**6:
        return human_number(value)
    return localized(value.normalize())


def year_fraction(day):
    """A date as a fractional year, e.g. 1 July 1958 -> about 1958.5."""
    start = datetime.date(day.year, 1, 1)
    length = (datetime.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


# Years between year ticks, and the most ticks an axis shows.
YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100)
MAX_YEAR_TICKS = 9
# Room between two year labels, in ems.
YEAR_LABEL_GAP_EM = 1


@dataclass(frozen=True)
class TimeAxis:
    """Whole decades (or years) from ``first_year`` to ``last_year``, drawn from
    ``left`` to ``right`` in SVG units."""

    first_year: int
    last_year: int
    left: float
    right: float

    @staticmethod
    def years_spanning(first_day, last_day, step=10):
        """The first and last year of an axis of whole ``step``s around two dates."""
        first = first_day.year - first_day.year % step
        last = last_day.year + (step - last_day.year % step)
        return first, last

    def x(self, day):
        position = (year_fraction(day) - self.first_year) / (self.last_year - self.first_year)
        return round(self.left + position * (self.right - self.left), 1)

    def ticks(self, font_size):
        """(year, x) for the labelled years: the smallest round step whose
        labels do not touch and that gives at most MAX_YEAR_TICKS ticks."""
        per_year = (self.right - self.left) / (self.last_year - self.first_year)
        room = text_width("0000", font_size) + YEAR_LABEL_GAP_EM * font_size
        span = self.last_year - self.first_year
        step = next(
            (s for s in YEAR_STEPS if s * per_year >= room and span // s + 1 <= MAX_YEAR_TICKS),
            YEAR_STEPS[-1],
        )
        first = self.first_year + (-self.first_year) % step
        return [
            (year, self.x(datetime.date(year, 1, 1)))
            for year in range(first, self.last_year + 1, step)
        ]


# Consecutive values further apart than this are not joined by a line: no
# source gives what happened between them.
MAX_JOINED_YEARS = 5


def joined_runs(days):
    """Split dates (in order) into runs in which each is at most
    MAX_JOINED_YEARS after the one before; returns lists of indexes."""
    runs = []
    for index, day in enumerate(days):
        if runs and year_fraction(day) - year_fraction(days[index - 1]) <= MAX_JOINED_YEARS:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs
