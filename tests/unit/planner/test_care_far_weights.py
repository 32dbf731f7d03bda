"""A care-dosed weight never jumps to a far next weight (issue 13, fault 3 of a coach's
sixth read): a beginner with many problems and dumbbells of 1, 2, 2.5, 4, 5 and 30 kg saw
the care calf raise go from 5 kg to the 30 kg dumbbell in one week, in routines and in the
session's care-dosed anchor alike. Care holds its protocol's reps, so a far next weight is
not taken (`care_step_up`); a small one still is."""

from __future__ import annotations

from datetime import date

from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import Equipment, Level, Profile
from legday.planner import make_plan
from legday.planner.care.loads import care_step_up

CATALOGUE = load_catalogue()


def many_problems() -> Profile:
    """The shrunk random athlete of `test_no_anchor_steps_down_for_any_athlete`."""
    return Profile(
        start=date(2027, 1, 4),
        weeks=15,
        injuries=(
            "shin-splints",
            "runners-knee",
            "achilles",
            "achilles-insertional",
            "it-band",
            "plantar-fascia",
            "hamstring",
        ),
        equipment=frozenset(Equipment),
        level=Level.BEGINNER,
        minutes=30,
        days=frozenset({1}),
        seed=23,
        dumbbells_kg=(1.0, 2.0, 2.5, 4.0, 5.0, 30.0),
        kettlebells_kg=(4.0,),
        plates_kg=(0.5,),
        bar_kg=7.0,
    )


def test_care_climbs_small_steps_only() -> None:
    kit = kit_of(many_problems())
    assert care_step_up(4.0, "dumbbells", kit) == 5.0
    assert care_step_up(5.0, "dumbbells", kit) is None


def test_no_care_load_jumps_to_a_far_weight() -> None:
    plan = make_plan(many_problems(), [], CATALOGUE)
    routine_kg = {p.load_kg for c in plan.care for p in c.exercises if p.load_kg}
    session_kg = {p.load_kg for s in plan.sessions for p in s.main if p.care_dose and p.load_kg}
    assert 5.0 in routine_kg | session_kg
    assert 30.0 not in routine_kg | session_kg
