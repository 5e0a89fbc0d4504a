"""The public history page of each entry: published changes with their
summaries and sources, dated, paginated, in a pinned number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from editorial.content import Status
from orgs.models import Person
from tests.editorial.history_helpers import latest_row, save
from tests.factories import PersonCitationFactory, PersonFactory, SourceFactory, UserFactory
from timeline.models import Event

pytestmark = pytest.mark.django_db


# The public history page of one seed entry, and the queries it makes: the entry,
# the count of its published changes, the page of them, the sources added.
PERSON_HISTORY = "/changes/orgs/person/amy-e-pope/"
PERSON_HISTORY_QUERIES = 4


# The public history page


def test_each_entry_page_links_to_its_history_page(client):
    pages = {
        "/": "/changes/orgs/organization/iom/",
        "/people/amy-e-pope/": "/changes/orgs/person/amy-e-pope/",
        "/names/era-icem/": "/changes/orgs/nameera/era-icem/",
        "/history/event-1989-renamed-iom/": "/changes/timeline/event/event-1989-renamed-iom/",
        "/criticisms/criticism-2003-pacific-solution/": (
            "/changes/critiques/criticism/criticism-2003-pacific-solution/"
        ),
        "/criticisms/critics/human-rights-watch/": "/changes/critiques/critic/human-rights-watch/",
        "/sources/wikipedia-iom/": "/changes/orgs/source/wikipedia-iom/",
        "/organizations/unhcr/": "/changes/orgs/organization/unhcr/",
    }
    for page, history in pages.items():
        assert f'href="{history}"' in client.get(page).text, page
        assert client.get(history).status_code == 200, history


def test_public_history_lists_only_published_changes_with_summaries_and_no_user(client):
    user = UserFactory(username="quietly-editing", email="secret.editor@example.org")
    person = PersonFactory(slug="history-test-person", born="1950")
    save(person, "Unpublished while checking the birth year", user, status=Status.DRAFT)
    save(person, "Secret draft note", user, born="1951")
    save(person, "Birth year from the official biography", user, status=Status.PUBLISHED)

    html = client.get("/changes/orgs/person/history-test-person/").text

    assert "Birth year from the official biography" in html
    assert "Secret draft note" not in html
    assert "Unpublished while checking" not in html
    assert "secret.editor@example.org" not in html
    assert "quietly-editing" not in html
    newest = html[html.index('<li id="change-') :]
    newest = newest[: newest.index("</li>")]
    assert re.search(r"<dt>Changed</dt>\s*<dd>Born</dd>", newest)


def test_public_history_names_the_sources_added_in_each_change(client):
    person = PersonFactory(
        slug="history-sources-person", cites=[SourceFactory(title="First Report")]
    )
    save(person, "Added the Council resolution", nationality="Portuguese")
    person.citations.create(source=SourceFactory(title="Council Resolution 1234"))

    html = client.get("/changes/orgs/person/history-sources-person/").text

    changes = re.findall(r'<li id="change-person-\d+">(.*?)</li>\n', html, re.S)
    assert "Added the Council resolution" in changes[0]
    assert "Council Resolution 1234" in changes[0]
    assert "First Report" not in changes[0]
    assert "First Report" in changes[1]


def test_public_history_of_an_unpublished_entry_is_not_found(client):
    PersonFactory(slug="draft-person", status=Status.DRAFT, cites=[])

    assert client.get("/changes/orgs/person/draft-person/").status_code == 404
    assert client.get("/changes/orgs/term/draft-person/").status_code == 404
    assert client.get("/changes/orgs/person/amy-e-pope/?page=99").status_code == 404


def test_public_history_is_paginated_twenty_changes_a_page(client):
    person = Person.objects.get(slug="amy-e-pope")
    Person.history.bulk_history_create([person] * 25, update=True, default_change_reason="Tidy")
    published = person.history.filter(status=Status.PUBLISHED).count()

    first = client.get(PERSON_HISTORY).text
    second = client.get(PERSON_HISTORY, {"page": 2}).text

    assert first.count('<li id="change-') == 20
    assert second.count('<li id="change-') == published - 20
    assert 'rel="next"' in first


def test_public_history_query_count_is_pinned_and_does_not_grow_with_history(client):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    person = Person.objects.get(slug="amy-e-pope")
    event = Event.objects.get(slug="event-1989-renamed-iom")
    event_history = "/changes/timeline/event/event-1989-renamed-iom/"
    before = {PERSON_HISTORY: queries(PERSON_HISTORY), event_history: queries(event_history)}
    Person.history.bulk_history_create([person] * 500, update=True, default_change_reason="Tidy")
    Event.history.bulk_history_create([event] * 500, update=True, default_change_reason="Tidy")
    PersonCitationFactory.create_batch(3, claim=person)

    after = {PERSON_HISTORY: queries(PERSON_HISTORY), event_history: queries(event_history)}

    assert before[PERSON_HISTORY] == PERSON_HISTORY_QUERIES
    assert after == before


def test_public_history_dates_each_change(client):
    person = PersonFactory(slug="dated-history-person")
    save(person, "Birth year from the official biography", born="1951")
    row = latest_row(person)

    html = client.get("/changes/orgs/person/dated-history-person/").text

    stamp = timezone.localtime(row.history_date)
    assert f'<time datetime="{stamp:%Y-%m-%dT%H:%M:%S%z}">' in html
    assert f"{stamp.day} {stamp:%B %Y}" in html
