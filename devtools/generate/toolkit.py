"""The generator's shared machinery: bulk creation, citations, dates and text."""

import datetime
import itertools
from collections import Counter

from django.conf import settings
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from iomsite.fixture_format import GENERATED_PREFIX
from orgs.content import UNSUPPORTABLE_FIELDS
from orgs.dates import PartialDate
from orgs.models import Organization

from .plan import (
    BATCH_SIZE,
    CHANGE_REASON,
    CITATION_MODELS,
    FIRST_DAY,
    LAST_DAY,
    GenerateError,
    label,
    planned_counts,
    seed_counts,
)
from .vocabulary import (
    DISASTERS,
    FAMILY_NAMES,
    FINDINGS,
    GIVEN_NAMES,
    GROUPS,
    LOCATORS,
    OBJECTS,
    PLACES,
    REGIONS,
    ROUTES,
    SUBJECTS,
    TAILS,
    THEMES,
    UN_BODIES,
    VERBS,
    _title,
    _with_article,
)


class GeneratorBase:
    """What every record maker needs: the plan, bulk creation with history,
    citations, slugs, dates at random precision and plausible text."""

    def __init__(self, rng, multiple):
        self.rng = rng
        self.multiple = multiple
        self.counts = Counter()
        seed, self.roles = seed_counts()
        self.planned = planned_counts(multiple, seed)
        self.source_weights = None
        try:
            self.site = Organization.objects.get(slug=settings.IOMSITE_ORGANIZATION)
        except Organization.DoesNotExist:
            raise GenerateError(
                f"The site organization “{settings.IOMSITE_ORGANIZATION}” does not exist: "
                "load the seed first (manage.py load_content)."
            ) from None

    def run(self):
        if self.multiple == 0:
            return {}
        self.sources = self.make_sources()
        self.topics = self.make_topics()
        self.critics = self.make_critics()
        self.organizations = self.make_organizations()
        self.make_see_also()
        self.people = self.make_people()
        self.make_name_eras()
        self.make_terms()
        self.make_offices()
        self.make_facts()
        self.make_events()
        self.make_criticisms_and_quotations()
        return dict(self.counts)

    # Helpers

    def how_many(self, model):
        return self.planned[label(model)]

    def create(self, model, objects):
        if hasattr(model, "history"):
            # Each generated record gets its first history row, as a saved one would.
            bulk_create_with_history(
                objects, model, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON
            )
        else:
            model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
        if objects:
            self.counts[label(model)] += len(objects)
        return objects

    def link(self, field, pairs):
        """Bulk-create many-to-many rows: ``pairs`` of (owner pk, target pk)."""
        through = field.remote_field.through
        owner, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = [through(**{f"{owner}_id": a, f"{target}_id": b}) for a, b in pairs]
        self.create(through, rows)

    def cite(self, claims):
        """One to three citations of different generated sources for every claim."""
        if not claims:
            return
        model = type(claims[0])
        citation_model = CITATION_MODELS[model]
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if f.editable and not (f.primary_key or f.is_relation or f.name in UNSUPPORTABLE_FIELDS)
        ]
        citations = []
        for claim in claims:
            count = min(len(self.sources), self.rng.choice((1, 1, 2, 2, 2, 3)))
            for source in self.popular_sources(count):
                citations.append(
                    citation_model(
                        claim=claim,
                        source=source,
                        supports=self.rng.choice(fields) if self.rng.random() < 0.3 else "",
                        locator=self.locator(),
                        quotation=self.sentence() if self.rng.random() < 0.15 else "",
                    )
                )
        self.create(citation_model, citations)

    def popular_sources(self, count):
        """``count`` different sources, drawn as citations really fall: a few
        sources (annual reports, the main histories) are cited again and again."""
        if self.source_weights is None:
            self.source_weights = list(
                itertools.accumulate(1 / rank**1.1 for rank in range(1, len(self.sources) + 1))
            )
        chosen = {}
        while len(chosen) < count:
            (source,) = self.rng.choices(self.sources, cum_weights=self.source_weights)
            chosen[source.pk] = source
        return list(chosen.values())

    def slug(self, kind, index, text=""):
        words = slugify(text)[:60].rstrip("-")
        return f"{GENERATED_PREFIX}{kind}-{index:05d}" + (f"-{words}" if words else "")

    def spread(self, choices, n):
        """``n`` values covering the choices evenly, in random order."""
        values = [choices[i % len(choices)] for i in range(n)]
        self.rng.shuffle(values)
        return values

    def day(self, first=FIRST_DAY, last=LAST_DAY):
        return datetime.date.fromordinal(self.rng.randint(first.toordinal(), last.toordinal()))

    def partial(self, day, weights=(3, 3, 4)):
        """The day at a random precision: year, month or day."""
        precision = self.rng.choices(("year", "month", "day"), weights)[0]
        if precision == "year":
            return PartialDate(day.year)
        if precision == "month":
            return PartialDate(day.year, day.month)
        return PartialDate(day.year, day.month, day.day)

    def span(self, first_day, last_day):
        """(start, end) PartialDates for two days, the end never before the start,
        whether compared as dates or as the stored ISO strings."""
        start, end = self.partial(first_day), self.partial(last_day)
        if end.isoformat() < start.isoformat():
            start, end = PartialDate.from_date(first_day), PartialDate.from_date(last_day)
        return start, end

    def chain(self, n):
        """``n`` end-to-end spans over 1951 to 2026 with boundaries in different years;
        the last span is open. Adjacent spans share a boundary day, so none overlap."""
        years = sorted(self.rng.sample(range(FIRST_DAY.year, LAST_DAY.year), n))
        days = [self.day(datetime.date(y, 1, 1), datetime.date(y, 12, 31)) for y in years]
        spans = []
        for i, day in enumerate(days):
            end = self.partial(days[i + 1]) if i + 1 < n else None
            spans.append((self.partial(day), end))
        return spans

    def fill(self, pattern, **extra):
        city, country = self.rng.choice(PLACES)
        theme = self.rng.choice(THEMES)
        group = self.rng.choice(GROUPS)
        region = self.rng.choice(REGIONS)
        values = {
            "theme": theme,
            "Theme": theme.title(),
            "group": group,
            "Group": _title(group),
            "Groups": group.title(),
            "country": _with_article(country),
            "Country": _title(_with_article(country)),
            "city": city,
            "region": region,
            "Region": _title(region.removeprefix("the ")),
            "disaster": self.rng.choice(DISASTERS),
            "route": self.rng.choice(ROUTES),
            "un_body": self.rng.choice(UN_BODIES),
            "year": self.rng.randint(FIRST_DAY.year, LAST_DAY.year),
            "number": f"{self.rng.randint(2, 900) * 100:,}",
            "percent": self.rng.randint(10, 60),
            **extra,
        }
        return pattern.format(**values)

    def sentence(self):
        if self.rng.random() < 0.25:
            return self.fill(self.rng.choice(FINDINGS))
        subject = self.rng.choice(SUBJECTS)
        verb = self.rng.choice(VERBS)
        obj = self.fill(self.rng.choice(OBJECTS))
        tail = self.fill(self.rng.choice(TAILS))
        return f"{subject} {verb} {obj} {tail}."

    def text(self, low=30, high=80, first=""):
        """A paragraph of ``low`` to ``high`` words, in whole sentences."""
        target = self.rng.randint(low, high)
        sentences = [first] if first else []
        count = len(first.split())
        while count < target:
            sentence = self.sentence()
            words = len(sentence.split())
            if count >= low and count + words > high:
                break
            sentences.append(sentence)
            count += words
        return " ".join(sentences)

    def person_name(self):
        return self.rng.choice(GIVEN_NAMES), self.rng.choice(FAMILY_NAMES)

    def locator(self):
        n = self.rng.randint(1, 320)
        return self.rng.choice(LOCATORS).format(n=n, m=n + self.rng.randint(1, 12), k=n % 9 + 1)

    def url(self, kind, slug):
        return f"https://example.org/{kind}/{slug.removeprefix(GENERATED_PREFIX)}"
