"""The criticism list: newest first, filtered by critic, year and topic,
paginated, in a fixed number of queries."""

import pytest

from editorial.content import Status
from tests.critiques.page_helpers import (
    LIST_QUERIES,
    _criticisms,
    assert_one_h1_and_headings_in_order,
    list_url,
    listed_titles,
)
from tests.factories import CriticFactory, CriticismFactory, TopicFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_no_other_criticisms")]


# The list


def test_list_shows_published_criticisms_newest_first(client):
    CriticismFactory(title="Oldest", date="2003")
    CriticismFactory(title="Newest", date="2015-11-18")
    CriticismFactory(title="Middle", date="2010-05")

    response = client.get(list_url())

    assert response.status_code == 200
    assert listed_titles(response) == ["Newest", "Middle", "Oldest"]


def test_list_shows_dates_at_their_precision(client):
    CriticismFactory(date="2003")
    CriticismFactory(date="2010-05")
    CriticismFactory(date="2015-11-18")

    html = client.get(list_url()).content.decode()

    assert '<time datetime="2003">2003</time>' in html
    assert '<time datetime="2010-05">May 2010</time>' in html
    assert '<time datetime="2015-11-18">18 November 2015</time>' in html


def test_list_item_links_to_criticism_and_critics_with_topics_and_footnotes(client):
    critic = CriticFactory(name="Amnesty International")
    topic = TopicFactory(name="Detention")
    criticism = CriticismFactory(title="Detention centres", critics=[critic], topics=[topic])

    response = client.get(list_url())

    assert f'<a href="{criticism.get_absolute_url()}">Detention centres</a>' in response.text
    assert f'<a href="{critic.get_absolute_url()}">Amnesty International</a>' in response.text
    assert ">Detention</a></li>" in response.text
    assert 'href="#note-1"' in response.text
    assert 'id="note-1"' in response.text


def test_list_filter_form_has_labelled_controls_and_a_submit_button(client):
    CriticismFactory(critics=[CriticFactory()], topics=[TopicFactory()])

    html = client.get(list_url()).content.decode()

    assert '<form class="filters" method="get"' in html
    for name in ("critic", "year", "topic"):
        assert f'<label for="id_{name}">' in html
        assert f'<select name="{name}" id="id_{name}">' in html
    assert '<button type="submit">' in html


def test_filter_by_critic_narrows_the_list(client):
    critic = CriticFactory(slug="hrw")
    CriticismFactory(title="By HRW", critics=[critic])
    CriticismFactory(title="By someone else", critics=[CriticFactory()])

    response = client.get(list_url(critic="hrw"))

    assert response.status_code == 200
    assert listed_titles(response) == ["By HRW"]


def test_filter_by_year_narrows_the_list(client):
    CriticismFactory(title="In 2008, to the day", date="2008-10-01")
    CriticismFactory(title="In 2008", date="2008")
    CriticismFactory(title="In 2009", date="2009-01")

    response = client.get(list_url(year="2008"))

    assert response.status_code == 200
    assert listed_titles(response) == ["In 2008, to the day", "In 2008"]


def test_filter_by_topic_narrows_the_list(client):
    topic = TopicFactory(slug="detention")
    CriticismFactory(title="On detention", topics=[topic])
    CriticismFactory(title="On something else", topics=[TopicFactory()])

    response = client.get(list_url(topic="detention"))

    assert response.status_code == 200
    assert listed_titles(response) == ["On detention"]


def test_filters_combine(client):
    critic = CriticFactory(slug="hrw")
    topic = TopicFactory(slug="detention")
    CriticismFactory(title="Match", date="2012", critics=[critic], topics=[topic])
    CriticismFactory(title="Other year", date="2013", critics=[critic], topics=[topic])
    CriticismFactory(title="Other topic", date="2012", critics=[critic], topics=[TopicFactory()])
    CriticismFactory(title="Other critic", date="2012", critics=[CriticFactory()], topics=[topic])

    response = client.get(list_url(critic="hrw", year="2012", topic="detention"))

    assert listed_titles(response) == ["Match"]


