"""What every piece of content shares: a stable key, a publication state, a
revision history, an editors' note and (for claims) citations to sources.

Content apps build their models on ``Content`` (reference records such as sources)
and ``Claim`` (statements about the world, which must cite a source), and register
them (``editorial.registry``), so the rules about publishing, sourcing and history
live in one place.

A claim's citations follow one shape, whatever app defines them: a citation model
with a foreign key ``claim`` (``related_name="citations"``) and a foreign key
``source`` to the model citations cite, plus fields of its own (locator, quotation...).
"""

from django.contrib.auth import get_permission_codename
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Bookkeeping, not content: left out of history, fixtures and comparisons.
BOOKKEEPING_FIELDS = (
    "version",
    "search_vector",
    "search_vector_fr",
    "search_vector_es",
    "search_text",
)

# For editors only: kept in history and fixtures, shown in the admin, and left
# out of every public page, feed, search and list of the fields a change changed.
INTERNAL_FIELDS = ("editors_note",)

# Fields about the entry rather than about the world: no citation backs them.
UNSUPPORTABLE_FIELDS = ("slug", "status", *BOOKKEEPING_FIELDS, *INTERNAL_FIELDS)


class OwnReasonFieldHistory(HistoricalRecords):
    """Revision history whose history models each get a change-reason field of their own.

    django-simple-history puts the field it is given on every history model as it
    is; with ``inherit=True`` they would all share one field object, whose model is
    the last one built, and an ``update()`` of one table's change reasons would
    write to another table.
    """

    def _get_history_change_reason_field(self):
        return super()._get_history_change_reason_field().clone()


class ContentHistory(OwnReasonFieldHistory):
    """Revision history that leaves out the bookkeeping fields each model has.

    One instance serves every content model (``inherit=True``), and not every
    model has every bookkeeping field: each history model is told only of its own.
    """

    def create_history_model(self, model, inherited):
        history_model = super().create_history_model(model, inherited)
        own = {field.name for field in model._meta.fields}
        history_model._history_excluded_fields = [
            name for name in self.excluded_fields if name in own
        ]
        return history_model


def describe(entry):
    """'Fact “Budget, 2023: US$2 billion”', or just 'Fact' while a form is still too
    incomplete to name the record: how every message names an entry."""
    name = entry._meta.verbose_name
    try:
        return capfirst(f"{name} “{entry}”")
    except (ObjectDoesNotExist, TypeError, ValueError, AttributeError):
        return capfirst(name)


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


class Rank(models.TextChoices):
    """How a claim stands beside others that sources give for the same thing.

    Labelled for readers and editors alike: the stored values stay the technical
    ones (preferred, normal, deprecated) that the fixtures use.
    """

    PREFERRED = "preferred", _("Preferred value")
    NORMAL = "normal", _("Also reported")
    DEPRECATED = "deprecated", _("Disputed")


def citations_prefetch(claim_model, path="citations"):
    """Prefetch a claim's citations of published sources, with the sources, in one query."""
    citation_model = claim_model._meta.get_field("citations").related_model
    return models.Prefetch(
        path,
        queryset=citation_model.objects.filter(source__status=Status.PUBLISHED).select_related(
            "source"
        ),
    )


class ContentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Published entries for everyone; every entry for staff who may view
        this model in the admin, so that they can preview drafts."""
        opts = self.model._meta
        if (
            user is not None
            and user.is_active
            and user.is_staff
            and user.has_perm(f"{opts.app_label}.{get_permission_codename('view', opts)}")
        ):
            return self.all()
        return self.published()

    def with_citations(self):
        return self.prefetch_related(citations_prefetch(self.model))


class ContentManager(models.Manager.from_queryset(ContentQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Content(models.Model):
    """A record with a stable key (its natural key in fixtures and its URL)."""

    slug = models.SlugField(
        _("key"),
        max_length=120,
        unique=True,
        help_text=_(
            "Stable identifier used in addresses and fixtures; lowercase words and dashes."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Counts saves, so that two editors cannot overwrite each other unawares."),
    )
    editors_note = models.TextField(
        _("editors’ note (never shown to readers)"),
        blank=True,
        help_text=_(
            "Working notes for editors: what is still to be checked, found or asked. "
            "Write what readers should know in the entry’s own fields, with its sources."
        ),
    )

    objects = ContentManager()
    history = ContentHistory(
        inherit=True,
        excluded_fields=BOOKKEEPING_FIELDS,
        history_change_reason_field=models.TextField(null=True),
    )

    # Claims must cite a source before they are published; reference records
    # such as sources themselves or critics do not.
    requires_citation = False

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.slug,)

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    def get_preview_url(self):
        """Where staff see the entry as readers will once it is published; a model
        whose public page would not show it unpublished gives its own."""
        return self.get_absolute_url()


class Claim(Content):
    """Content that states something about the world and so must cite a source.

    Each concrete claim has a companion model built on ``CitationBase`` whose
    foreign key to the claim is named ``claim`` with ``related_name="citations"``.
    """

    requires_citation = True
    # Related records its __str__ reads, fetched along with it in lists of claims.
    str_related = ()

    class Meta:
        abstract = True

    def unsourced_error(self, message=None):
        return ValidationError(
            message
            or _("%(claim)s is published but cites no source: add a citation or keep it a draft."),
            code="unsourced",
            params={"claim": self.describe()},
        )

    def describe(self):
        return describe(self)

    def missing_citation_error(self):
        """The reason this stored claim may not be published, or None."""
        if self.is_published and self.pk and not self.citations.exists():
            return self.unsourced_error()
        return None
