"""The rules of the orgs models: sources, organizations and their names, people and
their terms of office, offices and facts."""

from decimal import Decimal

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.urls import reverse
from django.utils import translation

from critiques.models import Critic
from editorial.content import Status
from orgs.dates import PartialDate
from orgs.fields import WebURLField
from orgs.models import (
    Fact,
    NameEra,
    Office,
    Organization,
    Person,
    SeeAlso,
    Source,
    Term,
    doi_validator,
    un_symbol_validator,
    validate_isbn,
)
from tests import factories

pytestmark = pytest.mark.django_db

WEB_ADDRESS_MESSAGE = "Enter a web address that starts with http:// or https://."
END_BEFORE_START = "The end date is before the start date."


date = PartialDate.parse


def errors(instance):
    """full_clean's errors by field ("__all__" for the record), or {} when it is valid."""
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def all_messages(instance):
    return [message for messages in errors(instance).values() for message in messages]


def refused(validator, value):
    with pytest.raises(ValidationError) as error:
        validator(value)
    return error.value.messages


# Source: web addresses


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://x",
        "ftp://ftp.example.org/report.pdf",
        "file:///etc/passwd",
    ],
)
def test_a_source_refuses_a_web_address_a_browser_cannot_safely_open(url):
    source = factories.SourceFactory.build(slug="orgs-test-unsafe-url", url=url)

    assert errors(source) == {"url": [WEB_ADDRESS_MESSAGE]}


@pytest.mark.parametrize("url", ["http://example.org/report", "https://www.iom.int/wmr"])
def test_a_source_accepts_an_http_or_https_address(url):
    source = factories.SourceFactory.build(slug="orgs-test-web-url", url=url)

    assert errors(source) == {}


@pytest.mark.parametrize(
    ("model", "field_name"),
    [(Source, "url"), (Organization, "website"), (SeeAlso, "url"), (Critic, "website")],
)
def test_every_web_address_field_refuses_javascript(model, field_name):
    field = model._meta.get_field(field_name)

    assert isinstance(field, WebURLField)
    assert refused(lambda value: field.clean(value, None), "javascript:alert(1)") == [
        WEB_ADDRESS_MESSAGE
    ]


def test_the_web_address_form_field_refuses_javascript():
    form_field = Source._meta.get_field("url").formfield()

    with pytest.raises(ValidationError):
        form_field.clean("javascript:alert(1)")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://ftp.example.org/report.pdf"])
def test_the_web_address_form_field_explains_the_refusal_once(url):
    form_field = Source._meta.get_field("url").formfield()

    with pytest.raises(ValidationError) as error:
        form_field.clean(url)

    assert error.value.messages == [WEB_ADDRESS_MESSAGE]


def test_the_web_address_form_field_assumes_https_when_no_scheme_is_typed():
    form_field = Source._meta.get_field("url").formfield()

    assert form_field.clean("www.iom.int") == "https://www.iom.int"


# Source: identifiers


@pytest.mark.parametrize("doi", ["10.1234/abc", "10.1093/ijrl/eeu035", "10.1007/978-1-349-11058-2"])
def test_a_doi_is_accepted(doi):
    doi_validator(doi)


@pytest.mark.parametrize("doi", ["https://doi.org/10.1234/abc", "10.12/abc", "doi:10.1234/abc"])
def test_a_doi_with_a_prefix_or_a_short_registrant_is_refused(doi):
    assert refused(doi_validator, doi) == [
        "A DOI looks like 10.1234/abc (without https://doi.org/)."
    ]


@pytest.mark.parametrize(
    "isbn",
    ["978-1-349-11058-2", "9781349110582", "978 1 349 11058 2", "0-306-40615-2", "0-8044-2957-X"],
)
def test_an_isbn_with_a_correct_check_digit_is_accepted(isbn):
    validate_isbn(isbn)


@pytest.mark.parametrize(
    "isbn", ["978-1-349-11058-3", "0-306-40615-3", "978-1-349-1105", "X-306-40615-2", "isbn"]
)
def test_an_isbn_with_a_wrong_check_digit_or_length_is_refused(isbn):
    assert refused(validate_isbn, isbn) == [
        f"“{isbn}” is not a valid ISBN-10 or ISBN-13 (check the digits)."
    ]


