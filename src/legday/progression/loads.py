"""Load arithmetic: the kilograms of a prescription, the cap on a rise, easing off.

A prescription carries its load as a number (`load_kg`, per hand for dumbbells) and an
`implement`; plans and logs from before the number existed only have the text
("12 kg dumbbells"), which is read as a fallback. A rise is capped at 10 % and one small
step of the implement, and, when the athlete's kit is known, lands on a load they own
(no 10.5 kg dumbbells). Easing off makes a prescription about 10 % easier (lighter, else
fewer reps or seconds), a rep or two shorter, or slower.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from legday.kit import Kit
from legday.model import IMPLEMENTS, Exercise, Prescription, WarmupSet, rep_tempo

__all__ = [
    "DEFAULT_STEP",
    "LOAD_STEPS",
    "MAX_RISE_FRACTION",
    "RESTART_FRACTION",
    "RISE_AFTER_SESSIONS",
    "RISE_EVERY_DAYS",
    "STRENGTH_RISE",
    "Load",
    "as_exercise",
    "fewer",
    "format_load",
    "heavier_kg",
    "lighter",
    "lighter_kg",
    "load_kg",
    "load_of",
    "load_step",
    "max_rise",
    "parse_load",
    "ramp",
    "ramp_seconds",
    "ramped",
    "ramps_in_order",
    "rep_max_kg",
    "reps_to_reach",
    "slower_tempo",
    "warmup_set_seconds",
    "with_load",
]

MAX_RISE_FRACTION = 0.10  # a load rise is at most 10 % ...
LOAD_STEPS = {"dumbbells": 2.0, "kettlebell": 2.0, "barbell": 2.5}
DEFAULT_STEP = 1.0  # ... and at most one small step of the implement
RISE_AFTER_SESSIONS = 2  # a load rises after two sessions at it ...
RISE_EVERY_DAYS = 7  # ... and a week after it was first lifted, planned or logged
RESTART_FRACTION = 0.90  # back ~10 % lighter after a break
MAX_ECCENTRIC = 5  # slowest lowering phase offered as a tempo progression
# A next owned weight is within reach when lifting it asks at most this much more strength
# than the last set showed (`reps_to_reach`): a quarter, as the rack's small step
# (`Kit.small_step`) asks of the load. A dumbbell pair of 16 to 20 kg, 6 reps to 4, asks
# 18 % more; a kettlebell of 12 to 16 kg, 6 reps to 3, 23 %.
STRENGTH_RISE = 0.25
IN_RESERVE = 2  # a working set stops two reps short (RPE 8 at most)
_SPELLINGS = {"dumbbell": "dumbbells", "kettlebells": "kettlebell", "barbells": "barbell"}

_LOAD_RE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*kg\b\s*(.*)$", re.IGNORECASE)
_TEMPO_RE = re.compile(r"^(\d+)-(\d+)-(\d+)$")


@dataclass(frozen=True, slots=True)
class Load:
    """A numeric load: kilograms (per hand for dumbbells) and what they are lifted with."""

    kg: float
    implement: str = ""


def _implement(name: str) -> str:
    """One spelling per implement: old logs say "dumbbell" where the model says "dumbbells"."""
    name = name.strip().lower()
    return _SPELLINGS.get(name, name)


def parse_load(text: str) -> Load | None:
    """ "12 kg dumbbells" -> Load(12.0, "dumbbells"); None when the text has no kilograms."""
    match = _LOAD_RE.match(text)
    if match is None:
        return None
    return Load(float(match.group(1).replace(",", ".")), _implement(match.group(2)))


def load_of(p: Prescription) -> Load | None:
    """The prescription's number first; the text only for plans stored before it existed."""
    if p.load_kg is not None:
        return Load(p.load_kg, _implement(p.implement))
    return parse_load(p.load)


def load_kg(p: Prescription) -> float | None:
    """The kilograms a prescription names, if any."""
    load = load_of(p)
    return None if load is None else load.kg


def format_load(load: Load) -> str:
    return f"{load.kg:g} kg {load.implement}".strip()


def with_load(p: Prescription, load: Load) -> Prescription:
    """The prescription at this load: the number, the implement and the words agree."""
    return replace(p, load=format_load(load), load_kg=load.kg, implement=load.implement)


