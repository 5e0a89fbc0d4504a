"""The recent updates page and its Atom feed: published changes across the site,
newest first, with summaries and sources, in a fixed number of queries."""

import re

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from devtools.generate import generate
from editorial import registry
from editorial.content import Status
from orgs.models import Person
from tests.factories import EventFactory, PersonFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

# One query per content history model, one for the fixture loads, one for the
# bounds of the changes shown and one for the sources added.
UPDATES_QUERIES = len(registry.content_models()) + 3
FEED_QUERIES = len(registry.content_models()) + 3


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def save(entry, reason, user=None, **values):
    for name, value in values.items():
        setattr(entry, name, value)
    entry._change_reason = reason
    if user is not None:
        entry._history_user = user
    entry.save()
    return entry


def listed_entries(html):
    """The links of the entries listed, in order, but for sources."""
    links = re.findall(r'<h2 id="change-[\w-]+-heading"><a href="([^"]+)">', html)
    return [link for link in links if not link.startswith("/sources/")]


def change_ids(html):
    return re.findall(r'<li id="(change-[\w-]+)">', html)


@pytest.fixture
def recent(db):
    """Three published changes, oldest first, and one that readers must not see."""
    source = SourceFactory(title="Council Resolution 1234")
    event = EventFactory(
        slug="updates-event", title="Council approves the strategy", cites=[source]
    )
    save(event, "Dated from the Council resolution", summary="The Council approved it.")
    person = PersonFactory(slug="updates-person", name="Updates Person")
    save(person, "Nationality from the official biography", nationality="Portuguese")
    save(PersonFactory(slug="updates-draft", status=Status.DRAFT, cites=[]), "Hidden draft")
    return event, person, source


def test_updates_page_lists_published_changes_newest_first(client, recent):
    html = client.get("/updates/").text

    assert listed_entries(html)[:4] == [
        "/people/updates-person/",
        "/people/updates-person/",
        "/history/updates-event/",
        "/history/updates-event/",
    ]
    assert "Nationality from the official biography" in html
    assert "Dated from the Council resolution" in html
    assert "/people/updates-draft/" not in html
    assert "Hidden draft" not in html


def test_updates_page_names_the_type_the_summary_and_the_sources_added(client, recent):
    html = client.get("/updates/").text
    items = re.findall(r'<li id="change-[\w-]+">(.*?)</li>\n', html, re.S)
    items = [item for item in items if '<a href="/sources/' not in item.split("</h2>")[0]]
    created_event = items[3]

    assert "Event · Created" in created_event
    assert "Council Resolution 1234" in created_event
    assert "/changes/timeline/event/updates-event/" in created_event
    assert "Person · Updated" in items[0]


def test_updates_page_hides_changes_to_entries_no_longer_published(client, recent):
    _event, person, _source = recent
    save(person, "Unpublished pending a check", status=Status.DRAFT)

    html = client.get("/updates/").text

    assert "/people/updates-person/" not in html
    assert "Nationality from the official biography" not in html


def test_updates_page_shows_no_editor_names_or_addresses(client):
    user = UserFactory(username="updates-editor", email="updates.editor@example.org")
    save(PersonFactory(), "Spelling", user, nationality="Chilean")

    html = client.get("/updates/").text

    assert "updates.editor@example.org" not in html
    assert "updates-editor" not in html


def test_updates_page_is_paginated_thirty_changes_a_page(client):
    person = Person.objects.get(slug="amy-e-pope")
    Person.history.bulk_history_create([person] * 40, update=True, default_change_reason="Tidy")

    first = client.get("/updates/").text
    second = client.get("/updates/", {"page": 2}).text

    assert len(change_ids(first)) == 30
    assert 'href="?page=2" rel="next"' in first
    assert 'href="?page=1" rel="prev"' in second
    assert set(change_ids(first)).isdisjoint(change_ids(second))
    assert client.get("/updates/", {"page": 21}).status_code == 404
    assert client.get("/updates/", {"page": "x"}).status_code == 404


def test_updates_page_is_in_the_navigation_and_the_sitemap(client):
    html = client.get("/updates/").text

    assert '<a href="/updates/" aria-current="page">Recent updates</a>' in html
    assert "<loc>http://testserver/updates/</loc>" in client.get("/sitemap.xml").text


def test_updates_page_announces_its_feed(client):
    html = client.get("/updates/").text
    head = html[: html.index("</head>")]

    assert re.search(
        r'<link rel="alternate" type="application/atom\+xml" hreflang="en" href="/updates/feed/"',
        head,
    )


def test_feed_parses_without_errors_and_lists_the_changes_in_order(client, recent):
    response = client.get("/updates/feed/")

    feed = feedparser.parse(response.content)

    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    links = [entry.link for entry in feed.entries if "/sources/" not in entry.link]
    assert links[:4] == [
        "http://testserver/people/updates-person/",
        "http://testserver/people/updates-person/",
        "http://testserver/history/updates-event/",
        "http://testserver/history/updates-event/",
    ]
    newest = feed.entries[0]
    assert newest.title == "Person updated: Updates Person"
    assert newest.summary == "Nationality from the official biography"
    assert newest.author == "iomsite editors"
    dates = [entry.updated_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)
    assert all(entry.id.startswith("tag:testserver,") for entry in feed.entries)


def test_feed_has_no_email_addresses(client):
    user = UserFactory(username="feed-editor", email="feed.editor@example.org")
    save(PersonFactory(), "Spelling", user, nationality="Chilean")

    xml = client.get("/updates/feed/").text

    assert "@" not in xml
    assert "feed-editor" not in xml


def test_feed_escapes_markup_in_summaries(client):
    save(PersonFactory(), "<script>alert(1)</script> & more", nationality="Chilean")

    feed = feedparser.parse(client.get("/updates/feed/").content)

    assert feed.bozo == 0
    assert "<script>" not in feed.entries[0].summary


@pytest.mark.parametrize(
    ("url", "expected"), [("/updates/", UPDATES_QUERIES), ("/updates/feed/", FEED_QUERIES)]
)
def test_query_count_is_pinned_and_does_not_grow_with_history(client, url, expected):
    before = queries_for(client, url)
    person = Person.objects.get(slug="amy-e-pope")
    Person.history.bulk_history_create([person] * 500, update=True, default_change_reason="Tidy")
    for index in range(5):
        save(EventFactory(), f"Change {index}", summary="Changed.")

    assert before == expected
    assert queries_for(client, url) == expected
    assert queries_for(client, f"{url}?page=3" if url == "/updates/" else url) == expected


def test_feed_query_count_does_not_grow_with_twenty_times_the_content(client):
    generate(20)

    assert queries_for(client, "/updates/feed/") == FEED_QUERIES
