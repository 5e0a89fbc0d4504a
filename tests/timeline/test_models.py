"""The rules of timeline events."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from editorial.content import Status
from tests import factories
from timeline.models import Event

pytestmark = pytest.mark.django_db


def errors(instance):
    """full_clean's errors by field ("__all__" for the record), or {} when it is valid."""
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def event(slug, start, title="An event", **kwargs):
    return factories.EventFactory(slug=f"timeline-model-{slug}", start=start, title=title, **kwargs)


def ours(queryset):
    """The events these tests made, whatever the seed holds."""
    return [
        item.slug.removeprefix("timeline-model-")
        for item in queryset.filter(slug__startswith="timeline-model-")
    ]


def test_an_event_ending_before_it_starts_is_refused():
    lasting = factories.EventFactory.build(
        slug="timeline-model-backwards", start="1990", end="1989"
    )

    assert errors(lasting) == {NON_FIELD_ERRORS: ["The end date is before the start date."]}


def test_an_event_that_lasted_is_accepted():
    lasting = factories.EventFactory.build(
        slug="timeline-model-lasting", start="1990-05", end="1991"
    )

    assert errors(lasting) == {}


def test_an_event_without_an_end_is_accepted():
    assert errors(factories.EventFactory.build(slug="timeline-model-moment", end=None)) == {}


def test_events_are_ordered_by_start_across_precisions():
    event("renamed", "1980-11-19")
    event("founded", "1951-12-05")
    event("fifties", "1952")
    event("october", "1952-10")

    assert ours(Event.objects.all()) == ["founded", "fifties", "october", "renamed"]


def test_events_starting_together_are_ordered_by_title():
    event("b", "1989-11-14", title="Renamed IOM")
    event("a", "1989-11-14", title="Constitution amended")

    assert ours(Event.objects.all()) == ["a", "b"]


def test_chronological_breaks_ties_of_date_and_title_by_creation():
    first = event("first", "1989", title="Same title")
    second = event("second", "1989", title="Same title")

    assert first.pk < second.pk
    assert ours(Event.objects.chronological()) == ["first", "second"]


def test_for_listing_keeps_the_chronological_order():
    event("later", "2016-09-19")
    event("earlier", "1951-12-05")

    assert ours(Event.objects.for_listing()) == ["earlier", "later"]


def test_for_detail_lists_only_the_published_people_involved():
    shown = factories.PersonFactory(sort_name="Pope, Amy")
    hidden = factories.PersonFactory(status=Status.DRAFT)
    happening = event("people", "2023-10-01", people=[shown, hidden])

    detail = Event.objects.for_detail().get(pk=happening.pk)

    assert list(detail.people.all()) == [shown]


def test_an_event_is_shown_by_date_and_title():
    happening = Event.objects.get(pk=event("shown", "1951-12-05", title="PICMME founded").pk)

    assert str(happening) == "5 December 1951: PICMME founded"


def test_an_event_known_to_the_year_is_never_shown_as_1_january():
    happening = Event.objects.get(pk=event("year", "1980", title="Renamed ICM").pk)

    assert str(happening) == "1980: Renamed ICM"


def test_an_event_links_to_its_page():
    assert Event(slug="picmme-founded").get_absolute_url() == "/history/picmme-founded/"


def test_an_event_outlives_the_deletion_of_its_name_era():
    era = factories.NameEraFactory()
    happening = event("era", "1989-11-14", name_era=era)

    era.delete()
    happening.refresh_from_db()

    assert happening.name_era is None


# Differing accounts


def test_an_account_ranked_preferred_needs_a_reason():
    main = event("ranked", "2018", rank="preferred", rank_reason="")

    assert errors(main) == {"rank_reason": ["Say why this account is marked “Preferred value”."]}


def test_an_event_cannot_be_another_account_of_itself():
    main = event("itself", "2018")
    main.account_of = main

    assert errors(main) == {"account_of": ["An event cannot be another account of itself."]}


def test_another_account_must_point_to_the_main_account():
    main = event("main", "2018", title="Network set up")
    other = event("other", "2019", account_of=main)
    third = factories.EventFactory.build(
        slug="timeline-model-third", start="2020", account_of=other
    )

    assert errors(third)["account_of"] == [
        "Choose the main account: “An event” is itself another account."
    ]


def test_an_event_with_other_accounts_cannot_become_one():
    main = event("main", "2018")
    event("other", "2019", account_of=main)
    main.account_of = event("elsewhere", "2017")

    assert errors(main)["account_of"] == [
        "This event has other accounts of its own, so it cannot become one."
    ]


def test_the_timeline_leaves_out_other_accounts():
    main = event("main", "2018")
    event("other", "2019", account_of=main)

    assert ours(Event.objects.main_accounts()) == ["main"]
