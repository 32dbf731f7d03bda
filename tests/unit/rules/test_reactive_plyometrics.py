"""`movement-quality` and reactive plyometrics: SPEC's "slow controlled tempo (no bouncing)"
is for lifts and landings; stage-2 and stage-3 drills (pogo hops, bounds, drop jumps) are
springy contacts by design and the check lets their quick contacts be (docs/rules.md)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.unit.rules.test_rules import MAIN, _with_session, good_plan

from legday.catalogue.loader import load_catalogue
from legday.model import ExerciseKind, Prescription, Role
from legday.rules import check_plan

CATALOGUE = load_catalogue()


def _drill(exercise_id: str, tempo: str) -> Prescription:
    exercise = CATALOGUE[exercise_id]
    return Prescription(
        exercise=exercise.id,
        sets=3,
        reps=10,
        seconds=None,
        per_side=exercise.unilateral,
        load="bodyweight",
        tempo=tempo,
        target_rpe=7,
        muscles=exercise.muscles,
        unilateral=exercise.unilateral,
        balance=exercise.balance,
        cues=exercise.cues.as_list(),
        kind=ExerciseKind.PLYOMETRIC,
        role=Role.PLYOMETRIC,
    )


def _quality(exercise_id: str, tempo: str) -> list[str]:
    plan = _with_session(good_plan(), 0, main=(*MAIN, _drill(exercise_id, tempo)))
    return [
        v.message
        for v in check_plan(plan, CATALOGUE)
        if v.rule == "movement-quality" and exercise_id in v.message
    ]


@pytest.mark.parametrize("exercise_id", ["pogo-hops", "bounding", "drop-jump"])
def test_reactive_contacts_are_not_told_to_lower_slowly(exercise_id: str) -> None:
    assert CATALOGUE[exercise_id].stage >= 2
    assert _quality(exercise_id, "0-0-X") == []


def test_a_landing_drill_still_lowers_slowly_and_every_drill_keeps_its_effort_cap() -> None:
    assert CATALOGUE["snap-down"].stage == 1
    assert any("under 2 s" in m for m in _quality("snap-down", "0-0-X"))
    plan = _with_session(
        good_plan(), 0, main=(*MAIN, replace(_drill("pogo-hops", "0-0-X"), target_rpe=9))
    )
    assert any(
        "RPE 9" in v.message for v in check_plan(plan, CATALOGUE) if v.rule == "movement-quality"
    )
