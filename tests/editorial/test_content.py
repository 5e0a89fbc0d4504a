"""Rules every model shares (editorial/content.py): publication state, natural keys,
the sourcing of claims, citations, and the start/end rule."""

import pytest
from django.apps import apps
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.urls import resolve

from critiques.models import (
    Critic,
    Criticism,
    CriticismCitation,
    Quotation,
    Topic,
)
from editorial.content import Claim, Content, Status
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
from tests import factories
from timeline.models import Event, EventCitation

pytestmark = pytest.mark.django_db

CONTENT_FACTORIES = {
    Source: factories.SourceFactory,
    Organization: factories.OrganizationFactory,
    SeeAlso: factories.SeeAlsoFactory,
    NameEra: factories.NameEraFactory,
    Person: factories.PersonFactory,
    Term: factories.TermFactory,
    Office: factories.OfficeFactory,
    Fact: factories.FactFactory,
    Event: factories.EventFactory,
    Critic: factories.CriticFactory,
    Criticism: factories.CriticismFactory,
    Quotation: factories.QuotationFactory,
    State: factories.StateFactory,
    MembershipSpell: factories.MembershipSpellFactory,
}
CLAIM_MODELS = [model for model in CONTENT_FACTORIES if issubclass(model, Claim)]
REFERENCE_MODELS = [model for model in CONTENT_FACTORIES if not issubclass(model, Claim)]

CITATION_FACTORIES = {
    OrganizationCitation: factories.OrganizationCitationFactory,
    SeeAlsoCitation: factories.SeeAlsoCitationFactory,
    NameEraCitation: factories.NameEraCitationFactory,
    PersonCitation: factories.PersonCitationFactory,
    TermCitation: factories.TermCitationFactory,
    OfficeCitation: factories.OfficeCitationFactory,
    FactCitation: factories.FactCitationFactory,
    EventCitation: factories.EventCitationFactory,
    CriticismCitation: factories.CriticismCitationFactory,
    MembershipSpellCitation: factories.MembershipSpellCitationFactory,
}


def label(model):
    return model.__name__


def content_models():
    return pytest.mark.parametrize("model", list(CONTENT_FACTORIES), ids=label)


def make(model, **kwargs):
    return CONTENT_FACTORIES[model](**kwargs)


# The lists are complete


def test_every_concrete_content_model_has_a_factory_here():
    concrete = {
        model
        for model in apps.get_models()
        if issubclass(model, Content)
        and model._meta.app_label in {"orgs", "timeline", "critiques", "members"}
    }

    assert concrete == set(CONTENT_FACTORIES)


def test_every_claim_model_has_a_citation_model_here():
    assert {model.claim_model() for model in CITATION_FACTORIES} == set(CLAIM_MODELS)


# Publication


@content_models()
def test_published_excludes_drafts_and_records_in_review(model):
    shown = make(model, status=Status.PUBLISHED)
    draft = make(model, status=Status.DRAFT)
    in_review = make(model, status=Status.IN_REVIEW)

    published = model.objects.published()

    assert published.filter(pk=shown.pk).exists()
    assert not published.filter(pk__in=[draft.pk, in_review.pk]).exists()


@content_models()
def test_a_new_record_is_a_draft(model):
    assert model().status == Status.DRAFT
    assert not model().is_published


def test_is_published_only_for_the_published_status():
    assert Person(status=Status.PUBLISHED).is_published
    assert not Person(status=Status.IN_REVIEW).is_published


# Natural keys


@content_models()
def test_a_content_record_s_natural_key_is_its_slug_and_finds_it(model):
    record = make(model)

    assert record.natural_key() == (record.slug,)
    assert model._default_manager.get_by_natural_key(*record.natural_key()) == record


def test_a_topic_s_natural_key_is_its_slug_and_finds_it():
    topic = factories.TopicFactory(slug="models-test-topic")

    assert topic.natural_key() == ("models-test-topic",)
    assert Topic._default_manager.get_by_natural_key(*topic.natural_key()) == topic


@pytest.mark.parametrize("model", list(CITATION_FACTORIES), ids=label)
def test_a_citation_s_natural_key_is_claim_source_field_and_locator_and_finds_it(model):
    citation = CITATION_FACTORIES[model](supports="", locator="p. 4")

    assert citation.natural_key() == (citation.claim.slug, citation.source.slug, "", "p. 4")
    assert model._default_manager.get_by_natural_key(*citation.natural_key()) == citation


