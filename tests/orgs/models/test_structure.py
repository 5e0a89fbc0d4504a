"""The rules of offices and facts (the organization's figures)."""

from decimal import Decimal

import pytest
from django.core.exceptions import NON_FIELD_ERRORS

from orgs.models import Fact, Office
from tests import factories
from tests.orgs.models.validation import date, errors

pytestmark = pytest.mark.django_db


# Offices


def test_only_one_headquarters_per_organization(organization):
    factories.OfficeFactory(organization=organization, kind=Office.Kind.HEADQUARTERS)
    second = factories.OfficeFactory.build(organization=organization, kind=Office.Kind.HEADQUARTERS)

    assert errors(second) == {NON_FIELD_ERRORS: ["The organization already has a headquarters."]}


def test_an_organization_may_have_many_country_offices_beside_its_headquarters(organization):
    factories.OfficeFactory(organization=organization, kind=Office.Kind.HEADQUARTERS)
    factories.OfficeFactory(organization=organization)

    assert errors(factories.OfficeFactory.build(organization=organization)) == {}


def test_different_organizations_each_have_a_headquarters(organization):
    factories.OfficeFactory(organization=organization, kind=Office.Kind.HEADQUARTERS)
    other = factories.OrganizationFactory(slug="orgs-test-other-organization")
    headquarters = factories.OfficeFactory.build(organization=other, kind=Office.Kind.HEADQUARTERS)

    assert errors(headquarters) == {}


def test_an_office_is_shown_with_its_city_and_links_to_the_structure_page():
    office = Office(slug="hq", name="Headquarters", city="Geneva")

    assert str(office) == "Headquarters (Geneva)"
    assert office.get_absolute_url() == "/structure/#office-hq"


# Facts


def fact(organization, **kwargs):
    """An unsaved fact of the organization, to be checked with full_clean."""
    return factories.FactFactory.build(organization=organization, **kwargs)


def test_a_negative_figure_is_refused(organization):
    assert errors(fact(organization, value=Decimal("-1"))) == {
        NON_FIELD_ERRORS: ["A figure cannot be negative."]
    }


def test_a_zero_figure_is_accepted(organization):
    assert errors(fact(organization, kind=Fact.Kind.OBSERVER_STATES, value=0)) == {}


def test_only_one_value_for_a_kind_and_time_may_be_preferred(organization):
    factories.FactFactory(
        organization=organization, rank=Fact.Rank.PREFERRED, rank_reason="Audited"
    )
    rival = fact(organization, rank=Fact.Rank.PREFERRED, rank_reason="Newer report")

    assert errors(rival) == {
        NON_FIELD_ERRORS: ["Another value for this kind and time is already preferred."]
    }


def test_a_preferred_value_may_exist_for_each_time(organization):
    factories.FactFactory(
        organization=organization, rank=Fact.Rank.PREFERRED, rank_reason="Audited"
    )
    later = fact(organization, at="2024", rank=Fact.Rank.PREFERRED, rank_reason="Audited")

    assert errors(later) == {}


def test_several_normal_values_for_the_same_kind_and_time_may_coexist(organization):
    factories.FactFactory(organization=organization, value=Decimal("3000000000"))
    factories.FactFactory(organization=organization, value=Decimal("3100000000"))

    assert errors(fact(organization, value=Decimal("2900000000"))) == {}


@pytest.mark.parametrize(
    ("rank", "message"),
    [
        (Fact.Rank.PREFERRED, "Say why this value is marked “Preferred value”."),
        (Fact.Rank.DEPRECATED, "Say why this value is marked “Disputed”."),
    ],
)
def test_a_preferred_or_deprecated_value_needs_a_reason(organization, rank, message):
    assert errors(fact(organization, rank=rank, rank_reason="")) == {"rank_reason": [message]}


def test_a_normal_value_needs_no_reason(organization):
    assert errors(fact(organization, rank=Fact.Rank.NORMAL, rank_reason="")) == {}


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "shown"),
    [
        ("2500000000", Fact.Unit.USD, "", "US$2.5 billion"),
        ("3000000000", Fact.Unit.USD, "", "US$3 billion"),
        ("1234567", Fact.Unit.AUD, "", "A$1.235 million"),
        ("450000", Fact.Unit.USD, "", "US$450,000"),
        ("17761", Fact.Unit.COUNT, "", "17,761"),
        ("17761.00", Fact.Unit.COUNT, "", "17,761"),
        ("20000", Fact.Unit.COUNT, Fact.Qualifier.ABOUT, "about 20,000"),
        ("15311", Fact.Unit.COUNT, Fact.Qualifier.OVER, "over 15,311"),
        ("175", Fact.Unit.COUNT, Fact.Qualifier.NEARLY, "nearly 175"),
    ],
)
def test_display_value_reads_like_prose(value, unit, qualifier, shown):
    figure = Fact(value=Decimal(value), unit=unit, qualifier=qualifier)

    assert figure.display_value == shown


def test_a_fact_is_shown_by_kind_time_and_value_and_links_to_its_kinds_page():
    figure = Fact(
        slug="budget-2023",
        kind=Fact.Kind.BUDGET,
        at=date("2023"),
        value=Decimal("3000000000"),
        unit=Fact.Unit.USD,
    )

    assert str(figure) == "Budget, 2023: US$3 billion"
    assert figure.get_absolute_url() == "/structure/figures/budget/#fact-budget-2023"
