"""Helpers of the tests of the criticism pages: the queries each page makes,
the list's address, the outline of headings and criticisms made in bulk."""

import itertools
import re
from html.parser import HTMLParser

from django.urls import reverse

from tests.factories import (
    CriticFactory,
    CriticismFactory,
    OrganizationFactory,
    QuotationFactory,
    SourceFactory,
    TopicFactory,
)

# Queries per page, whatever the number of records (see the query-count tests).
LIST_QUERIES = 8  # 3 filter choice lists, count, page, critics, topics, citations
# criticism with organization, critics, topics, quotations, their co-authors, citations
DETAIL_QUERIES = 7  # + the newest published revision, for "Cite this page"
CRITIC_QUERIES = 6  # critic, criticisms, their critics, topics, citations, newest revision


def list_url(**params):
    url = reverse("critiques:list")
    if params:
        url += "?" + "&".join(f"{key}={value}" for key, value in params.items())
    return url


def listed_titles(response):
    return [criticism.title for criticism in response.context["page"].object_list]


class _Outline(HTMLParser):
    """The levels of a page's headings, in order."""

    def __init__(self):
        super().__init__()
        self.levels = []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))


def assert_one_h1_and_headings_in_order(response):
    outline = _Outline()
    outline.feed(response.content.decode())
    levels = outline.levels
    assert levels.count(1) == 1
    assert levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels)), levels


def _criticisms(count, *, critic=None, topic=None):
    """``count`` published criticisms, each with two critics, two topics, a
    quotation and two citations; ``critic`` and ``topic`` are on every one."""
    organization = OrganizationFactory()
    critic = critic or CriticFactory()
    topic = topic or TopicFactory()
    criticisms = []
    for index in range(count):
        criticism = CriticismFactory(
            organization=organization,
            date=f"{1990 + index % 30}-{1 + index % 12:02d}",
            critics=[critic, CriticFactory()],
            topics=[topic, TopicFactory()],
            cites=[SourceFactory(), SourceFactory()],
        )
        QuotationFactory(criticism=criticism, speaker=critic)
        criticisms.append(criticism)
    return criticisms


def _rich_criticism(count):
    """One criticism with ``count`` critics, topics, quotations and citations, and a
    response with its source."""
    critics = CriticFactory.create_batch(count)
    sources = SourceFactory.create_batch(count)
    criticism = CriticismFactory(
        critics=critics,
        topics=TopicFactory.create_batch(count),
        cites=sources,
        response="The organization answered.",
        response_source=SourceFactory(),
    )
    for critic, source in zip(critics, sources, strict=True):
        quotation = QuotationFactory(criticism=criticism, speaker=critic, source=source)
        quotation.co_speakers.set(critics[:2])
    return criticism
