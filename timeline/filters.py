"""The timeline's filter form: name era, decade and category.

Every control is a closed list, so a value that is not on the list (a typo in an
address, an old bookmark) is a form error, never a database error.
"""

import django_filters
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from editorial.content import Status
from editorial.translation import translated
from orgs.models import NameEra

from .models import Event

FIRST_DECADE = 1950


def subject_name_eras(request=None):
    """The published names of the organization the site is about, oldest first."""
    return NameEra.objects.published().filter(
        organization__slug=settings.IOMSITE_ORGANIZATION,
        organization__status=Status.PUBLISHED,
    )


def decade_choices():
    """("1950", "1950s") up to the current decade, read when the form is built."""
    current = timezone.localdate().year // 10 * 10
    return [
        # Translators: a decade, e.g. "1950s"; %(year)s is its first year.
        (str(year), pgettext("decade", "%(year)ss") % {"year": year})
        for year in range(FIRST_DECADE, current + 1, 10)
    ]


class NameEraChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, era):
        """The name in the reader's language: "Organisation internationale … (OIM)"."""
        return f"{translated(era, 'name')} ({translated(era, 'acronym')})"


class NameEraFilter(django_filters.ModelChoiceFilter):
    field_class = NameEraChoiceField


class EventFilter(django_filters.FilterSet):
    era = NameEraFilter(
        label=_("Name"),
        field_name="name_era",
        queryset=subject_name_eras,
        to_field_name="slug",
        empty_label=_("Any name"),
        error_messages={"invalid_choice": _("Choose one of the listed names.")},
    )
    decade = django_filters.ChoiceFilter(
        label=_("Decade"),
        choices=decade_choices,
        method="filter_decade",
        empty_label=_("Any decade"),
        error_messages={"invalid_choice": _("Choose one of the listed decades.")},
    )
    category = django_filters.ChoiceFilter(
        label=_("Category"),
        choices=Event.Category.choices,
        empty_label=_("Any category"),
        error_messages={"invalid_choice": _("Choose one of the listed categories.")},
    )

    class Meta:
        model = Event
        fields = ["era", "decade", "category"]

    def filter_decade(self, queryset, name, value):
        # Dates are stored as "1958", "1958-05" or "1958-05-07": a decade is a prefix.
        return queryset.filter(start__startswith=value[:3])

    @property
    def is_filtered(self):
        """Whether any filter has a value (valid or not)."""
        return any(self.data.get(name) for name in self.filters)
