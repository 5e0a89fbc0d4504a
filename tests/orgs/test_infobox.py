"""The summary box on the home page shows the newest figure of each kind, unless
the editors rank newer values Disputed, and says which it shows
(``FactQuerySet.latest_by_kind``)."""

import pytest
from django.conf import settings

from orgs.models import Fact, Organization
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization():
    return factories.OrganizationFactory(slug="infobox-test-organization")


def figure(organization, at, rank=Fact.Rank.NORMAL, kind=Fact.Kind.STAFF, **fields):
    return factories.FactFactory(
        organization=organization,
        kind=kind,
        at=at,
        rank=rank,
        rank_reason="" if rank == Fact.Rank.NORMAL else "Audited figure.",
        **fields,
    )


def shown(organization):
    return Fact.objects.filter(organization=organization).latest_by_kind()


def test_a_newer_value_replaces_an_older_preferred_one_without_re_ranking(organization):
    figure(organization, "2023", rank=Fact.Rank.PREFERRED)
    newer = figure(organization, "2024-12")

    assert shown(organization) == {Fact.Kind.STAFF: newer}
    assert shown(organization)[Fact.Kind.STAFF].chosen_by_editors is False


def test_among_values_of_the_newest_date_the_preferred_one_is_shown(organization):
    figure(organization, "2024")
    preferred = figure(organization, "2024", rank=Fact.Rank.PREFERRED)
    figure(organization, "2024")

    assert shown(organization) == {Fact.Kind.STAFF: preferred}


def test_without_a_preferred_value_the_last_entered_of_the_newest_date_is_shown(organization):
    figure(organization, "2024")
    last = figure(organization, "2024")

    assert shown(organization) == {Fact.Kind.STAFF: last}


def test_editors_keep_a_newer_value_out_by_ranking_it_disputed(organization):
    older = figure(organization, "2022", rank=Fact.Rank.PREFERRED)
    figure(organization, "2024", rank=Fact.Rank.DEPRECATED)

    result = shown(organization)

    assert result == {Fact.Kind.STAFF: older}
    assert result[Fact.Kind.STAFF].chosen_by_editors is True


def test_each_kind_is_chosen_on_its_own(organization):
    staff = figure(organization, "2024")
    budget = figure(organization, "2020", kind=Fact.Kind.BUDGET, rank=Fact.Rank.PREFERRED)

    assert shown(organization) == {Fact.Kind.STAFF: staff, Fact.Kind.BUDGET: budget}


def test_nothing_is_shown_without_figures(organization):
    assert shown(organization) == {}


def test_only_disputed_values_show_nothing(organization):
    figure(organization, "2024", rank=Fact.Rank.DEPRECATED)

    assert shown(organization) == {}


def site_figure(at, rank=Fact.Rank.NORMAL, **fields):
    organization = Organization.objects.get(slug=settings.IOMSITE_ORGANIZATION)
    return figure(organization, at, rank, value=99_999, **fields)


def test_the_home_page_shows_a_newly_published_figure_as_the_most_recent(client):
    site_figure("2099")

    html = client.get("/").text

    box = html[html.index('class="infobox"') : html.index("</aside>")]
    assert "99,999" in box
    assert '(most recent figure, <time datetime="2099">2099</time>)' in box


def test_the_home_page_says_when_the_editors_chose_an_older_figure(client):
    site_figure("2099", rank=Fact.Rank.DEPRECATED)

    html = client.get("/").text

    box = html[html.index('class="infobox"') : html.index("</aside>")]
    assert "99,999" not in box
    assert "(chosen by the editors, " in box
