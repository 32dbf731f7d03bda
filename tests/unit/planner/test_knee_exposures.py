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
from bench.knee_care import KNEE, cases, plyo_before_gate, plyometric
from hypothesis import given
from hypothesis import strategies as st

from legday.catalogue.loader import load_catalogue
from legday.model import Plan
from legday.planner import CareSchedule, make_plan
from legday.planner.care import jumps_wait
from strategies import athletes, runs_for, with_problem
from thorough import plan_property

CATALOGUE = load_catalogue()
CASES = {name: (profile, runs) for name, profile, runs in cases()}
LAST_STAGE = len(CATALOGUE.protocols[KNEE].stages)


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
