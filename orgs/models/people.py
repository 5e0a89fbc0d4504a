"""People and their terms of office."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.content import (
    Claim,
    ContentManager,
    ContentQuerySet,
)
from editorial.registry import SearchTarget, register
from editorial.search import Searchable
from editorial.translation import translations

from ..citations import CitationBase
from ..dates import spans_overlap
from ..fields import PartialDateField
from .organizations import Organization, end_not_before_start


@register(fixture="people.json", own_page=True, search=SearchTarget(_("Person"), "name", "summary"))
class Person(Searchable, Claim):
    search_weights = {"name": "A", "native_name": "A", "nationality": "B", "summary": "C"}

    name = models.CharField(_("name"), max_length=200)
    native_name = models.CharField(
        _("name in own script"), max_length=200, blank=True, help_text=_("For example 이성아.")
    )
    native_name_language = models.CharField(
        _("language of that name"),
        max_length=10,
        blank=True,
        help_text=_("Language code, for example “ko”, so screen readers pronounce it."),
    )
    sort_name = models.CharField(
        _("sort name"),
        max_length=200,
        help_text=_("Family name first, for example “Pope, Amy E.”."),
    )
    nationality = models.CharField(_("nationality"), max_length=100, blank=True)
    nationality_fr, nationality_es = translations(nationality)
    born = PartialDateField(_("born"), null=True, blank=True)
    died = PartialDateField(_("died"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    summary_fr, summary_es = translations(summary)

    class Meta:
        ordering = ["sort_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [end_not_before_start("born", "died")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("orgs:person", args=[self.slug])


class PersonCitation(CitationBase):
    claim = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="citations")


class TermQuerySet(ContentQuerySet):
    def heads(self):
        """Terms as head of the organization, whatever the title of the time."""
        return self.filter(role__in=Term.HEAD_ROLES)

    def deputies(self):
        return self.filter(role=Term.Role.DEPUTY_DIRECTOR_GENERAL)

    def current(self):
        return self.filter(current=True)


@register(fixture="people.json", shown_with=("person",))
class Term(Claim):
    class Role(models.TextChoices):
        # The head's title changed from Director to Director General: a term
        # carries the title the sources give for its time.
        DIRECTOR = "director", _("Director")
        DIRECTOR_GENERAL = "dg", _("Director General")
        DEPUTY_DIRECTOR_GENERAL = "ddg", _("Deputy Director General")
        GOODWILL_AMBASSADOR = "goodwill-ambassador", _("Goodwill Ambassador")

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="terms", verbose_name=_("person")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="terms",
        verbose_name=_("organization"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role)
    portfolio = models.CharField(
        _("portfolio"),
        max_length=200,
        blank=True,
        help_text=_("For deputies, for example “Operations”."),
    )
    portfolio_fr, portfolio_es = translations(portfolio)
    start = PartialDateField(
        _("start"), null=True, blank=True, help_text=_("Blank when no source gives it.")
    )
    end = PartialDateField(
        _("end"), null=True, blank=True, help_text=_("Blank when unknown or still serving.")
    )
    in_office_on = PartialDateField(
        _("known in office on"),
        null=True,
        blank=True,
        help_text=_("A date a source shows the person in office, when start and end are unknown."),
    )
    in_office_until = PartialDateField(
        _("known in office until"),
        null=True,
        blank=True,
        help_text=_(
            "The last date a source shows the person in office, when sources show a "
            "stretch of the term but not its end."
        ),
    )
    current = models.BooleanField(_("still in office"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    note_fr, note_es = translations(note)

    HEAD_ROLES = (Role.DIRECTOR, Role.DIRECTOR_GENERAL)

    objects = ContentManager.from_queryset(TermQuerySet)()
    str_related = ("person",)

    class Meta:
        ordering = [
            Coalesce("start", "in_office_on", "end").asc(nulls_last=True),
            F("end").asc(nulls_last=True),
        ]
        verbose_name = _("term of office")
        verbose_name_plural = _("terms of office")
        constraints = [
            end_not_before_start(),
            end_not_before_start(
                "in_office_on", "in_office_until", name="known_in_office_in_order"
            ),
            models.CheckConstraint(
                condition=Q(current=False) | Q(end__isnull=True),
                name="orgs_term_current_has_no_end",
                violation_error_message=_("A term that is still running cannot have an end date."),
            ),
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(current=True, role__in=["director", "dg"]),
                name="orgs_term_one_current_head",
                violation_error_message=_(
                    "The organization already has a current head (Director or Director General)."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.person}, {self.get_role_display()} ({self.period_label})"

    def get_absolute_url(self):
        return self.person.get_absolute_url()

    @property
    def is_head(self):
        return self.role in self.HEAD_ROLES

    @property
    def known_in_office(self):
        """The first and last dates sources show the person in office ("30 April
        1975 – April 1976"), the one date when they show only one, or "" for none."""
        if self.in_office_on and self.in_office_until:
            return f"{self.in_office_on} – {self.in_office_until}"
        return str(self.in_office_on or "")

    @property
    def period_label(self):
        start = str(self.start) if self.start else "?"
        if self.current:
            return _("%(start)s – present") % {"start": start}
        end = str(self.end) if self.end else "?"
        if not self.start and not self.end and self.in_office_on:
            return _("known in office: %(date)s") % {"date": self.known_in_office}
        return f"{start} – {end}"

    def known_span(self):
        """(start, end) when both ends are known or the term is running, else None."""
        if self.start is None or (self.end is None and not self.current):
            return None
        return (self.start, self.end)

    def clean(self):
        super().clean()
        if self.in_office_until and not self.in_office_on:
            raise ValidationError(
                {"in_office_until": _("Give the first date known in office as well.")}
            )
        if not (self.start or self.end or self.in_office_on or self.current):
            raise ValidationError(
                _("Give at least one date: start, end, a date known in office, or mark it current.")
            )
        if self.start and self.end and self.end.latest() < self.start.earliest():
            raise ValidationError({"end": _("The end date is before the start date.")})
        if self.role == self.Role.DEPUTY_DIRECTOR_GENERAL and not self.portfolio:
            raise ValidationError({"portfolio": _("A deputy's term names the portfolio.")})
        self._check_head_overlap()

    def _check_head_overlap(self):
        """Two heads of one organization cannot be in office at once, whether the
        title of their time was Director or Director General."""
        span = self.known_span()
        if not self.is_head or span is None or not self.organization_id:
            return
        others = Term.objects.heads().filter(organization_id=self.organization_id)
        for other in others.exclude(pk=self.pk).select_related("person"):
            other_span = other.known_span()
            if other_span and spans_overlap(span, other_span):
                raise ValidationError(
                    _("This term as head of the organization overlaps that of %(other)s.")
                    % {"other": other}
                )


class TermCitation(CitationBase):
    claim = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="citations")
