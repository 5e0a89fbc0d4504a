"""The claims about organizations: name eras, terms, offices, figures, events,
criticisms and quotations."""

import datetime
from decimal import Decimal

from critiques.models import Criticism, Quotation
from editorial.content import Status
from loader.format import GENERATED_PREFIX
from orgs.models import Fact, NameEra, Office, Term
from timeline.models import Event

from .plan import FIRST_DAY, LAST_DAY
from .records import RecordMakers
from .vocabulary import (
    CRITICISM_TITLES,
    ERA_PATTERNS,
    EVENT_TITLES,
    FACT_NOTES,
    PLACES,
    PORTFOLIOS,
    QUOTATIONS,
    REGIONS,
    THEMES,
    _acronym,
    _title,
)

# As in the seed: heads before the amended Constitution of 14 November 1989 were
# Directors, heads after it Directors General.
TITLE_CHANGED = datetime.date(1989, 11, 14)


class Generator(RecordMakers):
    """Makes every generated record, model by model, in dependency order."""

    def make_name_eras(self):
        eras = []
        for organization, size in self.hosts(self.how_many(NameEra)):
            for start, end in self.chain(size):
                name = self.fill(self.rng.choice(ERA_PATTERNS))
                eras.append(
                    NameEra(
                        slug=self.slug("era", len(eras) + 1, name),
                        status=Status.PUBLISHED,
                        organization=organization,
                        name=name,
                        acronym=_acronym(name),
                        start=start,
                        end=end,
                        summary=self.text(),
                    )
                )
        self.create(NameEra, eras)
        self.cite(eras)

    def make_terms(self):
        """Terms in the seed's mix of roles: heads' terms chained on a few generated
        organizations, titled as in the seed (Director until the title changed,
        Director General after), deputies and goodwill ambassadors at the site's."""
        terms = []
        role_counts = {role: self.multiple * self.roles[role] for role in Term.Role.values}
        heads = sum(role_counts.pop(role) for role in Term.HEAD_ROLES)
        for organization, size in self.hosts(heads):
            for start, end in self.chain(size):
                role = Term.Role.DIRECTOR_GENERAL
                if end is not None and end.latest() < TITLE_CHANGED:
                    role = Term.Role.DIRECTOR
                term = Term(organization=organization, role=role)
                term.start, term.end, term.current = start, end, end is None
                if end is not None and self.rng.random() < 0.1:
                    # Only a date in office is known, as for some early terms in the seed.
                    term.start, term.in_office_on = None, start
                terms.append(term)
        others = [role for role, count in role_counts.items() for _ in range(count)]
        for role in others:
            term = Term(organization=self.site, role=role)
            first = self.day()
            last = min(first + datetime.timedelta(days=self.rng.randint(300, 3000)), LAST_DAY)
            term.start, term.end = self.span(first, last)
            # Past terms: an organization has only a couple of deputies at a time.
            if role == Term.Role.DEPUTY_DIRECTOR_GENERAL:
                term.portfolio = self.rng.choice(PORTFOLIOS)
            terms.append(term)
        for i, term in enumerate(terms, start=1):
            term.person = self.rng.choice(self.people)
            term.slug = self.slug("term", i, f"{term.person.name} {term.role}")
            term.status = Status.PUBLISHED
            if self.rng.random() < 0.3:
                term.note = self.sentence()[:300]
        self.create(Term, terms)
        self.cite(terms)

    def make_offices(self):
        offices = []
        kinds = self.spread(Office.Kind.values, self.how_many(Office))
        headquarters = iter(self.organizations)
        for i, kind in enumerate(kinds, start=1):
            city, country = self.rng.choice(PLACES)
            # The site's organization gains country offices, as a real one opens
            # them; other kinds (one headquarters, a few regional offices) go to
            # the generated organizations.
            organization = (
                self.site if kind == Office.Kind.COUNTRY else self.rng.choice(self.organizations)
            )
            if kind == Office.Kind.HEADQUARTERS:
                organization = next(headquarters, None)
                if organization is None:  # more headquarters than organizations
                    kind, organization = Office.Kind.COUNTRY, self.site
            name = {
                Office.Kind.HEADQUARTERS: "Headquarters",
                Office.Kind.LIAISON: f"Liaison Office in {city}",
                Office.Kind.CENTRE: f"{self.rng.choice(THEMES).title()} Centre",
                Office.Kind.REGIONAL: f"Regional Office for {_title(self.rng.choice(REGIONS))}",
                Office.Kind.COUNTRY: f"Country Office for {country}",
            }[kind]
            offices.append(
                Office(
                    slug=self.slug("office", i, f"{name} {city}"),
                    status=Status.PUBLISHED,
                    organization=organization,
                    name=name,
                    kind=kind,
                    city=city,
                    country=country,
                    opened=self.partial(self.day()) if self.rng.random() < 0.8 else None,
                    summary=self.text(),
                )
            )
        self.create(Office, offices)
        self.cite(offices)

    def fact_value(self, kind, year):
        rng, age = self.rng, year - FIRST_DAY.year
        money = {"budget", "budget-administrative", "budget-operational", "revenue", "income",
                 "expenditure"}  # fmt: skip
        if kind in money:
            return round(5e6 * 1.09**age * rng.uniform(0.5, 1.5), -3)
        return {
            "staff": 100 * 1.07**age * rng.uniform(0.7, 1.3),
            "staff-nationalities": min(15 + 2 * age, 180) * rng.uniform(0.8, 1.0),
            "member-states": min(15 + 2.2 * age, 175),
            "observer-states": rng.randint(5, 40),
            "offices": min(10 + 8 * age, 600) * rng.uniform(0.8, 1.2),
            "countries": min(10 + 2.4 * age, 171) * rng.uniform(0.8, 1.0),
            "duty-stations": min(10 + 7 * age, 590) * rng.uniform(0.8, 1.2),
        }[kind]

    def make_facts(self):
        preferred = {
            (organization, kind, at.isoformat())
            for organization, kind, at in Fact.objects.filter(rank=Fact.Rank.PREFERRED).values_list(
                "organization_id", "kind", "at"
            )
        }
        facts = []
        site_years = {
            (kind, at.year)
            for kind, at in Fact.objects.filter(organization=self.site).values_list("kind", "at")
        }
        kinds = self.spread(Fact.Kind.values, self.how_many(Fact))
        for i, kind in enumerate(kinds, start=1):
            at = self.partial(self.day(), weights=(6, 3, 1))
            # A real organization reports a figure of each kind about once a year,
            # now and then from a second source: the rest belongs to other organizations.
            if (kind, at.year) not in site_years or self.rng.random() < 0.1:
                organization = self.site
                site_years.add((kind, at.year))
            else:
                organization = self.rng.choice(self.organizations)
            unit = Fact.Unit.COUNT
            if kind.startswith("budget") or kind in {"revenue", "income", "expenditure"}:
                unit = Fact.Unit.AUD if self.rng.random() < 0.05 else Fact.Unit.USD
            rank, reason = Fact.Rank.NORMAL, ""
            draw = self.rng.random()
            key = (organization.pk, kind, at.isoformat())
            if draw < 0.1 and key not in preferred:
                preferred.add(key)
                rank, reason = Fact.Rank.PREFERRED, "The organization's own audited figure."
            elif draw > 0.92:
                rank, reason = Fact.Rank.DEPRECATED, "Superseded by a later, corrected figure."
            note = FACT_NOTES.get(kind, "") if self.rng.random() < 0.5 else ""
            facts.append(
                Fact(
                    slug=self.slug("fact", i, f"{kind} {at.isoformat()}"),
                    status=Status.PUBLISHED,
                    organization=organization,
                    kind=kind,
                    value=Decimal(int(self.fact_value(kind, at.year))),
                    unit=unit,
                    qualifier=self.rng.choice(("", "", "", "about", "over", "nearly", "estimated")),
                    at=at,
                    rank=rank,
                    rank_reason=reason,
                    note=note,
                )
            )
        self.create(Fact, facts)
        self.cite(facts)

    def era_of(self, eras, start):
        for era in eras:
            if era.start.earliest() <= start.earliest() and (
                era.end is None or start.earliest() <= era.end.latest()
            ):
                return era
        return None

    def make_events(self):
        eras = list(
            NameEra.objects.filter(organization=self.site).exclude(
                slug__startswith=GENERATED_PREFIX
            )
        )
        events, people = [], []
        categories = self.spread(Event.Category.values, self.how_many(Event))
        for i, category in enumerate(categories, start=1):
            involved = self.rng.sample(self.people, min(len(self.people), self.rng.randint(0, 3)))
            person = involved[0].name if involved else "{} {}".format(*self.person_name())
            title = self.fill(self.rng.choice(EVENT_TITLES[category]), person=person)
            first = self.day()
            if self.rng.random() < 0.2:
                last = min(first + datetime.timedelta(days=self.rng.randint(1, 900)), LAST_DAY)
                start, end = self.span(first, last)
            else:
                start, end = self.partial(first), None
            event = Event(
                slug=self.slug("event", i, f"{start.year} {title}"),
                status=Status.PUBLISHED,
                title=title[:200],
                start=start,
                end=end,
                category=category,
                summary=self.text(),
                name_era=self.era_of(eras, start),
            )
            events.append(event)
            people.append(involved)
        self.create(Event, events)
        self.cite(events)
        self.link(
            Event._meta.get_field("people"),
            [(event.pk, p.pk) for event, group in zip(events, people, strict=True) for p in group],
        )

    def make_criticisms_and_quotations(self):
        criticisms, critics, topics = [], [], []
        for i in range(1, self.how_many(Criticism) + 1):
            speakers = self.rng.sample(self.critics, min(len(self.critics), self.rng.randint(1, 3)))
            title = self.fill(self.rng.choice(CRITICISM_TITLES), critic=speakers[0].name)
            criticism = Criticism(
                slug=self.slug("criticism", i, title),
                status=Status.PUBLISHED,
                title=_title(title)[:200],
                date=self.partial(self.day()),
                organization=self.site,
                summary=self.text(),
            )
            if self.rng.random() < 0.4:
                criticism.response = "The Organization replied that " + self.text(15, 40)
                criticism.response_source = self.rng.choice(self.sources)
            criticisms.append(criticism)
            critics.append(speakers)
            count = min(len(self.topics), self.rng.randint(1, 4))
            topics.append(self.rng.sample(self.topics, count))
        self.create(Criticism, criticisms)
        self.cite(criticisms)
        self.link(
            Criticism._meta.get_field("critics"),
            [(c.pk, s.pk) for c, group in zip(criticisms, critics, strict=True) for s in group],
        )
        self.link(
            Criticism._meta.get_field("topics"),
            [(c.pk, t.pk) for c, group in zip(criticisms, topics, strict=True) for t in group],
        )
        quotations = []
        for i in range(1, self.how_many(Quotation) + 1 if criticisms else 1):
            index = self.rng.randrange(len(criticisms))
            text = self.fill(self.rng.choice(QUOTATIONS))
            quotations.append(
                Quotation(
                    slug=self.slug("quote", i, text[:40]),
                    status=Status.PUBLISHED,
                    criticism=criticisms[index],
                    text=text,
                    speaker=self.rng.choice(critics[index]),
                    source=self.rng.choice(self.sources),
                    locator=self.locator(),
                )
            )
        self.create(Quotation, quotations)
