"""One-legged means a leg works on its own (tests/one_legged.py): the tag feeds the
`one-legged` rule, so a wrong one lets a session count a foot drill or a side-lying lift
as the seed's one-legged work (a coach found "short foot" and "side plank with leg lift"
counted so)."""

from __future__ import annotations

import pytest

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import Equipment, Exercise, ExerciseKind
from one_legged import ONE_LEGGED, WRONGLY_ONE_LEGGED

TRAINED = (ExerciseKind.STRENGTH, ExerciseKind.BALANCE, ExerciseKind.PLYOMETRIC)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _trained(catalogue: Catalogue) -> list[Exercise]:
    return [e for e in catalogue if e.kind in TRAINED]


def test_the_one_legged_exercises_are_the_reviewed_ones(catalogue: Catalogue) -> None:
    """A new exercise, or a changed tag, waits for a review: add it to tests/one_legged.py
    with what makes it one-legged."""
    tagged = {e.id for e in _trained(catalogue) if e.unilateral}
    assert sorted(tagged - ONE_LEGGED.keys()) == []
    assert sorted(ONE_LEGGED.keys() - tagged) == []


def test_the_wrong_tags_a_coach_found_are_gone(catalogue: Catalogue) -> None:
    for exercise_id in WRONGLY_ONE_LEGGED:
        exercise = catalogue[exercise_id]
        assert not exercise.unilateral, exercise_id
        assert exercise.per_side, exercise_id  # still done on each side


def _setup(exercise: Exercise) -> str:
    return exercise.cues.setup.lower()


def test_foot_drills_and_seated_work_are_never_one_legged(catalogue: Catalogue) -> None:
    """No leg carries the body in a foot drill or sitting down."""
    for e in _trained(catalogue):
        if e.pattern == "foot" or _setup(e).startswith("sit"):
            assert not e.unilateral, e.id


def test_side_lying_lifts_are_one_legged_only_when_a_leg_holds_the_body(
    catalogue: Catalogue,
) -> None:
    """Lying on the side, a lifted leg carries only itself (a clamshell, a side-lying raise,
    a side plank with leg lift); a Copenhagen plank's top leg on the bench holds the body up."""
    for e in _trained(catalogue):
        lying = "lie on your side" in _setup(e) or "side-lying" in _setup(e)
        if lying or "side plank" in e.name.lower():
            assert e.unilateral == (Equipment.BENCH in e.equipment), e.id


def test_single_leg_names_are_one_legged(catalogue: Catalogue) -> None:
    for e in _trained(catalogue):
        if "single-leg" in e.name.lower() or "pistol" in e.id:
            assert e.unilateral, e.id


def test_trunk_work_is_never_one_legged(catalogue: Catalogue) -> None:
    for e in _trained(catalogue):
        if not e.lower_body or e.muscles[0].value == "core":
            assert not e.unilateral, e.id
