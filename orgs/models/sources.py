"""Sources: what every claim cites, with the identifiers that find them again."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial import sourcing
from editorial.content import (
    Content,
    Status,
)
from editorial.registry import SearchTarget, register
from editorial.search import Searchable
from editorial.translation import translations

from ..citations import CitationBase
from ..duplicates import IDENTIFIER_FIELDS, fixture_problems, stored_duplicate
from ..fields import PartialDateField, WebURLField

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


@register(
    fixture="sources.json",
    fixture_check=fixture_problems,
    own_page=True,
    search=SearchTarget(_("Source"), "title", "authors", boost=0.5, date="published"),
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
    note_fr, note_es = translations(note)

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

    def clean(self):
        super().clean()
        self._check_not_a_duplicate()
        if error := sourcing.cited_by_published_error(self):
            raise error

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
