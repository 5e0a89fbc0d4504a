"""Generate scale data: published, sourced content at N times the seed, and remove it again.

**The marker.** Every generated record's slug starts with ``gen-`` (``GENERATED_PREFIX``).
That prefix is the only thing that tells generated content from curated content:
``remove_generated()`` deletes exactly the records whose slug starts with it, with
what hangs off them (citations of generated claims, many-to-many rows, quotations),
and never touches anything else. Curated slugs must therefore never start with ``gen-``.

**How much.** For each content model, ``multiple`` times the number of records of that
model in the seed (``fixtures/*.json``); topics are capped at ``TOPIC_CAP``. Terms
keep the seed's mix of roles. Citations are not counted from the seed: every
generated claim cites one to three generated sources (``planned_counts`` gives the
exact targets).

**Where it goes.** As a real organization's record grows: the site's organization
(``settings.IOMSITE_ORGANIZATION``) gains past deputy and goodwill-ambassador terms
(none current), country offices, criticisms, and about one figure of each kind a
year (now and then a second source's). The rest goes to generated organizations:
Director General terms and name eras laid end to end in time (at most
``CHAIN_LENGTH`` per organization, one current), one headquarters each, other
offices, further figures and see-also links. Facts are ranked "normal", except some
"deprecated" and some "preferred" where no other preferred value exists for that
organization, kind and time. Generated events take the site organization's
(curated) name era of their date.

**How.** One seeded ``random.Random`` (the same seed gives the same content on the
same seed data), ``bulk_create`` in batches inside one transaction. Bulk creation
skips ``full_clean()`` and ``save()``, so every value is valid by construction
(dates, spans, identifiers with check digits, URLs); the tests run ``full_clean()``
on a sample. Generating when generated content exists first removes it: the new
set replaces the old one.
"""

import datetime
import itertools
import math
import random
from collections import Counter
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.db.models import ProtectedError
from django.test.utils import override_settings
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from critiques.models import Critic, Criticism, CriticismCitation, Quotation, Topic
from orgs.content import Searchable, Status
from orgs.dates import PartialDate
from orgs.models import (
    Fact,
    FactCitation,
    NameEra,
    NameEraCitation,
    Office,
    OfficeCitation,
    Organization,
    OrganizationCitation,
    Person,
    PersonCitation,
    SeeAlso,
    SeeAlsoCitation,
    Source,
    Term,
    TermCitation,
)
from timeline.models import Event, EventCitation

from .fixture_format import GENERATED_PREFIX
from .loader import read_records
from .page_cache import bump_content_version

CHANGE_REASON = "Generated scale data"
DEFAULT_MULTIPLE = 100
TOPIC_CAP = 300
CHAIN_LENGTH = 50  # Director General terms, or name eras, per generated organization
BATCH_SIZE = 1000
FIRST_DAY = datetime.date(1951, 1, 1)
LAST_DAY = datetime.date(2026, 6, 30)

# Generated models, in the order they are created; removal goes the other way.
CONTENT_MODELS = (
    Source,
    Topic,
    Critic,
    Organization,
    SeeAlso,
    Person,
    NameEra,
    Term,
    Office,
    Fact,
    Event,
    Criticism,
    Quotation,
)
CITATION_MODELS = {
    Organization: OrganizationCitation,
    SeeAlso: SeeAlsoCitation,
    Person: PersonCitation,
    NameEra: NameEraCitation,
    Term: TermCitation,
    Office: OfficeCitation,
    Fact: FactCitation,
    Event: EventCitation,
    Criticism: CriticismCitation,
}


class GenerateError(Exception):
    """Generated content cannot be created or removed; the message says why."""


def label(model):
    return model._meta.label


def seed_counts():
    """Records per model in the seed fixtures, and the seed's terms per role."""
    records = read_records(sorted((settings.BASE_DIR / "fixtures").glob("*.json")))
    counts = Counter(record.model for record in records)
    roles = Counter(record.fields.get("role") for record in records if record.model is Term)
    return counts, roles


