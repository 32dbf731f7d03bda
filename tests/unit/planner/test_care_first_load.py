"""A care exercise's load climbs one owned weight at a time, from where its protocol starts
it (issue 13, a coach and physio's read of runner's-knee care: the single-leg box squat
went from bodyweight straight to 10 kg in each hand, the athlete's lifting start).

- From bodyweight a care exercise goes to where its protocol starts its load
  (`CareItem.first_load`): the lightest weight the athlete owns for the knee, hamstring
  and plantar work; the lift's start for the athlete's level for the Achilles heavy slow
  raises, heavy by design (Beyer 2015).
- From a weight it rises by one owned weight at most (`OwnedSteps`), whatever weeks held
  the load or held no exposure between.

Measured as `bench/care_load.py` counts them (`load_jumps`)."""

from __future__ import annotations

import random
from dataclasses import replace
from itertools import pairwise

from bench.care_load import kit_athlete, load_jumps
from hypothesis import given
from hypothesis import strategies as st

from coach_athletes import half_marathoner
from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import Plan, Role
from legday.planner import CareSchedule, make_plan
from legday.planner.care.loads import OwnedSteps, for_kit, from_care_item
from legday.planner.dose import start_load
from thorough import plan_property

CATALOGUE = load_catalogue()


@plan_property(60)
@given(seed=st.integers(0, 1_000_000), weeks=st.integers(6, 16))
def test_no_care_load_climbs_more_than_one_owned_weight(seed: int, weeks: int) -> None:
    """Any athlete with one or two problems, any stage, their own dumbbells or
    kettlebells: no care exposure more than one owned weight above the one before (from
    bodyweight: above the lightest owned, or a heavy slow raise's start for their level)."""
    profile, runs, schedule = kit_athlete(random.Random(seed), weeks)
    plan = make_plan(profile, runs, CATALOGUE, care=schedule)
    assert load_jumps(plan, profile, CATALOGUE)[1] == []


def _loads(plan: Plan, exercise: str) -> list[float | None]:
    """The kilograms of each exposure to `exercise` in the routines, in order."""
    return [p.load_kg for r in plan.care for p in r.exercises if p.exercise == exercise]


def test_the_coachs_box_squat_climbs_from_bodyweight_a_dumbbell_at_a_time() -> None:
    """The half marathoner with runner's knee at its last stage, dumbbells of 6, 8 and 10
    kg: the box squat learned at bodyweight goes on with 6 kg, then 8, then 10 (before:
    bodyweight, then 10 kg in each hand)."""
    profile, runs = half_marathoner()
    profile = replace(profile, injuries=("runners-knee",))
    plan = make_plan(profile, runs, CATALOGUE, care=CareSchedule({"runners-knee": 3}, {}))
    loads = _loads(plan, "single-leg-box-squat")
    assert loads[0] is None  # learned without a weight
    weighed = [kg for kg in loads if kg is not None]
    assert weighed[0] == 6.0 and max(weighed) == 10.0, loads
    rack = (0.0, 6.0, 8.0, 10.0)
    for before, after in pairwise(kg or 0.0 for kg in loads):
        assert rack.index(after) <= rack.index(before) + 1, loads


def test_the_heavy_slow_raises_start_at_the_athletes_level() -> None:
    """Heavy slow resistance starts heavy by design: the first heavy slow raise holds the
    lift's start for the athlete's level (8 kg for an intermediate with dumbbells of 4 to
    16 kg), not the lightest dumbbell."""
    profile, runs = half_marathoner()
    rack = (4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0)
    profile = replace(profile, injuries=("achilles",), dumbbells_kg=rack)
    plan = make_plan(profile, runs, CATALOGUE, care=CareSchedule({"achilles": 3}, {}))
    first = next(kg for kg in _loads(plan, "heavy-slow-calf-raise") if kg is not None)
    exercise = CATALOGUE["heavy-slow-calf-raise"]
    level = start_load(exercise, "dumbbells", profile.level, kit_of(profile))
    assert first == level and level > rack[0]


def test_a_care_load_held_back_is_said_in_its_own_numbers() -> None:
    """A load held one owned weight up (`OwnedSteps.held_to`) or to the last exposure's
    (`OwnedSteps.at`) names its kilograms and its own effort: a race week's RPE 5 split
    squat carried the words of an RPE 6 routine's."""
    profile, _ = half_marathoner()  # dumbbells of 6, 8 and 10 kg
    profile = replace(profile, injuries=("runners-knee",))
    owned = OwnedSteps.of(profile, CATALOGUE)
    stage = CATALOGUE.protocols["runners-knee"].stages[2]
    item = next(i for i in stage.items_in_week(9) if i.exercise == "single-leg-box-squat")
    (weighed,) = for_kit((item,), CATALOGUE, profile)
    p = from_care_item(weighed, CATALOGUE, Role.CARE, ("runners-knee",), rpe=5)
    assert p.load_kg == 10.0
    first = owned.held_to(p, None)  # from bodyweight: the lightest owned
    assert (first.load_kg, first.implement) == (6.0, "dumbbells")
    assert "6 kg" in first.load and "RPE 5" in first.load, first.load
    assert owned.held_to(p, 8.0) == p  # one owned weight up: as planned
    bare = owned.at(p, None, "")
    assert bare.load_kg is None and not bare.implement and "RPE 5" in bare.load
