"""What others changed while an editor was editing: the message that refuses a save
based on an older version (optimistic locking, see ``editorial.workflow`` tokens)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from . import revisions, snapshots
from .workflow import compare_pending


@dataclass
class Conflict:
    """What others changed since an editor opened the form."""

    editors: list = field(default_factory=list)
    differences: list = field(default_factory=list)
    proposal: bool = False

    def messages(self, entry):
        names = ", ".join(self.editors) or _("another editor")
        if self.proposal:
            lead = _(
                "%(names)s proposed a change to this entry while you were editing it, so "
                "your changes were not saved. They are still in the form: check what the "
                "other proposal says, then save again to replace it."
            )
        else:
            lead = _(
                "%(names)s saved this entry while you were editing it, so your changes "
                "were not saved. They are still in the form: check what the other editor "
                "changed, then save again to keep your version."
            )
        lines = [lead % {"names": names}]
        if self.differences:
            lines.append(_("What changed (before → now):"))
        lines += [
            _("%(field)s: %(before)s → %(after)s")
            % {"field": d.label, "before": d.old, "after": d.new}
            for d in self.differences
        ]
        return lines


def describe_conflict(entry, pending, *, started_at, version, revision):
    """What changed since an editor loaded the form at ``version``/``revision``
    (at ``started_at``), for the message that refuses their save."""
    model = type(entry)
    if entry.version != version:
        moment = parse_moment(started_at)
        since = entry.history.all()
        if moment is not None:
            since = since.filter(history_date__gt=moment)
        editors = _names(row.history_user for row in since[:20])
        before = revisions.state_as_of(entry, moment) if moment is not None else None
        changes = snapshots.diff(model, before, snapshots.of_entry(entry)) if before else []
        return Conflict(
            editors=editors, differences=revisions.displayed_changes(model, changes, marked=False)
        )
    if pending is None:
        return Conflict(proposal=True)
    return Conflict(
        editors=_names([pending.author]), differences=compare_pending(entry, pending), proposal=True
    )


def parse_moment(value):
    if isinstance(value, datetime):
        return value
    try:
        return parse_datetime(value or "")
    except ValueError:
        return None


def _names(users):
    names = []
    for user in users:
        name = user.get_username() if user is not None else _("someone")
        if name not in names:
            names.append(name)
    return names
