"""Key runs kept fresh by the clock, and whys true to their numbers (issue 13, points 4,
6 and 11).

A coach read plans for new athletes and found snap-downs, squat jumps and RPE 8 sets on
Thursday evening, about 38 h before a Saturday morning long run: the planner counted
days, not hours. Now plyometrics and sets above RPE 7 wait until 48 h before the start
of any key run (intervals, tempo, hills, a time trial, the long run) or race, counted
from the session's start; an untimed run counts from its day's first minute.

The same read found whys that hid rep cuts ("slower lowering on the split squat" while
its reps fell from 10 to 9) and called an eve "lighter" when only the RPE had moved, kg
and reps unchanged. Every claim a why makes about a lift or the day is now checked
against the prescription and the one before it (the checks live in bench/key_runs.py,
which counts them over many plans).
"""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from bench.key_runs import (
    CHECKS,
    faults,
    hard_sets_before_key_runs,
    jumps_before_key_runs,
    lift_claims,
    session_claims,
)
from hypothesis import given
from hypothesis import strategies as st

from coach_athletes import half_marathoner, shin_splinter, ultra_runner
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import Equipment, ExerciseKind, Level, Plan, Profile, Run, RunKind
from legday.planner import make_plan
from strategies import profiles, runs_for
from thorough import plan_property

PROPERTY = plan_property(60)
MONDAY = date(2027, 1, 4)
KIT = frozenset({Equipment.BODYWEIGHT, Equipment.DUMBBELLS, Equipment.BARBELL, Equipment.STEP})


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _found(plan: Plan, runs: list[Run], catalogue: Catalogue) -> dict[str, list[str]]:
    return {name: lines for name, lines in faults(plan, runs, catalogue).items() if lines}


@PROPERTY
@given(data=st.data())
def test_no_jumps_nor_rpe_8_less_than_48_hours_before_a_key_run(
    catalogue: Catalogue, data: st.DataObject
) -> None:
    """(a) Whatever the calendar: timed and untimed runs, windows, busy time, races from
    the profile, a session never holds a plyometric drill or a set above RPE 7 when a key
    run or race starts less than 48 h after it."""
    profile = data.draw(profiles(max_weeks=12))
    profile = data.draw(st.sampled_from([profile, _jumper(profile)]))
    runs = data.draw(runs_for(profile.start, profile.weeks))
    plan = make_plan(profile, runs, catalogue)
    assert not list(jumps_before_key_runs(plan, runs, catalogue))
    assert not list(hard_sets_before_key_runs(plan, runs, catalogue))


@PROPERTY
@given(data=st.data())
def test_every_why_says_what_its_numbers_say(catalogue: Catalogue, data: st.DataObject) -> None:
    """(b) A why that says a lift got heavier, gained reps or seconds, lowers slower, lost
    a set, reps or effort, or that today is lighter or shorter or holds no heavier load,
    says what the prescription and the one before it show; a rise that cut the reps says
    the cut."""
    profile = data.draw(profiles(max_weeks=12))
    profile = data.draw(st.sampled_from([profile, _jumper(profile)]))
    runs = data.draw(runs_for(profile.start, profile.weeks))
    plan = make_plan(profile, runs, catalogue)
    assert not list(lift_claims(plan, runs, catalogue))
    assert not list(session_claims(plan, runs, catalogue))


def _jumper(profile: Profile) -> Profile:
    """The same athlete as an advanced runner with weights, no problems and three weeks
    or more: the one who gets jumps and RPE 8 sets, so the property meets them."""
    return Profile(
        start=profile.start,
        weeks=max(profile.weeks, 3),
        sessions=profile.sessions,
        level=Level.ADVANCED,
        equipment=KIT,
        minutes=60,
        days=profile.days,
        windows=profile.windows,
        races=profile.races,
        race_priorities=profile.race_priorities,
        seed=profile.seed,
    )


@pytest.mark.parametrize("athlete", [half_marathoner, shin_splinter, ultra_runner])
def test_the_coach_athletes_keep_key_runs_fresh_and_say_so_truly(
    catalogue: Catalogue, athlete: object
) -> None:
    assert callable(athlete)
    profile, runs = athlete()
    assert _found(make_plan(profile, runs, catalogue), runs, catalogue) == {}


def test_every_check_is_run() -> None:
    assert len(CHECKS) == 4


