"""States and their membership of the organization, spell by spell.

A state is named by its ISO 3166 code; its names in English, French and Spanish
come from django-countries, which follows the ISO list. A membership spell is a
claim: member or observer, from a start to an end (or still running), each date
at the precision its source gives. Where only the Correlates of War IGO data
(version 3) date a spell, the spell carries that year separately, so a page can
say "by 1965 (COW IGO v3)" and rank it below any date an official source gives.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import Country

from editorial.content import Claim, Content, ContentManager, ContentQuerySet, citations_prefetch
from editorial.registry import register
from orgs.citations import CitationBase
from orgs.fields import PartialDateField
from orgs.models import end_not_before_start

from . import spells as rules

COW_FIRST_YEAR, COW_LAST_YEAR = 1951, 2014


class Region(models.TextChoices):
    """The United Nations geoscheme's (M49) continental regions."""

    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")


class Standing(models.TextChoices):
    MEMBER = "member", _("Member state")
    OBSERVER = "observer", _("Observer state")


def validate_iso_code(value):
    if value not in countries:
        raise ValidationError(
            _("“%(value)s” is not an ISO 3166-1 two-letter code."), params={"value": value}
        )


class StateQuerySet(ContentQuerySet):
    def current_members(self):
        """States with a published member spell still running, in one query."""
        running = MembershipSpell.objects.published().filter(
            state=OuterRef("pk"),
            standing=Standing.MEMBER,
            end__isnull=True,
            end_cow__isnull=True,
        )
        return self.filter(Exists(running))

    def with_spells(self):
        """States with their published spells (oldest first) and the spells'
        citations of published sources: three queries for any number of states."""
        return self.prefetch_related(
            Prefetch(
                "spells",
                queryset=MembershipSpell.objects.published().prefetch_related(
                    citations_prefetch(MembershipSpell)
                ),
            )
        )


# Not multiplied by devtools' scale data: there is one state per ISO 3166 code
# (tests/members pin the pages' queries with twenty more states instead).
NO_SCALE_DATA = {"scale_data": False}


@register(fixture="members.json", own_page=True, extra=NO_SCALE_DATA)
class State(Content):
    code = models.CharField(
        _("ISO 3166 code"),
        max_length=2,
        unique=True,
        validators=[validate_iso_code],
        help_text=_("The two-letter ISO 3166-1 code; names in every language follow from it."),
    )
    region = models.CharField(_("region"), max_length=10, choices=Region)

    objects = ContentManager.from_queryset(StateQuerySet)()

    class Meta:
        ordering = ["code"]
        verbose_name = _("state")
        verbose_name_plural = _("states")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:state", args=[self.slug])

    @property
    def country(self):
        return Country(code=self.code)

    @property
    def name(self):
        """The state's name in the active language."""
        return str(self.country.name) or self.code

    @property
    def alpha3(self):
        return self.country.alpha3

    @property
    def numeric(self):
        """The ISO 3166-1 numeric code as three digits ("004"), as maps key it."""
        return self.country.numeric_padded or ""

    def spell_list(self):
        """Published spells, oldest first (prefetched by ``with_spells``)."""
        return sorted(self.spells.all(), key=lambda spell: spell.effective_start.earliest())

    @property
    def current_spell(self):
        running = [spell for spell in self.spell_list() if spell.is_running]
        return running[-1] if running else None

    @property
    def first_spell(self):
        spells = self.spell_list()
        return spells[0] if spells else None


class MembershipSpell(Claim):
    state = models.ForeignKey(
        State, on_delete=models.CASCADE, related_name="spells", verbose_name=_("state")
    )
    standing = models.CharField(_("standing"), max_length=10, choices=Standing)
    start = PartialDateField(
        _("start"),
        null=True,
        blank=True,
        help_text=_("The date a source gives for admission; leave empty if none does."),
    )
    start_is_bound = models.BooleanField(
        _("start is a “by” date"),
        default=False,
        help_text=_("The source says only that the state was a member by this date."),
    )
    start_cow = models.PositiveSmallIntegerField(
        _("first year in COW IGO v3"),
        null=True,
        blank=True,
        help_text=_("The first year of this spell in the Correlates of War IGO data, version 3."),
    )
    end = PartialDateField(_("end"), null=True, blank=True)
    end_cow = models.PositiveSmallIntegerField(
        _("last year in COW IGO v3"),
        null=True,
        blank=True,
        help_text=_("Only when the spell ends before 2014, where the COW data stop."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    str_related = ("state",)

    class Meta:
        ordering = ["state", "start", "start_cow"]
        verbose_name = _("membership spell")
        verbose_name_plural = _("membership spells")
        constraints = [
            end_not_before_start(),
            models.CheckConstraint(
                condition=Q(start__isnull=False) | Q(start_cow__isnull=False),
                name="members_membershipspell_has_start",
                violation_error_message=_("Give a start date or a COW year."),
            ),
        ]

    def __str__(self):
        return f"{self.state}: {self.get_standing_display()} ({self.period_label})"

    def get_absolute_url(self):
        return self.state.get_absolute_url() + f"#spell-{self.slug}"

    @property
    def effective_start(self):
        return rules.effective_start(self.start, self.start_cow)

    @property
    def effective_end(self):
        return rules.effective_end(self.end, self.end_cow)

    @property
    def span(self):
        return (self.effective_start, self.effective_end)

    @property
    def is_running(self):
        return self.effective_end is None

    @property
    def period_label(self):
        start = self.effective_start
        end = self.effective_end
        return f"{start or '?'}–{end or ''}"

    def clean(self):
        super().clean()
        for field, year in (("start_cow", self.start_cow), ("end_cow", self.end_cow)):
            if year is not None and not COW_FIRST_YEAR <= year <= COW_LAST_YEAR:
                raise ValidationError({field: _("COW IGO v3 covers 1951 to 2014 only.")})
        problem = rules.span_problem(self.effective_start, self.effective_end)
        if problem:
            raise ValidationError(problem)
        self._check_overlap()

    def _check_overlap(self):
        if not self.state_id:
            return
        others = MembershipSpell.objects.filter(state_id=self.state_id).exclude(pk=self.pk)
        for other in others:
            if rules.overlapping([self.span, other.span]):
                raise ValidationError(
                    _("This spell overlaps another of the same state (%(other)s).")
                    % {"other": other.period_label}
                )


class MembershipSpellCitation(CitationBase):
    claim = models.ForeignKey(MembershipSpell, on_delete=models.CASCADE, related_name="citations")


register(
    MembershipSpell,
    fixture="members.json",
    shown_with=("state",),
    fixture_check=rules.fixture_problems,
    extra=NO_SCALE_DATA,
)
