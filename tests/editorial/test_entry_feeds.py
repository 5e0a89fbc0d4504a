"""Follow an entry: an Atom feed of each entry's published changes, advertised on
its page and its history page, each item linking the revision it published."""

import feedparser
import pytest

from editorial import permalinks, registry
from editorial.content import Status
from editorial.public import shown_entries
from tests import factories
from tests.editorial.history_helpers import save

pytestmark = pytest.mark.django_db

# The entry, the count of its published changes, the page of them, the sources added.
FEED_QUERIES = 4


def test_the_feed_lists_published_revisions_with_summaries_and_permanent_links(client):
    person = factories.PersonFactory(slug="followed-person")
    save(person, "Draft wording, not yet checked", status=Status.DRAFT, summary="Draft.")
    save(person, "Birth year from the official biography", status=Status.PUBLISHED, born="1951")
    published = person.history.filter(status=Status.PUBLISHED).order_by("-history_id")

    feed = feedparser.parse(client.get("/changes/orgs/person/followed-person/feed/").content)

    assert feed.bozo == 0
    assert feed.feed.link == "http://testserver/changes/orgs/person/followed-person/"
    assert [entry.link for entry in feed.entries] == [
        f"http://testserver/changes/orgs/person/followed-person/{row.history_id}/"
        for row in published
    ]
    assert feed.entries[0].summary == "Birth year from the official biography"
    assert "Draft wording" not in str(feed)
    for entry in feed.entries:
        assert client.get(entry.link).status_code == 200


def test_the_entry_page_advertises_its_feed_and_the_history_page_links_it(client):
    feed = "/changes/orgs/person/amy-e-pope/feed/"
    advert = f'<link rel="alternate" type="application/atom+xml" hreflang="en" href="{feed}"'

    assert advert in client.get("/people/amy-e-pope/").text
    assert f'href="{feed}"' in client.get("/changes/orgs/person/amy-e-pope/").text


@pytest.mark.parametrize("model", registry.content_models(), ids=lambda m: m._meta.label_lower)
def test_every_kind_of_content_has_a_feed_that_parses(client, model):
    entry = shown_entries(model).order_by("pk").first()

    feed = feedparser.parse(client.get(permalinks.feed_url(entry)).content)

    assert feed.bozo == 0
    assert feed.entries


def test_a_feed_of_what_readers_cannot_see_is_not_found(client):
    factories.PersonFactory(slug="unpublished-person", status=Status.DRAFT)

    assert client.get("/changes/orgs/person/unpublished-person/feed/").status_code == 404
    assert client.get("/changes/orgs/person/no-such-person/feed/").status_code == 404
    assert client.get("/changes/orgs/nothing/amy-e-pope/feed/").status_code == 404


@pytest.mark.parametrize("count", [1, 20])
def test_feed_queries_do_not_grow_with_history(client, django_assert_num_queries, count):
    person = factories.PersonFactory(slug="busy-person")
    for number in range(count):
        save(person, f"Change {number}", summary=f"Text {number}")
        factories.PersonCitationFactory(claim=person)

    with django_assert_num_queries(FEED_QUERIES):
        client.get("/changes/orgs/person/busy-person/feed/")