def load_step(implement: str) -> float:
    """The smallest jump the implement allows (a pair of dumbbells goes up 1-2 kg)."""
    return LOAD_STEPS.get(_implement(implement), DEFAULT_STEP)


def max_rise(kg: float, implement: str) -> float:
    """The cap on one rise: at most 10 % and at most one step, in whole half-kilograms."""
    return math.floor(min(load_step(implement), kg * MAX_RISE_FRACTION) * 2) / 2


def heavier_kg(load: Load, kit: Kit | None) -> float | None:
    """The next load up within the cap, one the athlete owns; None when there is none.

    With the athlete's own weights the cap is 10 %, or one step of their rack when its
    next weight is further than that (10 to 12 kg dumbbells, 12 to 16 kg bells): the
    smallest rise they can make, taken with the reps back at the bottom of the range,
    so a set does less work than the last one did. Never more than one step.
    """
    ceiling = load.kg + max_rise(load.kg, load.implement)
    if kit is None or not kit.loads(load.implement):
        return ceiling if ceiling > load.kg else None
    kg = kit.at_most(load.implement, ceiling)
    if kg is not None and kg > load.kg:
        return kg
    return kit.step_up(load.implement, load.kg)


# Before a barbell lift's first work set: the empty bar for BAR_REPS, then about half and
# three quarters of the work load for fewer reps (a ramp, as strength coaches warm up a
# heavy lift), each load one the plates make, a set left out when it would repeat the one
# before or reach the work load. A later barbell lift of the session takes the last of
# them only: the body and the bar's groove are warm by then; so does an easy day's lift
# (RPE 6 or less: a first time, a taper, a race or recovery week), whose work sets are
# themselves far from hard, after the bar.
BAR_REPS = 8
RAMP = ((0.5, 5), (0.75, 3))
EASY_RPE = 6


def ramp(
    kg: float | None,
    implement: str,
    kit: Kit | None,
    *,
    empty_bar: bool = True,
    rpe: int = EASY_RPE + 1,
) -> tuple[WarmupSet, ...]:
    """The warm-up sets before a barbell lift at `kg` and `rpe` (none for other implements,
    or at the empty bar): 60 kg with a 20 kg bar and typical plates is bar x 8, 30 kg x 5,
    45 kg x 3; on an easy day bar x 8, 45 kg x 3; without the `empty_bar`, 45 kg x 3."""
    if implement != "barbell" or kg is None or kit is None or not kit.barbell:
        return ()
    bar = kit.barbell[0]
    if kg <= bar:
        return ()
    sets = [WarmupSet(BAR_REPS, bar)]
    for share, reps in RAMP[-1:] if rpe <= EASY_RPE else RAMP:
        load = kit.at_most("barbell", kg * share)
        if load is not None and sets[-1].load_kg < load < kg:
            sets.append(WarmupSet(reps, load))
    return tuple(sets) if empty_bar or len(sets) == 1 else tuple(sets[-1:])


def ramps_in_order(main: Sequence[Prescription], kit: Kit | None) -> list[Prescription]:
    """A session's prescriptions with their warm-up sets (`ramp`): the first barbell lift's
    open with the empty bar, a later one's do not."""
    found, first = [], True
    for p in main:
        implement = _implement(p.implement)
        sets = ramp(p.load_kg, implement, kit, empty_bar=first, rpe=p.target_rpe)
        first = first and not sets
        found.append(p if sets == p.warmup_sets else replace(p, warmup_sets=sets))
    return found


def ramped(p: Prescription, kit: Kit | None) -> Prescription:
    """The prescription with the warm-up sets its load asks for (`ramp`), opening with the
    empty bar when its planned ones did (or it had none): the logbook's load, the plan's
    order."""
    bar = kit.barbell[0] if kit is not None and kit.barbell else 0.0
    empty_bar = not p.warmup_sets or p.warmup_sets[0].load_kg <= bar
    implement = _implement(p.implement)
    sets = ramp(p.load_kg, implement, kit, empty_bar=empty_bar, rpe=p.target_rpe)
    return p if sets == p.warmup_sets else replace(p, warmup_sets=sets)


