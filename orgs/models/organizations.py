"""Organizations, their see-also links and the names they have had."""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Left, Length
from django.urls import reverse
from django.utils.translation import get_language_info
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
from ..fields import PartialDateField, WebURLField
from .sources import Source


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


class OrganizationQuerySet(ContentQuerySet):
    def for_overview(self):
        return self.with_citations().prefetch_related(
            models.Prefetch("related_organizations", Organization.objects.published()),
            models.Prefetch("bibliography", Source.objects.published()),
            models.Prefetch("see_also", SeeAlso.objects.published().with_citations()),
        )


@register(
    fixture="organizations.json",
    own_page=True,
    search=SearchTarget(_("Organization"), "name", "summary", date="founded"),
)
class Organization(Searchable, Claim):
    search_weights = {"name": "A", "acronym": "A", "summary": "B", "mandate": "C", "structure": "D"}

    class Kind(models.TextChoices):
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organization")
        UN_RELATED = "un-related", _("UN related organization")
        UN_ENTITY = "un-entity", _("UN entity")
        NON_GOVERNMENTAL = "ngo", _("Non-governmental organization")

    name = models.CharField(_("name"), max_length=200)
    name_fr, name_es = translations(name)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    acronym_fr, acronym_es = translations(acronym)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    founded = PartialDateField(_("founded"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    summary_fr, summary_es = translations(summary)
    mandate = models.TextField(_("mandate"), blank=True)
    mandate_fr, mandate_es = translations(mandate)
    structure = models.TextField(_("structure"), blank=True)
    structure_fr, structure_es = translations(structure)
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


@register(fixture="organizations.json")
class SeeAlso(Claim):
    """A related topic worth reading about, as in an encyclopedia's "See also"."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="see_also",
        verbose_name=_("organization"),
    )
    title = models.CharField(_("title"), max_length=200)
    title_fr, title_es = translations(title)
    description = models.CharField(_("description"), max_length=300, blank=True)
    description_fr, description_es = translations(description)
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


@register(
    fixture="name_eras.json",
    own_page=True,
    search=SearchTarget(_("Name"), "name", "summary", date="start"),
)
class NameEra(Searchable, Claim):
    search_weights = {"name": "A", "acronym": "A", "summary": "B"}

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="name_eras",
        verbose_name=_("organization"),
    )
    name = models.CharField(_("official name"), max_length=200)
    name_fr, name_es = translations(name)
    acronym = models.CharField(_("acronym"), max_length=20)
    acronym_fr, acronym_es = translations(acronym)
    start = PartialDateField(_("start"))
    end = PartialDateField(
        _("end"), null=True, blank=True, help_text=_("Blank for the current name.")
    )
    summary = models.TextField(_("what changed"), blank=True)
    summary_fr, summary_es = translations(summary)

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
