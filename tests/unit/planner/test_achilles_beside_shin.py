"""Achilles care beside shin splints: the Achilles protocol's calf lift is the session's
one calf dose. Both protocols guard the calf; once the shin protocol's raise for
endurance took the session's calf lift from the heavy slow raise (Beyer et al. 2015), and
the tendon lost its protocol days (bench/achilles_beside_shin.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import Plan
from legday.planner import CareSchedule, make_plan
from legday.rules import check_plan
from strategies import profiles, runs_for
from thorough import plan_property

PROPERTY = plan_property(60)
HEAVY = "heavy-slow-calf-raise"
PROBLEMS = ("achilles", "shin-splints")


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _plan(data: st.DataObject, catalogue: Catalogue) -> Plan:
    profile = data.draw(profiles(max_weeks=10), label="profile")
    order = data.draw(st.permutations(PROBLEMS), label="order")
    stages = {p: data.draw(st.integers(1, 3), label=p) for p in PROBLEMS}
    runs = data.draw(runs_for(profile.start, profile.weeks), label="calendar")
    care = CareSchedule(stages, {})
    return make_plan(replace(profile, injuries=tuple(order)), runs, catalogue, care=care)


def _heavy_weeks(plan: Plan) -> set[int]:
    """The weeks whose Achilles routines are at the heavy slow stage."""
    return {
        (r.day - plan.start).days // 7 for r in plan.care if r.injury == "achilles" and r.stage == 3
    }


def _met_heavy(plan: Plan) -> date | None:
    """The first day the heavy slow raise is done, in a session or a routine."""
    days = [s.day for s in plan.sessions if any(p.exercise == HEAVY for p in s.main)]
    days += [r.day for r in plan.care if any(p.exercise == HEAVY for p in r.exercises)]
    return min(days, default=None)


@PROPERTY
@given(data=st.data())
def test_the_heavy_slow_raise_is_the_sessions_one_calf_dose(
    catalogue: Catalogue, data: st.DataObject
) -> None:
    """In a heavy-stage week, a session with calf care holds the heavy slow raise once the
    athlete has met it (a week that brings nothing new swaps in nothing unmet), and no
    other calf raise for either problem beside it."""
    plan = _plan(data, catalogue)
    heavy, met = _heavy_weeks(plan), _met_heavy(plan)
    for s in plan.sessions:
        if (s.day - plan.start).days // 7 not in heavy:
            continue
        calf_care = [
            p
            for p in s.main
            if catalogue[p.exercise].pattern == "calf" and set(PROBLEMS) & set(p.injury_care)
        ]
        if not calf_care:
            continue
        if met is not None and met + timedelta(days=7) <= s.day:
            assert any(p.exercise == HEAVY for p in calf_care), (s.day, calf_care)
        if any(p.exercise == HEAVY for p in calf_care):
            assert [p.exercise for p in calf_care] == [HEAVY], (s.day, calf_care)
            (raise_,) = calf_care
            assert set(raise_.injury_care) >= set(PROBLEMS)  # one dose serves both
    assert not [v for v in check_plan(plan, catalogue) if v.hard and v.rule == "injury-care"]
