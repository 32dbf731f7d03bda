"""What the logbook says was done: one logged set, and one exercise's sets on one day.

A set is checked where it is made: every number has a plausible range, so a typo
(1,000,000 reps, 40 reps in reserve) is refused with the field's name instead of being
read as a feat of strength (or as RPE 0) by the progression rules.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from legday.errors import InputError

__all__ = ["LIMITS", "SIDES", "ExerciseLog", "SetLog", "sessions_of"]

SIDES = ("left", "right", "both")
# The plausible range of each number on a set (inclusive): a typo beyond it is refused.
LIMITS: dict[str, tuple[float, float]] = {
    "reps": (0, 100),
    "seconds": (0, 3600),
    "rpe": (1, 10),
    "rir": (0, 10),
    "pain": (0, 10),
    "load_kg": (0, 500),
}
_NUMBERS = (int, float)  # a tuple: `int | float` would build a union on every check
_UNITS = {"load_kg": " kg", "seconds": " s"}
_NAMES = {"load_kg": "load"}


@dataclass(frozen=True, slots=True)
class SetLog:
    """One logged set; effort as RPE (1-10) or reps in reserve, pain on a 0-10 scale."""

    exercise: str
    day: date
    side: str = "both"
    reps: int | None = None
    load_kg: float | None = None
    seconds: int | None = None
    rpe: float | None = None
    rir: int | None = None
    form_ok: bool = True
    pain: int = 0
    note: str = ""

    def __post_init__(self) -> None:
        if self.side not in SIDES:
            raise InputError("side", f"must be one of {', '.join(SIDES)}, not {self.side!r}")
        for name, (lo, hi) in LIMITS.items():
            value = getattr(self, name)
            if value is None:
                continue
            if not isinstance(value, _NUMBERS) or isinstance(value, bool):
                raise InputError(_NAMES.get(name, name), f"must be a number, not {value!r}")
            if not (math.isfinite(value) and lo <= value <= hi):
                unit = _UNITS.get(name, "")
                raise InputError(
                    _NAMES.get(name, name), f"must be {lo:g}-{hi:g}{unit}, not {value}"
                )

    @property
    def effort(self) -> float | None:
        """RPE, from reps in reserve when only that was logged (RIR 2 = RPE 8)."""
        if self.rpe is not None:
            return self.rpe
        return None if self.rir is None else float(max(1, 10 - self.rir))


@dataclass(frozen=True, slots=True)
class ExerciseLog:
    """All sets of one exercise on one day, summarised the way the rules read them."""

    day: date
    sets: tuple[SetLog, ...]

    @property
    def pain(self) -> int:
        return max(s.pain for s in self.sets)

    @property
    def form_ok(self) -> bool:
        return all(s.form_ok for s in self.sets)

    @property
    def effort(self) -> float | None:
        known = [e for e in (s.effort for s in self.sets) if e is not None]
        return max(known) if known else None

    @property
    def load(self) -> float | None:
        loads = [s.load_kg for s in self.sets if s.load_kg is not None]
        return max(loads) if loads else None

    @property
    def min_reps(self) -> int | None:
        reps = [s.reps for s in self.sets if s.reps is not None]
        return min(reps) if reps else None

    @property
    def min_seconds(self) -> int | None:
        secs = [s.seconds for s in self.sets if s.seconds is not None]
        return min(secs) if secs else None

    @property
    def working_sets(self) -> int:
        """Sets done; a unilateral set counts once both sides are done."""
        both = sum(1 for s in self.sets if s.side == "both")
        left = sum(1 for s in self.sets if s.side == "left")
        right = sum(1 for s in self.sets if s.side == "right")
        return both + min(left, right)

    def good(self, target: float) -> bool:
        effort = self.effort
        return self.form_ok and self.pain == 0 and effort is not None and effort <= target


def sessions_of(history: Sequence[SetLog], exercise: str, today: date) -> list[ExerciseLog]:
    """The logged sessions of one exercise up to today, oldest first (input order kept)."""
    mine = sorted(
        (s for s in history if s.exercise == exercise and s.day <= today), key=lambda s: s.day
    )
    return [ExerciseLog(day, tuple(sets)) for day, sets in groupby(mine, key=lambda s: s.day)]
