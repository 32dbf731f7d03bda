"""After an A race care restarts gently (issue 13): the days after it take the lightest
form, the week after takes the race week's dose two steps lighter (an earlier rep
maximum, or a set fewer), the next one step lighter, and then the weeks go on. So the
heaviest loaded calf dose (the Achilles heavy slow raises, the plantar protocol's towel
raises with a backpack) never comes in the fortnight after the race: it comes back only
once the tendon has had two weeks to recover and ramp up."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from bench.athletes import START, random_athlete, week_doses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.care import CareItem
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import Plan, Run, RunKind
from legday.planner import CareSchedule, make_plan
from legday.planner.care import loaded_calf, steps_back
from thorough import examples

PROPERTY = settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LOADED_STAGE = {"achilles": 3, "plantar-fascia": 3}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _level(exercise: str, load: str, catalogue: Catalogue, injury: str) -> int:
    """Which step of its stage a loaded calf item's load words are at (0: the first)."""
    stage = catalogue.protocols[injury].stages[-1]
    origin = next(i for i in stage.items if i.exercise == exercise)
    loads = [origin.load, *(origin.in_week(step.week).load for step in origin.steps)]
    return max((n for n, words in enumerate(loads) if load.endswith(words)), default=0)


def _planned(
    items: tuple[CareItem, ...], catalogue: Catalogue, injury: str
) -> dict[str, tuple[int, int]]:
    """A week's loaded calf items as planned: each one's step, then its sets."""
    return {
        i.exercise: (_level(i.exercise, i.load, catalogue, injury), i.sets)
        for i in items
        if loaded_calf(i, catalogue)
    }


def _done(
    plan: Plan, catalogue: Catalogue, injury: str, first: date, last: date
) -> dict[str, tuple[int, int]]:
    """Each loaded calf item's heaviest dose done from `first` to `last`: its step, then
    its sets, in full routines and sessions (not a lift loaded in kg: the strength
    plan's)."""
    stage = catalogue.protocols[injury].stages[-1]
    loaded = {i.exercise for i in stage.items if loaded_calf(i, catalogue)}
    blocks = [r.exercises for r in plan.care if first <= r.day <= last and not r.lightest]
    blocks += [s.main for s in plan.sessions if first <= s.day <= last]
    found: dict[str, tuple[int, int]] = {}
    for block in blocks:
        for p in block:
            if p.exercise in loaded and p.load_kg is None:
                dose = (_level(p.exercise, p.load, catalogue, injury), p.sets)
                found[p.exercise] = max(found.get(p.exercise, (0, 0)), dose)
    return found


@PROPERTY
@given(
    seed=st.integers(0, 10_000),
    injury=st.sampled_from(sorted(LOADED_STAGE)),
    race_week=st.integers(3, 9),
    race_day=st.integers(0, 6),
    minutes=st.sampled_from([95, 200]),
)
def test_the_heaviest_calf_dose_waits_a_fortnight_after_an_a_race(
    catalogue: Catalogue, seed: int, injury: str, race_week: int, race_day: int, minutes: int
) -> None:
    profile, runs = random_athlete(random.Random(seed), 13)
    race = START + timedelta(weeks=race_week, days=race_day)
    runs = [r for r in runs if r.kind is not RunKind.RACE and r.day != race]
    runs.append(Run(race, "Goal race", RunKind.RACE, time(9), None, minutes, priority="A"))
    care = CareSchedule({injury: LOADED_STAGE[injury]}, {})
    profile = replace(profile, injuries=(injury,))
    plan = make_plan(profile, runs, catalogue, care=care)
    doses = week_doses(profile, runs, catalogue, care)
    week = (race - plan.start).days // 7
    before: dict[str, tuple[int, int]] = {}  # the heaviest the progression had reached
    for earlier in range(max(0, week - 3), week + 1):
        for exercise, dose in _planned(doses.of(injury, earlier)[1], catalogue, injury).items():
            before[exercise] = max(before.get(exercise, dose), dose)
    after = _done(plan, catalogue, injury, race + timedelta(days=1), race + timedelta(14))
    for exercise, dose in after.items():
        heaviest = before.get(exercise)
        if heaviest is not None and heaviest > (0, 1):  # a lighter dose than one set exists
            assert dose < heaviest, (exercise, dose, heaviest)


def test_steps_back_take_an_earlier_rep_maximum_then_sets(catalogue: Catalogue) -> None:
    """The heavy slow raise at its 6-rep maximum two steps back is at its 10-rep maximum;
    at its first step, two steps back is two sets fewer."""
    stage = catalogue.protocols["achilles"].stages[-1]
    heavy = stage.items[0]
    top = heavy.in_week(12)
    (back,) = steps_back(stage, (top,), 2)
    assert (back.sets, back.reps, back.load) == (4, 10, heavy.in_week(4).load)
    (first,) = steps_back(stage, (heavy,), 2)
    assert (first.sets, first.reps, first.load) == (heavy.sets - 2, heavy.reps, heavy.load)
