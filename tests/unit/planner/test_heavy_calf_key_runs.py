"""The heaviest calf work sits 48 h clear of key runs and races, by the clock (issue 13:
a coach found the week's heaviest calf day 25 h before the long run). Main keeps jumps and
sets above RPE 7 out of those 48 h; care's loaded calf work (the Achilles heavy slow and
seated raises, the plantar protocol's towel raises with a backpack) now keeps its full
dose out of them too: a routine or session starting less than 48 h before one holds each
loaded calf item at a set fewer than the week's dose (one at least)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time

import pytest
from bench.athletes import week_doses
from bench.key_runs import CLEAR_BEFORE_KEY_RUN, UNTIMED_SESSION, key_starts
from hypothesis import given
from hypothesis import strategies as st

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import DEFAULT_START, Plan, Prescription, Run
from legday.planner import CareSchedule, make_plan
from legday.planner.care import loaded_calf
from strategies import profiles, runs_for
from thorough import plan_property

PROPERTY = plan_property(60)
LOADED_STAGES = {"achilles": 3, "plantar-fascia": 2}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _routine_start(plan: Plan, day_runs: list[Run], planned: time | None) -> time:
    """Where the exports show a routine: its start, else after the day's last timed run,
    else at 18:00."""
    ends = [r.finish for r in day_runs if r.running and r.finish is not None]
    return planned or (max(ends) if ends else DEFAULT_START)


@PROPERTY
@given(data=st.data())
def test_loaded_calf_work_takes_a_set_fewer_within_48_h_of_a_key_run(
    catalogue: Catalogue, data: st.DataObject
) -> None:
    profile = data.draw(profiles(max_weeks=8), label="profile")
    problem = data.draw(st.sampled_from(sorted(LOADED_STAGES)), label="problem")
    stage = data.draw(st.integers(LOADED_STAGES[problem], 3), label="stage")
    runs = data.draw(runs_for(profile.start, profile.weeks), label="calendar")
    profile = replace(profile, injuries=tuple(dict.fromkeys((problem, *profile.injuries))))
    care = CareSchedule({problem: stage}, {})
    plan = make_plan(profile, runs, catalogue, care=care)
    doses = week_doses(profile, runs, catalogue, care)
    starts = key_starts(plan, runs)
    events: list[tuple[datetime, tuple[Prescription, ...]]] = [
        (datetime.combine(s.day, s.start or UNTIMED_SESSION), s.main) for s in plan.sessions
    ]
    for r in plan.care:
        day_runs = [x for x in plan.runs if x.day == r.day]
        events.append(
            (datetime.combine(r.day, _routine_start(plan, day_runs, r.start)), r.exercises)
        )
    for at, exercises in events:
        if not any(at < k < at + CLEAR_BEFORE_KEY_RUN for k in starts):
            continue
        week = (at.date() - plan.start).days // 7
        planned = {
            item.exercise: item.sets
            for injury in doses.by_problem
            for item in doses.of(injury, week)[1]
            if loaded_calf(item, catalogue)
        }
        for p in exercises:
            if p.exercise in planned and p.load_kg is None:
                assert p.sets <= max(1, planned[p.exercise] - 1), (at, p.exercise, p.sets)
