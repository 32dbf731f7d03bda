"""Every hard rule holds on any calendar and profile the generators can think of; the
calendars hold busy time too (rides, swims, meetings: `no-overlap`)."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.catalogue import Catalogue
from legday.model import (
    CARE_NEEDS,
    HARD_RUN_KINDS,
    MAX_RPE,
    ExerciseKind,
    Plan,
    Profile,
    Run,
    RunKind,
    Session,
)
from legday.planner import make_plan
from legday.rules import check_plan
from mini_catalogue import mini_catalogue
from plan_checks import unexplained_hard
from strategies import profiles, runs_for
from thorough import plan_examples

pytestmark = pytest.mark.slow  # long property runs over whole plans

PROPERTY = settings(
    max_examples=plan_examples(120),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(params=["mini", "packaged"], scope="module")
def catalogue(request: pytest.FixtureRequest) -> Catalogue:
    if request.param == "mini":
        return mini_catalogue()
    from legday.catalogue.loader import load_catalogue

    return load_catalogue()


def _draw_plan(data: st.DataObject, catalogue: Catalogue) -> tuple[Plan, list]:
    profile = data.draw(profiles(max_weeks=12))
    runs = data.draw(runs_for(profile.start, profile.weeks))
    return make_plan(profile, runs, catalogue), runs


@PROPERTY
@given(data=st.data())
def test_only_impossible_weeks_fall_short(catalogue: Catalogue, data: st.DataObject) -> None:
    plan, runs = _draw_plan(data, catalogue)
    assert not unexplained_hard(plan, runs)


def _care_at_hand(catalogue: Catalogue, profile: Profile) -> bool:
    """The athlete's kit and level allow a care exercise for every need of every problem."""
    kinds = (ExerciseKind.STRENGTH, ExerciseKind.BALANCE)
    doable = catalogue.doable(profile.equipment, profile.level, *kinds)
    return all(
        any(injury in e.injury_care and muscle in e.muscles for e in doable)
        for injury in profile.injuries
        for muscle in CARE_NEEDS.get(injury, ())
    )


@PROPERTY
@given(data=st.data())
def test_injury_care_in_every_session(catalogue: Catalogue, data: st.DataObject) -> None:
    """Both catalogues reach every care need with only body weight and a wall (for the
    packaged one, tests/unit/catalogue/test_injury_care_coverage.py), so no kit, level or
    session length excuses a session without care, by the planner's account or the
    checker's."""
    plan, _ = _draw_plan(data, catalogue)
    assert plan.profile is not None
    assert _care_at_hand(catalogue, plan.profile)
    assert not [v for v in plan.violations if v.rule == "injury-care"]
    assert not [v for v in check_plan(plan, catalogue) if v.rule == "injury-care"]


@PROPERTY
@given(data=st.data())
def test_sessions_keep_the_calendar_rules(catalogue: Catalogue, data: st.DataObject) -> None:
    plan, runs = _draw_plan(data, catalogue)
    assert plan.profile is not None
    # every race, whatever its priority or where it was given
    races = {r.day for r in runs if r.kind is RunKind.RACE} | set(plan.profile.races)
    for s in plan.sessions:
        day_runs = [r for r in runs if r.day == s.day and r.running]
        assert not any(r.kind in HARD_RUN_KINDS for r in day_runs)
        assert s.day not in races and s.day + timedelta(days=1) not in races
        finishes = [f for r in day_runs if (f := r.finish) is not None]
        if finishes:
            assert s.start is not None and s.start >= max(finishes)
        assert all(p.target_rpe <= MAX_RPE for p in s.main)
        assert s.warmup and s.cooldown and any(p.balance for p in s.main)
        _clear_of_timed_events(s, [r for r in runs if r.day == s.day and r.start is not None])
    assert not [v for v in plan.violations if v.rule == "no-overlap"]


def _clear_of_timed_events(s: Session, timed: list[Run]) -> None:
    """`no-overlap`, counted apart from the rule: a session on a day with busy time has a
    start, and its minutes touch none of the day's timed entries (an edge may be shared)."""
    if any(r.busy for r in timed):
        assert s.start is not None
    if s.start is None:
        return
    begins = _minutes(s.start)
    for r in timed:
        assert r.start is not None and r.finish is not None
        ends = _minutes(r.finish) if r.finish >= r.start else 24 * 60
        assert begins + s.minutes <= _minutes(r.start) or ends <= begins, (s, r)


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


@PROPERTY
@given(data=st.data())
def test_same_inputs_and_seed_give_the_same_plan(catalogue: Catalogue, data: st.DataObject) -> None:
    profile = data.draw(profiles(max_weeks=8))
    runs = data.draw(runs_for(profile.start, profile.weeks))
    assert make_plan(profile, runs, catalogue) == make_plan(profile, list(runs), catalogue)


@PROPERTY
@given(data=st.data())
def test_json_round_trip_keeps_the_plan(catalogue: Catalogue, data: st.DataObject) -> None:
    from legday.exports.plan_json import plan_from_json, plan_to_json

    plan, _ = _draw_plan(data, catalogue)
    again = plan_from_json(plan_to_json(plan), "memory")
    assert again.sessions == plan.sessions
    assert again.weeks == plan.weeks
    assert again.violations == plan.violations
    assert again.races == plan.races and again.race_days == plan.race_days
    assert [(r.day, r.title, r.kind, r.start, r.end) for r in again.runs] == [
        (r.day, r.title, r.kind, r.start, r.end) for r in plan.runs
    ]
    assert list(check_plan(again, catalogue)) == list(plan.violations)
