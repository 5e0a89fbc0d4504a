"""The record makers: each content model's generated records, as a real record grows."""

import datetime
import math

from django.utils.text import slugify

from critiques.models import Critic, Topic
from editorial.content import Status
from loader.format import GENERATED_PREFIX
from orgs.dates import PartialDate
from orgs.models import Organization, Person, SeeAlso, Source

from .plan import CHAIN_LENGTH, FIRST_DAY, LAST_DAY
from .toolkit import GeneratorBase
from .vocabulary import (
    ACCESSED_KINDS,
    CORPORATE_AUTHORS,
    CRITIC_PATTERNS,
    CRITICISM_TITLES,
    GROUPS,
    JOURNALS,
    LANGUAGES,
    NATIONALITIES,
    NATIVE_NAMES,
    NEWSPAPERS,
    ONLINE_KINDS,
    ORGANIZATION_PATTERNS,
    PLACES,
    PUBLISHERS,
    REGIONS,
    THEMES,
    TOPIC_HEADS,
    UN_SYMBOLS,
    WEBSITES,
    _acronym,
    _isbn13,
    _title,
    _with_article,
)


class RecordMakers(GeneratorBase):
    """Reference records and the organizations: sources, topics, critics,
    organizations, see-also links and people."""

    def make_sources(self):
        sources = []
        kinds = self.spread(Source.Kind.values, self.how_many(Source))
        for i, kind in enumerate(kinds, start=1):
            source = self.source(kind)
            source.slug = self.slug("source", i, source.title)
            if kind in ONLINE_KINDS:
                source.url = self.url("source", source.slug)
            if kind in ACCESSED_KINDS:
                first = source.published.latest() if source.published else FIRST_DAY
                first = min(max(first, datetime.date(2015, 1, 1)), LAST_DAY)
                source.accessed = self.day(first, LAST_DAY)
            sources.append(source)
        return self.create(Source, sources)

    def source(self, kind):
        rng = self.rng
        day = self.day()
        theme, other = rng.sample(THEMES, 2)
        region = rng.choice(REGIONS)
        _city, country = rng.choice(PLACES)
        people = "; ".join(
            "{1}, {0}".format(*self.person_name()) for _ in range(rng.choice((1, 1, 2, 3)))
        )
        source = Source(status=Status.PUBLISHED, kind=kind, published=self.partial(day))
        if kind in (Source.Kind.BOOK, Source.Kind.CHAPTER, Source.Kind.ARTICLE):
            self.scholarly(source, day, people, (theme, other, region, country))
        elif kind == Source.Kind.NEWS:
            source.title = self.fill(rng.choice(CRITICISM_TITLES), critic="Aid groups")
            source.authors = people if rng.random() < 0.7 else ""
            source.container = rng.choice(NEWSPAPERS)
            source.published = PartialDate.from_date(day)
        elif kind == Source.Kind.REPORT:
            source.title = f"{_title(theme)} in {region}: annual report {day.year}"
            source.authors = rng.choice(CORPORATE_AUTHORS)
            source.publisher = rng.choice(PUBLISHERS)
        elif kind == Source.Kind.UN_DOCUMENT:
            session = max(day.year - 1945, 1)
            source.title = f"Report of the Secretary-General on {theme}"
            source.authors = "United Nations General Assembly"
            source.un_symbol = rng.choice(UN_SYMBOLS).format(
                session=session, year=day.year, n=rng.randint(1, 300)
            )
        elif kind == Source.Kind.WEB_PAGE:
            source.title = f"{_title(theme)}: {region}"
            source.container = rng.choice(WEBSITES)
            source.published = self.partial(day) if rng.random() < 0.7 else None
        else:  # dataset
            source.title = f"{_title(theme)} dataset, {region}, {day.year}"
            source.publisher = rng.choice(("Migration Data Portal", "IDMC", "UN DESA"))
            source.doi = f"10.{rng.randint(1000, 99999)}/data.{rng.randint(1, 99999)}"
        if rng.random() < 0.1:
            source.note = "Copy read in the archive of a partner library."
        return source

    def scholarly(self, source, day, people, words):
        """A book, chapter or article's title and publication details."""
        rng = self.rng
        theme, other, region, country = words
        if source.kind == Source.Kind.BOOK:
            source.title = f"{_title(theme)} in {region}: {_title(other)} since {day.year - 10}"
            source.authors, source.publisher = people, rng.choice(PUBLISHERS)
            source.published = PartialDate(day.year)
            source.isbn = _isbn13(rng)
        elif source.kind == Source.Kind.CHAPTER:
            source.title = f"{_title(theme)} and the politics of {other}"
            source.authors = people
            source.editors = "{1}, {0}".format(*self.person_name())
            source.container = f"Handbook of {other.title()}"
            source.publisher = rng.choice(PUBLISHERS)
            start = rng.randint(1, 400)
            source.pages = f"{start}–{start + rng.randint(10, 40)}"
            source.published = PartialDate(day.year)
            source.isbn = _isbn13(rng)
        elif source.kind == Source.Kind.ARTICLE:
            source.title = f"{_title(theme)} and {other}: evidence from {country}"
            source.authors = people
            source.container = rng.choice(JOURNALS)
            source.volume = str(day.year - 1950)
            source.issue = str(rng.randint(1, 4))
            start = rng.randint(1, 600)
            source.pages = f"{start}–{start + rng.randint(12, 30)}"
            source.doi = f"10.{rng.randint(1000, 99999)}/mig.{day.year}.{rng.randint(1, 9999)}"

    def make_topics(self):
        names = [f"{head} in {region}" for head in TOPIC_HEADS for region in REGIONS]
        names = self.rng.sample(names, min(self.how_many(Topic), len(names)))
        topics = [Topic(slug=f"{GENERATED_PREFIX}topic-{slugify(n)}", name=n) for n in names]
        self.create(Topic, topics)
        return topics + list(
            Topic.objects.exclude(slug__startswith=GENERATED_PREFIX).order_by("slug")
        )

    def make_critics(self):
        critics = []
        kinds = self.spread(Critic.Kind.values, self.how_many(Critic))
        for i, kind in enumerate(kinds, start=1):
            theme = self.rng.choice(THEMES)
            is_person = kind in {Critic.Kind.INDIVIDUAL, Critic.Kind.RESEARCHER}
            if is_person:
                name = "{} {}".format(*self.person_name())
                description = f"Writes on {theme} and the rights of {self.rng.choice(GROUPS)}."
            elif kind == Critic.Kind.NEWSPAPER:
                city, country = self.rng.choice(PLACES)
                paper = self.rng.choice(("Herald", "Chronicle", "Observer", "Times", "Post"))
                name = f"The {city} {paper}"
                description = f"Daily newspaper published in {country}."
            else:
                name = self.fill(self.rng.choice(CRITIC_PATTERNS))
                description = f"Campaigns on {theme} in {self.rng.choice(REGIONS)}."
            slug = self.slug("critic", i, name)
            critics.append(
                Critic(
                    slug=slug,
                    status=Status.PUBLISHED,
                    name=name,
                    kind=kind,
                    is_person=is_person,
                    description=description,
                    website=self.url("critic", slug) if self.rng.random() < 0.8 else "",
                )
            )
        return self.create(Critic, critics)

    def make_organizations(self):
        organizations = []
        kinds = self.spread(Organization.Kind.values, self.how_many(Organization))
        for i, kind in enumerate(kinds, start=1):
            name = self.fill(self.rng.choice(ORGANIZATION_PATTERNS))
            slug = self.slug("organization", i, name)
            founded = self.day()
            organizations.append(
                Organization(
                    slug=slug,
                    status=Status.PUBLISHED,
                    name=name,
                    acronym=_acronym(name),
                    kind=kind,
                    founded=self.partial(founded) if self.rng.random() < 0.9 else None,
                    summary=self.text(),
                    mandate=self.text(20, 50) if self.rng.random() < 0.6 else "",
                    structure=self.text(20, 50) if self.rng.random() < 0.4 else "",
                    website=self.url("organization", slug),
                    official_languages=self.rng.sample(LANGUAGES, self.rng.randint(0, 4)),
                )
            )
        self.create(Organization, organizations)
        self.cite(organizations)
        targets = [*organizations, self.site]
        related, reading = [], []
        for organization in organizations:
            others = self.rng.sample(targets, min(len(targets), self.rng.randint(0, 3)))
            related += [(organization.pk, o.pk) for o in others if o.pk != organization.pk]
            works = self.rng.sample(self.sources, min(len(self.sources), self.rng.randint(0, 3)))
            reading += [(organization.pk, s.pk) for s in works]
        self.link(Organization._meta.get_field("related_organizations"), related)
        self.link(Organization._meta.get_field("bibliography"), reading)
        return organizations

    def make_see_also(self):
        links = []
        for i in range(1, self.how_many(SeeAlso) + 1):
            theme = self.rng.choice(THEMES)
            title = f"{_title(theme)} in {self.rng.choice(REGIONS)}"
            slug = self.slug("see-also", i, title)
            links.append(
                SeeAlso(
                    slug=slug,
                    status=Status.PUBLISHED,
                    organization=self.rng.choice(self.organizations),
                    title=title,
                    description=self.sentence()[:300],
                    url=self.url("see-also", slug),
                    position=100 + i,
                )
            )
        self.create(SeeAlso, links)
        self.cite(links)

    def make_people(self):
        people = []
        for i in range(1, self.how_many(Person) + 1):
            native_name = language = ""
            if self.rng.random() < 0.05:
                name, native_name, language = self.rng.choice(NATIVE_NAMES)
                family, given = name.split(" ", 1)
            else:
                given, family = self.person_name()
                name = f"{given} {family}"
            born_day = self.day(datetime.date(1915, 1, 1), datetime.date(1990, 12, 31))
            born = self.partial(born_day) if self.rng.random() < 0.85 else None
            died = None
            if self.rng.random() < 0.2:
                died_first = datetime.date(min(born_day.year + 45, LAST_DAY.year), 1, 1)
                died = PartialDate(self.day(died_first, LAST_DAY).year)
            nationality = self.rng.choice(NATIONALITIES)
            job = self.rng.choice(("diplomat", "economist", "lawyer", "official", "physician"))
            first = (
                f"A {job} from {_with_article(nationality)} who worked on "
                f"{self.rng.choice(THEMES)} in {self.rng.choice(REGIONS)}."
            )
            people.append(
                Person(
                    slug=self.slug("person", i, name),
                    status=Status.PUBLISHED,
                    name=name,
                    native_name=native_name,
                    native_name_language=language,
                    sort_name=f"{family}, {given}",
                    nationality=nationality if self.rng.random() < 0.9 else "",
                    born=born,
                    died=died,
                    summary=self.text(first=first),
                )
            )
        self.create(Person, people)
        self.cite(people)
        return people

    def hosts(self, n):
        """Generated organizations to carry ``n`` chained records, with how many each."""
        if n == 0:
            return []
        size = math.ceil(n / math.ceil(n / CHAIN_LENGTH))
        sizes = [size] * (n // size) + ([n % size] if n % size else [])
        return list(zip(self.organizations, sizes, strict=False))