def planned_counts(multiple, counts=None):
    """How many records ``generate(multiple)`` creates of each content model, by label."""
    counts = seed_counts()[0] if counts is None else counts
    planned = {label(model): multiple * counts[model] for model in CONTENT_MODELS}
    planned[label(Topic)] = min(planned[label(Topic)], TOPIC_CAP)
    return planned


def generate(multiple=DEFAULT_MULTIPLE, seed=1):
    """Replace the generated content with ``multiple`` times the seed; return counts by label.

    The counts cover content models, their citations and many-to-many rows.
    """
    if not isinstance(multiple, int) or multiple < 0:
        raise GenerateError(f"The multiple must be a whole number ≥ 0, not {multiple!r}.")
    with transaction.atomic():
        remove_generated()
        counts = _Generator(random.Random(seed), multiple).run()
        # Bulk creation sends no signals: retire cached pages explicitly.
        bump_content_version()
        for model in CONTENT_MODELS:
            if issubclass(model, Searchable):
                model.refresh_search_vectors(
                    model.objects.filter(slug__startswith=GENERATED_PREFIX)
                )
    # Fresh statistics, or the planner keeps plans fit for the seed alone (SQLite
    # then joins citations through the small sources table, ten times slower).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return counts


def remove_generated():
    """Delete every generated record and what depends on it; return counts by label.

    With django-simple-history, the history rows of generated records go too, and the
    deletion itself records no history (``SIMPLE_HISTORY_ENABLED`` is off while it runs,
    for the whole process: call this from commands and tests, not while serving requests).
    """
    removed = Counter()
    try:
        with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False):
            for model, history in _history_models():
                generated = model.objects.filter(slug__startswith=GENERATED_PREFIX)
                citation_history = _history_model(CITATION_MODELS.get(model))
                if citation_history is not None:
                    old = citation_history.objects.filter(claim_id__in=generated.values("pk"))
                    removed.update(old.delete()[1])
                old = history.objects.filter(slug__startswith=GENERATED_PREFIX)
                for relation in history._meta.related_objects:  # many-to-many history rows
                    if not relation.one_to_many:
                        continue
                    rows = relation.related_model.objects.filter(
                        **{f"{relation.field.name}__in": old}
                    )
                    removed.update(rows.delete()[1])
                removed.update(old.delete()[1])
            for model in reversed(CONTENT_MODELS):
                generated = model.objects.filter(slug__startswith=GENERATED_PREFIX)
                removed.update(generated.delete()[1])
    except ProtectedError as error:
        blockers = sorted({str(obj) for obj in error.protected_objects})[:5]
        raise GenerateError(
            "Generated content is still used by curated records, so nothing was removed: "
            + "; ".join(blockers)
        ) from None
    return {name: count for name, count in removed.items() if count}


def _history_model(model):
    """The model's django-simple-history record model, or None."""
    return getattr(getattr(model, "history", None), "model", None)


def _history_models():
    """(model, its history model) for each generated model that keeps history."""
    for model in CONTENT_MODELS:
        if (history := _history_model(model)) is not None:
            yield model, history


# Vocabulary

