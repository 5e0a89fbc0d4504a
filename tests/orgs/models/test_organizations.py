"""The rules of organizations, their see-also links and their names over time."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS
from django.urls import reverse
from django.utils import translation

from orgs.models import NameEra, Organization, SeeAlso
from tests import factories
from tests.orgs.models.validation import END_BEFORE_START, all_messages, date, errors

pytestmark = pytest.mark.django_db


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