def test_citations_of_one_claim_differing_only_in_locator_have_different_natural_keys():
    first = factories.FactCitationFactory(locator="p. 4")
    second = factories.FactCitationFactory(claim=first.claim, source=first.source, locator="p. 5")

    assert first.natural_key() != second.natural_key()
    assert FactCitation.objects.get_by_natural_key(*second.natural_key()) == second


# Sourcing of claims


@pytest.mark.parametrize("model", CLAIM_MODELS, ids=label)
def test_every_claim_requires_a_citation(model):
    assert model.requires_citation


@pytest.mark.parametrize("model", REFERENCE_MODELS, ids=label)
def test_sources_critics_and_quotations_need_no_citation(model):
    assert not model.requires_citation


def test_a_published_claim_without_citations_has_a_missing_citation_error():
    fact = factories.FactFactory(cites=[], at="2023")

    error = fact.missing_citation_error()

    assert error.code == "unsourced"
    assert error.messages == [
        "Fact “Budget, 2023: US$3 billion” is published but cites no source: "
        "add a citation or keep it a draft."
    ]


@pytest.mark.parametrize(
    "model",
    CLAIM_MODELS,
    ids=label,
)
def test_every_published_claim_without_citations_has_a_missing_citation_error_naming_it(model):
    claim = model.objects.get(pk=make(model, cites=[]).pk)

    error = claim.missing_citation_error()

    assert error.messages == [
        f"{claim._meta.verbose_name.capitalize()} “{claim}” is published but cites no source: "
        "add a citation or keep it a draft."
    ]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW])
def test_an_unpublished_claim_without_citations_has_no_missing_citation_error(status):
    fact = factories.FactFactory(cites=[], status=status)

    assert fact.missing_citation_error() is None


def test_a_published_claim_with_a_citation_has_no_missing_citation_error():
    fact = factories.FactFactory()

    assert fact.citations.count() == 1
    assert fact.missing_citation_error() is None


def test_a_claim_not_yet_stored_has_no_missing_citation_error():
    fact = factories.FactFactory.build(status=Status.PUBLISHED)

    assert fact.missing_citation_error() is None


def test_a_claim_describes_itself_by_kind_and_name():
    person = Person(name="Amy E. Pope")

    assert person.describe() == "Person “Amy E. Pope”"


def test_a_claim_too_incomplete_to_name_describes_itself_by_kind_only():
    assert Term().describe() == "Term of office"


# Citations


def test_a_citation_may_name_a_field_of_its_claim_that_it_supports():
    citation = factories.PersonCitationFactory.build(
        claim=factories.PersonFactory(cites=[]),
        source=factories.SourceFactory(),
        supports="nationality",
    )

    citation.full_clean()


def test_a_citation_supporting_a_field_its_claim_does_not_have_is_refused():
    citation = factories.PersonCitationFactory.build(
        claim=factories.PersonFactory(cites=[]),
        source=factories.SourceFactory(),
        supports="shoe_size",
    )

    with pytest.raises(ValidationError) as error:
        citation.full_clean()

    assert error.value.message_dict == {"supports": ["person has no field “shoe_size”."]}


def test_a_citation_may_support_the_whole_claim():
    citation = factories.FactCitationFactory.build(
        claim=factories.FactFactory(cites=[]), source=factories.SourceFactory(), supports=""
    )

    citation.full_clean()


def test_the_same_citation_twice_is_refused():
    first = factories.FactCitationFactory(supports="value", locator="p. 4")
    again = FactCitation(claim=first.claim, source=first.source, supports="value", locator="p. 4")

    with pytest.raises(ValidationError) as error:
        again.full_clean()

    assert error.value.message_dict == {
        NON_FIELD_ERRORS: ["Citation with this Claim, Source, Supports and Locator already exists."]
    }


def test_the_same_source_may_be_cited_for_another_field_or_page():
    first = factories.FactCitationFactory(supports="value", locator="p. 4")

    FactCitation(
        claim=first.claim, source=first.source, supports="value", locator="p. 5"
    ).full_clean()
    FactCitation(claim=first.claim, source=first.source, supports="at", locator="p. 4").full_clean()