# A warm-up set is done at an even pace, about 4 s a rep, and followed by a short rest:
# the plates change, there is nothing to recover from.
WARMUP_REP_SECONDS = 4
RAMP_REST_SECONDS = 30


def warmup_set_seconds(w: WarmupSet, p: Prescription) -> int:
    """One warm-up set's time, each side for one-legged work, and its short rest."""
    return w.reps * WARMUP_REP_SECONDS * (2 if p.per_side else 1) + RAMP_REST_SECONDS


def ramp_seconds(p: Prescription) -> int:
    """The time of the warm-up sets before the first work set, rests included."""
    return sum(warmup_set_seconds(w, p) for w in p.warmup_sets)


def rep_max_kg(kg: float, reps: int, in_reserve: int = IN_RESERVE) -> float:
    """The one-repetition maximum a set of `reps` at `kg` shows when it stops `in_reserve`
    reps short (Epley's estimate, over the reps the set could have done): 12 kg for 8 reps
    with 2 in reserve shows about 16 kg."""
    return kg * (1 + (reps + in_reserve) / 30)


def reps_to_reach(
    kg: float, heavier: float, heavier_reps: int, most: int, in_reserve: int = IN_RESERVE
) -> int | None:
    """The fewest reps at `kg` (up to `most`) from which `heavier` for `heavier_reps` asks
    at most STRENGTH_RISE more strength (`rep_max_kg`); None when even `most` do not reach.
    A kettlebell of 8 kg reaches one of 12 kg (for 3 reps) from 10 reps; one of 16 kg not
    at all: the rise would be too large for one step."""
    need = rep_max_kg(heavier, heavier_reps, in_reserve) / (1 + STRENGTH_RISE)
    for reps in range(1, most + 1):
        if rep_max_kg(kg, reps, in_reserve) >= need - 1e-9:
            return reps
    return None


def lighter_kg(load: Load, kit: Kit | None) -> float | None:
    """About 10 % lighter, on a load the athlete owns; None when nothing lighter is owned."""
    if kit is not None and kit.loads(load.implement):
        kg = kit.nearest(load.implement, load.kg * RESTART_FRACTION)
        if kg is None or kg >= load.kg:
            kg = kit.step_down(load.implement, load.kg)
        return kg
    return min(math.floor(load.kg * RESTART_FRACTION * 2) / 2, max(0.0, load.kg - 0.5))


def lighter(p: Prescription, lo: int, kit: Kit | None = None) -> Prescription:
    """About 10 % easier: lighter load if there is one, else fewer reps or seconds."""
    load = load_of(p)
    if load is not None and load.kg > 0:
        kg = lighter_kg(load, kit)
        if kg is not None:
            return with_load(p, Load(kg, load.implement))
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


def as_exercise(
    p: Prescription, exercise: Exercise, lo: int, *, easier: bool, kit: Kit | None = None
) -> Prescription:
    """The same slot in the session filled by a neighbouring variation."""
    timed = exercise.measure != "reps"
    swapped = replace(
        p,
        exercise=exercise.id,
        reps=None if timed else lo,
        seconds=(p.seconds or 30) if timed else None,
        tempo=rep_tempo(exercise.tempo or p.tempo, (p.seconds or 30) if timed else None),
        muscles=exercise.muscles,
        unilateral=exercise.unilateral,
        per_side=exercise.per_side,
        balance=exercise.balance,
        injury_care=tuple(dict.fromkeys(p.injury_care + exercise.injury_care)),
        cues=exercise.cues.as_list(),
        kind=exercise.kind,
        new=False,
    )
    load = load_of(p)
    if not exercise.loadable or load is None:
        return replace(swapped, load="bodyweight", load_kg=None, implement="")
    if not easier:
        listed = [e.value for e in exercise.equipment if e.value in IMPLEMENTS]
        owned = [name for name in listed if kit is not None and kit.loads(name)]
        if kit is not None and owned and load.implement not in listed:
            # another implement (dumbbells to barbell): start from its lightest load
            return with_load(swapped, Load(kit.loads(owned[0])[0], owned[0]))
        return with_load(swapped, load)
    kg = lighter_kg(load, kit)
    return with_load(swapped, Load(load.kg if kg is None else kg, load.implement))
