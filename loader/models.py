"""What the fixture loader remembers of each record it wrote."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LoadedRecord(models.Model):
    """What the fixture loader last wrote for one record.

    A later load compares the record as stored now with this fingerprint: if
    they differ, an editor changed the record since, and the loader keeps the
    editor's version instead of overwriting it.
    """

    model = models.CharField(_("model"), max_length=100)
    natural_key = models.CharField(_("natural key"), max_length=500)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        verbose_name = _("loaded fixture record")
        verbose_name_plural = _("loaded fixture records")
        constraints = [
            models.UniqueConstraint(
                fields=["model", "natural_key"], name="loader_loadedrecord_unique"
            )
        ]

    def __str__(self):
        return f"{self.model} {self.natural_key}"
