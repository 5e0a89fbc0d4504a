from collections import Counter, defaultdict
from urllib.parse import urlencode

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, F, Max, Q
from django.db.models.functions import Coalesce, Left, Length, Substr
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from .content import (
    CitationBase,
    Claim,
    Content,
    ContentManager,
    ContentQuerySet,
    Rank,
    Searchable,
    Status,
)
from .dates import spans_overlap
from .duplicates import IDENTIFIER_FIELDS, stored_duplicate
from .fields import PartialDateField, WebURLField
from .numbers import human_number

doi_validator = RegexValidator(
    r"^10\.\d{4,9}/\S+$", _("A DOI looks like 10.1234/abc (without https://doi.org/).")
)
un_symbol_validator = RegexValidator(
    r"^[A-Z]{1,10}(/[A-Za-z0-9.()*\-]+)+$", _("A UN document symbol looks like A/RES/47/4.")
)


def validate_isbn(value):
    digits = value.replace("-", "").replace(" ", "")
    valid = False
    if len(digits) == 13 and digits.isdigit():
        total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))
        valid = total % 10 == 0
    elif len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] in "Xx"):
        check = 10 if digits[9] in "Xx" else int(digits[9])
        total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9])) + check
        valid = total % 11 == 0
    if not valid:
        raise ValidationError(
            _("“%(value)s” is not a valid ISBN-10 or ISBN-13 (check the digits)."),
            code="invalid_isbn",
            params={"value": value},
        )


def end_not_before_start(start="start", end="end", name="end_not_before_start"):
    # Compare the end with the start cut to the end's precision: an end of
    # "2008" is not before a start of "2008-10-01", it may be December 2008.
    return models.CheckConstraint(
        condition=Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__isnull": True})
        | Q(**{f"{end}__gte": Left(F(start), Length(F(end)))}),
        name=f"%(app_label)s_%(class)s_{name}",
        violation_error_message=_("The end date is before the start date."),
    )


