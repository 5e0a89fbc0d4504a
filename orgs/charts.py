"""Geometry for the SVG charts drawn on the server.

The functions here turn dated records into coordinates; templates in
``templates/charts/`` draw them. Every chart also ships a table or list with
the same data, so nothing depends on seeing the picture.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from .numbers import human_number

WIDTH = 720
# Room for value labels on the left and the last year label on the right.
LEFT = 64
RIGHT = 24
ROW_HEIGHT = 24


def year_fraction(day):
    """A date as a fractional year, e.g. 1 July 1958 -> about 1958.5."""
    start = datetime.date(day.year, 1, 1)
    length = (datetime.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


@dataclass
class Axis:
    first_year: int
    last_year: int

    @classmethod
    def spanning(cls, first_day, last_day, step=10):
        first = first_day.year - first_day.year % step
        last = last_day.year + (step - last_day.year % step)
        return cls(first, last)

    def x(self, day):
        span = self.last_year - self.first_year
        position = (year_fraction(day) - self.first_year) / span
        return round(LEFT + position * (WIDTH - LEFT - RIGHT), 1)

    def ticks(self, step=10):
        return [
            (year, self.x(datetime.date(year, 1, 1)))
            for year in range(self.first_year, self.last_year + 1, step)
        ]


@dataclass
class Span:
    """Something that lasted: a name era or a term of office.

    ``start`` and ``end`` are PartialDates or None when no source gives them;
    ``ongoing`` spans run to today.
    """

    label: str
    start: object
    end: object
    url: str
    ongoing: bool = False


@dataclass
class Band:
    label: str
    x: float
    width: float
    row: int
    url: str
    uncertain: bool

    @property
    def y(self):
        return self.row * ROW_HEIGHT

    @property
    def label_x(self):
        """Labels sit after the bar, or before it when the bar ends near the right edge."""
        if self.x + self.width > WIDTH * 0.7:
            return round(self.x - 4, 1)
        return round(self.x + self.width + 4, 1)

    @property
    def label_anchor(self):
        return "end" if self.x + self.width > WIDTH * 0.7 else "start"


# A span with one unknown end is drawn this long, marked uncertain.
UNCERTAIN_YEARS = 1


def bands(spans, today=None, rows=False):
    """Lay out spans on one time axis; return (axis, bands).

    With ``rows`` each span gets its own row (terms of office); otherwise all
    share one row (consecutive name eras). A span missing its start or end is
    drawn short from the date that is known, and marked uncertain.
    """
    today = today or datetime.date.today()
    known = [d.earliest() for span in spans for d in (span.start, span.end) if d]
    if not known:
        return None, []
    axis = Axis.spanning(min(known), today)
    placed = []
    for span in spans:
        if span.start is None and span.end is None:
            continue
        if span.start:
            left = span.start.earliest()
        else:
            left = _shift(span.end.earliest(), -UNCERTAIN_YEARS)
        if span.end:
            right = span.end.latest()
        elif span.ongoing:
            right = today
        else:
            right = _shift(span.start.latest(), UNCERTAIN_YEARS)
        x = axis.x(left)
        placed.append(
            Band(
                label=span.label,
                x=x,
                width=max(round(axis.x(right) - x, 1), 2),
                row=len(placed) if rows else 0,
                url=span.url,
                uncertain=not (span.start and (span.end or span.ongoing)),
            )
        )
    return axis, placed


def _shift(day, years):
    return day.replace(year=day.year + years, day=min(day.day, 28))


@dataclass
class Point:
    x: float
    y: float
    label: str
    fact: object


@dataclass
class Series:
    axis: Axis
    points: list
    max_value: Decimal
    height: int
    top: int = 10

    @property
    def polyline(self):
        return " ".join(f"{p.x},{p.y}" for p in self.points)

    @property
    def baseline(self):
        return self.top + self.height

    def value_ticks(self, count=4):
        """(label, y) for evenly spaced values from zero to the largest."""
        step = self.height / count
        return [
            (human_number(self.max_value * i / count), round(self.baseline - step * i, 1))
            for i in range(count + 1)
        ]


def series(facts, height=160):
    """Plot facts (one preferred value per point in time) against time."""
    facts = sorted(facts, key=lambda fact: fact.at.earliest())
    if not facts:
        return None
    max_value = max(fact.value for fact in facts) or Decimal(1)
    axis = Axis.spanning(facts[0].at.earliest(), facts[-1].at.latest())
    top = 10
    points = [
        Point(
            x=axis.x(fact.at.earliest()),
            y=round(top + height - float(fact.value / max_value) * height, 1),
            label=f"{fact.at}: {fact.display_value}",
            fact=fact,
        )
        for fact in facts
    ]
    return Series(axis=axis, points=points, max_value=max_value, height=height, top=top)
