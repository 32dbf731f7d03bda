"""The next prescription of an exercise, from what the logbook says was really done.

`form-first` and `movement-quality` live here: load or reps only go up after good form
within the target effort, never to squeeze out more. The rules, in the order they win:

1. pain >= 4/10 swaps in the catalogue regression (or holds lighter) and asks the athlete
   to see a physiotherapist or doctor; two pain-free sessions of the regression bring the
   exercise back, lighter;
2. back from a planned recovery week: same load, a rep or two fewer; back from a missed
   session or two weeks of silence: ~10 % lighter (fewer reps or seconds if unloaded);
3. any pain, poor form, an unknown effort or an effort above target holds; poor form twice
   in a row or an effort two points above target lowers;
4. otherwise double progression inside the rep range: one more rep per set after each good
   session; at the top of the range in TWO consecutive good sessions the load goes up by
   at most 10 % and one small step, at most once a week, and reps restart at the bottom;
   without a numeric load the exercise moves to its progression variation, else a slower
   lowering tempo.

Pure: stdlib, the model and the catalogue only, no I/O, deterministic.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import groupby

from legday.catalogue import Catalogue
from legday.errors import InputError
from legday.model import Exercise, Prescription

__all__ = [
    "LONG_GAP_DAYS",
    "MAX_RISE_FRACTION",
    "MAX_RPE",
    "MIN_RIR",
    "PAIN_SEEK_ADVICE",
    "SIDES",
    "Change",
    "ExerciseLog",
    "Load",
    "SetLog",
    "format_load",
    "load_step",
    "max_rise",
    "next_prescription",
    "parse_load",
    "sessions_of",
]

MAX_RPE = 8  # `movement-quality`: a comfortable load, never above RPE 8 ...
MIN_RIR = 2  # ... which is at least 2 reps in reserve
MAX_RISE_FRACTION = 0.10  # a load rise is at most 10 % ...
LOAD_STEPS = {"dumbbells": 2.0, "dumbbell": 2.0, "kettlebell": 2.0, "barbell": 2.5}
DEFAULT_STEP = 1.0  # ... and at most one small step of the implement
PAIN_SEEK_ADVICE = 4  # pain at or above this (0-10) is a reason to see a professional
LONG_GAP_DAYS = 14  # silence this long counts as a missed week
RESTART_FRACTION = 0.90  # back ~10 % lighter after a break
SECONDS_STEP = 5
MAX_SECONDS = 90
MAX_ECCENTRIC = 5  # slowest lowering phase offered as a tempo progression
SIDES = ("left", "right", "both")

_LOAD_RE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*kg\b\s*(.*)$", re.IGNORECASE)
_TEMPO_RE = re.compile(r"^(\d+)-(\d+)-(\d+)$")


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
        if not 0 <= self.pain <= 10:
            raise InputError("pain", f"must be 0-10, not {self.pain}")
        if self.rpe is not None and not 1 <= self.rpe <= 10:
            raise InputError("rpe", f"must be 1-10, not {self.rpe}")
        if self.rir is not None and self.rir < 0:
            raise InputError("rir", f"must be 0 or more, not {self.rir}")
        for name in ("reps", "seconds"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise InputError(name, f"must be 0 or more, not {value}")
        if self.load_kg is not None and not (0 <= self.load_kg < 1000):
            raise InputError("load", f"must be 0-1000 kg, not {self.load_kg}")

    @property
    def effort(self) -> float | None:
        """RPE, from reps in reserve when only that was logged (RIR 2 = RPE 8)."""
        if self.rpe is not None:
            return self.rpe
        return None if self.rir is None else float(max(0, 10 - self.rir))


@dataclass(frozen=True, slots=True)
class Load:
    """A numeric load; the model keeps load as text such as "12 kg dumbbells"."""

    kg: float
    implement: str = ""


@dataclass(frozen=True, slots=True)
class Change:
    """The next prescription and, in plain words, why it changed (or did not)."""

    prescription: Prescription
    reason: str
    seek_advice: bool = False


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


def parse_load(text: str) -> Load | None:
    """ "12 kg dumbbells" -> Load(12.0, "dumbbells"); None when the text has no kilograms."""
    match = _LOAD_RE.match(text)
    if match is None:
        return None
    return Load(float(match.group(1).replace(",", ".")), match.group(2).strip())


def format_load(load: Load) -> str:
    return f"{load.kg:g} kg {load.implement}".strip()


def load_step(implement: str) -> float:
    """The smallest jump the implement allows (a pair of dumbbells goes up 1-2 kg)."""
    return LOAD_STEPS.get(implement.lower(), DEFAULT_STEP)


def max_rise(kg: float, implement: str) -> float:
    """The cap on one rise: at most 10 % and at most one step, in whole half-kilograms."""
    return math.floor(min(load_step(implement), kg * MAX_RISE_FRACTION) * 2) / 2


def sessions_of(history: Sequence[SetLog], exercise: str, today: date) -> list[ExerciseLog]:
    """The logged sessions of one exercise up to today, oldest first (input order kept)."""
    mine = sorted(
        (s for s in history if s.exercise == exercise and s.day <= today), key=lambda s: s.day
    )
    return [ExerciseLog(day, tuple(sets)) for day, sets in groupby(mine, key=lambda s: s.day)]


def next_prescription(
    p: Prescription,
    history: Sequence[SetLog],
    catalogue: Catalogue,
    *,
    today: date,
    rep_range: tuple[int, int] | None = None,
    weeks_off: int = 0,
    missed: bool = False,
) -> Change:
    """The prescription for the next session of `p.exercise` given every logged set.

    `rep_range` defaults to two reps either side of the planned reps; `weeks_off` counts
    whole weeks without strength work (a recovery week is 1); `missed` marks a skipped
    session since the last log.
    """
    return _Engine(catalogue, history, today, rep_range, weeks_off, missed).decide(p, 0)


@dataclass(frozen=True, slots=True)
class _Engine:
    catalogue: Catalogue
    history: Sequence[SetLog]
    today: date
    rep_range: tuple[int, int] | None
    weeks_off: int
    missed: bool

    def decide(self, p: Prescription, depth: int) -> Change:
        base = replace(p, target_rpe=min(p.target_rpe, MAX_RPE))
        lo, hi = self._range(p)
        if base.reps is not None:
            base = replace(base, reps=min(max(base.reps, lo), hi))
        logs = sessions_of(self.history, p.exercise, self.today)
        if not logs:
            return Change(base, _first_time(base))
        last = logs[-1]
        work = _working_point(base, last, self._implement(p.exercise))
        if last.pain >= PAIN_SEEK_ADVICE:
            return self._pain(base, work, last, depth)
        gap = (self.today - last.day).days
        if self.weeks_off == 1 and not self.missed and gap < LONG_GAP_DAYS:
            # A planned recovery week: same load, ~10 % fewer reps (or seconds) to ease in.
            reason = "Back after a recovery week: same load, a few reps fewer to ease in."
            return Change(_fewer(work, lo), reason)
        if self.weeks_off >= 1 or self.missed or gap >= LONG_GAP_DAYS:
            why = (
                "a missed session"
                if self.missed
                else (f"{gap} days since the last log" if gap >= 7 else "time off")
            )
            return Change(_lighter(work, lo), f"Back after {why}: restart about 10 % lighter.")
        target = float(base.target_rpe)
        if last.pain > 0:
            return Change(
                work, f"Some discomfort ({last.pain}/10) last time: hold until pain-free."
            )
        if not last.form_ok:
            if len(logs) > 1 and not logs[-2].form_ok:
                return Change(_lighter(work, lo), "Form slipped twice in a row: a little easier.")
            return Change(work, "Form slipped last time: hold and own every rep before adding.")
        effort = last.effort
        if effort is None:
            return Change(work, "Effort not logged (RPE or reps in reserve): hold until it is.")
        if effort > target:
            prev_hard = len(logs) > 1 and (logs[-2].effort or 0) > target
            if effort >= target + 2 or prev_hard:
                reason = f"RPE {effort:g} is well above the target {target:g}: a little easier."
                return Change(_lighter(work, lo), reason)
            return Change(work, f"RPE {effort:g} above the target {target:g}: hold.")
        return self._progress(base, work, logs, (lo, hi), depth)

    def _range(self, p: Prescription) -> tuple[int, int]:
        if self.rep_range is not None:
            lo, hi = self.rep_range
            return max(1, lo), max(1, lo, hi)
        reps = p.reps or 10
        return max(1, reps - 2), reps + 2

    def _pain(
        self, base: Prescription, work: Prescription, last: ExerciseLog, depth: int
    ) -> Change:
        advice = (
            f"Pain {last.pain}/10 in {base.exercise} on {last.day.isoformat()}: stop any "
            "exercise that hurts and see a physiotherapist or doctor before loading it again."
        )
        lo = self._range(base)[0]
        regression = self._neighbour(base.exercise, "regressions")
        if regression is None:
            return Change(_lighter(work, lo), f"{advice} No easier variation: hold, lighter.", True)
        after = [
            s for s in sessions_of(self.history, regression.id, self.today) if s.day > last.day
        ]
        if len(after) >= 2 and all(s.pain == 0 for s in after[-2:]):
            reason = f"Two pain-free sessions of {regression.id}: back to {base.exercise}, easier."
            return Change(_lighter(work, lo), reason)
        swapped = _as_exercise(work, regression, lo, lighter=True)
        if after and depth < 4:
            inner = self.decide(swapped, depth + 1)
            return Change(inner.prescription, f"{advice} Meanwhile: {inner.reason}", True)
        return Change(swapped, f"{advice} Swapped to the easier {regression.id}.", True)

    def _progress(
        self,
        base: Prescription,
        work: Prescription,
        logs: list[ExerciseLog],
        rep_range: tuple[int, int],
        depth: int,
    ) -> Change:
        lo, hi = rep_range
        last = logs[-1]
        target = float(base.target_rpe)
        effort = f"RPE {last.effort:g}"
        if last.working_sets < base.sets:
            return Change(work, f"{last.working_sets} of {base.sets} sets done: hold.")
        if work.reps is None:
            return self._progress_seconds(work, last, depth)
        done = last.min_reps or 0
        if done < hi:
            reps = min(hi, max(lo, done + 1))
            return Change(replace(work, reps=reps), f"Good form at {effort}: one more rep per set.")
        prev = logs[-2] if len(logs) > 1 else None
        two_top = (
            prev is not None
            and prev.good(target)
            and prev.working_sets >= base.sets
            and (prev.min_reps or 0) >= hi
            and prev.load == last.load
        )
        if not two_top:
            return Change(work, "Top of the range with good form: once more, then progress.")
        load = parse_load(work.load)
        if load is not None and load.kg > 0:
            since = _first_day_at(logs, last.load)
            if (self.today - since).days < 7:
                return Change(work, "Load went up within the week: hold (one rise a week).")
            rise = max_rise(load.kg, load.implement)
            if rise > 0:
                heavier = format_load(Load(load.kg + rise, load.implement))
                reason = (
                    f"Top of the range ({hi} reps) twice with good form at or under RPE "
                    f"{target:g}: load up {rise:g} kg to {heavier}, reps back to {lo}."
                )
                return Change(replace(work, load=heavier, reps=lo), reason)
        return self._harder_variation(work, last, lo, depth)

    def _progress_seconds(self, work: Prescription, last: ExerciseLog, depth: int) -> Change:
        held = last.min_seconds or work.seconds or 0
        if held < MAX_SECONDS:
            secs = min(MAX_SECONDS, max(work.seconds or 0, held) + SECONDS_STEP)
            return Change(replace(work, seconds=secs), f"Held with good form: {secs} s next.")
        return self._harder_variation(work, last, self._range(work)[0], depth)

    def _harder_variation(
        self, work: Prescription, last: ExerciseLog, lo: int, depth: int
    ) -> Change:
        harder = self._neighbour(work.exercise, "progressions")
        if harder is not None:
            nxt = _as_exercise(work, harder, lo, lighter=False)
            later = [
                s for s in sessions_of(self.history, harder.id, self.today) if s.day > last.day
            ]
            if later and depth < 4:
                return self.decide(nxt, depth + 1)
            return Change(nxt, f"Consistently good form at the top: on to {harder.id}.")
        slower = _slower_tempo(work.tempo)
        if slower is not None:
            return Change(replace(work, tempo=slower), f"Good form at the top: slower, {slower}.")
        return Change(work, "At the top of this exercise: hold and keep the form crisp.")

    def _implement(self, exercise_id: str) -> str:
        """What the weight is, for its step: the planner's load text names none."""
        exercise = self.catalogue.get(exercise_id)
        kit = {e.value for e in exercise.equipment} if exercise else set()
        return next((name for name in LOAD_STEPS if name in kit), "")

    def _logs_after(self, exercise_id: str, day: date) -> list[ExerciseLog]:
        return [s for s in sessions_of(self.history, exercise_id, self.today) if s.day > day]

    def _neighbour(self, exercise_id: str, field: str) -> Exercise | None:
        exercise = self.catalogue.get(exercise_id)
        if exercise is None:
            return None
        ids: tuple[str, ...] = getattr(exercise, field)
        for other in ids:
            found = self.catalogue.get(other)
            if found is not None and found.id != exercise_id:
                return found
        return None


