"""The forms of the editors' admin: every content form's workflow fields (edit
summary, the version loaded, the status the save button asks for), sending back,
and reverting."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..conflicts import describe_conflict
from ..content import Status
from ..workflow import SUMMARY_MAX_LENGTH, pending_for
from . import keys


class StatusChoicesMixin:
    """Offers someone who may not publish only "draft" and "in review", and
    fixes the status of an entry that is already published."""

    can_publish = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored_status = self.instance.status if self.instance.pk else None
        status = self.fields.get("status")
        if status is None or self.can_publish:
            return
        if self.stored_status == Status.PUBLISHED:
            status.disabled = True
            status.help_text = _(
                "Only reviewers can unpublish. Your changes wait for a reviewer before "
                "readers see them."
            )
        else:
            status.choices = [
                (value, label) for value, label in status.choices if value != Status.PUBLISHED
            ]
            status.error_messages["invalid_choice"] = _(
                "Only reviewers can publish: choose “Draft” or “In review”."
            )


class WorkflowForm(StatusChoicesMixin, forms.ModelForm):
    """The base form of every content admin."""

    edit_summary = forms.CharField(
        label=_("Edit summary"),
        max_length=SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text=_(
            "What you changed and why, naming the source of anything new. It is kept in "
            "the entry's history, and readers see it in the recent updates."
        ),
        error_messages={
            "required": _("Write an edit summary: say what you changed and why."),
        },
    )
    # The version this form was loaded from (see editorial.workflow: tokens).
    base_version = forms.IntegerField(
        label=_("version loaded"), widget=forms.HiddenInput, required=False, min_value=1
    )
    base_revision = forms.IntegerField(
        label=_("pending change loaded"), widget=forms.HiddenInput, required=False, min_value=0
    )
    loaded_at = forms.CharField(label=_("loaded at"), widget=forms.HiddenInput, required=False)

    # The request's edit session (``session.EditSession``), set by the admin's get_form.
    edit_session = None
    # Set by clean() on a change: the stored row (locked), its pending change,
    # and whether this save proposes a change instead of writing the row.
    locked_entry = None
    locked_pending = None
    proposes_change = False

    def __init__(self, *args, **kwargs):
        session = self.edit_session
        self.can_publish = session.may_publish if session else False
        self.slug_sources = session.slug_sources if session else ()
        super().__init__(*args, **kwargs)
        if "slug" in self.fields and self.slug_sources:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "Filled in for you from %(fields)s; it becomes part of the entry's address. "
                "Change it only if it is already taken."
            ) % {"fields": keys.field_names(self._meta.model, self.slug_sources)}
        if "status" in self.fields:
            # The save buttons set the status (see SAVE_BUTTONS).
            self.fields["status"].widget = forms.HiddenInput()
        if self.instance.pk is None:
            return
        pending = session.pending if session else None
        self.initial["base_version"] = self.instance.version
        self.initial["base_revision"] = pending.revision if pending else 0
        self.initial["loaded_at"] = timezone.now().isoformat()
        if session and session.showing_pending:
            self.initial["edit_summary"] = pending.summary
            for name, pks in pending.many_to_many.items():
                if name in self.fields:
                    self.initial[name] = pks

    def clean(self):
        cleaned_data = super().clean()
        self._apply_requested_status(cleaned_data)
        if "slug" in self.fields and self.slug_sources:
            self._check_slug(cleaned_data)
        if self.instance.pk is not None:
            self._check_version(cleaned_data)
        if self.edit_session and self.edit_session.checks_stored_citations:
            self._check_stored_citations(cleaned_data)
        return cleaned_data

    def _apply_requested_status(self, cleaned_data):
        status = self.fields.get("status")
        requested = self.edit_session.requested_status if self.edit_session else None
        if requested is None or status is None or status.disabled:
            return
        if requested == Status.PUBLISHED and not self.can_publish:
            self.add_error(None, _("Only reviewers can publish: save a draft or submit it."))
            return
        cleaned_data["status"] = requested

    def _check_slug(self, cleaned_data):
        """Make the key from its source fields when left blank; refuse a key already
        taken, naming the entry that has it (see ``editorial.admin.keys``)."""
        if "slug" in self.errors:
            return
        try:
            cleaned_data["slug"] = keys.entry_key(
                self._meta.model,
                cleaned_data.get("slug"),
                {name: cleaned_data.get(name) for name in self.slug_sources},
                exclude_pk=self.instance.pk,
                max_length=self.fields["slug"].max_length,
            )
        except ValidationError as error:
            self.add_error("slug", error)

    def _check_version(self, cleaned_data):
        version = cleaned_data.get("base_version")
        if version is None:
            self.add_error(
                None,
                _(
                    "This form does not say which version of the entry it changes: reload "
                    "the page, then make your changes again."
                ),
            )
            return
        model = type(self.instance)
        entry = model.objects.select_for_update().filter(pk=self.instance.pk).first()
        if entry is None:
            self.add_error(None, _("This entry was deleted while you were editing it."))
            return
        pending = pending_for(entry, lock=True)
        self.locked_entry, self.locked_pending = entry, pending
        self.proposes_change = entry.is_published and not self.can_publish
        if self.proposes_change and not self._may_propose(pending):
            self.add_error(None, _("You may not propose changes to published entries."))
        revision = cleaned_data.get("base_revision") or 0
        current_revision = pending.revision if pending else 0
        if entry.version == version and (not self.proposes_change or current_revision == revision):
            return
        conflict = describe_conflict(
            entry,
            pending if self.proposes_change else None,
            started_at=cleaned_data.get("loaded_at"),
            version=version,
            revision=revision,
        )
        self.add_error(None, conflict.messages(entry))
        # The input stays as typed; saving again now knowingly replaces the
        # other version.
        data = self.data.copy()
        data[self.add_prefix("base_version")] = entry.version
        data[self.add_prefix("base_revision")] = current_revision
        data[self.add_prefix("loaded_at")] = timezone.now().isoformat()
        self.data = data

    def _check_stored_citations(self, cleaned_data):
        """For an editor who cannot see the citation inline (which else checks the
        citations kept): a claim published here must already cite a source."""
        claim = self.instance
        if cleaned_data.get("status") == Status.PUBLISHED and (
            claim.pk is None or not claim.citations.exists()
        ):
            self.add_error(None, claim.unsourced_error())

    def _may_propose(self, pending):
        action = "add" if pending is None else "change"
        user = self.edit_session.user if self.edit_session else None
        return user is not None and user.has_perm(f"editorial.{action}_pendingchange")


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the editor"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text=_("What to fix before the entry can be published."),
        error_messages={"required": _("Write a comment for the editor.")},
    )


class RevertForm(forms.Form):
    summary = forms.CharField(
        label=_("Edit summary"),
        help_text=_("Why you are reverting. It is shown with the change in the entry's history."),
        error_messages={
            "required": _(
                "Give an edit summary: say why you are reverting to this version. "
                "Nothing was changed."
            )
        },
        widget=forms.TextInput(attrs={"size": 70}),
    )

    def __init__(self, *args, max_length=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["summary"]
        if max_length:
            field.max_length = max_length
            field.widget.attrs["maxlength"] = str(max_length)
            field.validators.append(MaxLengthValidator(max_length))
