"""Geometry for the SVG charts drawn on the server.

The functions here turn dated records into coordinates, once for each layout
in ``chart_scales.LAYOUTS``; templates in ``templates/charts/`` draw them.
Every chart also ships a table or list with the same data, so nothing depends
on seeing the picture. The arithmetic (ticks, text widths, gaps) is in
``chart_scales``.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from .chart_scales import (
    LAYOUTS,
    MAX_JOINED_YEARS,
    TimeAxis,
    joined_runs,
    text_width,
    tick_label,
    value_ticks,
    year_fraction,
)
from .models import Fact


def year_label_margin(font_size):
    """Room at either end of a time axis for half a year label."""
    return round(text_width("0000", font_size) / 2 + 2)


# Series of values over time


@dataclass
class Point:
    x: float
    y: float
    label: str


@dataclass
class SeriesDrawing:
    """A series drawn at one layout's width."""

    layout: object
    left: float
    top: float
    baseline: float
    value_ticks: list  # (label, y)
    year_ticks: list  # (year, x)
    points: list
    lines: list  # "x,y x,y ..." for each run of two or more joined points

    @property
    def height(self):
        return round(self.baseline + 2 * self.layout.font_size)

    @property
    def right(self):
        return self.layout.width - year_label_margin(self.layout.font_size)

    @property
    def value_label_x(self):
        return round(self.left - self.layout.font_size / 2, 1)

    @property
    def year_label_y(self):
        return round(self.baseline + self.layout.font_size + 4, 1)


@dataclass
class Series:
    """Values of one unit over time. Values more than MAX_JOINED_YEARS apart
    are not joined by a line: no source gives the values between them."""

    unit_label: str
    drawings: list
    count: int
    gaps: int
    max_joined_years: int = MAX_JOINED_YEARS


PLOT_HEIGHT = 160


def series(facts):
    """Plot facts (one value per point in time) against time, or None when
    there are none or they are in different units (one axis cannot show both)."""
    facts = sorted(facts, key=lambda fact: fact.at.earliest())
    if not facts or len({fact.unit for fact in facts}) > 1:
        return None
    unit = facts[0].unit
    ticks = value_ticks(max(fact.value for fact in facts), whole=unit == Fact.Unit.COUNT)
    labels = [tick_label(tick) for tick in ticks]
    runs = joined_runs([fact.at.earliest() for fact in facts])
    return Series(
        unit_label="" if unit == Fact.Unit.COUNT else Fact.Unit(unit).label,
        drawings=[_draw_series(layout, facts, ticks, labels, runs) for layout in LAYOUTS],
        count=len(facts),
        gaps=len(runs) - 1,
    )


def _draw_series(layout, facts, ticks, labels, runs):
    font = layout.font_size
    left = round(max(text_width(label, font) for label in labels) + font, 1)
    # Room above the plot for the unit's name and half the top value label.
    top = 2 * font + 4
    baseline = top + PLOT_HEIGHT
    right = layout.width - year_label_margin(font)
    axis = TimeAxis(
        *TimeAxis.years_spanning(facts[0].at.earliest(), facts[-1].at.latest()), left, right
    )
    scale = PLOT_HEIGHT / float(ticks[-1])
    points = [
        Point(
            x=axis.x(fact.at.earliest()),
            y=round(baseline - float(fact.value) * scale, 1),
            label=f"{fact.at}: {fact.display_value}",
        )
        for fact in facts
    ]
    return SeriesDrawing(
        layout=layout,
        left=left,
        top=top,
        baseline=baseline,
        value_ticks=[
            (label, round(baseline - float(tick) * scale, 1))
            for tick, label in zip(ticks, labels, strict=True)
        ],
        year_ticks=axis.ticks(font),
        points=points,
        lines=[
            " ".join(f"{points[i].x},{points[i].y}" for i in run) for run in runs if len(run) > 1
        ],
    )


# Things that lasted: name eras and terms of office


@dataclass
class Span:
    """Something that lasted: a name era or a term of office.

    ``start`` and ``end`` are PartialDates or None when no source gives them;
    ``ongoing`` spans run to today; ``in_office_on`` is a date a source shows
    the span running when it gives neither end, and ``in_office_until`` the last
    such date when sources show a stretch of it.
    """

    label: str
    start: object
    end: object
    url: str
    ongoing: bool = False
    in_office_on: object = None
    in_office_until: object = None