GIVEN_NAMES = (
    "Amina", "Carlos", "Mei", "Olusegun", "Sofia", "Hiroshi", "Fatima", "Jean", "Anders",
    "Priya", "Mateo", "Leila", "Tomasz", "Nadia", "Kwame", "Ingrid", "Rafael", "Yuki", "Omar",
    "Elena", "Samuel", "Aisha", "Diego", "Hana", "Viktor", "Zainab", "Lucas", "Marta", "Kofi",
    "Sara", "Arturo", "Ji-woo", "Ngozi", "Pedro", "Anika", "Malik", "Camille", "Tariq", "Lucia",
    "Dmitri", "Grace", "Bilal", "Inès", "Thabo", "Rosa", "Emeka", "Chiara", "Farid", "Astrid",
    "Joon-ho", "Margarethe", "William", "Teresa", "Rashid", "Adaeze", "Henrik", "Lina", "Marco",
)  # fmt: skip
FAMILY_NAMES = (
    "Okafor", "Fernández", "Chen", "Haddad", "Nielsen", "Kowalski", "Mensah", "Tanaka", "Rossi",
    "Silva", "Ibrahim", "Dubois", "Novak", "Kariuki", "Sato", "Mwangi", "González", "Andersson",
    "Khan", "Moreau", "Petrov", "Abebe", "Lindqvist", "Nguyen", "Osei", "Castillo", "Yılmaz",
    "Jansen", "Hoffmann", "Park", "Banda", "Rahman", "Costa", "Larsen", "Oyelaran", "Vargas",
    "Schmidt", "Kamara", "Álvarez", "Popescu", "Mahmoud", "Eriksen", "Sithole", "López",
    "Bianchi", "Aziz", "Kim", "Murray", "Delgado", "Achterberg", "O'Neill", "Van der Berg",
)  # fmt: skip
NATIVE_NAMES = (  # (name, name in own script, language)
    ("Lee Min-ho", "이민호", "ko"),
    ("Yamada Hanako", "山田花子", "ja"),
    ("Mohamed Haddad", "محمد حداد", "ar"),
    ("Elena Pappa", "Ελένη Παππά", "el"),
    ("Ivan Petrov", "Иван Петров", "ru"),
    ("Wang Fang", "王芳", "zh-hans"),
)
NATIONALITIES = (
    "Argentina", "Australia", "Bangladesh", "Belgium", "Brazil", "Canada", "Chile", "Colombia",
    "Egypt", "Ethiopia", "France", "Germany", "Ghana", "India", "Italy", "Japan", "Jordan",
    "Kenya", "Mexico", "Netherlands", "Nigeria", "Norway", "Pakistan", "Peru", "Philippines",
    "Portugal", "Republic of Korea", "Senegal", "South Africa", "Spain", "Sweden",
    "Switzerland", "Türkiye", "United Kingdom", "United States",
)  # fmt: skip
PLACES = (  # (city, country)
    ("Nairobi", "Kenya"), ("Dakar", "Senegal"), ("Cairo", "Egypt"), ("Pretoria", "South Africa"),
    ("Addis Ababa", "Ethiopia"), ("Abuja", "Nigeria"), ("Tripoli", "Libya"), ("Niamey", "Niger"),
    ("Bangkok", "Thailand"), ("Manila", "Philippines"), ("Dhaka", "Bangladesh"),
    ("Kabul", "Afghanistan"), ("Cox's Bazar", "Bangladesh"), ("Jakarta", "Indonesia"),
    ("Port Moresby", "Papua New Guinea"), ("San José", "Costa Rica"), ("Bogotá", "Colombia"),
    ("Buenos Aires", "Argentina"), ("Panama City", "Panama"), ("Port-au-Prince", "Haiti"),
    ("Mexico City", "Mexico"), ("Brussels", "Belgium"), ("Vienna", "Austria"),
    ("Rome", "Italy"), ("Athens", "Greece"), ("Ankara", "Türkiye"), ("Kyiv", "Ukraine"),
    ("Amman", "Jordan"), ("Beirut", "Lebanon"), ("Erbil", "Iraq"), ("Sana'a", "Yemen"),
    ("Astana", "Kazakhstan"), ("Canberra", "Australia"), ("Ottawa", "Canada"),
    ("New York", "United States"), ("Tokyo", "Japan"), ("Berlin", "Germany"),
    ("Lisbon", "Portugal"), ("Juba", "South Sudan"), ("Maputo", "Mozambique"),
)  # fmt: skip
REGIONS = (
    "West Africa", "the Horn of Africa", "Central America", "South-East Asia",
    "the Western Balkans", "the Middle East", "South America", "the Pacific", "Central Asia",
    "Southern Africa", "the Caribbean", "North Africa", "the Sahel", "the Mediterranean",
)  # fmt: skip
THEMES = (
    "labour migration", "assisted voluntary return", "refugee resettlement", "migrant health",
    "counter-trafficking", "climate mobility", "diaspora engagement", "border management",
    "internal displacement", "migration data", "family reunification", "migrant integration",
    "remittances", "humanitarian evacuation", "camp coordination and management",
    "child protection", "regular pathways", "migration governance", "irregular migration",
    "disaster risk reduction", "reintegration", "emergency shelter",
)  # fmt: skip
GROUPS = (
    "refugees", "asylum seekers", "internally displaced people", "stranded migrants",
    "migrant workers", "unaccompanied children", "returnees", "displaced families",
    "seasonal workers", "survivors of trafficking", "resettled refugees", "detained migrants",
)  # fmt: skip
SUBJECTS = (
    "The Organization", "Member states", "The Council", "Field teams", "Donor governments",
    "The Director General", "Partner agencies", "National authorities", "Civil society groups",
    "Independent researchers", "The regional office", "Humanitarian partners",
    "Host communities", "The Executive Committee", "Observer states", "An external evaluation",
)  # fmt: skip
VERBS = (
    "expanded", "reviewed", "coordinated", "funded", "suspended", "evaluated", "launched",
    "strengthened", "questioned", "supported", "documented", "restructured", "scaled up",
    "negotiated", "monitored", "relaunched", "criticised", "extended",
)  # fmt: skip
OBJECTS = (
    "{theme} programmes", "assistance to {group}", "the registration of {group}",
    "transport for {group}", "data collection on {group}", "a joint plan on {theme}",
    "health screening for {group}", "training on {theme}", "the policy on {theme}",
    "the budget for {theme}", "shelter for {group}", "legal counselling for {group}",
)  # fmt: skip
TAILS = (
    "in {country}", "across {region}", "after the {disaster} in {country}",
    "with UNHCR and other partners", "in {year}", "under an agreement with {country}",
    "despite funding shortfalls", "along the {route}", "for the first time",
    "at the request of the government of {country}", "with support from {country}",
)  # fmt: skip
FINDINGS = (
    "According to the annual report, {number} {group} were assisted in {year}.",
    "Critics said that {group} in {country} lacked access to legal advice.",
    "The programme was financed largely by earmarked contributions.",
    "Staff in {city} reported delays in processing the cases of {group}.",
    "An evaluation in {year} found that monitoring of {theme} remained weak.",
    "The work was carried out together with the government of {country}.",
    "Funding fell short of the appeal by about {percent} per cent.",
    "Observers noted that {group} were rarely consulted about {theme}.",
)  # fmt: skip
DISASTERS = (
    "earthquake", "floods", "cyclone", "drought", "tsunami", "armed conflict", "hurricane",
    "landslides", "volcanic eruption", "typhoon",
)  # fmt: skip
ROUTES = (
    "Central Mediterranean route", "Eastern Mediterranean route", "Western Balkans route",
    "Darién Gap", "Eastern Route to Yemen", "Bay of Bengal crossings", "Sahel corridor",
)  # fmt: skip
UN_BODIES = ("UNHCR", "UNICEF", "WHO", "WFP", "OCHA", "UNDP", "ILO", "the UN Secretariat")
JOURNALS = (
    "International Migration", "International Migration Review", "Journal of Refugee Studies",
    "Forced Migration Review", "Journal of Ethnic and Migration Studies",
    "Refugee Survey Quarterly", "Global Governance", "Migration Studies", "Third World Quarterly",
)  # fmt: skip
NEWSPAPERS = (
    "The Guardian", "Le Monde", "El País", "The New York Times", "Al Jazeera", "The Hindu",
    "Daily Nation", "The Sydney Morning Herald", "Deutsche Welle", "Reuters",
)  # fmt: skip
PUBLISHERS = (
    "Routledge", "Oxford University Press", "Cambridge University Press", "Palgrave Macmillan",
    "Springer", "Edward Elgar", "Manchester University Press", "Berghahn Books",
    "International Organization for Migration",
)  # fmt: skip
WEBSITES = ("IOM", "UNHCR", "ReliefWeb", "Migration Data Portal", "UN News", "OCHA")
CORPORATE_AUTHORS = (
    "International Organization for Migration", "Intergovernmental Committee for European "
    "Migration", "United Nations General Assembly", "Global Migration Group",
    "Migration Policy Institute", "Internal Displacement Monitoring Centre",
)  # fmt: skip
TOPIC_HEADS = (
    "Detention", "Returns", "Funding", "Data protection", "Accountability", "Labour rights",
    "Offshore processing", "Border externalization", "Humanitarian principles",
    "Child protection", "Refugee protection", "Non-refoulement", "Biometrics", "Transparency",
    "Camp conditions", "Smuggling", "Deportation", "Informed consent", "Gender", "Climate",
    "Reception conditions", "Pushbacks", "Health care",
)  # fmt: skip
ORGANIZATION_PATTERNS = (
    "{Region} Commission on {Theme}", "International Centre for {Theme}",
    "Intergovernmental Committee on {Theme}", "Network of {Groups} Associations",
    "{Region} Forum on {Theme}", "Council for {Theme} in {Region}",
    "Alliance for {Theme}", "{Region} Migration Observatory",
)  # fmt: skip
ERA_PATTERNS = (
    "Provisional Committee for {Theme}", "Intergovernmental Committee for {Theme}",
    "{Region} Committee for {Theme}", "International Office for {Theme}",
    "Organization for {Theme} in {Region}", "{Region} Agency for {Theme}",
)  # fmt: skip
PORTFOLIOS = (
    "Operations", "Management and Reform", "Policy and Partnerships", "Emergencies",
    "Programmes", "Migration Management", "Administration", "Humanitarian Affairs",
)  # fmt: skip
UN_SYMBOLS = ("A/RES/{session}/{n}", "A/{session}/{n}", "E/CN.4/{year}/{n}")
CRITIC_PATTERNS = (
    "{Region} Migrant Rights Network", "Coalition on {Theme}", "{Country} Refugee Council",
    "Watch on {Theme}", "{Region} Centre for Migration Justice",
)  # fmt: skip
ONLINE_KINDS = {"news", "web-page", "report", "dataset", "un-document"}
ACCESSED_KINDS = {"news", "web-page", "dataset"}
LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh-hans", "pt", "de", "sw")
LOCATORS = (
    "", "", "p. {n}", "pp. {n}–{m}", "section {n}.{k}", "para. {n}", "table {n}", "annex {k}",
)  # fmt: skip

