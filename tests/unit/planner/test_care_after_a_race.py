"""After an A race care restarts gently (issue 13): the days after it take the lightest
form, the week after takes the race week's dose two steps lighter (the next lighter
weight for each, or a set fewer), the next one step lighter, and then the weeks go on. So
the heaviest loaded calf dose (the Achilles heavy slow raises, the plantar protocol's
one-legged towel raises with a weight) never comes in the fortnight after the race: it
comes back only once the tendon has had two weeks to recover and ramp up."""

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
from legday.model import (
    ALWAYS_AT_HAND,
    Equipment,
    Level,
    Plan,
    Prescription,
    Profile,
    Run,
    RunKind,
)
from legday.planner import CareSchedule, make_plan
from legday.planner.care.loads import for_kit, loaded_calf
from legday.planner.care.schedule import _fitted, care_steps, steps_back
from thorough import plan_property

PROPERTY = plan_property(60)
LOADED_STAGE = {"achilles": 3, "plantar-fascia": 3}


CATALOGUE = load_catalogue()


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return CATALOGUE


def _level(item: CareItem, profile: Profile, injury: str) -> int:
    """Which step of its stage a planned loaded calf item is at (0: the first), read from
    its reps and its kilograms in the athlete's kit as they are at each step."""
    stage = CATALOGUE.protocols[injury].stages[-1]
    origin = next(i for i in stage.items if i.exercise == item.exercise)
    steps = for_kit(care_steps(origin), CATALOGUE, profile)
    found = [
        n for n, step in enumerate(steps) if (step.reps, step.load_kg) == (item.reps, item.load_kg)
    ]
    assert found, (item, [(step.reps, step.load_kg) for step in steps])
    return max(found)


def _planned(items: tuple[CareItem, ...], profile: Profile, injury: str) -> dict[str, CareItem]:
    """A week's loaded calf items as planned, by exercise."""
    return {i.exercise: i for i in items if loaded_calf(i, CATALOGUE)}


def _dose(item: CareItem, profile: Profile, injury: str) -> tuple[int, int]:
    """How heavy a planned item is: its step, then its sets."""
    return _level(item, profile, injury), item.sets


def _done(plan: Plan, injury: str, first: date, last: date) -> list[tuple[date, Prescription]]:
    """The loaded calf care done from `first` to `last`, in full routines and sessions (at
    care's dose, not a lift the strength plan progresses)."""
    stage = CATALOGUE.protocols[injury].stages[-1]
    loaded = {i.exercise for i in stage.items if loaded_calf(i, CATALOGUE)}
    blocks = [(r.day, r.exercises) for r in plan.care if first <= r.day <= last and not r.lightest]
    blocks += [(s.day, s.main) for s in plan.sessions if first <= s.day <= last]
    return [
        (day, p) for day, block in blocks for p in block if p.exercise in loaded and p.care_dose
    ]


def _no_heavier(p: Prescription, item: CareItem) -> bool:
    """A prescription at most its week's planned dose: no more kilograms, sets or reps
    (a dose climbing back keeps the weight and cuts reps or sets; a held week keeps the
    load of the latest exposure when that was lighter than the plan's step)."""
    reps, planned = p.reps or 0, item.reps or 0
    lighter = (p.load_kg or 0.0) <= (item.load_kg or 0.0)
    return lighter and p.sets <= item.sets and reps <= planned


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
    """The two weeks after the race week plan its loaded calf care lighter than the race
    week's dose (a taper's held dose, or the progression's), and so lighter than the
    heaviest of the weeks before; what is done there is no heavier than planned (a dose
    climbing back cuts reps or sets, never adds), and the race week's days after the race
    hold none (the lightest form only)."""
    profile, runs = random_athlete(random.Random(seed), 13)
    race = START + timedelta(weeks=race_week, days=race_day)
    runs = [r for r in runs if r.kind is not RunKind.RACE and r.day != race]
    runs.append(Run(race, "Goal race", RunKind.RACE, time(9), None, minutes, priority="A"))
    care = CareSchedule({injury: LOADED_STAGE[injury]}, {})
    profile = replace(profile, injuries=(injury,))
    plan = make_plan(profile, runs, catalogue, care=care)
    doses = week_doses(profile, runs, catalogue, care)
    week = (race - plan.start).days // 7
    raced = {
        exercise: _dose(item, profile, injury)
        for exercise, item in _planned(doses.of(injury, week)[1], profile, injury).items()
    }
    for later in range(week + 1, min(week + 3, profile.weeks)):
        for exercise, item in _planned(doses.of(injury, later)[1], profile, injury).items():
            then = raced.get(exercise)
            if then is not None and then > (0, 1):  # a lighter dose than one set exists
                assert _dose(item, profile, injury) < then, (later, exercise, then)
    for day, p in _done(plan, injury, race + timedelta(days=1), race + timedelta(days=14)):
        later = (day - plan.start).days // 7
        assert later > week, (day, p.exercise)  # the race week's days after it: lightest
        item = _planned(doses.of(injury, later)[1], profile, injury)[p.exercise]
        assert _no_heavier(p, item), (day, p.exercise, p.sets, p.reps, p.load_kg, item)


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


def test_steps_back_go_to_a_lighter_weight_never_more_reps_at_the_same(
    catalogue: Catalogue,
) -> None:
    """Read in the athlete's kilograms, a step back is the next lighter weight. Dumbbells
    of 6, 8 and 10 kg put every heavy slow step from 3 x 12 on at 10 kg: one step back
    from 4 x 6 is 3 x 15 at 8 kg, not 4 x 8 at 10 kg (more reps at the same weight is
    more work); with nothing lighter than the top (a lone 6 kg dumbbell: 6 kg from the
    first step; with 4 and 6 kg the climb starts at 4 kg, one below the top, and steps
    back to it), each step back is a set fewer at the same reps and weight."""
    stage = catalogue.protocols["achilles"].stages[-1]
    top = stage.items[0].in_week(12)
    for owned, one_back, two_back in (
        ((6.0, 8.0, 10.0), (3, 15, 8.0), (2, 15, 8.0)),
        ((6.0,), (3, 6, 6.0), (2, 6, 6.0)),
        ((4.0, 6.0), (3, 15, 4.0), (2, 15, 4.0)),
    ):
        profile = Profile(
            start=START,
            injuries=("achilles",),
            equipment=ALWAYS_AT_HAND | {Equipment.DUMBBELLS},
            dumbbells_kg=owned,
            level=Level.INTERMEDIATE,
        )
        fit = _fitted(catalogue, profile)
        for steps, expected in ((1, one_back), (2, two_back)):
            (back,) = fit(steps_back(stage, (top,), steps, fit))
            assert (back.sets, back.reps, back.load_kg) == expected, (owned, steps)
