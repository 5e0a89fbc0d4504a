"""Citations: the link from a claim to the source that supports it.

Every claim model has a citation model built on ``CitationBase`` (its foreign key
``claim`` with ``related_name="citations"``): the shape the editorial engine expects
(see ``editorial.content``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from editorial.content import UNSUPPORTABLE_FIELDS, OwnReasonFieldHistory


class CitationManager(models.Manager):
    def get_by_natural_key(self, claim_slug, source_slug, supports, locator):
        return self.get(
            claim__slug=claim_slug, source__slug=source_slug, supports=supports, locator=locator
        )


class CitationBase(models.Model):
    """A link from a claim to the source that supports it."""

    source = models.ForeignKey(
        "orgs.Source",
        on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)s_set",
        verbose_name=_("source"),
    )
    supports = models.CharField(
        _("supports"),
        max_length=40,
        blank=True,
        help_text=_(
            "The field this citation backs (for example “nationality”); blank for the whole entry."
        ),
    )
    locator = models.CharField(
        _("locator"), max_length=100, blank=True, help_text=_("Page, section or paragraph.")
    )
    quotation = models.TextField(
        _("quotation"),
        max_length=500,
        blank=True,
        help_text=_("A short passage of the source that supports the claim."),
    )

    objects = CitationManager()
    history = OwnReasonFieldHistory(
        inherit=True, history_change_reason_field=models.TextField(null=True)
    )

    class Meta:
        abstract = True
        ordering = ["pk"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "source", "supports", "locator"],
                name="%(app_label)s_%(class)s_unique",
            )
        ]

    def __str__(self):
        where = f", {self.locator}" if self.locator else ""
        return f"{self.source}{where}"

    def natural_key(self):
        return (self.claim.slug, self.source.slug, self.supports, self.locator)

    def clean(self):
        super().clean()
        if self.supports and self.supports not in dict(self.supports_choices()):
            raise ValidationError(
                {
                    "supports": _("%(model)s has no field “%(field)s”.")
                    % {"model": self.claim_model()._meta.verbose_name, "field": self.supports}
                }
            )

    @classmethod
    def claim_model(cls):
        return cls._meta.get_field("claim").related_model

    @classmethod
    def supports_choices(cls):
        """What a citation can back, as editors choose it: the whole entry (stored
        as "") or one of the claim's fields, by its label (stored as its name)."""
        fields = [
            field
            for field in cls.claim_model()._meta.get_fields()
            if (field.concrete or (field.many_to_many and not field.auto_created))
            and field.editable
            and not field.primary_key
            and field.name not in UNSUPPORTABLE_FIELDS
        ]
        return [("", _("The whole entry"))] + [
            (field.name, capfirst(field.verbose_name)) for field in fields
        ]

    @property
    def supports_label(self):
        """The label of the field this citation backs, or "The whole entry"."""
        return dict(self.supports_choices()).get(self.supports, self.supports)

    @property
    def claim_kind(self):
        """What sort of claim this citation backs: "Event", "Term of office"..."""
        return capfirst(self.claim_model()._meta.verbose_name)