EVENT_TITLES = {
    Event.Category.FOUNDING: (
        "{Country} joins the founding conference", "First movement of migrants from {city}",
        "Launch of the {Theme} programme in {country}", "Founding session held in {city}",
    ),
    Event.Category.RENAMING: (
        "The {Theme} programme is renamed", "Council proposes a new name for the office in {city}",
        "Regional body for {region} takes a new name",
    ),
    Event.Category.CONSTITUTION: (
        "Council amends the Constitution on {theme}",
        "{Country} ratifies constitutional amendments",
        "Constitutional reform on {theme} enters into force",
    ),
    Event.Category.UN_RELATIONSHIP: (
        "Cooperation agreement with {un_body}", "Joint appeal with {un_body} for {country}",
        "Memorandum with {un_body} on {theme}",
    ),
    Event.Category.EMERGENCY_RESPONSE: (
        "Response to the {disaster} in {country}", "Evacuation of stranded migrants from {country}",
        "Shelter and camp management after the {disaster} in {country}",
    ),
    Event.Category.GLOBAL_POLICY: (
        "International dialogue on {theme}", "Global consultation on {theme} in {city}",
        "Policy framework on {theme} adopted",
    ),
    Event.Category.LEADERSHIP: (
        "{person} elected Deputy Director General", "{person} appointed Goodwill Ambassador",
        "{person} appointed chief of mission in {country}",
    ),
    Event.Category.STRUCTURE: (
        "{Country} admitted as an observer state", "Regional office opened in {city}",
        "{Country} becomes a member state", "Restructuring of {theme} programmes",
    ),
}  # fmt: skip
CRITICISM_TITLES = (
    "{critic} on {theme} in {country}", "Concerns about {theme} in {region}",
    "Report criticises {theme} programmes in {country}",
    "{critic} questions the treatment of {group} in {country}",
    "Calls for accountability over {theme} along the {route}",
)  # fmt: skip
QUOTATIONS = (
    "{Group} were left without any meaningful way to challenge the decision.",
    "The programme served the interests of donor governments rather than those of {group}.",
    "We saw no evidence that {group} had given informed consent to return.",
    "Conditions in the centres in {country} fell far below international standards.",
    "The Organization has no protection mandate, and it shows.",
    "Without independent monitoring, no one can say what happened to {group}.",
)  # fmt: skip
FACT_NOTES = {
    "budget": "Total budget approved by the Council",
    "staff": "Staff in all duty stations, including project staff",
    "member-states": "Member states at the time of the Council session",
    "offices": "Offices of all kinds, including sub-offices",
}


