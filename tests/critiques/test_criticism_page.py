"""One criticism's page: its critics, topics, quotations and the response,
drafts left out, in a fixed number of queries."""

import pytest
from django.urls import reverse

from editorial.content import Status
from tests.critiques.page_helpers import (
    DETAIL_QUERIES,
    _criticisms,
    _rich_criticism,
    assert_one_h1_and_headings_in_order,
    list_url,
    listed_titles,
)
from tests.factories import (
    CriticFactory,
    CriticismFactory,
    OrganizationFactory,
    QuotationFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_no_other_criticisms")]


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
def test_detail_queries_do_not_grow_with_criticisms(client, django_assert_num_queries, count):
    _criticisms(count)
    criticism = _rich_criticism(count)

    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(criticism.get_absolute_url())

    assert response.text.count("<blockquote") == count
