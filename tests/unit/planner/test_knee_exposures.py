"""How often and how the knee is loaded, for a runner with runner's knee (a coach and physio
read a 12-week half-marathon plan, issue 13 and injury care):

1. knee-loading days are counted across sessions and care routines together, and the
   isometric wall sit, good for pain relief, is not in every session;
2. a first exposure to knee-dominant one-legged work never lands the day before a key run
   (a long run, a hard run, a race): a new single-leg box squat came the day before a long
   run;
3. jumps wait for the knee: none while its care is short of the last stage, or while the
   logbook flags it sore or its care is stopped, and none beside a first exposure to a
   knee-dominant lift (snap-downs came in week 5 beside a new split squat).

Counted as `bench/knee_care.py` counts them (before and after: docs/injury-care.md).
"""

from __future__ import annotations

import pytest
from bench.athletes import week_doses
from bench.knee_care import (
    KNEE,
    WALL_SIT,
    Tally,
    cases,
    count_days,
    knee_days,
    knee_work,
    longest_wall_sit_run,
    new_knee_work_on_eves,
    plyo_before_gate,
    plyometric,
    random_knee_athletes,
)
from hypothesis import given
from hypothesis import strategies as st

from legday.care import MOST_KNEE_DAYS
from legday.catalogue.loader import load_catalogue
from legday.model import Plan
from legday.planner import CareSchedule, make_plan, words
from legday.planner.care.schedule import jumps_wait
from strategies import athletes, runs_for, with_problem
from thorough import plan_property

CATALOGUE = load_catalogue()
CASES = {name: (profile, runs) for name, profile, runs in cases()}
LAST_STAGE = len(CATALOGUE.protocols[KNEE].stages)


THE_READ = "dumbbells, 12 weeks to the race"  # the plan the coach and physio read


def _plan(name: str) -> Plan:
    profile, runs = CASES[name]
    return make_plan(profile, runs, CATALOGUE)


def _wall_sit_share(plans: list[Plan]) -> float:
    sessions = [s for plan in plans for s in plan.sessions]
    held = sum(any(p.exercise == WALL_SIT for p in s.main) for s in sessions)
    return held / len(sessions)


# 1. knee days, sessions and routines together, and the wall sit taking turns


@pytest.mark.parametrize("name", sorted(CASES))
def test_knee_days_count_sessions_and_routines_together(name: str) -> None:
    """The week's knee days are its sessions' and its routines' together, at most four and
    never three in a row: a routine never lands beside a session's knee work."""
    plan = _plan(name)
    sessions = {s.day for s in plan.sessions if any(knee_work(p, CATALOGUE) for p in s.main)}
    routines = {r.day for r in plan.care if any(knee_work(p, CATALOGUE) for p in r.exercises)}
    assert knee_days(plan, CATALOGUE) == sessions | routines
    tally = Tally()
    count_days(plan, CATALOGUE, tally)
    assert tally.most_in_week <= MOST_KNEE_DAYS and tally.beyond_runs == 0


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_wall_sit_takes_turns_in_the_half_marathoners_sessions(name: str) -> None:
    """No two of his sessions in a row hold the wall sit, and at most a quarter of them
    do (before: 22-37 % of them, up to six in a row through the first stage)."""
    plan = _plan(name)
    assert longest_wall_sit_run(plan.sessions) <= 1
    assert _wall_sit_share([plan]) <= 0.25


def test_the_wall_sit_is_no_longer_in_nearly_every_session() -> None:
    """Over random athletes with runner's knee, a fifth of the sessions hold a wall sit,
    never more than three in a row (before: 36 %, up to 17 in a row)."""
    plans = [make_plan(profile, runs, CATALOGUE) for profile, runs in random_knee_athletes(12)]
    assert _wall_sit_share(plans) <= 0.25
    assert max(longest_wall_sit_run(plan.sessions) for plan in plans) <= 3


# 2. first times clear of key runs


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_new_knee_lift_the_day_before_the_half_marathoners_key_runs(name: str) -> None:
    """His routines the evening before Tuesday's tempo met the stage's split squat,
    step-up, step-down and single-leg box squat for the first time (3-4 a season); now
    none, and a routine that holds one back says what stands in (in a race week, a taper
    or the week after a race, it waits until the race and the week after it are behind)."""
    profile, runs = CASES[name]
    plan = make_plan(profile, runs, CATALOGUE)
    assert new_knee_work_on_eves(plan, runs, CATALOGUE) == []
    told = [r for r in plan.care if "new to you" in r.why]
    assert told
    for routine in told:
        assert "a day clear of a key run" in routine.why or (
            "the race and the week after it are behind you" in routine.why
        ), routine.why
        held = {CATALOGUE[p.exercise].name.lower() for p in routine.exercises}
        assert any(f"the {name} in" in routine.why for name in held), routine.why


