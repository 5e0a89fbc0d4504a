"""One critic's page: who they are and their published criticisms, in a fixed
number of queries."""

import pytest

from editorial.content import Status
from tests.critiques.page_helpers import (
    CRITIC_QUERIES,
    _criticisms,
    assert_one_h1_and_headings_in_order,
)
from tests.factories import CriticFactory, CriticismFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_no_other_criticisms")]


# One critic


def test_critic_page_shows_who_the_critic_is(client):
    critic = CriticFactory(
        name="Jane Doe",
        kind="researcher",
        is_person=True,
        description="Researcher on migration governance.",
        website="https://example.org/jane",
    )

    response = client.get(critic.get_absolute_url())

    assert response.status_code == 200
    assert '<h1 id="critic-heading">Jane Doe</h1>' in response.text
    assert "Researcher on migration governance." in response.text
    assert "<dd>Researcher</dd>" in response.text
    assert "<dd>A person</dd>" in response.text
    assert '<a href="https://example.org/jane" rel="noopener">' in response.text


def test_critic_page_lists_only_their_published_criticisms_newest_first(client):
    critic = CriticFactory()
    CriticismFactory(title="Theirs, older", date="2001", critics=[critic])
    CriticismFactory(title="Theirs, newer", date="2020-02", critics=[critic])
    CriticismFactory(title="Theirs, draft", critics=[critic], status=Status.DRAFT)
    CriticismFactory(title="Someone else's", critics=[CriticFactory()])

    response = client.get(critic.get_absolute_url())

    titles = [criticism.title for criticism in response.context["criticisms"]]
    assert titles == ["Theirs, newer", "Theirs, older"]
    assert "Theirs, draft" not in response.text
    assert "Someone else" not in response.text


def test_critic_page_has_one_h1_headings_in_order_and_page_metadata(client):
    critic = CriticFactory(name="Jane Doe", description="Researcher.")
    _criticisms(2, critic=critic)

    response = client.get(critic.get_absolute_url())

    assert_one_h1_and_headings_in_order(response)
    assert "<title>Jane Doe · " in response.text
    assert '<meta name="description" content="Researcher.">' in response.text
    assert '<meta property="og:title" content="Jane Doe">' in response.text


# Query counts


@pytest.mark.parametrize("count", [3, 100])
def test_critic_queries_do_not_grow_with_criticisms(client, django_assert_num_queries, count):
    critic = CriticFactory()
    _criticisms(count, critic=critic)

    with django_assert_num_queries(CRITIC_QUERIES):
        response = client.get(critic.get_absolute_url())

    assert len(response.context["criticisms"]) == count