def test_full_clean_refuses_a_source_with_a_bad_isbn():
    source = factories.SourceFactory.build(slug="orgs-test-isbn", isbn="978-1-349-11058-3")

    assert errors(source) == {
        "isbn": ["“978-1-349-11058-3” is not a valid ISBN-10 or ISBN-13 (check the digits)."]
    }


@pytest.mark.parametrize("symbol", ["A/RES/47/4", "E/CN.4/2005/1", "S/RES/2334(2016)", "A/73/L.66"])
def test_a_un_document_symbol_is_accepted(symbol):
    un_symbol_validator(symbol)


@pytest.mark.parametrize("symbol", ["hello", "a/res/47/4", "A/", "A RES 47 4"])
def test_text_that_is_not_a_un_document_symbol_is_refused(symbol):
    assert refused(un_symbol_validator, symbol) == ["A UN document symbol looks like A/RES/47/4."]


# Source: shown and linked


def test_a_source_is_shown_by_first_author_family_name_year_and_title():
    source = Source(
        authors="Koch, Anne; Ghosh, Bimal", published=date("2014"), title="The politics"
    )

    assert str(source) == "Koch (2014). The politics"


def test_an_organization_as_author_is_shown_whole():
    source = Source(
        authors="International Organization for Migration", published=date("2022"), title="WMR"
    )

    assert str(source) == "International Organization for Migration (2022). WMR"


def test_a_source_without_author_or_date_is_shown_by_title_and_no_date():
    assert str(Source(title="Constitution", published=None)) == "Constitution (n.d.)"


def test_a_source_links_to_its_page():
    assert Source(slug="koch-2014").get_absolute_url() == "/sources/koch-2014/"


def test_a_source_lists_only_the_citations_of_published_claims_across_apps():
    source = factories.SourceFactory(slug="orgs-test-cited-source")
    fact = factories.FactFactory(cites=[source])
    event = factories.EventFactory(cites=[source])
    factories.PersonFactory(status=Status.DRAFT, cites=[source])

    claims = {citation.claim for citation in source.published_citations()}

    assert claims == {fact, event}


# Organization


def test_an_organization_with_an_unknown_language_code_is_refused():
    organization = factories.OrganizationFactory.build(official_languages=["en", "xx"])

    (message,) = errors(organization)["official_languages"]
    assert message.startswith("Unknown language codes:")
    assert "xx" in message
    assert "en" not in message.removeprefix("Unknown language codes:")


def test_an_organization_with_known_language_codes_is_accepted():
    organization = factories.OrganizationFactory.build(
        official_languages=["en", "fr", "ar", "zh-hans"]
    )

    assert errors(organization) == {}


def test_an_organization_without_official_languages_is_accepted():
    organization = factories.OrganizationFactory.build(official_languages=[])

    assert errors(organization) == {}


@pytest.mark.parametrize("value", [5, "en", {"en": "English"}])
def test_official_languages_that_are_not_a_list_are_refused_with_a_message_saying_so(value):
    organization = factories.OrganizationFactory.build(official_languages=value)

    (message,) = errors(organization)["official_languages"]
    assert "list" in message


def test_language_names_are_the_names_of_the_official_languages():
    organization = Organization(official_languages=["en", "fr", "es"])

    assert organization.language_names == ["English", "French", "Spanish"]


def test_language_names_are_given_in_the_reader_s_language():
    organization = Organization(official_languages=["en", "fr", "es"])

    with translation.override("fr"):
        assert organization.language_names == ["Anglais", "Français", "Espagnol"]


def test_the_site_s_own_organization_links_to_the_home_page(settings):
    organization = factories.OrganizationFactory(slug="orgs-test-subject")
    settings.IOMSITE_ORGANIZATION = organization.slug

    assert organization.get_absolute_url() == reverse("home") == "/"


def test_another_organization_links_to_its_own_page(settings):
    settings.IOMSITE_ORGANIZATION = "orgs-test-subject"
    organization = factories.OrganizationFactory(slug="orgs-test-other")

    assert organization.get_absolute_url() == "/organizations/orgs-test-other/"


def test_an_organization_is_shown_with_its_acronym():
    organization = Organization(name="International Organization for Migration", acronym="IOM")

    assert str(organization) == "International Organization for Migration (IOM)"


