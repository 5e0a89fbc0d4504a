"""The engine's own records: changes waiting for review, reviewers' comments, and
the fixture loads shown to readers as one update each."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
    change (see ``editorial.workflow``). The proposal is kept whole, as it would be
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
                fields=["content_type", "object_id"], name="editorial_pendingchange_one_per_entry"
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


class FixtureLoad(models.Model):
    """One load of the content fixtures that wrote something (see ``loader.loader``).

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
