from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.content import (
    Claim,
    Content,
    ContentManager,
    ContentQuerySet,
    Status,
    citations_prefetch,
)
from editorial.registry import SearchTarget, register
from editorial.search import Searchable
from editorial.translation import translations
from orgs.citations import CitationBase
from orgs.fields import PartialDateField, WebURLField
from orgs.models import Organization, Source


@register(
    fixture="critiques.json", own_page=True, search=SearchTarget(_("Critic"), "name", "description")
)
class Critic(Searchable, Content):
    search_weights = {"name": "A", "description": "B"}

    class Kind(models.TextChoices):
        NGO = "ngo", _("Non-governmental organization")
        ADVOCACY = "advocacy", _("Advocacy body")
        RESEARCHER = "researcher", _("Researcher")
        NEWSPAPER = "newspaper", _("Newspaper")
        INDIVIDUAL = "individual", _("Individual")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    is_person = models.BooleanField(_("is a person"), default=False)
    description = models.CharField(_("description"), max_length=300, blank=True)
    description_fr, description_es = translations(description)
    website = WebURLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("critic")
        verbose_name_plural = _("critics")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("critiques:critic", args=[self.slug])


class TopicManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


@register(fixture="critiques.json")
class Topic(models.Model):
    slug = models.SlugField(_("key"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_fr, name_es = translations(name)

    objects = TopicManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class CriticismQuerySet(ContentQuerySet):
    def newest_first(self):
        """Latest date first; the primary key keeps pages stable when dates and titles tie."""
        return self.order_by("-date", "title", "pk")

    def for_listing(self):
        """What a list item shows: published critics, topics and citations, in three
        queries however many criticisms are listed."""
        return self.newest_first().prefetch_related(
            Prefetch("critics", queryset=Critic.objects.published()),
            "topics",
            citations_prefetch(self.model),
        )

    def for_detail(self):
        """A criticism's page: the listing's prefetches plus published quotations (by
        published critics) with their speakers and sources, and the organization."""
        return (
            self.for_listing()
            .select_related("organization", "response_source")
            .prefetch_related(
                Prefetch(
                    "quotations",
                    queryset=Quotation.objects.published()
                    .filter(speaker__status=Status.PUBLISHED)
                    .select_related("speaker", "source")
                    .prefetch_related(Prefetch("co_speakers", queryset=Critic.objects.published()))
                    .order_by("pk"),
                )
            )
        )


@register(
    fixture="critiques.json",
    own_page=True,
    search=SearchTarget(_("Criticism"), "title", "summary", date="date"),
)
class Criticism(Searchable, Claim):
    search_weights = {"title": "A", "summary": "B", "response": "C"}

    title = models.CharField(_("title"), max_length=200)
    title_fr, title_es = translations(title)
    date = PartialDateField(_("date"))
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="criticisms",
        verbose_name=_("organization criticised"),
    )
    critics = models.ManyToManyField(
        Critic, blank=True, related_name="criticisms", verbose_name=_("critics")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="criticisms", verbose_name=_("topics")
    )
    summary = models.TextField(_("summary"))
    summary_fr, summary_es = translations(summary)
    response = models.TextField(
        _("the organization's response"), blank=True, help_text=_("Only where a source gives it.")
    )
    response_fr, response_es = translations(response)
    response_source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source of the response"),
    )

    objects = ContentManager.from_queryset(CriticismQuerySet)()
    _history_m2m_fields = ["critics", "topics"]

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("criticism")
        verbose_name_plural = _("criticisms")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("critiques:criticism", args=[self.slug])

    def clean(self):
        super().clean()
        if self.response and not self.response_source_id:
            raise ValidationError({"response_source": _("Name the source of the response.")})


class CriticismCitation(CitationBase):
    claim = models.ForeignKey(Criticism, on_delete=models.CASCADE, related_name="citations")


@register(fixture="critiques.json", shown_with=("criticism", "speaker"))
class Quotation(Content):
    """Words a critic said or wrote, attributed and sourced.

    Credited only to whoever said or wrote the words: the ``speaker`` (the
    first-named author, never blank) and, for words several people wrote together,
    the ``co_speakers``. Whoever merely reported the words is the source, not a
    speaker.
    """

    criticism = models.ForeignKey(
        Criticism,
        on_delete=models.CASCADE,
        related_name="quotations",
        verbose_name=_("criticism"),
    )
    text = models.TextField(_("quoted words"), max_length=600)
    # The quoted words stay in their original language; these hold the site's
    # own translation, shown beside them as such.
    translation_fr, translation_es = translations(text, shown_beside=True)
    speaker = models.ForeignKey(
        Critic,
        on_delete=models.PROTECT,
        related_name="quotations",
        verbose_name=_("speaker"),
        help_text=_("Who said or wrote the words; for joint authors, the first named."),
    )
    co_speakers = models.ManyToManyField(
        Critic,
        blank=True,
        related_name="joint_quotations",
        verbose_name=_("co-authors"),
        help_text=_("Others who wrote the words together with the speaker."),
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="quotations", verbose_name=_("source")
    )
    locator = models.CharField(_("locator"), max_length=100, blank=True)

    _history_m2m_fields = ["co_speakers"]

    class Meta:
        ordering = ["criticism", "pk"]
        verbose_name = _("quotation")
        verbose_name_plural = _("quotations")

    def __str__(self):
        return f"{self.speaker}: “{self.text[:60]}”"

    @property
    def speakers(self):
        """Everyone credited with the words: the speaker first, then the co-authors
        by name. Reads prefetched co-authors when a list prefetched them."""
        others = sorted(
            (critic for critic in self.co_speakers.all() if critic.pk != self.speaker_id),
            key=lambda critic: critic.name,
        )
        return [self.speaker, *others]

    def get_absolute_url(self):
        return self.criticism.get_absolute_url() + f"#quote-{self.slug}"
