"""Load arithmetic: kilograms in the prescription text, the cap on a rise, easing off.

The model keeps a load as text ("12 kg dumbbells"); these helpers read and write the
number, cap a rise at 10 % and one small step of the implement, and make a prescription
about 10 % easier (lighter, else fewer reps or seconds), a rep or two shorter, or slower.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from legday.model import Exercise, Prescription

__all__ = [
    "DEFAULT_STEP",
    "LOAD_STEPS",
    "MAX_RISE_FRACTION",
    "RESTART_FRACTION",
    "Load",
    "as_exercise",
    "fewer",
    "format_load",
    "lighter",
    "load_kg",
    "load_step",
    "max_rise",
    "parse_load",
    "slower_tempo",
]

MAX_RISE_FRACTION = 0.10  # a load rise is at most 10 % ...
LOAD_STEPS = {"dumbbells": 2.0, "dumbbell": 2.0, "kettlebell": 2.0, "barbell": 2.5}
DEFAULT_STEP = 1.0  # ... and at most one small step of the implement
RESTART_FRACTION = 0.90  # back ~10 % lighter after a break
MAX_ECCENTRIC = 5  # slowest lowering phase offered as a tempo progression

_LOAD_RE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*kg\b\s*(.*)$", re.IGNORECASE)
_TEMPO_RE = re.compile(r"^(\d+)-(\d+)-(\d+)$")


@dataclass(frozen=True, slots=True)
class Load:
    """A numeric load; the model keeps load as text such as "12 kg dumbbells"."""

    kg: float
    implement: str = ""


def parse_load(text: str) -> Load | None:
    """ "12 kg dumbbells" -> Load(12.0, "dumbbells"); None when the text has no kilograms."""
    match = _LOAD_RE.match(text)
    if match is None:
        return None
    return Load(float(match.group(1).replace(",", ".")), match.group(2).strip())


def load_kg(p: Prescription) -> float | None:
    """The kilograms a prescription names, if any."""
    load = parse_load(p.load)
    return None if load is None else load.kg


def format_load(load: Load) -> str:
    return f"{load.kg:g} kg {load.implement}".strip()


def load_step(implement: str) -> float:
    """The smallest jump the implement allows (a pair of dumbbells goes up 1-2 kg)."""
    return LOAD_STEPS.get(implement.lower(), DEFAULT_STEP)


def max_rise(kg: float, implement: str) -> float:
    """The cap on one rise: at most 10 % and at most one step, in whole half-kilograms."""
    return math.floor(min(load_step(implement), kg * MAX_RISE_FRACTION) * 2) / 2


def lighter(p: Prescription, lo: int) -> Prescription:
    """About 10 % easier: lighter load if there is one, else fewer reps or seconds."""
    load = parse_load(p.load)
    if load is not None and load.kg > 0:
        kg = min(math.floor(load.kg * RESTART_FRACTION * 2) / 2, max(0.0, load.kg - 0.5))
        return replace(p, load=format_load(Load(kg, load.implement)))
    if p.reps is not None:
        return replace(p, reps=max(1, min(lo, p.reps - max(1, round(p.reps * 0.1)))))
    if p.seconds is not None:
        return replace(p, seconds=min(p.seconds, max(1, math.floor(p.seconds * RESTART_FRACTION))))
    return p


def fewer(p: Prescription, lo: int) -> Prescription:
    """~10 % fewer reps or seconds at the same load (at least one rep fewer, not below 1)."""
    if p.reps is not None:
        return replace(p, reps=max(1, min(p.reps - 1, max(lo, p.reps - 2))))
    if p.seconds is not None:
        return replace(p, seconds=min(p.seconds, max(1, math.floor(p.seconds * RESTART_FRACTION))))
    return p


def slower_tempo(tempo: str) -> str | None:
    match = _TEMPO_RE.match(tempo.strip())
    if match is None or int(match.group(1)) >= MAX_ECCENTRIC:
        return None
    return f"{int(match.group(1)) + 1}-{match.group(2)}-{match.group(3)}"


def as_exercise(p: Prescription, exercise: Exercise, lo: int, *, easier: bool) -> Prescription:
    """The same slot in the session filled by a neighbouring variation."""
    load = parse_load(p.load)
    if exercise.loadable and load is not None:
        text = format_load(Load(math.floor(load.kg * RESTART_FRACTION * 2) / 2, load.implement))
        text = text if easier else p.load
    else:
        text = "bodyweight"
    timed = exercise.measure != "reps"
    return replace(
        p,
        exercise=exercise.id,
        reps=None if timed else lo,
        seconds=(p.seconds or 30) if timed else None,
        load=text,
        tempo=exercise.tempo or p.tempo,
        muscles=exercise.muscles,
        unilateral=exercise.unilateral,
        per_side=exercise.unilateral,
        balance=exercise.balance,
        injury_care=tuple(dict.fromkeys(p.injury_care + exercise.injury_care)),
        cues=exercise.cues.as_list(),
        kind=exercise.kind,
        new=False,
    )
