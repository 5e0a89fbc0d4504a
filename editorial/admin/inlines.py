"""Inlines of the editors' admin: the citations of a claim, and content edited on
another entry's page (a person's terms)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from .. import registry
from ..content import Status, describe
from ..roles import can_publish
from ..snapshots import CITATION_FIELDS
from ..workflow import pending_for
from .forms import StatusChoicesMixin
from .session import session_of

COMPACT_TEXTAREA = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}}


class ContentInlineForm(StatusChoicesMixin, forms.ModelForm):
    pass


class ContentInlineFormSet(BaseInlineFormSet):
    """For content edited inline on another entry's page: someone who may not
    publish cannot delete published rows, nor change one with a change already
    waiting for review (that is done on its own page)."""

    can_publish = True

    def clean(self):
        super().clean()
        if self.can_publish:
            return
        for form in self.forms:
            if getattr(form, "stored_status", None) != Status.PUBLISHED:
                continue
            if self._should_delete_form(form):
                raise ValidationError(
                    _("Only reviewers can delete published entries: %(entry)s.")
                    % {"entry": describe(form.instance)}
                )
            if form.has_changed() and pending_for(form.instance) is not None:
                form.add_error(
                    None,
                    _(
                        "%(entry)s already has a change waiting for review: change it on "
                        "its own page."
                    )
                    % {"entry": describe(form.instance)},
                )


class ContentInline(admin.TabularInline):
    form = ContentInlineForm
    formset = ContentInlineFormSet

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        allowed = can_publish(request.user)
        formset.can_publish = allowed
        formset.form.can_publish = allowed
        return formset


class CitationInlineFormSet(BaseInlineFormSet):
    """Refuses to save a published claim unless at least one citation is kept.

    Counts the rows being submitted (new and existing) minus those marked for
    deletion, so the whole save is refused before anything is written.

    ``proposed`` ({citation key: values}) shows stored citations with the values
    of a pending change (see ``WorkflowAdminMixin.get_formset_kwargs``).
    """

    def __init__(self, *args, proposed=None, **kwargs):
        self.proposed = proposed or {}
        super().__init__(*args, **kwargs)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        values = self.proposed.get(form.instance.pk)
        if values is not None:
            form.initial.update({name: values.get(name, "") for name in CITATION_FIELDS})
        return form

    def clean(self):
        super().clean()
        if any(self.errors) or self.instance.status != Status.PUBLISHED:
            return
        kept = [
            form for form in self.forms if form.cleaned_data and not self._should_delete_form(form)
        ]
        if not kept:
            raise self.instance.unsourced_error()


class CitationInline(admin.StackedInline):
    """Base for citation inlines; build one with ``citation_inline(model)``.

    Each citation is one labelled row, source first, that wraps on narrow screens
    (see editorial's static admin-workflow.css); "supports" is chosen among the claim's
    fields by their labels (the field's name is stored).
    """

    formset = CitationInlineFormSet
    fields = [("source", "supports", "locator", "quotation")]
    autocomplete_fields = ["source"]
    extra = 1
    formfield_overrides = COMPACT_TEXTAREA
    classes = ["citations"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "supports":
            return forms.ChoiceField(
                label=_("Supports"),
                choices=self.model.supports_choices(),
                required=False,
                help_text=_("What this source backs: the whole entry, or one of its fields."),
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_extra(self, request, obj=None, **kwargs):
        """One empty row, after the new citations of a pending change shown in the form."""
        session = session_of(request)
        if session is not None and session.showing_pending:
            stored = {c.pk for c in obj.citations.all()}
            new = [c for c in session.pending.citations if c.get("id") not in stored]
            return self.extra + len(new)
        return super().get_extra(request, obj, **kwargs)


def citation_inline(citation_model):
    """The inline for a registered claim's citation model."""
    if citation_model not in registry.citation_models():
        raise TypeError(f"{citation_model.__name__} is not a citation model.")
    return type(f"{citation_model.__name__}Inline", (CitationInline,), {"model": citation_model})


class ClaimInlineFormSet(ContentInlineFormSet):
    """For claims edited inline on another record's page.

    Their citations cannot be nested there, so a new claim or one being published
    must already cite a source in the database.
    """

    def clean(self):
        super().clean()
        for form in self.forms:
            if not form.cleaned_data or self._should_delete_form(form):
                continue
            if form.cleaned_data.get("status") != Status.PUBLISHED:
                continue
            claim = form.instance
            if claim.pk is None or not claim.citations.exists():
                form.add_error(
                    "status",
                    claim.unsourced_error(
                        _(
                            "%(claim)s is published but cites no source: save it as a draft "
                            "here, then add citations on its own page."
                        ),
                    ),
                )


class ClaimInline(ContentInline):
    formset = ClaimInlineFormSet
    show_change_link = True
    extra = 0