@plan_property(40)
@given(data=st.data())
def test_no_first_knee_lift_on_a_key_runs_eve(data: st.DataObject) -> None:
    """For any athlete with runner's knee, starting at any stage: no session or routine
    the day before a long run, a hard run or a race meets knee-dominant one-legged work
    for the first time."""
    profile = with_problem(data.draw(athletes(max_weeks=16)), KNEE)
    runs = data.draw(runs_for(profile.start, profile.weeks))
    care = CareSchedule({KNEE: data.draw(st.integers(1, LAST_STAGE))}, {})
    plan = make_plan(profile, runs, CATALOGUE, care=care)
    assert new_knee_work_on_eves(plan, runs, CATALOGUE) == []


def test_a_routine_says_what_waits_and_what_stands_in() -> None:
    eve = "tomorrow's Long run comes first"
    assert words.waits_for_a_fresh_day(["split squat", "step-up"], ["wall sit"], eve) == (
        "The split squat and the step-up are new to you and wait for a day clear of a key "
        "run (tomorrow's Long run comes first): the wall sit in their place today."
    )
    assert words.waits_for_a_fresh_day(["single-leg box squat"], [], eve).endswith(
        "it is left out today."
    )


def _jump_weeks(plan: Plan) -> list[int]:
    return sorted(
        {(s.day - plan.start).days // 7 for s in plan.sessions if any(map(plyometric, s.main))}
    )


# 3. jumps wait for the knee


@pytest.mark.parametrize("stage", range(1, LAST_STAGE + 1))
def test_jumps_wait_while_knee_care_is_short_of_its_last_stage(stage: int) -> None:
    """The gate itself: stages 1 and 2 hold jumps back, the last stage lets them come
    (before: runner's knee never held them)."""
    profile, _ = CASES["dumbbells 6-10 kg"]
    care = CareSchedule({KNEE: stage}, {})
    waits = jumps_wait(profile, CATALOGUE, care, profile.start)
    assert waits is (stage < LAST_STAGE)


def test_a_sore_or_stopped_knee_holds_jumps() -> None:
    """At the last stage a knee the logbook flags sore holds jumps for the protocol's
    weeks to settle (three), a stopped one for the whole plan; a settled one does not."""
    profile, runs = CASES["bodyweight"]
    settle = CATALOGUE.protocols[KNEE].advance_after_weeks
    settled = make_plan(profile, runs, CATALOGUE, care=CareSchedule({KNEE: LAST_STAGE}, {}))
    sore = make_plan(
        profile,
        runs,
        CATALOGUE,
        care=CareSchedule({KNEE: LAST_STAGE}, {}, sore=frozenset({KNEE})),
    )
    stopped = make_plan(
        profile, runs, CATALOGUE, care=CareSchedule({KNEE: LAST_STAGE}, {KNEE: "pain 7/10"})
    )
    assert any(week < settle for week in _jump_weeks(settled)), _jump_weeks(settled)
    assert _jump_weeks(sore) and min(_jump_weeks(sore)) >= settle
    assert _jump_weeks(stopped) == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_half_marathoner_jumps_only_past_the_knee_gate(name: str) -> None:
    """No session of the coach's runner jumps while his knee care is short of its last
    stage (before: 3-5 such sessions a season, snap-downs at the split squat stage)."""
    profile, runs = CASES[name]
    early, _ = plyo_before_gate(make_plan(profile, runs, CATALOGUE), profile, runs, CATALOGUE)
    assert early == []


@plan_property(40)
@given(data=st.data())
def test_no_jumps_before_the_knee_gate(data: st.DataObject) -> None:
    """For any athlete with runner's knee, starting at any stage: no plyometrics in a week
    whose knee care, as its routines hold it, is short of the last stage."""
    profile = with_problem(data.draw(athletes(max_weeks=16)), KNEE)
    runs = data.draw(runs_for(profile.start, profile.weeks))
    care = CareSchedule({KNEE: data.draw(st.integers(1, LAST_STAGE))}, {})
    plan = make_plan(profile, runs, CATALOGUE, care=care)
    stages = [s.number for s, _ in week_doses(profile, runs, CATALOGUE, care).by_problem[KNEE]]
    early = [w for w in _jump_weeks(plan) if stages[w] < LAST_STAGE]
    assert early == [], (early, stages)


@plan_property(40)
@given(data=st.data())
def test_no_jumps_beside_a_first_knee_lift(data: st.DataObject) -> None:
    """For any athlete with runner's knee past the gate: no session holds plyometrics
    beside knee-dominant work the athlete meets there for the first time (before: 31
    sessions over 40 random knee athletes)."""
    profile = with_problem(data.draw(athletes(max_weeks=16)), KNEE)
    runs = data.draw(runs_for(profile.start, profile.weeks))
    care = CareSchedule({KNEE: LAST_STAGE}, {})
    plan = make_plan(profile, runs, CATALOGUE, care=care)
    _, beside = plyo_before_gate(plan, profile, runs, CATALOGUE)
    assert beside == []