def test_a_citation_is_shown_as_its_source_and_locator():
    source = factories.SourceFactory(title="Annual report", published="2020", authors="")
    citation = FactCitation.objects.get(
        pk=factories.FactCitationFactory(source=source, locator="p. 12").pk
    )

    assert str(citation) == "Annual report (2020), p. 12"


def test_a_citation_without_a_locator_is_shown_as_its_source():
    source = factories.SourceFactory(title="Annual report", published="2020", authors="")
    citation = FactCitation.objects.get(
        pk=factories.FactCitationFactory(source=source, locator="").pk
    )

    assert str(citation) == "Annual report (2020)"


def test_with_citations_prefetches_citations_and_their_sources(django_assert_num_queries):
    facts = [factories.FactFactory(slug=f"models-test-fact-{n}") for n in range(3)]

    with django_assert_num_queries(2):
        listed = list(Fact.objects.filter(pk__in=[fact.pk for fact in facts]).with_citations())
        sources = [str(citation.source) for fact in listed for citation in fact.citations.all()]

    assert len(sources) == 3


# Start and end


END_BEFORE_START = "The end date is before the start date."

# The models whose end may not come before their start, with the names of those fields.
SPANS = pytest.mark.parametrize(
    ("model", "start_field", "end_field"),
    [
        (NameEra, "start", "end"),
        (Term, "start", "end"),
        (Person, "born", "died"),
        (Event, "start", "end"),
    ],
    ids=["NameEra", "Term", "Person", "Event"],
)


def unsaved_span(model, start_field, end_field, start, end):
    """An unsaved record running from start to end whose other fields are valid."""
    related = {}
    if model in (NameEra, Term):
        related["organization"] = factories.OrganizationFactory()
    if model is Term:
        related["person"] = factories.PersonFactory()
    return CONTENT_FACTORIES[model].build(**{start_field: start, end_field: end}, **related)


@SPANS
def test_an_end_before_the_start_is_refused(model, start_field, end_field):
    record = unsaved_span(model, start_field, end_field, "1990", "1980-05")

    with pytest.raises(ValidationError) as error:
        record.full_clean()

    assert END_BEFORE_START in error.value.messages


@SPANS
def test_an_end_on_the_start_day_is_accepted(model, start_field, end_field):
    unsaved_span(model, start_field, end_field, "1990-05-01", "1990-05-01").full_clean()


@SPANS
def test_an_end_known_less_precisely_in_a_later_period_is_accepted(model, start_field, end_field):
    unsaved_span(model, start_field, end_field, "1990-05-01", "1991").full_clean()


@SPANS
def test_an_end_known_only_to_the_year_of_the_start_is_not_before_it(model, start_field, end_field):
    unsaved_span(model, start_field, end_field, "2008-10-01", "2008").full_clean()


# Every model: shown and linked


# What each record's text must contain to tell it from others of its kind.
IDENTIFYING_TEXT = {
    Source: lambda source: source.title,
    Organization: lambda organization: organization.name,
    SeeAlso: lambda link: link.title,
    NameEra: lambda era: era.acronym,
    Person: lambda person: person.name,
    Term: lambda term: term.person.name,
    Office: lambda office: office.name,
    Fact: lambda fact: fact.get_kind_display(),
    Event: lambda event: event.title,
    Critic: lambda critic: critic.name,
    Criticism: lambda criticism: criticism.title,
    Quotation: lambda quotation: quotation.speaker.name,
    State: lambda state: state.name,
    MembershipSpell: lambda spell: spell.state.name,
}


@content_models()
def test_every_record_is_shown_by_what_identifies_it(model):
    record = model.objects.get(pk=make(model).pk)

    shown = str(record)

    assert IDENTIFYING_TEXT[model](record) in shown
    assert "object (" not in shown


@pytest.mark.parametrize(
    "model",
    [model for model in CONTENT_FACTORIES if hasattr(model, "get_absolute_url")],
    ids=label,
)
def test_every_record_with_a_page_links_to_an_address_the_site_resolves(model):
    record = make(model)

    path = record.get_absolute_url().split("#")[0]

    assert resolve(path)
