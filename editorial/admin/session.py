"""What one request to an entry's change form works with, in one object.

``WorkflowAdminMixin.changeform_view`` puts an ``EditSession`` on the request as
``request.edit_session``; ``get_object`` completes it with the entry's pending
change; the form, the citation inline and the response read it from there (the
form gets it as its class's ``edit_session``, set by ``get_form``). Nothing else
about the workflow travels on the request, the entry or the form.
"""

from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from ..roles import can_publish
from .save_buttons import requested_status

# The changelist's hidden inputs holding each row's version: "_version-<pk>".
VERSION_INPUT = "_version"


@dataclass
class EditSession:
    user: Any
    may_publish: bool
    # The status the save button pressed asks for (see save_buttons), or None.
    requested_status: str | None = None
    # The fields a blank key is made from (the admin's prepopulated_fields).
    slug_sources: tuple = ()
    # The entry's change waiting for review, and whether the form shows it (an
    # editor reopening a published entry continues from their proposal).
    pending: Any = None
    showing_pending: bool = False
    # Whether the form must check the stored citations itself (the editor cannot
    # see the citation inline, which otherwise checks them).
    checks_stored_citations: bool = False
    # Set when the save proposed a change instead of writing the entry.
    proposed: bool = False

    @classmethod
    def start(cls, request):
        return cls(
            user=request.user,
            may_publish=can_publish(request.user),
            requested_status=requested_status(request),
        )


def session_of(request):
    """The request's edit session, or None outside an entry's change form."""
    return getattr(request, "edit_session", None)


def posted_token(request, pk):
    return request.POST.get(f"{VERSION_INPUT}-{pk}")


def when(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def user_name(user):
    return user.get_username() if user is not None else gettext("someone")
