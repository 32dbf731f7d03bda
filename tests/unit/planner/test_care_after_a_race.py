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
from hypothesis import given
from hypothesis import strategies as st

from legday.care import CareItem
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import Plan, Profile, Run, RunKind
from legday.planner import CareSchedule, make_plan
from legday.planner.care import care_steps, for_kit, loaded_calf, steps_back
from thorough import plan_property

PROPERTY = plan_property(60)
LOADED_STAGE = {"achilles": 3, "plantar-fascia": 3}


CATALOGUE = load_catalogue()


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return CATALOGUE


def _level(exercise: str, reps: int | None, kg: float | None, profile: Profile, injury: str) -> int:
    """Which step of its stage a loaded calf item is at (0: the first), read from its
    kilograms in the athlete's kit as they are at each step, then its reps: a dose
    climbing back (`ramp`) keeps the step's weight at fewer reps, and steps at the top of
    the rack share a weight (the step it climbs to: the fewest reps no fewer than its)."""
    stage = CATALOGUE.protocols[injury].stages[-1]
    origin = next(i for i in stage.items if i.exercise == exercise)
    steps = for_kit(care_steps(origin), CATALOGUE, profile)
    weighed = [n for n, step in enumerate(steps) if step.load_kg == kg]
    assert weighed, (exercise, reps, kg, [(step.reps, step.load_kg) for step in steps])
    reaching = [n for n in weighed if (steps[n].reps or 0) >= (reps or 0)]
    return max(reaching or weighed, key=lambda n: (-(steps[n].reps or 0), n))


def _planned(
    items: tuple[CareItem, ...], profile: Profile, injury: str
) -> dict[str, tuple[int, int]]:
    """A week's loaded calf items as planned: each one's step, then its sets."""
    return {
        i.exercise: (_level(i.exercise, i.reps, i.load_kg, profile, injury), i.sets)
        for i in items
        if loaded_calf(i, CATALOGUE)
    }


def _done(
    plan: Plan, profile: Profile, injury: str, first: date, last: date
) -> dict[str, tuple[int, int]]:
    """Each loaded calf item's heaviest dose done from `first` to `last`: its step, then
    its sets, in full routines and sessions (at care's dose, not a lift the strength plan
    progresses)."""
    stage = CATALOGUE.protocols[injury].stages[-1]
    loaded = {i.exercise for i in stage.items if loaded_calf(i, CATALOGUE)}
    blocks = [r.exercises for r in plan.care if first <= r.day <= last and not r.lightest]
    blocks += [s.main for s in plan.sessions if first <= s.day <= last]
    found: dict[str, tuple[int, int]] = {}
    for block in blocks:
        for p in block:
            if p.exercise in loaded and p.care_dose:
                dose = (_level(p.exercise, p.reps, p.load_kg, profile, injury), p.sets)
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
        for exercise, dose in _planned(doses.of(injury, earlier)[1], profile, injury).items():
            before[exercise] = max(before.get(exercise, dose), dose)
    after = _done(plan, profile, injury, race + timedelta(days=1), race + timedelta(14))
    for exercise, dose in after.items():
        heaviest = before.get(exercise)
        if heaviest is not None and heaviest > (0, 1):  # a lighter dose than one set exists
            assert dose < heaviest, (exercise, dose, heaviest)


def test_steps_back_take_an_earlier_rep_maximum_then_sets(catalogue: Catalogue) -> None:
    """The heavy slow raise at 4 x 6, four owned weights above its start, is two steps
    back at 4 x 10 two weights above it; at its first step, two steps back is two sets
    fewer."""
    stage = catalogue.protocols["achilles"].stages[-1]
    heavy = stage.items[0]
    top = heavy.in_week(12)
    (back,) = steps_back(stage, (top,), 2)
    assert (back.sets, back.reps, back.loaded, back.heavier) == (4, 10, True, 2)
    assert back.heavier == heavy.in_week(4).heavier
    (first,) = steps_back(stage, (heavy,), 2)
    assert (first.sets, first.reps, first.heavier) == (heavy.sets - 2, heavy.reps, 0)
