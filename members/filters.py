"""The members table's filters (standing, decade first joined, region) and its
sort order and map colouring, all chosen from fixed lists: a value not offered is
a form error (the page answers 400), never a database lookup."""

import datetime

import django_filters
from django.db.models import Case, Exists, IntegerField, Min, OuterRef, Q, When
from django.db.models.functions import Cast, Coalesce, Substr
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from editorial.content import Status
from orgs.widgets import ListSelect

from .models import MembershipSpell, Region, Standing, State

FIRST_DECADE = 1950
STANDINGS = [
    (Standing.MEMBER.value, _("Member state")),
    (Standing.OBSERVER.value, _("Observer state")),
    ("former", _("Former member")),
]
SORTS = [
    ("name", _("State, A to Z")),
    ("-name", _("State, Z to A")),
    ("since", _("Joined, earliest first")),
    ("-since", _("Joined, latest first")),
    ("region", _("Region")),
]
COLOURINGS = [("status", _("Standing")), ("decade", _("Decade first joined"))]


def decade_choices():
    this_decade = datetime.date.today().year // 10 * 10
    return [
        (str(d), pgettext("decade", "%(decade)ss") % {"decade": d})
        for d in range(FIRST_DECADE, this_decade + 1, 10)
    ]


def running(standing):
    """Published spells of that standing, still running, of the outer state."""
    return MembershipSpell.objects.published().filter(
        state=OuterRef("pk"), standing=standing, end__isnull=True, end_cow__isnull=True
    )


def with_first_year(states):
    """Annotate the year each state first joined (as member or observer): the
    sourced start where there is one, else the COW year. A "by" date says only
    that the state had joined by then, so it gives no year."""
    published = Q(spells__status=Status.PUBLISHED)
    sourced_year = Case(
        When(
            spells__start_is_bound=False,
            then=Cast(Substr("spells__start", 1, 4), IntegerField()),
        ),
        output_field=IntegerField(),
    )
    year = Coalesce(sourced_year, "spells__start_cow", output_field=IntegerField())
    return states.annotate(first_year=Min(year, filter=published))


def _error(text):
    return {"invalid_choice": text}


class StateFilter(django_filters.FilterSet):
    standing = django_filters.ChoiceFilter(
        choices=STANDINGS,
        method="filter_standing",
        label=_("Standing"),
        empty_label=_("Any standing"),
        widget=ListSelect,
        error_messages=_error(_("Choose a standing from the list.")),
    )
    decade = django_filters.ChoiceFilter(
        choices=decade_choices,
        method="filter_decade",
        label=_("First joined in"),
        empty_label=_("Any decade"),
        widget=ListSelect,
        error_messages=_error(_("Choose a decade from the list.")),
    )
    region = django_filters.ChoiceFilter(
        choices=Region.choices,
        label=_("Region"),
        empty_label=_("Any region"),
        widget=ListSelect,
        error_messages=_error(_("Choose a region from the list.")),
    )
    sort = django_filters.ChoiceFilter(
        choices=SORTS,
        method="keep",
        label=_("Order"),
        empty_label=None,
        widget=ListSelect,
        error_messages=_error(_("Choose an order from the list.")),
    )
    colour = django_filters.ChoiceFilter(
        choices=COLOURINGS,
        method="keep",
        label=_("Colour the map by"),
        empty_label=None,
        widget=ListSelect,
        error_messages=_error(_("Choose a colouring from the list.")),
    )

    class Meta:
        model = State
        fields = ["standing", "decade", "region"]

    def filter_standing(self, queryset, name, value):
        if value == "former":
            return queryset.exclude(Exists(running(Standing.MEMBER))).exclude(
                Exists(running(Standing.OBSERVER))
            )
        return queryset.filter(Exists(running(value)))

    def filter_decade(self, queryset, name, value):
        decade = int(value)
        return queryset.filter(first_year__gte=decade, first_year__lt=decade + 10)

    def keep(self, queryset, name, value):
        """Sort order and colouring are applied to the rows, not the query."""
        return queryset

    @property
    def is_filtered(self):
        return any(self.data.get(name) for name in ("standing", "decade", "region"))

    def choice(self, name, default):
        """A valid sort or colouring, or the default."""
        return self.form.cleaned_data.get(name) or default