def _long_run_weeks(weeks: int, long_start: time | None) -> list[Run]:
    """An easy run Thursday at 07:00, a long run Saturday (at `long_start`, or untimed)
    and nothing else: Thursday's two sessions are the only way the clock decides."""
    runs = []
    for week in range(weeks):
        monday = MONDAY + timedelta(weeks=week)
        runs.append(Run(monday + timedelta(days=3), "Easy 40", RunKind.EASY, time(7), None, 40))
        runs.append(
            Run(monday + timedelta(days=5), "Long run", RunKind.LONG, long_start, None, 120)
        )
    return runs


def _thursdays(profile: Profile, runs: list[Run], catalogue: Catalogue) -> list[object]:
    plan = make_plan(profile, runs, catalogue)
    return [s for s in plan.sessions if s.day.weekday() == 3]


def test_thursday_evening_is_38_hours_before_saturdays_long_run(catalogue: Catalogue) -> None:
    """The coach's case: a Thursday 18:00 window before a Saturday 08:00 long run is 38 h:
    no jumps, nothing above RPE 7, and the why says which run and why. The old planner
    counted two days and let the jumps in."""
    profile = Profile(
        start=MONDAY,
        weeks=6,
        level=Level.ADVANCED,
        equipment=KIT,
        minutes=60,
        days=frozenset({3}),
        windows=((3, time(18), time(20)),),
    )
    runs = [r for r in _long_run_weeks(6, time(8)) if r.kind is RunKind.LONG]
    thursdays = _thursdays(profile, runs, catalogue)
    assert thursdays
    for s in thursdays:
        assert s.start is not None and s.start >= time(18)
        assert not [p for p in s.main if p.kind is ExerciseKind.PLYOMETRIC]
        assert max(p.target_rpe for p in s.main) <= 7
        assert "Saturday's long run (Long run, 08:00) starts less than 48 h from now" in s.why


def test_thursday_morning_is_49_hours_before_it_and_may_jump(catalogue: Catalogue) -> None:
    """The same long run, and the session right after Thursday's 07:00 easy run (07:40):
    48 h 20 min before 08:00 on Saturday, so the jumps of an advanced runner's block stay;
    with the long run untimed it counts from Saturday 00:00, 40 h away, and they go."""
    profile = Profile(
        start=MONDAY, weeks=6, level=Level.ADVANCED, equipment=KIT, days=frozenset({3})
    )
    timed = _thursdays(profile, _long_run_weeks(6, time(8)), catalogue)
    assert timed and all(s.start == time(7, 40) for s in timed)
    assert any(p.kind is ExerciseKind.PLYOMETRIC for s in timed for p in s.main)
    assert not any("less than 48 h" in s.why for s in timed)
    untimed = _thursdays(profile, _long_run_weeks(6, None), catalogue)
    assert untimed
    assert not any(p.kind is ExerciseKind.PLYOMETRIC for s in untimed for p in s.main)
    assert all("Saturday's long run (Long run) starts less than 48 h" in s.why for s in untimed)


def test_a_session_pushed_later_by_busy_time_is_kept_clear_too(catalogue: Catalogue) -> None:
    """Twenty minutes asked, a Thursday meeting 18:20-19:00, the long run Saturday 18:30.
    Planned at 18:00 the session is 48 h 30 min clear, but what every session needs (care
    for a sore knee with it) takes a little longer than 20 minutes, so it starts at 19:00,
    47 h 30 min before the run: it is composed again as one that may not jump (single-leg
    pogo hops came at 19:00)."""
    runs = []
    for week in range(12):
        monday = MONDAY + timedelta(weeks=week)
        thursday, saturday = monday + timedelta(days=3), monday + timedelta(days=5)
        runs.append(Run(thursday, "Meeting", RunKind.REST, time(18, 20), time(19), 40, busy=True))
        runs.append(Run(saturday, "Long run", RunKind.LONG, time(18, 30), None, 90))
    profile = Profile(
        start=MONDAY,
        weeks=12,
        level=Level.ADVANCED,
        equipment=KIT,
        minutes=20,
        days=frozenset({0, 3}),
        seed=2,
        injuries=("runners-knee",),
    )
    plan = make_plan(profile, runs, catalogue)
    late = [s for s in plan.sessions if s.day.weekday() == 3 and s.start == time(19)]
    assert late and all("less than 48 h from now" in s.why for s in late)
    assert _found(plan, runs, catalogue) == {}
