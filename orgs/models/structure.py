"""Offices and figures: the organization's structure and numbers over time."""

from collections import Counter, defaultdict
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Max, Q
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.content import (
    Claim,
    ContentManager,
    ContentQuerySet,
    Rank,
)
from editorial.numbers import human_number, money
from editorial.registry import SearchTarget, register
from editorial.search import Searchable
from editorial.translation import translations

from ..citations import CitationBase
from ..fields import PartialDateField
from .organizations import Organization


@register(
    fixture="offices.json", search=SearchTarget(_("Office"), "__str__", "summary", date="opened")
)
class Office(Searchable, Claim):
    search_weights = {"name": "A", "city": "A", "country": "B", "summary": "C"}

    class Kind(models.TextChoices):
        HEADQUARTERS = "headquarters", _("Headquarters")
        LIAISON = "liaison", _("Liaison office")
        CENTRE = "centre", _("Centre")
        REGIONAL = "regional", _("Regional office")
        COUNTRY = "country", _("Country office")

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="offices",
        verbose_name=_("organization"),
    )
    name = models.CharField(_("name"), max_length=200)
    name_fr, name_es = translations(name)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    city = models.CharField(_("city"), max_length=100)
    city_fr, city_es = translations(city)
    country = models.CharField(_("country"), max_length=100)
    country_fr, country_es = translations(country)
    opened = PartialDateField(_("opened"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    summary_fr, summary_es = translations(summary)

    class Meta:
        ordering = ["kind", "city"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        constraints = [
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(kind="headquarters"),
                name="orgs_office_one_headquarters",
                violation_error_message=_("The organization already has a headquarters."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.city})"

    def get_absolute_url(self):
        page = "orgs:country-offices" if self.kind == self.Kind.COUNTRY else "orgs:structure"
        return reverse(page) + f"#office-{self.slug}"


class OfficeCitation(CitationBase):
    claim = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="citations")


class FactQuerySet(ContentQuerySet):
    def preferred(self):
        return self.filter(rank=Fact.Rank.PREFERRED)

    def recent_years(self, per_kind):
        """For each kind, the years of its ``per_kind`` most recent figures, and how
        many figures the kind has in all."""
        years, totals = defaultdict(list), Counter()
        rows = self.order_by().values("kind", year=Substr("at", 1, 4)).annotate(count=Count("pk"))
        for row in sorted(rows, key=lambda row: row["year"], reverse=True):
            totals[row["kind"]] += row["count"]
            if len(years[row["kind"]]) < per_kind:
                years[row["kind"]].append(row["year"])
        return years, totals

    def in_years(self, years):
        """Figures of the given kinds dated in the given years ({kind: [year, ...]})."""
        condition = Q()
        for kind, kind_years in years.items():
            condition |= Q(kind=kind, at__gte=min(kind_years), at__lt=str(int(max(kind_years)) + 1))
        return self.filter(condition) if years else self.none()

    def latest_by_kind(self):
        """The figure of each kind that the summary box shows, keyed by kind.

        The rule: **the newest date wins**, whatever the rank of older values, so a
        newer figure replaces the box's value as soon as it is published. Disputed
        values are left out. Among the values of the newest date, the preferred one
        is shown, else the "also reported" one entered last.

        Editors keep a newer value out of the box by ranking it Disputed (with the
        reason, which the figure pages show); the older value then shown has
        ``chosen_by_editors`` set, since newer values exist, and the box says so.

        Two small queries whatever the number of figures: the newest dates of each
        kind, then the figures at those dates.
        """
        disputed = Q(rank=Fact.Rank.DEPRECATED)
        rows = (
            self.order_by()
            .values("kind")
            .annotate(newest=Max("at", filter=~disputed), newest_of_all=Max("at"))
        )
        newest = {row["kind"]: row["newest"] for row in rows if row["newest"] is not None}
        if not newest:
            return {}
        overruled = {row["kind"] for row in rows if row["newest"] != row["newest_of_all"]}
        candidates = self.exclude(disputed).filter(kind__in=newest, at__in=set(newest.values()))
        shown = {}
        for fact in sorted(
            candidates, key=lambda fact: (fact.rank != Fact.Rank.PREFERRED, -fact.pk)
        ):
            if fact.at == newest[fact.kind] and fact.kind not in shown:
                fact.chosen_by_editors = fact.kind in overruled
                shown[fact.kind] = fact
        return shown


@register(fixture="facts.json", search=SearchTarget(_("Figure"), "__str__", "note", date="at"))
class Fact(Searchable, Claim):
    """A figure about an organization at a point in time, as one source gives it.

    Where sources differ, ``rank`` says how each value stands: one "preferred value"
    per date, others "also reported", doubtful ones "disputed". The summary box on
    the home page shows the newest figure of a kind, not the newest preferred one:
    see ``FactQuerySet.latest_by_kind`` for the rule and how editors overrule it.
    """

    search_weights = {"kind": "A", "note": "B", "rank_reason": "C"}

    class Kind(models.TextChoices):
        BUDGET = "budget", _("Budget")
        ADMINISTRATIVE_BUDGET = "budget-administrative", _("Administrative budget")
        OPERATIONAL_BUDGET = "budget-operational", _("Operational budget")
        REVENUE = "revenue", _("Revenue")
        INCOME = "income", _("Gross income")
        EXPENDITURE = "expenditure", _("Expenditure")
        STAFF = "staff", _("Staff")
        STAFF_NATIONALITIES = "staff-nationalities", _("Staff nationalities")
        MEMBER_STATES = "member-states", _("Member states")
        OBSERVER_STATES = "observer-states", _("Observer states")
        OFFICES = "offices", _("Offices")
        COUNTRIES = "countries", _("Countries with offices")
        DUTY_STATIONS = "duty-stations", _("Duty stations")

    class Unit(models.TextChoices):
        COUNT = "count", _("count")
        USD = "USD", _("US dollars")
        AUD = "AUD", _("Australian dollars")

    class Qualifier(models.TextChoices):
        EXACT = "", _("exactly")
        ABOUT = "about", _("about")
        OVER = "over", _("over")
        NEARLY = "nearly", _("nearly")
        ESTIMATED = "estimated", _("estimated")

    Rank = Rank

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="facts",
        verbose_name=_("organization"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=2)
    unit = models.CharField(_("unit or currency"), max_length=10, choices=Unit, default=Unit.COUNT)
    qualifier = models.CharField(_("qualifier"), max_length=10, choices=Qualifier, blank=True)
    at = PartialDateField(_("point in time"))
    rank = models.CharField(
        _("rank"),
        max_length=10,
        choices=Rank,
        default=Rank.NORMAL,
        help_text=_(
            "When sources give different values. “Preferred value”: the one shown first "
            "for its date. “Also reported”: another value a source gives. “Disputed”: a "
            "value the editors doubt, shown with the reason but never charted nor put in "
            "the summary box."
        ),
    )
    rank_reason = models.CharField(
        _("reason for rank"),
        max_length=300,
        blank=True,
        help_text=_("Why this value is preferred over, or less trusted than, others."),
    )
    rank_reason_fr, rank_reason_es = translations(rank_reason)
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("What exactly is counted, if not obvious."),
    )
    note_fr, note_es = translations(note)

    objects = ContentManager.from_queryset(FactQuerySet)()

    class Meta:
        ordering = ["kind", "at", "rank"]
        verbose_name = _("fact")
        verbose_name_plural = _("facts")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind", "at"],
                condition=Q(rank="preferred"),
                name="orgs_fact_one_preferred_value",
                violation_error_message=_(
                    "Another value for this kind and time is already preferred."
                ),
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="orgs_fact_value_not_negative",
                violation_error_message=_("A figure cannot be negative."),
            ),
        ]
        indexes = [models.Index(fields=["organization", "kind", "at"])]

    def __str__(self):
        return f"{self.get_kind_display()}, {self.at}: {self.display_value}"

    def get_absolute_url(self):
        """The figure in its kind's list of figures."""
        return reverse("orgs:figures", args=[self.kind]) + f"#fact-{self.slug}"

    def get_preview_url(self):
        """Where staff see an unpublished figure: its kind's list of figures, with
        the figure shown above the list (see ``orgs.views.figure_list``)."""
        if self.is_published:
            return self.get_absolute_url()
        query = urlencode({"preview": self.slug})
        return reverse("orgs:figures", args=[self.kind]) + f"?{query}#fact-{self.slug}"

    def clean(self):
        super().clean()
        if self.rank != self.Rank.NORMAL and not self.rank_reason:
            raise ValidationError(
                {
                    "rank_reason": _("Say why this value is marked “%(rank)s”.")
                    % {"rank": self.get_rank_display()}
                }
            )

    @property
    def display_value(self):
        if self.unit == self.Unit.COUNT:
            number = human_number(self.value)
        else:
            number = money(self.value, self.unit)
        qualifier = self.get_qualifier_display() if self.qualifier else ""
        return f"{qualifier} {number}".strip()


class FactCitation(CitationBase):
    claim = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="citations")
