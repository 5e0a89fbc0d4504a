"""How many member states there were over time: counted from the spells, and set
beside the counts sources give (the figures of kind "member states").

A spell counts on a day when it had certainly begun by then (its start's first
possible day is on or before it) and had not certainly ended (its end's last
possible day is not before it). A "by" date counts only from that date, so the
derived count can fall short of a source's wherever admissions are undated.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from orgs.chart_scales import LAYOUTS, TimeAxis, text_width, tick_label, value_ticks
from orgs.charts import PLOT_HEIGHT, Point, year_label_margin

from .models import Standing


def members_on(states, day):
    """The number of states with a member spell running on ``day``."""
    return sum(1 for state in states if _member_on(state, day))


def _member_on(state, day):
    for spell in state.spell_list():
        if spell.standing != Standing.MEMBER:
            continue
        start, end = spell.span
        if start.earliest() <= day and (end is None or end.latest() >= day):
            return True
    return False


@dataclass
class Comparison:
    """One sourced count beside the count derived from the spells on its date."""

    fact: object
    derived: int

    @property
    def difference(self):
        return self.derived - int(self.fact.value)


def comparisons(states, facts):
    return [Comparison(fact, members_on(states, fact.at.latest())) for fact in facts]


def yearly(states, first_year, last_year):
    """(year, members on 31 December) for every year, the last one up to today."""
    today = datetime.date.today()
    return [
        (year, members_on(states, min(datetime.date(year, 12, 31), today)))
        for year in range(first_year, last_year + 1)
    ]


@dataclass
class CountDrawing:
    layout: object
    left: float
    top: float
    baseline: float
    right: float
    value_ticks: list
    year_ticks: list
    derived_line: str
    sourced: list  # Points

    @property
    def height(self):
        return round(self.baseline + 2 * self.layout.font_size)

    @property
    def value_label_x(self):
        return round(self.left - self.layout.font_size / 2, 1)

    @property
    def year_label_y(self):
        return round(self.baseline + self.layout.font_size + 4, 1)


def chart(states, facts):
    """The derived yearly count as a line and the sourced counts as points, once
    per layout; None when there is nothing to draw."""
    if not states:
        return None
    first_year = min(
        state.first_spell.effective_start.year for state in states if state.first_spell
    )
    series = yearly(states, first_year, datetime.date.today().year)
    largest = max([count for _year, count in series] + [int(fact.value) for fact in facts])
    ticks = value_ticks(largest, whole=True)
    return [_draw(layout, series, facts, ticks) for layout in LAYOUTS]


def _draw(layout, series, facts, ticks):
    font = layout.font_size
    labels = [tick_label(tick) for tick in ticks]
    left = round(max(text_width(label, font) for label in labels) + font, 1)
    top = 2 * font + 4
    baseline = top + PLOT_HEIGHT
    right = layout.width - year_label_margin(font)
    axis = TimeAxis(
        *TimeAxis.years_spanning(
            datetime.date(series[0][0], 1, 1), datetime.date(series[-1][0], 12, 31)
        ),
        left,
        right,
    )
    scale = PLOT_HEIGHT / float(ticks[-1])

    def y(value):
        return round(baseline - float(value) * scale, 1)

    line = " ".join(f"{axis.x(datetime.date(year, 12, 31))},{y(count)}" for year, count in series)
    sourced = [
        Point(
            x=axis.x(fact.at.latest()),
            y=y(fact.value),
            label=_("%(date)s: %(count)s member states (source)")
            % {"date": fact.at, "count": fact.display_value},
        )
        for fact in facts
    ]
    return CountDrawing(
        layout=layout,
        left=left,
        top=top,
        baseline=baseline,
        right=right,
        value_ticks=[(label, y(tick)) for tick, label in zip(ticks, labels, strict=True)],
        year_ticks=axis.ticks(font),
        derived_line=line,
        sourced=sourced,
    )