def _title(text):
    return text[:1].upper() + text[1:]


def _with_article(country):
    """'the United Kingdom', 'the Philippines', but 'Kenya'."""
    plural = country.endswith(("Kingdom", "States", "Philippines", "Netherlands", "of Korea"))
    return f"the {country}" if plural else country


def _acronym(name):
    letters = [word[0] for word in name.replace("-", " ").split() if word[0].isupper()]
    return "".join(letters)[:20] or "ORG"


def _isbn13(rng):
    digits = [9, 7, 8] + [rng.randint(0, 9) for _ in range(9)]
    total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits))
    digits.append((10 - total % 10) % 10)
    text = "".join(map(str, digits))
    return f"{text[:3]}-{text[3]}-{text[4:8]}-{text[8:12]}-{text[12]}"


class _Generator:
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
            if f.editable and not (f.primary_key or f.is_relation or f.name in {"slug", "status"})
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

    # Models

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
        if kind == Source.Kind.BOOK:
            source.title = f"{_title(theme)} in {region}: {_title(other)} since {day.year - 10}"
            source.authors, source.publisher = people, rng.choice(PUBLISHERS)
            source.published = PartialDate(day.year)
            source.isbn = _isbn13(rng)
        elif kind == Source.Kind.CHAPTER:
            source.title = f"{_title(theme)} and the politics of {other}"
            source.authors = people
            source.editors = "{1}, {0}".format(*self.person_name())
            source.container = f"Handbook of {other.title()}"
            source.publisher = rng.choice(PUBLISHERS)
            start = rng.randint(1, 400)
            source.pages = f"{start}–{start + rng.randint(10, 40)}"
            source.published = PartialDate(day.year)
            source.isbn = _isbn13(rng)
        elif kind == Source.Kind.ARTICLE:
            source.title = f"{_title(theme)} and {other}: evidence from {country}"
            source.authors = people
            source.container = rng.choice(JOURNALS)
            source.volume = str(day.year - 1950)
            source.issue = str(rng.randint(1, 4))
            start = rng.randint(1, 600)
            source.pages = f"{start}–{start + rng.randint(12, 30)}"
            source.doi = f"10.{rng.randint(1000, 99999)}/mig.{day.year}.{rng.randint(1, 9999)}"
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
        """Terms in the seed's mix of roles: Director General terms chained on a few
        generated organizations, deputies and goodwill ambassadors at the site's."""
        terms = []
        role_counts = {role: self.multiple * self.roles[role] for role in Term.Role.values}
        for organization, size in self.hosts(role_counts.pop(Term.Role.DIRECTOR_GENERAL)):
            for start, end in self.chain(size):
                term = Term(organization=organization, role=Term.Role.DIRECTOR_GENERAL)
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