def _first_time(p: Prescription) -> str:
    return (
        f"First time logged: start light enough for RPE {p.target_rpe} or easier "
        f"({MIN_RIR}+ reps in reserve), slow and controlled."
    )


def _working_point(base: Prescription, last: ExerciseLog, implement: str) -> Prescription:
    """The prescription as last performed: reps and seconds done, load used."""
    work = base
    if base.reps is not None and last.min_reps is not None:
        work = replace(work, reps=max(1, last.min_reps))
    if base.seconds is not None and last.min_seconds is not None:
        work = replace(work, seconds=max(1, last.min_seconds))
    planned = parse_load(base.load)
    if last.load is not None and last.load > 0:
        implement = planned.implement if planned else implement
        work = replace(work, load=format_load(Load(last.load, implement)))
    return work


def _lighter(p: Prescription, lo: int) -> Prescription:
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


def _fewer(p: Prescription, lo: int) -> Prescription:
    """~10 % fewer reps or seconds at the same load (at least one rep fewer, not below 1)."""
    if p.reps is not None:
        return replace(p, reps=max(1, min(p.reps - 1, max(lo, p.reps - 2))))
    if p.seconds is not None:
        return replace(p, seconds=min(p.seconds, max(1, math.floor(p.seconds * RESTART_FRACTION))))
    return p


def _first_day_at(logs: list[ExerciseLog], load: float | None) -> date:
    day = logs[-1].day
    for log in reversed(logs):
        if log.load != load:
            break
        day = log.day
    return day


def _slower_tempo(tempo: str) -> str | None:
    match = _TEMPO_RE.match(tempo.strip())
    if match is None or int(match.group(1)) >= MAX_ECCENTRIC:
        return None
    return f"{int(match.group(1)) + 1}-{match.group(2)}-{match.group(3)}"


def _as_exercise(p: Prescription, exercise: Exercise, lo: int, *, lighter: bool) -> Prescription:
    """The same slot in the session filled by a neighbouring variation."""
    load = parse_load(p.load)
    if exercise.loadable and load is not None:
        text = format_load(Load(math.floor(load.kg * RESTART_FRACTION * 2) / 2, load.implement))
        text = text if lighter else p.load
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
