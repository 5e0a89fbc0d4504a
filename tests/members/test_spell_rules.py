"""A state's membership spells: each ends after it starts, none overlaps another
of the same state, and an observer spell may hand over to a member spell. The
model and the loader's whole-file check apply the same rules."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from loader.loader import LoadError, Record, load
from members.models import MembershipSpell
from members.spells import fixture_problems
from tests.factories import MembershipSpellFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def state():
    state = StateFactory(code="AQ", slug="state-test", region="oceania")
    state.spells.all().delete()
    return state


def spell(state, **fields):
    return MembershipSpell(state=state, slug="spell-new", standing="member", **fields)


def test_a_spell_needs_a_start_from_a_source_or_from_cow(state):
    with pytest.raises(ValidationError, match="Give a start"):
        spell(state).full_clean()


def test_a_spell_cannot_end_before_it_starts(state):
    with pytest.raises(ValidationError, match="end is before the start"):
        spell(state, start="1990-05", end="1989").full_clean()


def test_a_cow_end_year_before_the_cow_start_is_refused(state):
    with pytest.raises(ValidationError, match="end is before the start"):
        spell(state, start_cow=1980, end_cow=1970).full_clean()


def test_cow_years_outside_the_data_are_refused(state):
    with pytest.raises(ValidationError, match="1951 to 2014"):
        spell(state, start_cow=2020).full_clean()


def test_two_spells_of_one_state_may_not_overlap(state):
    MembershipSpellFactory(state=state, start_cow=1951, end_cow=1973)

    with pytest.raises(ValidationError, match="overlaps"):
        spell(state, start_cow=1970).full_clean()


def test_a_running_spell_overlaps_any_later_one(state):
    MembershipSpellFactory(state=state, start="1985")

    with pytest.raises(ValidationError, match="overlaps"):
        spell(state, start="2001-11-28").full_clean()


def test_a_state_may_leave_and_rejoin(state):
    MembershipSpellFactory(state=state, start_cow=1951, end_cow=1973)

    spell(state, start_cow=1985).full_clean()


def test_an_observer_spell_may_hand_over_to_a_member_spell_on_the_same_day(state):
    MembershipSpellFactory(state=state, standing="observer", start="1992", end="2020-11-24")

    spell(state, start="2020-11-24").full_clean()


def test_spells_of_different_states_may_overlap(state):
    MembershipSpellFactory(state=StateFactory(code="BV", slug="state-other"), start="1990")

    spell(state, start="1990").full_clean()


def records(*spells):
    return [
        Record(
            path=Path("members.json"),
            index=n,
            model=MembershipSpell,
            fields={"state": ["state-test"], "slug": f"s{n}", **fields},
        )
        for n, fields in enumerate(spells)
    ]


def test_the_loader_check_names_both_overlapping_spells():
    problems = fixture_problems(records({"start_cow": 1951}, {"start": "1999-03"}))

    assert len(problems) == 1
    assert "record 1 " in problems[0] and "record 0 " in problems[0]


def test_the_loader_check_refuses_an_end_before_the_start():
    problems = fixture_problems(records({"start": "2000", "end": "1999"}))

    assert problems == [
        "members.json, record 0 (members.membershipspell 's0'): The end is before the start."
    ]


def test_the_loader_check_reports_a_date_that_is_not_a_date():
    problems = fixture_problems(records({"start": "soon"}))

    assert "is not a date" in problems[0]


def test_the_loader_check_accepts_an_observer_then_a_member():
    assert (
        fixture_problems(
            records(
                {"start": "1992", "end": "2020-11-24", "standing": "observer"},
                {"start": "2020-11-24"},
            )
        )
        == []
    )


def test_loading_overlapping_spells_writes_nothing(tmp_path, state):
    fixture = tmp_path / "members.json"
    fixture.write_text(
        '[{"model": "members.membershipspell", "fields": {"slug": "x1", "status": "draft",'
        ' "state": ["state-test"], "standing": "member", "start_cow": 1951}},'
        ' {"model": "members.membershipspell", "fields": {"slug": "x2", "status": "draft",'
        ' "state": ["state-test"], "standing": "member", "start": "1960"}}]'
    )

    with pytest.raises(LoadError, match="overlaps"):
        load([fixture])
    assert not MembershipSpell.objects.filter(slug__in=["x1", "x2"]).exists()