def test_filter_form_shows_the_chosen_filters(client):
    critic = CriticFactory(slug="hrw")
    CriticismFactory(date="2012", critics=[critic])

    html = client.get(list_url(critic="hrw", year="2012")).content.decode()

    assert '<option value="hrw" selected>' in html
    assert '<option value="2012" selected>' in html
    assert "Clear filters" in html


def test_pagination_keeps_the_filters(client):
    topic = TopicFactory(slug="detention")
    for day in range(1, 26):
        CriticismFactory(title=f"Detention {day:02d}", date=f"2010-01-{day:02d}", topics=[topic])
    CriticismFactory(title="Unrelated", date="2010-02-01")

    first = client.get(list_url(topic="detention"))
    second = client.get(list_url(topic="detention", page=2))

    assert len(listed_titles(first)) == 20
    assert 'href="?topic=detention&amp;page=2" rel="next"' in first.text
    assert listed_titles(second) == [f"Detention {day:02d}" for day in range(5, 0, -1)]
    assert 'href="?topic=detention&amp;page=1" rel="prev"' in second.text
    assert '<option value="detention" selected>' in second.text


def test_list_says_when_no_criticism_matches_the_filters(client):
    CriticismFactory(critics=[CriticFactory(slug="hrw")], topics=[TopicFactory()])
    CriticismFactory(critics=[CriticFactory()], topics=[TopicFactory(slug="detention")])

    response = client.get(list_url(critic="hrw", topic="detention"))

    assert response.status_code == 200
    assert "No published criticism matches these filters" in response.text
    assert response.context["page"].paginator.count == 0


def test_list_says_when_nothing_is_published(client):
    response = client.get(list_url())

    assert response.status_code == 200
    assert "No criticisms have been published yet." in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"critic": "nobody"},
        {"topic": "nothing"},
        {"year": "abc"},
        {"year": "99999"},
        {"year": "0000"},
        {"critic": "x" * 5000},
        {"topic": "%00"},
        {"year": "2012", "critic": "nobody"},
    ],
    ids=lambda params: "-".join(f"{key}={value[:12]}" for key, value in params.items()),
)
def test_bad_filter_is_a_400_with_the_form_error(client, params):
    CriticismFactory(date="2012", critics=[CriticFactory()], topics=[TopicFactory()])

    response = client.get(list_url(**params))

    assert response.status_code == 400
    assert 'class="errorlist"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert "These filters cannot be used" in response.text
    assert "Show all criticisms" in response.text


def test_draft_critic_is_not_a_filter_choice(client):
    CriticismFactory(critics=[CriticFactory(slug="draft-critic", status=Status.DRAFT)])

    response = client.get(list_url(critic="draft-critic"))

    assert response.status_code == 400
    assert 'value="draft-critic"' not in response.text


@pytest.mark.parametrize("page", ["abc", "999999", "0", "-1", "1.5", "9" * 5000])
def test_bad_page_is_a_400_with_a_link_to_the_first_page(client, page):
    CriticismFactory(topics=[TopicFactory(slug="detention")])

    response = client.get(list_url(topic="detention", page=page))

    assert response.status_code == 400
    assert "This page does not exist" in response.text
    assert 'href="?topic=detention">Go to the first page</a>' in response.text


def test_list_has_one_h1_headings_in_order_and_page_metadata(client):
    _criticisms(3)

    response = client.get(list_url())

    assert_one_h1_and_headings_in_order(response)
    assert "<title>Criticisms · " in response.text
    assert '<meta name="description" content="Who has criticised' in response.text
    assert '<meta property="og:title" content="Criticisms of the' in response.text


# Query counts


@pytest.mark.parametrize("count", [3, 100])
def test_list_queries_do_not_grow_with_criticisms(client, django_assert_num_queries, count):
    _criticisms(count)

    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(list_url())

    assert len(listed_titles(response)) == min(count, 20)


@pytest.mark.parametrize("count", [3, 100])
def test_filtered_list_queries_do_not_grow_with_criticisms(
    client, django_assert_num_queries, count
):
    critic = CriticFactory(slug="hrw")
    topic = TopicFactory(slug="detention")
    _criticisms(count, critic=critic, topic=topic)

    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(list_url(critic="hrw", topic="detention", year="1990", page=1))

    assert response.status_code == 200
