"""Claims shown as their sources give them: heads with the title of their time,
dates as precise as the sources allow (a range, or none at all), quotations
credited only to whoever said the words, and an honest word where IOM's response
is unknown."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from critiques.models import Critic, Criticism, Quotation
from orgs import charts
from orgs.dates import PartialDate
from orgs.models import Term
from tests.factories import EventFactory, OrganizationFactory, PersonFactory, TermFactory
from timeline.models import Event

pytestmark = pytest.mark.django_db

# The amended Constitution, which names a Director General, came into force then.
CONSTITUTION_AS_AMENDED = PartialDate(1989, 11, 14)


def last_known_day(term):
    dates = [d for d in (term.end, term.in_office_until, term.in_office_on, term.start) if d]
    return max(date.latest() for date in dates)


# Titles by era


def test_every_head_known_only_before_the_amended_constitution_is_titled_director():
    heads = Term.objects.published().heads().filter(organization__slug="iom")
    before = [t for t in heads if last_known_day(t) < CONSTITUTION_AS_AMENDED.earliest()]

    assert len(before) == 6
    assert {t.get_role_display() for t in before} == {"Director"}


def test_every_head_taking_office_after_the_amended_constitution_is_director_general():
    heads = Term.objects.published().heads().filter(organization__slug="iom")
    after = [t for t in heads if t.start and t.start.earliest() > datetime.date(1989, 11, 14)]

    assert len(after) == 4
    assert {t.get_role_display() for t in after} == {"Director General"}


def test_the_leaders_page_shows_each_heads_title_and_when_the_title_changed(client):
    html = client.get("/leaders/").text

    assert '<h2 id="heads-heading">Directors and Directors General</h2>' in html
    rows = html[html.index('id="heads-caption"') : html.index("</table>")]
    assert rows.count("<td>Director</td>") == 6
    assert rows.count("<td>Director General</td>") == 5
    change = html[html.index('id="title-change"') :].split("</p>")[0]
    assert 'Director up to <time datetime="1983-04-01">1 April 1983</time>' in change
    assert 'in force since <time datetime="1989-11-14">14 November 1989</time>' in change
    assert "Exactly when the title changed is not known" in change


def test_the_leaders_page_says_which_terms_have_no_known_start_or_end(client):
    html = client.get("/leaders/").text
    unknowns = html[html.index('class="unknowns"') :].split("</div>")[0]

    began, ended = unknowns.split("when these terms ended:")
    assert "John Thomas" in began and "James L. Carlin" in began
    assert "John Thomas" in ended and "James L. Carlin" in ended
    assert "Amy E. Pope" not in unknowns


def test_john_thomas_is_shown_with_the_dates_the_cables_give(client):
    html = client.get("/leaders/").text

    assert (
        'known in office: <time datetime="1975-04-30">30 April 1975</time> – '
        '<time datetime="1976-04-15">15 April 1976</time>'
    ) in html


def test_a_last_date_known_in_office_needs_a_first_one():
    term = TermFactory.build(
        organization=OrganizationFactory(),
        person=PersonFactory(),
        start=None,
        end=None,
        in_office_until="1976-04",
    )

    with pytest.raises(ValidationError) as error:
        term.full_clean()

    assert "in_office_until" in error.value.message_dict


def test_a_stretch_known_in_office_is_charted_as_part_of_a_term():
    span = charts.Span(
        "John Thomas", None, None, "/people/john-thomas/", False,
        PartialDate(1975, 4, 30), PartialDate(1976, 4, 15),
    )  # fmt: skip

    stretch = charts.stretch(span, datetime.date(2026, 1, 1))

    assert stretch.known == charts.Known.PART
    assert (stretch.first, stretch.last) == (datetime.date(1975, 4, 30), datetime.date(1976, 4, 15))
    assert stretch.label == "John Thomas (start and end unknown)"


# Undated and range-dated events


def test_an_event_no_source_dates_is_valid_and_says_it_is_undated():
    event = EventFactory(start=None, slug="event-undated", title="Something undated")

    event.full_clean()

    assert str(event) == "undated: Something undated"


def test_an_undated_event_cannot_have_an_end():
    event = EventFactory.build(start=None, end="2005")

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "end" in error.value.message_dict


def test_the_timeline_lists_undated_events_last_marked_undated(client):
    EventFactory(start=None, title="An undated event", slug="event-undated")

    html = client.get("/history/?page=2").text

    last = html[html.rindex("<li>\n      <article") :]
    assert "An undated event" in last
    assert '<p class="meta">Undated · ' in last


def test_an_undated_event_page_says_undated(client):
    event = EventFactory(start=None, slug="event-undated")

    html = client.get(event.get_absolute_url()).text

    assert "<dt>Date</dt>\n    <dd>Undated" in html


def test_a_range_dated_event_shows_its_range(client):
    html = client.get("/history/event-2004-indian-ocean-tsunami/").text

    assert (
        '<time datetime="2004-12-26">26 December 2004</time> – '
        '<time datetime="2006-04">April 2006</time>'
    ) in html


def test_the_articles_range_is_shown_beside_the_sourced_date(client):
    html = client.get("/history/event-2005-pakistan-earthquake/").text

    assert '<time datetime="2005-10-08">8 October 2005</time>' in html
    assert (
        'other sources give <time datetime="2004">2004</time> – <time datetime="2005">2005</time>'
    ) in html


# Quotations credited only to who said or wrote them


def test_every_quotation_is_credited_to_critics_of_the_criticism_it_illustrates():
    for quotation in Quotation.objects.published().select_related("criticism"):
        critics = set(quotation.criticism.critics.all())
        assert set(quotation.speakers) <= critics, quotation.slug


def test_no_newspaper_is_a_critic_unless_it_wrote_the_words_it_is_credited_with():
    for critic in Critic.objects.filter(kind=Critic.Kind.NEWSPAPER):
        wrote = (
            Quotation.objects.filter(speaker=critic).exists() or critic.joint_quotations.exists()
        )
        assert wrote, f"{critic} only reported: cite it as a source, not as a critic"


def test_the_humanitarian_veneer_words_are_credited_to_hirsch_and_doig():
    quotation = Quotation.objects.get(text__contains="humanitarian veneer")

    assert [critic.name for critic in quotation.speakers] == ["Asher Hirsch", "Cameron Doig"]
    assert quotation.source.slug == "conrep-hirsch-doig-australias-other-offshore-policy"
    assert not Critic.objects.filter(slug="the-globe-and-mail").exists()


def test_the_articles_attribution_is_kept_only_as_its_account(client):
    html = client.get("/criticisms/criticism-2022-indonesia-housing/").text
    summary = html[html.index('id="summary-heading"') :].split("</section>")[0]

    assert "The Wikipedia article also credits the words" in summary
    assert "That is the article's account only" in summary.replace("&#x27;", "'")
    quotations = html[html.index('id="quotations-heading"') :].split("</section>")[0]
    assert "Refugee Council of Australia" not in quotations
    assert "humanitarian veneer" not in quotations


# The organization's response


@pytest.mark.parametrize(
    "slug", ["criticism-2022-indonesia-housing", "criticism-2024-uyghur-refugees"]
)
def test_a_criticism_without_a_known_response_says_so(client, slug):
    assert not Criticism.objects.get(slug=slug).response

    html = client.get(f"/criticisms/{slug}/").text

    assert "No public response by IOM to this criticism has been found." in html


def test_a_response_shows_every_source_that_backs_it(client):
    html = client.get("/criticisms/criticism-2003-pacific-solution/").text
    response = html[html.index('id="response-heading"') :].split("</section>")[0]
    references = html[html.index('id="references-heading"') :]

    assert response.count('class="fn"') == 5
    for title in ("UN report on Afghan security", "Hunger stike health worries", "Crikey"):
        assert title in references


def test_an_event_of_a_kind_the_timeline_did_not_have_is_listed(client):
    assert Event.objects.filter(category=Event.Category.OPERATIONS).count() == 2
    html = client.get("/history/?category=operations").text

    assert "ICEM and the commercial migration agencies" in html
