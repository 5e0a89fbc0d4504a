"""The rows of the members table: one per state, with its standing today, the
spell that standing dates from, and the year it first joined."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Standing


@dataclass
class Row:
    state: object
    standing: str  # "member", "observer" or "former"
    since: object  # the running spell, or the last one for a former member
    first_year: int | None

    @property
    def decade(self):
        return self.first_year - self.first_year % 10 if self.first_year else None

    @property
    def since_text(self):
        """When the standing began, as the best source dates it: an official
        date first, else "by 1965 (COW IGO v3)"."""
        return start_text(self.since) if self.since else ""

    @property
    def standing_label(self):
        return STANDING_LABELS[self.standing]


STANDING_LABELS = {
    Standing.MEMBER.value: _("Member state"),
    Standing.OBSERVER.value: _("Observer state"),
    "former": _("Former member"),
    "undated": _("No dated membership"),
}


def start_text(spell):
    if spell.start:
        if spell.start_is_bound:
            return _("by %(date)s") % {"date": spell.start}
        return str(spell.start)
    return _("by %(year)s (COW IGO v3)") % {"year": spell.start_cow}


def first_year(spell):
    """The year the spell began, unless a "by" date is all that is known."""
    if spell.start and not spell.start_is_bound:
        return spell.start.year
    return spell.start_cow


def row_for(state):
    spells = state.spell_list()
    current = state.current_spell
    first = spells[0] if spells else None
    return Row(
        state=state,
        standing=current.standing if current else ("former" if spells else "undated"),
        since=current or (spells[-1] if spells else None),
        first_year=first_year(first) if first else None,
    )


SORT_KEYS = {
    "name": lambda row: row.state.name,
    "since": lambda row: (
        row.since.effective_start.earliest() if row.since else datetime.date.max,
        row.state.name,
    ),
    "region": lambda row: (row.state.get_region_display(), row.state.name),
}


def sorted_rows(rows, order):
    """Rows in the order asked for ("name", "-since"...): by name for a tie."""
    key = SORT_KEYS[order.lstrip("-")]
    return sorted(rows, key=key, reverse=order.startswith("-"))
