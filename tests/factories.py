"""factory_boy factories for every model, shared by the whole test suite.

Records are published by default. Every claim factory also creates one citation
(of a new source), so a published claim obeys the sourcing rule; choose the
sources with ``cites=[source, ...]``, set citation fields with
``cites__locator="p. 4"``, or create none with ``cites=[]``.

Partial dates are given as strings ("1998", "2008-10", "2008-10-01").
"""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from factory.django import DjangoModelFactory

from critiques.models import Critic, Criticism, CriticismCitation, Quotation, Topic
from editorial.content import Status
from editorial.models import PendingChange
from members.models import MembershipSpell, MembershipSpellCitation, State
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


def _set_many(field_name):
    """A post-generation hook that fills a many-to-many field: ``people=[a, b]``."""

    def hook(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, field_name).set(extracted)

    return factory.PostGeneration(hook)


# Accounts


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"editor{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")
    is_staff = False


class EditorFactory(UserFactory):
    """A staff user in the Editors group (created by a data migration)."""

    username = factory.Sequence(lambda n: f"writer{n}")
    is_staff = True

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name="Editors"))


class ReviewerFactory(UserFactory):
    """A staff user in the Reviewers group."""

    username = factory.Sequence(lambda n: f"reviewer{n}")
    is_staff = True

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name="Reviewers"))


