"""The save buttons of the editors' change forms, and the status each one sets.

An editor does not choose a status from a list: "Save draft" keeps the entry a
draft, "Submit for review" sends it to the review queue (or, for a published entry,
proposes the change), and reviewers also get "Publish", which saves and publishes
under the same rules as the review queue (``editorial.admin.forms.WorkflowForm``
applies the status; ``editorial.sourcing`` publishes the sources cited along).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..content import Status
from ..roles import can_publish

# The change form's save buttons: the status each one saves the entry with.
SAVE_BUTTONS = {
    "_save_draft": Status.DRAFT,
    "_submit_for_review": Status.IN_REVIEW,
    "_publish": Status.PUBLISHED,
}


def requested_status(request):
    """The status the save button pressed asks for, or None (keep the status)."""
    if request.method != "POST":
        return None
    return next((status for name, status in SAVE_BUTTONS.items() if name in request.POST), None)


@dataclass
class SaveButton:
    name: str
    label: str
    primary: bool = False


def save_buttons(user, entry):
    """The save buttons of ``entry``'s form (None: a new entry), safest first: the
    first is the one the Enter key presses."""
    reviewer = can_publish(user)
    if entry is not None and entry.is_published:
        if not reviewer:
            return [SaveButton("_submit_for_review", _("Submit for review"), primary=True)]
        return [
            SaveButton("_publish", _("Publish the changes"), primary=True),
            SaveButton("_save_draft", _("Unpublish (save as draft)")),
        ]
    buttons = [
        SaveButton("_save_draft", _("Save draft")),
        SaveButton("_submit_for_review", _("Submit for review"), primary=not reviewer),
    ]
    if reviewer:
        buttons.append(SaveButton("_publish", _("Publish"), primary=True))
    return buttons


def status_text(user, entry):
    """Where the entry stands, and what the buttons do, in a sentence."""
    reviewer = can_publish(user)
    if entry is None:
        return _("A new entry: save it as a draft, or submit it for a reviewer to publish.")
    if entry.status == Status.DRAFT:
        return _("A draft: only editors can see it.")
    if entry.status == Status.IN_REVIEW:
        return _("In review: waiting for a reviewer to publish it or send it back.")
    if reviewer:
        return _("Published: readers see it, and see your changes as soon as you publish them.")
    return _("Published: readers see it. Your changes wait for a reviewer before readers see them.")