class Known:
    """How much of a span the sources give: its whole stretch (both ends, or a
    start and still running), part of it (a stretch with one end unknown), or a
    single date."""

    WHOLE = "whole"
    PART = "part"
    DATE = "date"


@dataclass
class Stretch:
    """The part of a span that the sources show, and a label saying how much that is."""

    span: Span
    first: datetime.date
    last: datetime.date
    known: str
    label: str


def stretch(span, today):
    """What the sources show of ``span``, or None when they give no date at all.

    Both ends (or a start and still running) give the whole span. One end and a
    day in office give the part between them; so do the first and last days
    sources show in office when they give neither end. A single date is only
    that date.
    """
    seen = span.in_office_on
    seen_until = span.in_office_until or seen
    first = span.start.earliest() if span.start else None
    last = span.end.latest() if span.end else today if span.ongoing else None
    if first and last:
        return Stretch(span, first, last, Known.WHOLE, span.label)
    if first is None and last is None:
        if seen is None:
            return None
        if seen.earliest() < seen_until.latest() and span.in_office_until:
            label = _("%(name)s (start and end unknown)") % {"name": span.label}
            return Stretch(span, seen.earliest(), seen_until.latest(), Known.PART, label)
        return _single_date(span, seen.earliest(), _("in office on %(date)s") % {"date": seen})
    if seen and (first or seen.earliest()) < (last or seen_until.latest()):
        unknown = _("end unknown") if first else _("start unknown")
        return Stretch(
            span,
            first or seen.earliest(),
            last or seen_until.latest(),
            Known.PART,
            f"{span.label} ({unknown})",
        )
    if first:
        return _single_date(span, first, _("from %(date)s") % {"date": span.start})
    return _single_date(span, last, _("until %(date)s") % {"date": span.end})


def _single_date(span, day, known_date):
    return Stretch(span, day, day, Known.DATE, f"{span.label} ({known_date})")


# Times no source covers shorter than this are not marked: a few months between
# one term's end and the next one's start are a handover, not a gap in the record.
MIN_UNKNOWN_YEARS = 1


def unknown_stretches(stretches):
    """(first day, last day) of each time between the first and last known
    stretch that no stretch covers, longer than MIN_UNKNOWN_YEARS."""
    covered = sorted(
        (s.first, s.last) for s in stretches if s.known != Known.DATE and s.first < s.last
    )
    gaps = []
    if not covered:
        return gaps
    covered_until = covered[0][1]
    for first, last in covered[1:]:
        if year_fraction(first) - year_fraction(covered_until) > MIN_UNKNOWN_YEARS:
            gaps.append((covered_until, first))
        covered_until = max(covered_until, last)
    return gaps


@dataclass
class Band:
    """A stretch drawn at one layout: a bar (or, for a single date, a marker)
    and its label."""

    label: str
    url: str
    known: str
    x: float
    width: float
    y: float
    height: float
    label_x: float = 0
    label_y: float = 0
    label_anchor: str = "start"
    label_inside: bool = False

    @property
    def marker(self):
        """The points of a diamond centred on a single date."""
        middle = round(self.y + self.height / 2, 1)
        half = round(self.height / 2, 1)
        return (
            f"{self.x},{middle - half} {self.x + half},{middle} "
            f"{self.x},{middle + half} {self.x - half},{middle}"
        )


@dataclass
class TimelineDrawing:
    layout: object
    axis: TimeAxis
    height: float
    plot_height: float
    year_ticks: list
    bands: list
    unknown: list = field(default_factory=list)  # (x, width)

    @property
    def year_label_y(self):
        return round(self.plot_height + self.layout.font_size + 6, 1)


@dataclass
class Timeline:
    first_year: int
    last_year: int
    stretches: list
    unknown: list  # (first day, last day)
    drawings: list

    @property
    def unknown_years(self):
        """The unknown stretches in words: "1954–1962 and 1969–1988"."""
        return get_text_list(
            [f"{first.year}–{last.year}" for first, last in self.unknown], _("and")
        )

    @property
    def has_part(self):
        return any(s.known == Known.PART for s in self.stretches)

    @property
    def has_dates(self):
        return any(s.known == Known.DATE for s in self.stretches)


