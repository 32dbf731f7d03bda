"""The pure parts of `log --done` and of the re-plan report: `--set` text to `AsDone`,
a prescription to its sets, and the days a re-plan moved."""

from __future__ import annotations

from datetime import date

import pytest

from legday.cli.logbook_entries import parse_change
from legday.errors import InputError
from legday.model import Muscle, Prescription
from legday.services import AsDone, DayChange, day_changes, sets_as_prescribed

DAY = date(2027, 1, 6)


def _p(**changes: object) -> Prescription:
    base: dict[str, object] = {
        "exercise": "split-squat", "sets": 3, "reps": 8, "seconds": None, "per_side": True,
        "load": "10 kg dumbbells", "tempo": "3-1-2", "target_rpe": 7,
        "muscles": (Muscle.QUADS,), "unilateral": True, "balance": False,
        "load_kg": 10.0, "implement": "dumbbells",
    }  # fmt: skip
    base.update(changes)
    return Prescription(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("3x5@40", AsDone(sets=3, reps=5, load_kg=40.0)),
        ("2x30s", AsDone(sets=2, seconds=30)),
        ("2 x 45 s @ 7.5 kg", AsDone(sets=2, seconds=45, load_kg=7.5)),
        ("@16", AsDone(load_kg=16.0)),
        ("16kg,rpe=8.5", AsDone(load_kg=16.0, rpe=8.5)),
        ("rir=2,pain=3,bad-form", AsDone(rir=2, pain=3, form_ok=False)),
        ("skip", AsDone(skipped=True)),
    ],
)
def test_set_parts(spec: str, expected: AsDone) -> None:
    assert parse_change("split-squat", spec) == expected


@pytest.mark.parametrize(
    "spec", ["3x", "x8", "@", "rpe=", "pain=2.5", "rir=11", "51x8", "3x8@501", "fast"]
)
def test_wrong_set_parts_name_the_set(spec: str) -> None:
    with pytest.raises(InputError, match="--set split-squat"):
        parse_change("split-squat", spec)


def test_a_one_sided_exercise_logs_both_sides_and_the_weaker_sides_extra_set() -> None:
    sets = sets_as_prescribed(_p(extra_side="left"), DAY, AsDone())
    assert [s.side for s in sets] == ["left"] * 4 + ["right"] * 3
    assert {(s.reps, s.load_kg, s.rpe, s.pain, s.form_ok) for s in sets} == {
        (8, 10.0, 7.0, 0, True)
    }
    changed = sets_as_prescribed(_p(extra_side="left"), DAY, AsDone(sets=2, reps=6))
    assert [s.side for s in changed] == ["left", "left", "right", "right"]  # as told


def test_a_hold_logs_seconds_and_bodyweight_no_kg() -> None:
    hold = _p(reps=None, seconds=30, per_side=False, load="bodyweight", load_kg=None)
    sets = sets_as_prescribed(hold, DAY, AsDone(rir=3))
    assert {(s.reps, s.seconds, s.load_kg, s.rpe, s.rir) for s in sets} == {
        (None, 30, None, None, 3)
    }
    assert sets_as_prescribed(hold, DAY, AsDone(skipped=True)) == []


def test_an_exercises_own_change_wins_over_the_sessions() -> None:
    every = AsDone(rpe=8.0, pain=1)
    assert AsDone(rir=2).over(every) == AsDone(rir=2, pain=1)
    assert AsDone(sets=2).over(every) == AsDone(sets=2, rpe=8.0, pain=1)


def test_the_days_a_replan_moved_pair_within_a_plan_week() -> None:
    start = date(2027, 1, 4)
    mon, wed, thu, fri = (date(2027, 1, d) for d in (4, 6, 7, 8))
    next_mon = date(2027, 1, 11)
    assert day_changes([mon, wed, fri], [mon, thu, fri], start) == (DayChange(wed, thu),)
    assert day_changes([wed, next_mon], [next_mon], start) == (DayChange(wed, None),)
    assert day_changes([wed], [wed, next_mon], start) == (DayChange(None, next_mon),)
    assert day_changes([wed], [next_mon], start) == (
        DayChange(wed, None),
        DayChange(None, next_mon),
    )
