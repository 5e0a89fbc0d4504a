"""What readers are told when a reviewer publishes an entry with one click (the
review queue, the admin action, a Publish button).

Readers see each published change's edit summary on /updates/, in its feed and on
the entry's history page. A one-click publication has no summary of its own, and
the summaries of the entry's latest history rows may be workflow notes ("Submit …
for review", "Sent back: …"). So the publication is described by the newest
*content edit* since the entry was last published:

* a **status-only** row changes the status and nothing readers see (the editors'
  note is not for readers): submitting, sending back, unpublishing. Its summary is
  a workflow note and is never used;
* every other row is a **content edit** (it created the entry, or changed fields,
  links or citations while the status stayed as it was), and its summary says
  what changed;
* when no content edit since has a summary: "Published", naming the fields that
  differ from the version last published, if there is one.

A reviewer who publishes through the change form writes a summary of their own,
which stands (``editorial.admin.workflow``).
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from . import revisions
from .content import INTERNAL_FIELDS, Status

WORKFLOW_FIELDS = ("status", *INTERNAL_FIELDS)


def publication_summary(entry):
    """The change reason of ``entry``'s publication, in the site's language."""
    rows = unpublished_rows(entry)
    links = revisions.m2m_snapshots(
        revisions.history_model(type(entry)), [row.history_id for row in rows]
    )

    def visible_changes(older, newer):
        changes = revisions.version_changes(older, newer, links)
        return [change for change in changes if change.name not in WORKFLOW_FIELDS]

    for newer, older in zip(rows, [*rows[1:], None], strict=True):
        if newer.status == Status.PUBLISHED:
            break
        status_only = (
            older is not None and older.status != newer.status and not visible_changes(older, newer)
        )
        if not status_only and newer.history_change_reason:
            return newer.history_change_reason
    last_published = rows[-1] if rows and rows[-1].status == Status.PUBLISHED else None
    changed = visible_changes(last_published, rows[0]) if last_published else []
    with translation.override(settings.LANGUAGE_CODE):
        if not changed:
            return _("Published")
        return _("Published (changed: %(fields)s)") % {
            "fields": ", ".join(str(change.label) for change in changed)
        }


def unpublished_rows(entry):
    """The entry's history rows, newest first, down to its last published row (the
    last one listed), or to its first row if it was never published."""
    rows = []
    for row in entry.history.order_by("-history_date", "-history_id").iterator(chunk_size=20):
        rows.append(row)
        if row.status == Status.PUBLISHED:
            break
    return rows