def timeline(spans, today=None, rows=False):
    """Lay out spans on one time axis, drawn at each layout.

    With ``rows`` each span gets its own row, labelled beside its bar on wide
    layouts and above it on narrow ones (terms of office); otherwise all share
    one row (consecutive name eras). Returns None when no span has a date.
    """
    today = today or datetime.date.today()
    stretches = [s for s in (stretch(span, today) for span in spans) if s]
    if not stretches:
        return None
    first_year, last_year = TimeAxis.years_spanning(min(s.first for s in stretches), today)
    unknown = unknown_stretches(stretches) if rows else []
    draw = _draw_rows if rows else _draw_one_row
    return Timeline(
        first_year=first_year,
        last_year=last_year,
        stretches=stretches,
        unknown=unknown,
        drawings=[
            draw(layout, TimeAxis(first_year, last_year, *_ends(layout)), stretches, unknown)
            for layout in LAYOUTS
        ],
    )


def _ends(layout):
    margin = year_label_margin(layout.font_size)
    return margin, layout.width - margin


# Bars narrower than this still show.
MIN_BAR_WIDTH = 2


def _bar(axis, first, last):
    """(x, width) of a bar from one day to another."""
    x = axis.x(first)
    return x, max(round(axis.x(last) - x, 1), MIN_BAR_WIDTH)


def _draw_one_row(layout, axis, stretches, unknown):
    """Bands side by side, each labelled inside, or above when too narrow."""
    font = layout.font_size
    band_y, band_height = font + 8, 28
    bands = []
    for item in stretches:
        x, width = _bar(axis, item.first, item.last)
        inside = width >= text_width(item.label, font) + font
        bands.append(
            Band(
                label=item.label,
                url=item.span.url,
                known=item.known,
                x=x,
                width=width,
                y=band_y,
                height=band_height,
                label_x=round(x + font / 3, 1)
                if inside
                else _fit(x, text_width(item.label, font), layout.width),
                label_y=round(band_y + band_height / 2 + font * 0.35, 1) if inside else font + 2,
                label_inside=inside,
            )
        )
    plot_height = band_y + band_height + 4
    return TimelineDrawing(
        layout, axis, plot_height + 2 * font + 6, plot_height, axis.ticks(font), bands
    )


# Rows of the terms chart: labels beside the bars on layouts at least
# BESIDE_MIN_WIDTH wide, above them on narrower ones.
BESIDE_MIN_WIDTH = 480
BESIDE_ROW, BESIDE_BAR = 24, 18
ABOVE_BAR = 14


def _draw_rows(layout, axis, stretches, unknown):
    font = layout.font_size
    beside = layout.width >= BESIDE_MIN_WIDTH
    row_height = BESIDE_ROW if beside else font + ABOVE_BAR + 12
    bands = []
    for row, item in enumerate(stretches):
        x, width = _bar(axis, item.first, item.last)
        top = row * row_height
        band = Band(item.label, item.span.url, item.known, x, width, y=0, height=0)
        if beside:
            band.y, band.height = top + (BESIDE_ROW - BESIDE_BAR) / 2, BESIDE_BAR
            band.label_y = round(band.y + BESIDE_BAR / 2 + font * 0.35, 1)
            _place_beside(band, text_width(item.label, font), layout.width, font / 2)
        else:
            band.y, band.height = top + font + 6, ABOVE_BAR
            band.label_y = top + font
            start = x - ABOVE_BAR / 2 if item.known == Known.DATE else x
            band.label_x = _fit(start, text_width(item.label, font), layout.width)
        bands.append(band)
    plot_height = len(stretches) * row_height
    return TimelineDrawing(
        layout=layout,
        axis=axis,
        height=plot_height + 2 * font + 10,
        plot_height=plot_height,
        year_ticks=axis.ticks(font),
        bands=bands,
        unknown=[_bar(axis, first, last) for first, last in unknown],
    )


def _place_beside(band, label_width, chart_width, gap):
    """After the bar when the label fits there, else before it, else on the
    side with more room."""
    after = band.x + band.width + gap
    before = band.x - gap
    if band.known == Known.DATE:
        after, before = band.x + band.height / 2 + gap, band.x - band.height / 2 - gap
    if after + label_width <= chart_width or chart_width - after >= before:
        band.label_x, band.label_anchor = round(after, 1), "start"
    else:
        band.label_x, band.label_anchor = round(before, 1), "end"


# Room kept between a label and the chart's edge: some letters reach a little
# beyond their start (the tail of a J).
EDGE = 2


def _fit(x, label_width, chart_width):
    """A start-anchored label at ``x``, moved as far as needed to stay inside the chart."""
    return round(max(EDGE, min(x, chart_width - label_width - EDGE)), 1)