class Source(Searchable, Content):
    search_weights = {
        "title": "A",
        "authors": "A",
        "un_symbol": "A",
        "doi": "A",
        "isbn": "A",
        "container": "B",
        "publisher": "C",
    }

    class Kind(models.TextChoices):
        BOOK = "book", _("Book")
        CHAPTER = "chapter", _("Book chapter")
        ARTICLE = "article", _("Journal article")
        NEWS = "news", _("News article")
        REPORT = "report", _("Report")
        UN_DOCUMENT = "un-document", _("UN document")
        WEB_PAGE = "web-page", _("Web page")
        DATASET = "dataset", _("Dataset")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    title = models.CharField(_("title"), max_length=400)
    authors = models.CharField(
        _("authors"),
        max_length=400,
        blank=True,
        help_text=_("“Family, Given; Family, Given”, or an organization."),
    )
    editors = models.CharField(_("editors"), max_length=300, blank=True)
    container = models.CharField(
        _("published in"),
        max_length=300,
        blank=True,
        help_text=_("Journal, book, newspaper or website that contains it."),
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    volume = models.CharField(_("volume"), max_length=30, blank=True)
    issue = models.CharField(_("issue"), max_length=30, blank=True)
    pages = models.CharField(_("pages"), max_length=30, blank=True)
    published = PartialDateField(_("publication date"), null=True, blank=True)
    url = WebURLField(_("web address"), max_length=500, blank=True)
    doi = models.CharField(_("DOI"), max_length=100, blank=True, validators=[doi_validator])
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True, validators=[validate_isbn])
    un_symbol = models.CharField(
        _("UN document symbol"), max_length=60, blank=True, validators=[un_symbol_validator]
    )
    accessed = models.DateField(_("accessed on"), null=True, blank=True)
    note = models.TextField(
        _("note"), blank=True, help_text=_("Where the copy read was found, or doubts about it.")
    )

    class Meta:
        ordering = ["authors", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        author = self.authors.split(";")[0].split(",")[0].strip() if self.authors else ""
        year = self.published.year if self.published else _("n.d.")
        return f"{author} ({year}). {self.title}" if author else f"{self.title} ({year})"

    def get_absolute_url(self):
        return reverse("orgs:source", args=[self.slug])

    def published_citations(self):
        """Every citation of this source by a published claim, whatever app the claim is in."""
        links = []
        for relation in self._meta.related_objects:
            if issubclass(relation.related_model, CitationBase):
                related = [
                    f"claim__{name}" for name in relation.related_model.claim_model().str_related
                ]
                links.extend(
                    getattr(self, relation.get_accessor_name())
                    .filter(claim__status=Status.PUBLISHED)
                    .select_related("claim", *related)
                )
        return links

    def citing_published_entries(self, limit=10):
        """Up to ``limit`` published entries that cite this source, through a
        citation or a field of their own (a quotation's source...)."""
        entries = []
        relations = [
            field
            for field in self._meta.get_fields(include_hidden=True)
            if field.auto_created and not field.concrete and field.one_to_many
        ]
        for relation in relations:
            model = relation.related_model
            if issubclass(model, CitationBase):
                citing = model.claim_model()._default_manager.filter(
                    status=Status.PUBLISHED, citations__source=self
                )
            elif issubclass(model, Content) and model is not Source:
                citing = model._default_manager.filter(
                    status=Status.PUBLISHED, **{relation.field.name: self}
                )
            else:
                continue
            entries.extend(citing.distinct()[: limit - len(entries)])
            if len(entries) >= limit:
                break
        return entries

    def clean(self):
        super().clean()
        self._check_not_a_duplicate()
        if self.pk is None or self.status == Status.PUBLISHED:
            return
        citing = self.citing_published_entries()
        if citing:
            raise ValidationError(
                _(
                    "Published entries cite this source, so it must stay published: "
                    "%(entries)s. Unpublish or change them first."
                )
                % {
                    "entries": "; ".join(
                        f"{capfirst(entry._meta.verbose_name)} “{entry}”" for entry in citing
                    )
                },
                code="cited_by_published",
            )

    def _check_not_a_duplicate(self):
        """One document, one source: refuse a second record for a stored one."""
        duplicate = stored_duplicate(self)
        if duplicate is None:
            return
        field, other = duplicate
        raise ValidationError(
            {
                field: _(
                    "The source “%(other)s” (key %(key)s) has the same %(identifier)s: "
                    "one document is one source. Cite that source instead."
                )
                % {"other": other, "key": other.slug, "identifier": IDENTIFIER_FIELDS[field]}
            },
            code="duplicate_source",
        )


class OrganizationQuerySet(ContentQuerySet):
    def for_overview(self):
        return self.with_citations().prefetch_related(
            models.Prefetch("related_organizations", Organization.objects.published()),
            models.Prefetch("bibliography", Source.objects.published()),
            models.Prefetch("see_also", SeeAlso.objects.published().with_citations()),
        )


class Organization(Claim):
    class Kind(models.TextChoices):
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organization")
        UN_RELATED = "un-related", _("UN related organization")
        UN_ENTITY = "un-entity", _("UN entity")
        NON_GOVERNMENTAL = "ngo", _("Non-governmental organization")

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    founded = PartialDateField(_("founded"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    mandate = models.TextField(_("mandate"), blank=True)
    structure = models.TextField(_("structure"), blank=True)
    website = WebURLField(_("website"), blank=True)
    official_languages = models.JSONField(
        _("official languages"),
        default=list,
        blank=True,
        help_text=_('Language codes, for example ["en", "fr", "es"].'),
    )
    related_organizations = models.ManyToManyField(
        "self", symmetrical=False, blank=True, verbose_name=_("related organizations")
    )
    bibliography = models.ManyToManyField(
        Source,
        blank=True,
        related_name="+",
        verbose_name=_("further reading"),
        help_text=_("Works about the organization worth reading in full."),
    )

    objects = ContentManager.from_queryset(OrganizationQuerySet)()
    _history_m2m_fields = ["related_organizations", "bibliography"]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        if self.slug == settings.IOMSITE_ORGANIZATION:
            return reverse("home")
        return reverse("orgs:organization", args=[self.slug])

    def clean(self):
        super().clean()
        languages = self.official_languages
        if not isinstance(languages, list) or not all(isinstance(c, str) for c in languages):
            raise ValidationError(
                {"official_languages": _('Give a list of language codes, for example ["en"].')}
            )
        unknown = [code for code in languages if code not in LANG_INFO]
        if unknown:
            raise ValidationError(
                {
                    "official_languages": _("Unknown language codes: %(codes)s.")
                    % {"codes": ", ".join(unknown)}
                }
            )

    @property
    def language_names(self):
        return [get_language_info(code)["name_translated"] for code in self.official_languages]


class OrganizationCitation(CitationBase):
    claim = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="citations")


class SeeAlso(Claim):
    """A related topic worth reading about, as in an encyclopedia's "See also"."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="see_also"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.CharField(_("description"), max_length=300, blank=True)
    url = WebURLField(_("web address"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("see-also link")
        verbose_name_plural = _("see-also links")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("home") + "#see-also"


class SeeAlsoCitation(CitationBase):
    claim = models.ForeignKey(SeeAlso, on_delete=models.CASCADE, related_name="citations")


class NameEra(Searchable, Claim):
    search_weights = {"name": "A", "acronym": "A", "summary": "B"}

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="name_eras"
    )
    name = models.CharField(_("official name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=20)
    start = PartialDateField(_("start"))
    end = PartialDateField(
        _("end"), null=True, blank=True, help_text=_("Blank for the current name.")
    )
    summary = models.TextField(_("what changed"), blank=True)

    class Meta:
        ordering = ["start"]
        verbose_name = _("name era")
        verbose_name_plural = _("name eras")
        constraints = [
            end_not_before_start(),
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(end__isnull=True),
                name="orgs_nameera_one_current_per_organization",
                violation_error_message=_("The organization already has a current name."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})"

    def get_absolute_url(self):
        return reverse("orgs:name-era", args=[self.slug])

    @property
    def is_current(self):
        return self.end is None

    def clean(self):
        super().clean()
        if self.start is None or self.organization_id is None:
            return
        for other in NameEra.objects.filter(organization_id=self.organization_id).exclude(
            pk=self.pk
        ):
            if spans_overlap((self.start, self.end), (other.start, other.end)):
                raise ValidationError(
                    _("This name era overlaps “%(other)s” (%(start)s–%(end)s).")
                    % {"other": other, "start": other.start, "end": other.end or _("today")}
                )


class NameEraCitation(CitationBase):
    claim = models.ForeignKey(NameEra, on_delete=models.CASCADE, related_name="citations")


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
    born = PartialDateField(_("born"), null=True, blank=True)
    died = PartialDateField(_("died"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)

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


class Term(Claim):
    class Role(models.TextChoices):
        # The head's title changed from Director to Director General: a term
        # carries the title the sources give for its time.
        DIRECTOR = "director", _("Director")
        DIRECTOR_GENERAL = "dg", _("Director General")
        DEPUTY_DIRECTOR_GENERAL = "ddg", _("Deputy Director General")
        GOODWILL_AMBASSADOR = "goodwill-ambassador", _("Goodwill Ambassador")

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="terms")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="terms")
    role = models.CharField(_("role"), max_length=30, choices=Role)
    portfolio = models.CharField(
        _("portfolio"),
        max_length=200,
        blank=True,
        help_text=_("For deputies, for example “Operations”."),
    )
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


class Office(Claim):
    class Kind(models.TextChoices):
        HEADQUARTERS = "headquarters", _("Headquarters")
        LIAISON = "liaison", _("Liaison office")
        CENTRE = "centre", _("Centre")
        REGIONAL = "regional", _("Regional office")
        COUNTRY = "country", _("Country office")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="offices")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=100)
    opened = PartialDateField(_("opened"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)

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

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="facts")
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
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("What exactly is counted, if not obvious."),
    )

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
        number = human_number(self.value)
        if self.unit == self.Unit.USD:
            number = f"US${number}"
        elif self.unit == self.Unit.AUD:
            number = f"A${number}"
        qualifier = self.get_qualifier_display() if self.qualifier else ""
        return f"{qualifier} {number}".strip()


class FactCitation(CitationBase):
    claim = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="citations")


# Editorial workflow


class EntryNoteQuerySet(models.QuerySet):
    """For records about any content entry (content type and key)."""

    def for_entry(self, entry):
        return self.filter(
            content_type=ContentType.objects.get_for_model(entry), object_id=entry.pk
        )


class PendingChangeQuerySet(EntryNoteQuerySet):
    def waiting(self):
        return self.filter(state=PendingChange.State.WAITING)


class PendingChange(models.Model):
    """A change to a published entry, proposed by someone who may not publish.

    Readers keep seeing the published entry until a reviewer publishes the
    change (see ``orgs.workflow``). The proposal is kept whole, as it would be
    saved: every field, every many-to-many value and the full list of citations.
    There is at most one per entry; a later proposal replaces it.
    """

    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting for review")
        SENT_BACK = "sent-back", _("Sent back")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of entry")
    )
    object_id = models.PositiveBigIntegerField(_("entry"))
    entry = GenericForeignKey("content_type", "object_id")
    values = models.JSONField(
        _("proposed values"),
        encoder=DjangoJSONEncoder,
        default=dict,
        help_text=_("Every field of the entry as proposed, by field name."),
    )
    many_to_many = models.JSONField(
        _("proposed links"),
        encoder=DjangoJSONEncoder,
        default=dict,
        help_text=_("The keys of the linked records, by field name."),
    )
    citations = models.JSONField(
        _("proposed citations"),
        encoder=DjangoJSONEncoder,
        default=list,
        help_text=_("The full list of citations as proposed."),
    )
    summary = models.CharField(_("edit summary"), max_length=100)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State, default=State.WAITING, db_index=True
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    reviewer_comment = models.TextField(_("reviewer's comment"), blank=True)
    base_version = models.PositiveIntegerField(
        _("based on version"), help_text=_("The version of the published entry it changes.")
    )
    revision = models.PositiveIntegerField(
        _("revision"),
        default=1,
        help_text=_(
            "Counts the saves of this proposal, so that editors cannot overwrite each other "
            "unawares."
        ),
    )
    created = models.DateTimeField(_("proposed on"), auto_now_add=True)
    updated = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PendingChangeQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")
        permissions = [("publish_content", "Can publish, unpublish and revert content")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="orgs_pendingchange_one_per_entry"
            )
        ]

    def __str__(self):
        return _("Pending change to %(kind)s #%(pk)s") % {
            "kind": self.content_type.name,
            "pk": self.object_id,
        }

    @property
    def is_sent_back(self):
        return self.state == self.State.SENT_BACK


class ReviewComment(models.Model):
    """A reviewer's comment on an entry sent back to its editor.

    Shown on the entry's form while it is unpublished; removed when it is published.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of entry")
    )
    object_id = models.PositiveBigIntegerField(_("entry"))
    entry = GenericForeignKey("content_type", "object_id")
    comment = models.TextField(_("comment"))
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    created = models.DateTimeField(_("sent back on"), auto_now_add=True)

    objects = EntryNoteQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.comment[:60]
