from django.db import IntegrityError, connection, models, transaction
from django.db.models import F
from django.utils import timezone
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
                fields=["model", "natural_key"], name="iomsite_loadedrecord_unique"
            )
        ]

    def __str__(self):
        return f"{self.model} {self.natural_key}"


class FixtureLoad(models.Model):
    """One load of the content fixtures that wrote something (see iomsite.loader).

    Readers see it as one update, "Content loaded on deploy: N entries", rather
    than one per record: the history rows the load wrote carry its number in their
    change reason (``change_reason()``), and the lists of changes leave them out.
    """

    # The change reason of every history row a load writes begins so.
    REASON_PREFIX = "Loaded on deploy (load "

    loaded_at = models.DateTimeField(_("loaded at"), default=timezone.now, db_index=True)
    created = models.PositiveIntegerField(
        _("entries created"), default=0, help_text=_("Content entries the load added.")
    )
    updated = models.PositiveIntegerField(
        _("entries updated"),
        default=0,
        help_text=_("Content entries whose fields, links or citations the load changed."),
    )

    class Meta:
        ordering = ["-loaded_at", "-pk"]
        verbose_name = _("fixture load")
        verbose_name_plural = _("fixture loads")

    def __str__(self):
        return f"{self.REASON_PREFIX}{self.pk}): {self.entries} entries"

    @property
    def entries(self):
        return self.created + self.updated

    def change_reason(self, file_name):
        """'Loaded on deploy (load 3, fixtures/people.json)'."""
        return f"{self.REASON_PREFIX}{self.pk}, fixtures/{file_name})"

    @classmethod
    def wrote(cls, reason):
        """Whether a history row with this change reason was written by a load."""
        return bool(reason) and reason.startswith(cls.REASON_PREFIX)


class ContentVersion(models.Model):
    """One number that rises whenever published content may have changed.

    Cached pages are stored under it (see iomsite.page_cache), so raising it
    retires every cached page on every app server at once. With Redis, a copy is
    kept beside the pages (see iomsite.content_version); this row stays the truth.
    """

    number = models.PositiveBigIntegerField(_("number"), default=1)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return str(self.number)

    @classmethod
    def current(cls):
        # Read for every cached page without Redis: plain SQL, without the ORM's overhead.
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT number FROM {cls._meta.db_table} WHERE id = 1")
            row = cursor.fetchone()
        return row[0] if row else 0

    @classmethod
    def bump(cls):
        """Raise the number by one; return it as it is now."""
        if not cls.objects.filter(pk=1).update(number=F("number") + 1):
            try:
                with transaction.atomic():
                    cls.objects.create(pk=1, number=cls.current() + 1)
            except IntegrityError:
                cls.objects.filter(pk=1).update(number=F("number") + 1)
        return cls.current()