def test_an_organization_without_an_acronym_is_shown_by_name():
    assert str(Organization(name="Caritas Internationalis")) == "Caritas Internationalis"


# See also


def test_a_see_also_link_is_shown_by_its_title_and_links_to_the_home_page_section():
    link = SeeAlso(title="Non-refoulement")

    assert str(link) == "Non-refoulement"
    assert link.get_absolute_url() == "/#see-also"


# Name eras


@pytest.fixture
def organization():
    return factories.OrganizationFactory(slug="orgs-test-organization")


def name_era(organization, start, end=None, **kwargs):
    """An unsaved era, to be checked with full_clean."""
    return factories.NameEraFactory.build(organization=organization, start=start, end=end, **kwargs)


def saved_name_era(organization, start, end=None, **kwargs):
    return factories.NameEraFactory(organization=organization, start=start, end=end, **kwargs)


def test_a_name_era_ending_before_it_starts_is_refused(organization):
    era = name_era(organization, "1990", "1980")

    assert errors(era) == {NON_FIELD_ERRORS: [END_BEFORE_START]}


def test_a_name_era_ending_the_day_it_starts_is_accepted(organization):
    assert errors(name_era(organization, "1990-05-01", "1990-05-01")) == {}


def test_overlapping_name_eras_of_one_organization_are_refused(organization):
    saved_name_era(
        organization,
        "1952-11-15",
        "1980-11-19",
        name="Intergovernmental Committee for European Migration",
        acronym="ICEM",
    )
    era = name_era(organization, "1975", "1989-11-14", acronym="ICM")

    assert errors(era) == {
        NON_FIELD_ERRORS: [
            "This name era overlaps “Intergovernmental Committee for European Migration "
            "(ICEM)” (15 November 1952–19 November 1980)."
        ]
    }


def test_a_name_era_overlapping_the_current_name_says_it_runs_to_today(organization):
    saved_name_era(
        organization, "1989-11-14", None, name="International Organization for Migration"
    )
    era = name_era(organization, "1980-11-19", "1995", acronym="ICM")

    assert any("(14 November 1989–today)" in message for message in all_messages(era))


def test_consecutive_name_eras_handing_over_on_the_same_day_are_accepted(organization):
    saved_name_era(organization, "1951-12-05", "1952-11-15", acronym="PICMME")
    saved_name_era(organization, "1980-11-19", "1989-11-14", acronym="ICM")
    era = name_era(organization, "1952-11-15", "1980-11-19", acronym="ICEM")

    assert errors(era) == {}


def test_consecutive_name_eras_handing_over_within_a_month_are_accepted(organization):
    saved_name_era(organization, "1951-12", "1952-10", acronym="PICMME")

    assert errors(name_era(organization, "1952-10", "1980-11", acronym="ICEM")) == {}


def test_a_name_era_does_not_overlap_itself_when_edited(organization):
    era = saved_name_era(organization, "1952-11-15", "1980-11-19")
    era.summary = "Renamed when its mandate widened beyond Europe."

    assert errors(era) == {}


def test_only_one_name_era_of_an_organization_may_be_current(organization):
    saved_name_era(organization, "1989-11-14", None)
    era = name_era(organization, "2030", None, acronym="IOM2")

    assert "The organization already has a current name." in all_messages(era)


def test_name_eras_of_different_organizations_may_overlap(organization):
    saved_name_era(organization, "1951-12-05", "1980-11-19")
    other = factories.OrganizationFactory(slug="orgs-test-other-organization")

    assert errors(name_era(other, "1960", "1970")) == {}


def test_different_organizations_may_each_have_a_current_name(organization):
    saved_name_era(organization, "1989-11-14", None)
    other = factories.OrganizationFactory(slug="orgs-test-other-organization")

    assert errors(name_era(other, "1950-12-14", None, acronym="UNHCR")) == {}


def test_a_name_era_is_current_while_it_has_no_end():
    assert NameEra(start=date("1989-11-14"), end=None).is_current
    assert not NameEra(start=date("1952-11-15"), end=date("1980-11-19")).is_current


def test_a_name_era_is_shown_by_name_and_acronym_and_links_to_its_page():
    era = NameEra(slug="iom-name", name="International Organization for Migration", acronym="IOM")

    assert str(era) == "International Organization for Migration (IOM)"
    assert era.get_absolute_url() == "/names/iom-name/"


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
