"""An event's page: the event with its sources, people and other accounts;
drafts not shown; a fixed number of queries."""

import pytest
from django.urls import reverse

from editorial.content import Status
from tests import factories
from tests.timeline.page_helpers import event, list_url, titles
from timeline.models import Event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("subject")]


# Queries for an event's page: the event with its name, its citations, its people,
# its other accounts (and, when it has some, their citations).
DETAIL_QUERIES = 5  # + the newest published revision, for "Cite this page"


# An event's page


def test_event_page_shows_the_event(client, subject):
    person = factories.PersonFactory(name="Hugh Gibson")
    founded = event(
        title="Founding conference",
        start="1951-12-05",
        category=Event.Category.FOUNDING,
        name_era=subject.eras["PICMME"],
        summary="Delegates meeting in Brussels set up a committee.",
        people=[person],
    )

    response = client.get(founded.get_absolute_url())

    assert response.status_code == 200
    assert response.text.count("<h1") == 1
    assert "<h1>Founding conference</h1>" in response.text
    assert '<time datetime="1951-12-05">5 December 1951</time>' in response.text
    assert "Founding" in response.text
    assert f'href="{subject.eras["PICMME"].get_absolute_url()}"' in response.text
    assert f'<a href="{person.get_absolute_url()}">Hugh Gibson</a>' in response.text
    assert "Delegates meeting in Brussels set up a committee." in response.text
    assert f'<a href="{list_url()}">Back to the timeline</a>' in response.text


def test_event_page_has_title_and_description_meta(client):
    founded = event(title="Founding conference", summary="Delegates set up a committee.")

    response = client.get(founded.get_absolute_url())

    assert "<title>Founding conference · " in response.text
    assert '<meta name="description" content="Delegates set up a committee.">' in response.text
    assert '<meta property="og:title" content="Founding conference">' in response.text


def test_event_page_footnotes_link_to_the_references(client):
    source = factories.SourceFactory(title="Migration and the Committee")
    founded = event(cites=[source])

    response = client.get(founded.get_absolute_url())

    assert 'href="#note-1"' in response.text
    assert 'id="note-1"' in response.text
    assert "Migration and the Committee" in response.text


def test_event_page_leaves_out_draft_people(client):
    shown = factories.PersonFactory(name="Shown Person")
    hidden = factories.PersonFactory(name="Hidden Person", status=Status.DRAFT)
    founded = event(people=[shown, hidden])

    response = client.get(founded.get_absolute_url())

    assert "Shown Person" in response.text
    assert "Hidden Person" not in response.text


def test_event_page_links_to_events_of_the_same_decade_and_category(client):
    founded = event(start="1951-12-05", category=Event.Category.FOUNDING)

    response = client.get(founded.get_absolute_url())

    assert f'href="{list_url()}?decade=1950"' in response.text
    assert f'href="{list_url()}?category=founding"' in response.text


# Drafts


def test_draft_event_page_is_not_found(client):
    draft = event(status=Status.DRAFT)

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_event_in_review_page_is_not_found(client):
    pending = event(status=Status.IN_REVIEW)

    assert client.get(pending.get_absolute_url()).status_code == 404


def test_unknown_event_is_not_found(client):
    response = client.get(reverse("timeline:event", args=["no-such-event"]))

    assert response.status_code == 404


def test_draft_event_is_absent_from_the_list(client):
    event(title="Published event")
    event(title="Draft event", status=Status.DRAFT)

    response = client.get(list_url())

    assert titles(response) == ["Published event"]
    assert "Draft event" not in response.text


# Query counts


@pytest.mark.parametrize("count", [5, 150])
def test_event_page_queries_do_not_grow(client, subject, django_assert_num_queries, count):
    for _ in range(count):
        event()
    people = [factories.PersonFactory() for _ in range(count // 5)]
    sources = [factories.SourceFactory() for _ in range(count // 5)]
    shown = event(name_era=subject.eras["ICEM"], people=people, cites=sources)

    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(shown.get_absolute_url())

    assert response.status_code == 200


# Differing accounts of one event


def test_the_timeline_lists_only_the_main_account_of_an_event(client):
    main = event(
        title="Network set up", start="2018", rank="preferred", rank_reason="Its own pages."
    )
    event(title="Network set up, as one article dates it", start="2019", account_of=main)

    assert titles(client.get(list_url())) == ["Network set up"]


def test_an_events_page_gives_the_other_accounts_with_their_sources(client):
    article = factories.SourceFactory(title="An encyclopedia article")
    main = event(start="2018", rank="preferred", rank_reason="The network's own pages say 2018.")
    other = event(start="2019", account_of=main, cites=[article])

    response = client.get(main.get_absolute_url())

    assert '<h2 id="other-accounts-heading">Other accounts</h2>' in response.text
    assert "The network&#x27;s own pages say 2018." in response.text
    assert f'<a href="{other.get_absolute_url()}">{other.title}</a>: other sources give <time' in (
        response.text
    )
    references = response.text[response.text.index('class="references') :]
    assert "An encyclopedia article" in references


def test_another_accounts_page_links_to_the_main_account(client):
    main = event(title="Network set up", start="2018")
    other = event(start="2019", account_of=main)

    response = client.get(other.get_absolute_url())

    assert f'another account of <a href="{main.get_absolute_url()}">Network set up</a>' in (
        response.text
    )


def test_an_event_page_with_other_accounts_makes_one_more_query(client, django_assert_num_queries):
    main = event(start="2018")
    event(start="2019", account_of=main)

    # The other accounts' citations.
    with django_assert_num_queries(DETAIL_QUERIES + 1):
        client.get(main.get_absolute_url())
