"""The heaviest calf work sits 48 h clear of key runs and races, by the clock (issue 13:
a coach found the week's heaviest calf day 25 h before the long run). Main keeps jumps and
sets above RPE 7 out of those 48 h; care's loaded calf work (the Achilles heavy slow and
seated raises, the plantar protocol's towel raises with a backpack) now keeps its full
dose out of them too: a routine or session starting less than 48 h before one holds each
loaded calf item at a set fewer than the week's dose (one at least)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from bench.athletes import week_doses
from bench.key_runs import CLEAR_BEFORE_KEY_RUN, UNTIMED_SESSION, key_starts
from hypothesis import given
from hypothesis import strategies as st

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import (
    ALWAYS_AT_HAND,
    DEFAULT_START,
    Equipment,
    Level,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
)
from legday.planner import CareSchedule, make_plan
from legday.planner.care.in_session import care_fit
from legday.planner.care.loads import loaded_calf
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
            # care's dose, in owned kilograms or not (a lift the strength plan loads: below)
            if p.exercise in planned and (p.load_kg is None or p.care_dose):
                assert p.sets <= max(1, planned[p.exercise] - 1), (at, p.exercise, p.sets)


def _lift(
    catalogue: Catalogue,
    exercise: str,
    sets: int,
    reps: int,
    kg: float,
    implement: str,
    *,
    care_dose: bool = False,
    injury: str = "",
) -> Prescription:
    """A loaded calf lift as a session holds it."""
    e = catalogue[exercise]
    return Prescription(
        exercise=e.id,
        sets=sets,
        reps=reps,
        seconds=None,
        per_side=e.unilateral,
        load=f"{kg:g} kg {implement}",
        tempo=e.tempo,
        target_rpe=7,
        muscles=e.muscles,
        unilateral=e.unilateral,
        balance=e.balance,
        injury_care=(injury,) if injury else (),
        role=Role.ANCHOR,
        load_kg=kg,
        implement=implement,
        care_dose=care_dose,
    )


def _sets_near_and_clear(
    catalogue: Catalogue, profile: Profile, care: CareSchedule, lift: Prescription
) -> tuple[int, int]:
    """The lift's sets in a session less than 48 h before a key run, and clear of one."""
    day = profile.start + timedelta(days=1)
    found = []
    for near in (True, False):
        fit = care_fit(day, (lift,), profile, catalogue, care, before_key_run=near)
        (held,) = [p for p in fit.main if p.exercise == lift.exercise]
        found.append(held.sets)
    return found[0], found[1]


def test_a_rack_climbing_calf_anchor_takes_a_set_fewer_before_a_key_run(
    catalogue: Catalogue,
) -> None:
    """An insertional Achilles at its heavy stage: the strength plan's one-legged calf raise
    climbs the owned kettlebells (a coach found it at 32 kg, 2 x 6, the afternoon before a
    long run). Less than 48 h before a key run it takes a set fewer; clear of one, it stands."""
    profile = Profile(
        start=date(2027, 1, 4),
        weeks=4,
        injuries=("achilles-insertional",),
        equipment=ALWAYS_AT_HAND | {Equipment.KETTLEBELL},
        kettlebells_kg=(12.0, 16.0, 24.0, 32.0),
        level=Level.ADVANCED,
        event="ultra",
    )
    care = CareSchedule({"achilles-insertional": 3}, {})
    lift = _lift(
        catalogue, "single-leg-calf-raise", 2, 6, 32.0, "kettlebell", injury="achilles-insertional"
    )
    assert _sets_near_and_clear(catalogue, profile, care, lift) == (1, 2)


def test_care_dosed_heavy_slow_raises_in_kilograms_take_a_set_fewer_before_a_key_run(
    catalogue: Catalogue,
) -> None:
    """Achilles care's heavy slow raise in a session, at the week's dose in the athlete's
    own dumbbells: a set below the week's sets less than 48 h before a key run."""
    profile = Profile(
        start=date(2027, 1, 4),
        weeks=4,
        injuries=("achilles",),
        equipment=ALWAYS_AT_HAND | {Equipment.DUMBBELLS},
        dumbbells_kg=(5.0, 7.5, 10.0, 12.5, 15.0),
        level=Level.INTERMEDIATE,
    )
    care = CareSchedule({"achilles": 3}, {})
    lift = _lift(
        catalogue,
        "heavy-slow-calf-raise",
        3,
        15,
        10.0,
        "dumbbells",
        care_dose=True,
        injury="achilles",
    )
    near, clear = _sets_near_and_clear(catalogue, profile, care, lift)
    assert (near, clear) == (clear - 1, 3)
