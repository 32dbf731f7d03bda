"""Heavy care work the athlete's weights cannot make heavy enough on two legs is done
one leg at a time (coach's read: a 10-rep maximum two-legged heavy slow calf raise with
a pair of 10 kg dumbbells is out of reach)."""

from __future__ import annotations

from dataclasses import replace

from coach_athletes import half_marathoner
from legday.care import REFERENCE_BODY_KG, CareItem, one_leg_when_light
from legday.catalogue.loader import load_catalogue
from legday.model import Plan, Prescription
from legday.planner import CareSchedule, make_plan

CATALOGUE = load_catalogue()


def _heavy_stage_plan(dumbbells: tuple[float, ...]) -> Plan:
    profile, runs = half_marathoner()
    profile = replace(profile, injuries=("achilles",), dumbbells_kg=dumbbells)
    return make_plan(profile, runs, CATALOGUE, care=CareSchedule({"achilles": 3}, {}))


def _heavy_raises(plan: Plan) -> list[Prescription]:
    found = [p for r in plan.care for p in r.exercises if p.exercise == "heavy-slow-calf-raise"]
    found += [p for s in plan.sessions for p in s.main if p.exercise == "heavy-slow-calf-raise"]
    return found


def test_the_protocol_names_what_two_legs_need() -> None:
    (heavy,) = [
        i for i in CATALOGUE.protocols["achilles"].stages[2].items if i.two_legs_load is not None
    ]
    assert heavy.exercise == "heavy-slow-calf-raise"


def test_light_dumbbells_put_heavy_slow_raises_on_one_leg() -> None:
    raises = _heavy_raises(_heavy_stage_plan((6.0, 8.0, 10.0)))
    assert raises
    for p in raises:
        assert p.per_side and p.unilateral, p
        assert p.load.startswith("one leg at a time"), p.load
        # one of the athlete's own dumbbells, in the working hand
        assert p.implement == "dumbbells" and p.load_kg in (6.0, 8.0, 10.0), p
        assert p.load.count(f"one {p.load_kg:g} kg dumbbell") == 1, p.load


def test_heavy_enough_dumbbells_keep_both_legs() -> None:
    heaviest = REFERENCE_BODY_KG / 2 + 2  # a pair past the body mass the rule assumes
    raises = _heavy_raises(_heavy_stage_plan((10.0, heaviest)))
    assert raises and not any(p.per_side for p in raises)


def test_one_leg_takes_twice_the_time() -> None:
    light = _heavy_stage_plan((6.0, 8.0, 10.0))
    heavy = _heavy_stage_plan((10.0, 32.0))
    assert max(r.minutes for r in light.care) > max(r.minutes for r in heavy.care)


def test_the_threshold_is_relative_to_body_mass() -> None:
    item = CareItem("heavy-slow-calf-raise", 3, reps=15, two_legs_load=1.0)
    assert one_leg_when_light(item, REFERENCE_BODY_KG - 1).one_leg
    assert not one_leg_when_light(item, REFERENCE_BODY_KG).one_leg
    assert not one_leg_when_light(replace(item, two_legs_load=None), 0).one_leg
