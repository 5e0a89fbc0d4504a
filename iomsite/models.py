from django.db import IntegrityError, connection, models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _


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
