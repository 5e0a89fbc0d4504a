"""The rules a state's membership spells follow, on plain values so that the
model's ``clean()`` and the loader's check of whole fixture files share them.

A spell runs from its start (the date a source gives, else the first year the
Correlates of War data code it a member) to its end (likewise), or is still
running. A state's spells may not overlap; one may end in the period the next
begins (an observer admitted as a member: the same Council session ends one
and starts the other).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from orgs.dates import PartialDate, spans_overlap


def effective_start(start, start_cow):
    """The start the rules and counts use: the sourced date, else the COW year."""
    if start is not None:
        return start
    return PartialDate(start_cow) if start_cow else None


def effective_end(end, end_cow):
    if end is not None:
        return end
    return PartialDate(end_cow) if end_cow else None


def span_problem(start, end):
    """Why a spell's own dates cannot stand, or None."""
    if start is None:
        return _("Give a start: the date a source gives, or the first year COW IGO v3 codes.")
    if end is not None and end.latest() < start.earliest():
        return _("The end is before the start.")
    return None


def overlapping(spans):
    """Pairs (i, j) of indexes of ``spans`` ((start, end) pairs) that overlap."""
    pairs = []
    for i, first in enumerate(spans):
        for j in range(i + 1, len(spans)):
            if spans[j][0] is not None and first[0] is not None and spans_overlap(first, spans[j]):
                pairs.append((i, j))
    return pairs


def fixture_problems(records):
    """Why the spell records among ``records`` cannot all be loaded: spells of one
    state that overlap, or a spell ending before it starts."""
    by_state = {}
    problems = []
    for record in records:
        if record.model._meta.label_lower != "members.membershipspell":
            continue
        fields = record.fields
        try:
            start = effective_start(_date(fields.get("start")), fields.get("start_cow"))
            end = effective_end(_date(fields.get("end")), fields.get("end_cow"))
        except ValidationError as error:
            problems.append(f"{record.label}: {' '.join(error.messages)}")
            continue
        problem = span_problem(start, end)
        if problem:
            problems.append(f"{record.label}: {problem}")
            continue
        by_state.setdefault(str(fields.get("state")), []).append((record, (start, end)))
    for spells in by_state.values():
        for i, j in overlapping([span for _record, span in spells]):
            problems.append(
                f"{spells[j][0].label}: "
                + _("overlaps %(other)s; a state's spells follow one another.")
                % {"other": spells[i][0].label}
            )
    return problems


def _date(value):
    if value in (None, ""):
        return None
    return value if isinstance(value, PartialDate) else PartialDate.parse(value)