class GroupFactory(DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Editors {n}")


# Bases


class ContentFactory(DjangoModelFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    status = Status.PUBLISHED


class ClaimFactory(ContentFactory):
    class Meta:
        abstract = True

    @factory.post_generation
    def cites(obj, create, extracted, **kwargs):
        """One citation of a new source, or one per source in ``cites=[...]``."""
        if not create:
            return
        sources = [SourceFactory()] if extracted is None else extracted
        for source in sources:
            obj.citations.create(source=source, **kwargs)


# orgs


class SourceFactory(ContentFactory):
    class Meta:
        model = Source

    slug = factory.Sequence(lambda n: f"source-{n}")
    kind = Source.Kind.REPORT
    title = factory.Sequence(lambda n: f"World Migration Report {n}")
    authors = "International Organization for Migration"
    publisher = "IOM"
    published = "2022"


class CitationFactory(DjangoModelFactory):
    """Base for citation factories; subclasses set the model and the claim."""

    class Meta:
        abstract = True

    source = factory.SubFactory(SourceFactory)
    locator = factory.Sequence(lambda n: f"p. {n + 1}")


class OrganizationFactory(ClaimFactory):
    class Meta:
        model = Organization

    slug = factory.Sequence(lambda n: f"organization-{n}")
    name = factory.Sequence(lambda n: f"Organization {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    kind = Organization.Kind.INTERGOVERNMENTAL
    founded = "1951"
    summary = "An intergovernmental organization."
    official_languages = factory.LazyFunction(lambda: ["en", "fr", "es"])
    related_organizations = _set_many("related_organizations")
    bibliography = _set_many("bibliography")


class SeeAlsoFactory(ClaimFactory):
    class Meta:
        model = SeeAlso

    slug = factory.Sequence(lambda n: f"see-also-{n}")
    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Related topic {n}")
    url = "https://example.org/related"


class NameEraFactory(ClaimFactory):
    """A current name (no end) unless ``end`` is given: one per organization."""

    class Meta:
        model = NameEra

    slug = factory.Sequence(lambda n: f"name-era-{n}")
    organization = factory.SubFactory(OrganizationFactory)
    name = "International Organization for Migration"
    acronym = "IOM"
    start = "1989-11-14"
    end = None


class PersonFactory(ClaimFactory):
    class Meta:
        model = Person

    slug = factory.Sequence(lambda n: f"person-{n}")
    name = factory.Sequence(lambda n: f"Person {n} Example")
    sort_name = factory.Sequence(lambda n: f"Example, Person {n}")
    nationality = "Swiss"
    born = "1950"


class TermFactory(ClaimFactory):
    """A past Director General term, 1998 to 2008."""

    class Meta:
        model = Term

    slug = factory.Sequence(lambda n: f"term-{n}")
    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Term.Role.DIRECTOR_GENERAL
    start = "1998-10-01"
    end = "2008-09-30"


class OfficeFactory(ClaimFactory):
    """A country office (an organization has at most one headquarters)."""

    class Meta:
        model = Office

    slug = factory.Sequence(lambda n: f"office-{n}")
    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Country Office {n}")
    kind = Office.Kind.COUNTRY
    city = "Nairobi"
    country = "Kenya"
    opened = "1990"


class FactFactory(ClaimFactory):
    """A normal-rank budget figure for 2023."""

    class Meta:
        model = Fact

    slug = factory.Sequence(lambda n: f"fact-{n}")
    organization = factory.SubFactory(OrganizationFactory)
    kind = Fact.Kind.BUDGET
    value = Decimal("3000000000")
    unit = Fact.Unit.USD
    at = "2023"
    rank = Fact.Rank.NORMAL


class OrganizationCitationFactory(CitationFactory):
    class Meta:
        model = OrganizationCitation

    claim = factory.SubFactory(OrganizationFactory, cites=[])


class SeeAlsoCitationFactory(CitationFactory):
    class Meta:
        model = SeeAlsoCitation

    claim = factory.SubFactory(SeeAlsoFactory, cites=[])


class NameEraCitationFactory(CitationFactory):
    class Meta:
        model = NameEraCitation

    claim = factory.SubFactory(NameEraFactory, cites=[])


class PersonCitationFactory(CitationFactory):
    class Meta:
        model = PersonCitation

    claim = factory.SubFactory(PersonFactory, cites=[])


class TermCitationFactory(CitationFactory):
    class Meta:
        model = TermCitation

    claim = factory.SubFactory(TermFactory, cites=[])


class OfficeCitationFactory(CitationFactory):
    class Meta:
        model = OfficeCitation

    claim = factory.SubFactory(OfficeFactory, cites=[])


class FactCitationFactory(CitationFactory):
    class Meta:
        model = FactCitation

    claim = factory.SubFactory(FactFactory, cites=[])


# timeline


class EventFactory(ClaimFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    title = factory.Sequence(lambda n: f"Event {n}")
    start = "1951-12-05"
    category = Event.Category.FOUNDING
    summary = "Something the organization did."
    people = _set_many("people")


class EventCitationFactory(CitationFactory):
    class Meta:
        model = EventCitation

    claim = factory.SubFactory(EventFactory, cites=[])


# members


class StateFactory(ContentFactory):
    class Meta:
        model = State

    # In ISO 3166, and none of them in the seed.
    code = factory.Iterator(["AQ", "BV", "HM", "GS", "TF", "UM", "IO", "PN", "NF", "CX"])
    slug = factory.LazyAttribute(lambda state: f"state-{state.code.lower()}")
    region = "oceania"


class MembershipSpellFactory(ClaimFactory):
    class Meta:
        model = MembershipSpell

    slug = factory.Sequence(lambda n: f"spell-{n}")
    state = factory.SubFactory(StateFactory)
    standing = "member"
    start_cow = 1951


class MembershipSpellCitationFactory(CitationFactory):
    class Meta:
        model = MembershipSpellCitation

    claim = factory.SubFactory(MembershipSpellFactory, cites=[])


# critiques


class CriticFactory(ContentFactory):
    class Meta:
        model = Critic

    slug = factory.Sequence(lambda n: f"critic-{n}")
    name = factory.Sequence(lambda n: f"Critic {n}")
    kind = Critic.Kind.NGO
    website = "https://example.org/critic"


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.Sequence(lambda n: f"Topic {n}")


class CriticismFactory(ClaimFactory):
    class Meta:
        model = Criticism

    slug = factory.Sequence(lambda n: f"criticism-{n}")
    title = factory.Sequence(lambda n: f"Criticism {n}")
    date = "2019-06"
    organization = factory.SubFactory(OrganizationFactory)
    summary = "What the critics said."
    critics = _set_many("critics")
    topics = _set_many("topics")


class CriticismCitationFactory(CitationFactory):
    class Meta:
        model = CriticismCitation

    claim = factory.SubFactory(CriticismFactory, cites=[])


class QuotationFactory(ContentFactory):
    class Meta:
        model = Quotation

    slug = factory.Sequence(lambda n: f"quotation-{n}")
    criticism = factory.SubFactory(CriticismFactory)
    text = "Words a critic said."
    speaker = factory.SubFactory(CriticFactory)
    source = factory.SubFactory(SourceFactory)
    locator = "p. 12"


# Editorial workflow


class PendingChangeFactory(DjangoModelFactory):
    """A change to a published fact's note, waiting for review; the proposal
    keeps the fact's citations. Choose the entry with ``entry=...``."""

    class Meta:
        model = PendingChange
        exclude = ["entry"]

    entry = factory.SubFactory(FactFactory)
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.entry))
    object_id = factory.LazyAttribute(lambda o: o.entry.pk)
    values = factory.LazyFunction(lambda: {"note": "A proposed note."})
    citations = factory.LazyAttribute(
        lambda o: (
            [
                {
                    "id": c.pk,
                    "source": c.source_id,
                    "supports": c.supports,
                    "locator": c.locator,
                    "quotation": c.quotation,
                }
                for c in o.entry.citations.all()
            ]
            if hasattr(o.entry, "citations")
            else []
        )
    )
    summary = "Clarified the note."
    author = factory.SubFactory(EditorFactory)
    base_version = factory.LazyAttribute(lambda o: o.entry.version)
