"""The rules of people and their terms of office."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS

from orgs.models import Person, Term
from tests import factories
from tests.orgs.models.validation import END_BEFORE_START, all_messages, date, errors

pytestmark = pytest.mark.django_db


# People


def test_a_person_who_died_before_being_born_is_refused():
    person = factories.PersonFactory.build(slug="orgs-test-person", born="1950", died="1940")

    assert errors(person) == {NON_FIELD_ERRORS: [END_BEFORE_START]}


def test_a_person_is_shown_by_name_and_links_to_their_page():
    person = Person(slug="amy-pope", name="Amy E. Pope")

    assert str(person) == "Amy E. Pope"
    assert person.get_absolute_url() == "/people/amy-pope/"


# Terms of office


@pytest.fixture
def person():
    return factories.PersonFactory(slug="orgs-test-person", name="Brunson McKinley")


def term(organization, person=None, **kwargs):
    """An unsaved term of the organization, to be checked with full_clean."""
    return factories.TermFactory.build(
        organization=organization, person=person or factories.PersonFactory(), **kwargs
    )


def saved_term(organization, **kwargs):
    return factories.TermFactory(organization=organization, **kwargs)


def test_a_term_ending_before_it_starts_is_refused(organization):
    messages = errors(term(organization, start="2008", end="1998"))

    assert messages["end"] == [END_BEFORE_START]


def test_overlapping_director_general_terms_of_one_organization_are_refused(organization, person):
    saved_term(organization, person=person, start="1998-10-01", end="2008-09-30")

    assert errors(term(organization, start="2005", end="2010")) == {
        NON_FIELD_ERRORS: [
            "This term as head of the organization overlaps that of Brunson McKinley, "
            "Director General (1 October 1998 – 30 September 2008)."
        ]
    }


def test_a_director_term_overlapping_a_director_general_term_is_refused(organization, person):
    saved_term(organization, person=person, start="1998-10-01", end="2008-09-30")

    messages = all_messages(term(organization, role=Term.Role.DIRECTOR, start="2005", end="2010"))

    assert any("overlaps that of Brunson McKinley" in message for message in messages)


def test_a_director_general_term_overlapping_a_current_one_is_refused(organization):
    saved_term(organization, start="2023-10-01", end=None, current=True)

    messages = all_messages(term(organization, start="2024", end="2025"))

    assert any("This term as head of the organization overlaps" in message for message in messages)


def test_consecutive_director_general_terms_are_accepted(organization):
    saved_term(organization, start="1998-10-01", end="2008-09-30")

    assert errors(term(organization, start="2008-10-01", end="2018-09-30")) == {}


def test_a_term_ending_in_a_year_does_not_clash_with_one_starting_later_that_year(organization):
    saved_term(organization, start="1998-10-01", end="2008")

    assert errors(term(organization, start="2008-10-01", end="2018-09-30")) == {}


def test_a_director_general_term_with_an_unknown_end_is_not_checked_for_overlap(organization):
    saved_term(organization, start="1961", end=None, current=False)

    assert errors(term(organization, start="1969", end="1979")) == {}


def test_deputy_terms_may_overlap_director_general_terms(organization):
    saved_term(organization, start="1998-10-01", end="2008-09-30")
    deputy = term(
        organization,
        role=Term.Role.DEPUTY_DIRECTOR_GENERAL,
        portfolio="Operations",
        start="2000",
        end="2005",
    )

    assert errors(deputy) == {}


def test_director_general_terms_of_different_organizations_may_overlap(organization):
    saved_term(organization, start="1998-10-01", end="2008-09-30")
    other = factories.OrganizationFactory(slug="orgs-test-other-organization")

    assert errors(term(other, start="2000", end="2005")) == {}


def test_a_current_term_cannot_have_an_end(organization):
    running = term(organization, start="2023-10-01", end="2024", current=True)

    assert errors(running) == {
        NON_FIELD_ERRORS: ["A term that is still running cannot have an end date."]
    }


def test_only_one_director_general_of_an_organization_may_be_current(organization):
    saved_term(organization, start=None, end=None, current=True)

    assert errors(term(organization, start=None, end=None, current=True)) == {
        NON_FIELD_ERRORS: [
            "The organization already has a current head (Director or Director General)."
        ]
    }


def test_a_current_director_and_a_current_director_general_cannot_both_head_it(organization):
    saved_term(organization, start=None, end=None, current=True)
    director = term(organization, role=Term.Role.DIRECTOR, start=None, end=None, current=True)

    assert errors(director) == {
        NON_FIELD_ERRORS: [
            "The organization already has a current head (Director or Director General)."
        ]
    }


def test_a_current_deputy_may_serve_beside_the_current_director_general(organization):
    saved_term(organization, start="2023-10-01", end=None, current=True)
    deputy = term(
        organization,
        role=Term.Role.DEPUTY_DIRECTOR_GENERAL,
        portfolio="Management and Reform",
        start="2023",
        end=None,
        current=True,
    )

    assert errors(deputy) == {}


def test_a_deputy_term_needs_a_portfolio(organization):
    deputy = term(organization, role=Term.Role.DEPUTY_DIRECTOR_GENERAL, portfolio="")

    assert errors(deputy) == {"portfolio": ["A deputy's term names the portfolio."]}


def test_a_term_needs_at_least_one_date_or_to_be_current(organization):
    undated = term(organization, start=None, end=None, in_office_on=None, current=False)

    assert errors(undated) == {
        NON_FIELD_ERRORS: [
            "Give at least one date: start, end, a date known in office, or mark it current."
        ]
    }


@pytest.mark.parametrize(
    "dates",
    [
        {"start": "1961"},
        {"end": "1961"},
        {"in_office_on": "1961-06"},
        {"current": True},
    ],
)
def test_any_one_date_or_being_current_is_enough_for_a_term(organization, dates):
    dated = term(organization, **{"start": None, "end": None, "in_office_on": None, **dates})

    assert errors(dated) == {}


@pytest.mark.parametrize(
    ("dates", "label"),
    [
        ({"start": "2023", "end": None, "current": True}, "2023 – present"),
        ({"start": "2023-10-01", "end": None, "current": True}, "1 October 2023 – present"),
        ({"start": None, "end": None, "current": True}, "? – present"),
        ({"start": "1998-10-01", "end": "2008-09-30"}, "1 October 1998 – 30 September 2008"),
        ({"start": None, "end": None, "in_office_on": "1983"}, "known in office: 1983"),
        ({"start": None, "end": "1954-12-12"}, "? – 12 December 1954"),
        ({"start": "1961-05", "end": None}, "May 1961 – ?"),
    ],
)
def test_period_label_states_what_is_known_of_the_term(dates, label):
    known = {
        name: date(value) if isinstance(value, str) else value for name, value in dates.items()
    }

    assert str(Term(**known).period_label) == label


def test_a_term_is_shown_with_person_role_and_period_and_links_to_the_person(person):
    deputy = Term(
        person=person,
        role=Term.Role.DEPUTY_DIRECTOR_GENERAL,
        start=date("2023"),
        current=True,
    )

    assert str(deputy) == "Brunson McKinley, Deputy Director General (2023 – present)"
    assert deputy.get_absolute_url() == person.get_absolute_url()


def test_the_heads_and_current_querysets_pick_their_terms(organization):
    earlier = saved_term(organization, role=Term.Role.DIRECTOR, start="1962", end="1969")
    director = saved_term(organization, start="2023", end=None, current=True)
    deputy = saved_term(
        organization,
        role=Term.Role.DEPUTY_DIRECTOR_GENERAL,
        portfolio="Operations",
        start="2019",
        end="2023",
    )
    terms = Term.objects.filter(organization=organization)

    assert list(terms.heads()) == [earlier, director]
    assert list(terms.deputies()) == [deputy]
    assert list(terms.current()) == [director]
