from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.content import Claim, ContentManager, ContentQuerySet, Rank
from editorial.registry import SearchTarget, register
from editorial.search import Searchable
from editorial.translation import translations
from orgs.citations import CitationBase
from orgs.fields import PartialDateField
from orgs.models import NameEra, Person, end_not_before_start


class EventQuerySet(ContentQuerySet):
    def main_accounts(self):
        """Events as the timeline lists them: without the differing accounts of an
        event, which its own page shows."""
        return self.filter(account_of__isnull=True)

    def chronological(self):
        """Oldest first and undated events last; the key breaks ties so pages never
        repeat or skip an event."""
        return self.order_by(F("start").asc(nulls_last=True), "title", "pk")

    def for_listing(self):
        """What a list of events shows, in a fixed number of queries."""
        return self.chronological().select_related("name_era").with_citations()

    def for_detail(self):
        """One event's page: its name era, published people and citations."""
        return (
            self.select_related("name_era", "account_of")
            .with_citations()
            .prefetch_related(
                models.Prefetch(
                    "people", queryset=Person.objects.published().order_by("sort_name")
                ),
                models.Prefetch(
                    "other_accounts",
                    queryset=Event.objects.published().chronological().with_citations(),
                ),
            )
        )


@register(
    fixture="timeline.json",
    own_page=True,
    search=SearchTarget(_("Event"), "title", "summary", date="start"),
)
class Event(Searchable, Claim):
    search_weights = {"title": "A", "summary": "B"}

    class Category(models.TextChoices):
        FOUNDING = "founding", _("Founding")
        RENAMING = "renaming", _("Renaming")
        CONSTITUTION = "constitution", _("Constitution")
        UN_RELATIONSHIP = "un-relationship", _("Relationship with the UN")
        EMERGENCY_RESPONSE = "emergency-response", _("Emergency response")
        OPERATIONS = "operations", _("Operations and programmes")
        GLOBAL_POLICY = "global-policy", _("Global policy")
        LEADERSHIP = "leadership", _("Leadership")
        STRUCTURE = "structure", _("Structure and membership")

    title = models.CharField(_("title"), max_length=200)
    title_fr, title_es = translations(title)
    start = PartialDateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_(
            "When it happened, or began, as precisely as the sources give it. Blank "
            "when no source dates it: the event is then shown as undated, after the "
            "dated ones."
        ),
    )
    end = PartialDateField(
        _("until"),
        null=True,
        blank=True,
        help_text=_("For events that lasted, or a source's range of dates (“2004/2005”)."),
    )
    category = models.CharField(_("category"), max_length=30, choices=Category)
    summary = models.TextField(_("summary"))
    summary_fr, summary_es = translations(summary)
    name_era = models.ForeignKey(
        NameEra,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("name era"),
        help_text=_("The name the organization had, or took, at this event."),
    )
    people = models.ManyToManyField(
        Person, blank=True, related_name="events", verbose_name=_("people involved")
    )
    # Where sources disagree (a date, say), each account is an event of its own,
    # with its sources; the better-supported one is ranked preferred.
    account_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="other_accounts",
        verbose_name=_("another account of"),
        help_text=_(
            "For a source's differing account of an event already in the timeline: it is "
            "shown on that event's page rather than as an event of its own."
        ),
    )
    rank = models.CharField(
        _("rank"),
        max_length=10,
        choices=Rank,
        default=Rank.NORMAL,
        help_text=_(
            "When sources give different accounts. “Preferred value”: the account the "
            "timeline follows. “Also reported”: another account a source gives. "
            "“Disputed”: an account the editors doubt, shown with the reason."
        ),
    )
    rank_reason = models.CharField(
        _("reason for rank"),
        max_length=300,
        blank=True,
        help_text=_("Why this account is preferred to, or less reliable than, the others."),
    )
    rank_reason_fr, rank_reason_es = translations(rank_reason)
    _history_m2m_fields = ["people"]

    objects = ContentManager.from_queryset(EventQuerySet)()

    class Meta:
        ordering = [F("start").asc(nulls_last=True), "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [end_not_before_start()]
        indexes = [models.Index(fields=["category", "start"])]

    def __str__(self):
        return f"{self.start or _('undated')}: {self.title}"

    @property
    def is_undated(self):
        return self.start is None

    @property
    def decade(self):
        """The decade it happened in ("1950"), or None when undated."""
        return None if self.start is None else str(self.start.decade)

    def get_absolute_url(self):
        return reverse("timeline:event", args=[self.slug])

    def clean(self):
        super().clean()
        errors = {}
        if self.end and not self.start:
            errors["end"] = _(
                "An undated event has no end either: give the start of the range, or neither."
            )
        if self.rank != Rank.NORMAL and not self.rank_reason:
            errors["rank_reason"] = _("Say why this account is marked “%(rank)s”.") % {
                "rank": self.get_rank_display()
            }
        main = self.account_of
        if main is not None:
            if main.pk == self.pk:
                errors["account_of"] = _("An event cannot be another account of itself.")
            elif main.account_of_id is not None:
                errors["account_of"] = _(
                    "Choose the main account: “%(event)s” is itself another account."
                ) % {"event": main.title}
            elif self.pk and self.other_accounts.exists():
                errors["account_of"] = _(
                    "This event has other accounts of its own, so it cannot become one."
                )
        if errors:
            raise ValidationError(errors)


class EventCitation(CitationBase):
    claim = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="citations")
