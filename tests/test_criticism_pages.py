"""The criticism pages: the filtered list, one criticism, and one critic."""

import itertools
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from critiques.models import Criticism
from editorial.content import Status
from tests.factories import (
    CriticFactory,
    CriticismFactory,
    OrganizationFactory,
    QuotationFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

# Queries per page, whatever the number of records (see the query-count tests).
LIST_QUERIES = 8  # 3 filter choice lists, count, page, critics, topics, citations
# criticism with organization, critics, topics, quotations, their co-authors, citations
DETAIL_QUERIES = 6
CRITIC_QUERIES = 5  # critic, criticisms, their critics, topics, citations


@pytest.fixture(autouse=True)
def _no_other_criticisms():
    """Each test sees only the criticisms it makes, even when the seed is loaded."""
    Criticism.objects.all().delete()


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


# One criticism


def test_detail_shows_title_date_critics_topics_and_summary(client):
    critic = CriticFactory(name="Human Rights Watch")
    topic = TopicFactory(name="Returns")
    criticism = CriticismFactory(
        title="Forced returns",
        date="2011-04",
        critics=[critic],
        topics=[topic],
        summary="Returns were not voluntary.",
    )

    response = client.get(criticism.get_absolute_url())

    assert response.status_code == 200
    assert '<h1 id="criticism-heading">Forced returns</h1>' in response.text
    assert '<time datetime="2011-04">April 2011</time>' in response.text
    assert f'<a href="{critic.get_absolute_url()}">Human Rights Watch</a>' in response.text
    assert ">Returns</a></li>" in response.text
    assert "<p>Returns were not voluntary.<sup" in response.text


def test_detail_summary_has_footnote_links_to_the_references(client):
    source = SourceFactory(title="Detention report")
    criticism = CriticismFactory(cites=[source])

    html = client.get(criticism.get_absolute_url()).content.decode()

    assert '<sup class="fn" id="cite-1-1"><a href="#note-1"' in html
    assert '<li id="note-1">' in html
    assert html.index('<li id="note-1">') < html.index("Detention report")


def test_detail_shows_quotations_with_speaker_and_source(client):
    speaker = CriticFactory(name="Amnesty International")
    criticism = CriticismFactory(cites=[SourceFactory(title="Summary source")])
    quotation = QuotationFactory(
        criticism=criticism,
        speaker=speaker,
        text="People were held for months.",
        source=SourceFactory(title="Quoted report"),
        locator="p. 7",
    )

    html = client.get(criticism.get_absolute_url()).content.decode()

    assert f'<blockquote id="quote-{quotation.slug}"><p>People were held for months.</p>' in html
    assert f'— <a href="{speaker.get_absolute_url()}">Amnesty International</a>' in html
    assert 'id="cite-2-1"><a href="#note-2"' in html
    references = html[html.index('id="references-heading"') :]
    assert '<li id="note-2">' in references
    assert "Quoted report" in references
    assert "(p. 7)" in references


def test_words_written_together_are_credited_to_each_author_and_no_one_else(client):
    first = CriticFactory(name="Asher Hirsch")
    second = CriticFactory(name="Cameron Doig")
    reporter = CriticFactory(name="A newspaper that reported the words")
    criticism = CriticismFactory(critics=[first, second, reporter])
    quotation = QuotationFactory(criticism=criticism, speaker=first, text="Joint words.")
    quotation.co_speakers.set([second])

    html = client.get(criticism.get_absolute_url()).content.decode()

    caption = html[html.index('class="quote-attribution"') :].split("</figcaption>")[0]
    assert (
        f'— <a href="{first.get_absolute_url()}">Asher Hirsch</a> and '
        f'<a href="{second.get_absolute_url()}">Cameron Doig</a>'
    ) in caption
    assert "A newspaper" not in caption


def test_detail_shows_the_response_with_its_source(client):
    criticism = CriticismFactory(
        response="The organization denied it.",
        response_source=SourceFactory(title="Press release"),
    )

    html = client.get(criticism.get_absolute_url()).content.decode()

    assert "The organization’s response" in html
    assert "<p>The organization denied it.<sup" in html
    assert 'id="cite-2-1"><a href="#note-2"' in html
    references = html[html.index('id="references-heading"') :]
    assert "Press release" in references


def test_detail_without_a_response_says_plainly_that_none_was_found(client):
    organization = OrganizationFactory(acronym="IOM")
    criticism = CriticismFactory(organization=organization, response="")

    response = client.get(criticism.get_absolute_url())

    assert "The organization’s response" in response.text
    assert "No public response by IOM to this criticism has been found." in response.text


def test_detail_links_to_the_organization_and_back_to_the_list(client):
    organization = OrganizationFactory(name="International Organization for Migration")
    criticism = CriticismFactory(organization=organization)

    html = client.get(criticism.get_absolute_url()).content.decode()

    assert f'<a href="{organization.get_absolute_url()}">' in html
    assert f'<a href="{reverse("critiques:list")}">All criticisms</a>' in html


def test_detail_has_one_h1_headings_in_order_and_page_metadata(client):
    criticism = _rich_criticism(2)

    response = client.get(criticism.get_absolute_url())

    assert_one_h1_and_headings_in_order(response)
    assert f"<title>{criticism.title} · " in response.text
    assert '<meta name="description" content="What the critics said.">' in response.text
    assert f'<meta property="og:title" content="{criticism.title}">' in response.text


def test_unknown_criticism_is_404(client):
    response = client.get(reverse("critiques:criticism", args=["no-such-criticism"]))

    assert response.status_code == 404


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


# Drafts


def test_draft_criticism_is_not_listed(client):
    CriticismFactory(title="Published")
    CriticismFactory(title="Draft", status=Status.DRAFT)
    CriticismFactory(title="In review", status=Status.IN_REVIEW)

    response = client.get(list_url())

    assert listed_titles(response) == ["Published"]
    assert "Draft" not in response.text


def test_draft_criticism_page_is_404(client):
    criticism = CriticismFactory(status=Status.DRAFT)

    response = client.get(criticism.get_absolute_url())

    assert response.status_code == 404


def test_draft_critic_page_is_404(client):
    critic = CriticFactory(status=Status.DRAFT)

    response = client.get(critic.get_absolute_url())

    assert response.status_code == 404


def test_draft_critics_and_quotations_are_not_shown_on_a_criticism(client):
    draft_critic = CriticFactory(name="Draft critic", status=Status.DRAFT)
    criticism = CriticismFactory(critics=[draft_critic, CriticFactory(name="Public critic")])
    QuotationFactory(criticism=criticism, text="Draft words.", status=Status.DRAFT)
    QuotationFactory(criticism=criticism, text="Words of a draft critic.", speaker=draft_critic)

    list_html = client.get(list_url()).content.decode()
    detail_html = client.get(criticism.get_absolute_url()).content.decode()

    for html in (list_html, detail_html):
        assert "Public critic" in html
        assert "Draft critic" not in html
    assert "Draft words." not in detail_html
    assert "Words of a draft critic." not in detail_html


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


@pytest.mark.parametrize("count", [3, 100])
def test_detail_queries_do_not_grow_with_criticisms(client, django_assert_num_queries, count):
    _criticisms(count)
    criticism = _rich_criticism(count)

    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(criticism.get_absolute_url())

    assert response.text.count("<blockquote") == count


@pytest.mark.parametrize("count", [3, 100])
def test_critic_queries_do_not_grow_with_criticisms(client, django_assert_num_queries, count):
    critic = CriticFactory()
    _criticisms(count, critic=critic)

    with django_assert_num_queries(CRITIC_QUERIES):
        response = client.get(critic.get_absolute_url())

    assert len(response.context["criticisms"]) == count
