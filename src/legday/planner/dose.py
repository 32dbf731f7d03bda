"""How much of each exercise: sets, reps or seconds, effort and load, by phase and level.

Heavier work (fewer reps, more sets) belongs to the off-season and base; in-season the
aim is to keep strength with less volume. Effort never goes above RPE 8, i.e. always at
least two reps left in reserve, and loads stay comfortable (`movement-quality`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from legday.model import MAX_RPE, Equipment, Exercise, ExerciseKind, Level, Phase, Prescription

__all__ = [
    "MAINTENANCE_MINUTES",
    "Dose",
    "dose_for",
    "has_load",
    "maintenance_dose",
    "prescribe",
    "seconds_per_rep",
    "work_seconds",
]

LOAD_EQUIPMENT = frozenset({Equipment.DUMBBELLS, Equipment.KETTLEBELL, Equipment.BARBELL})


@dataclass(frozen=True, slots=True, eq=False)
class Dose:
    """One per phase and level (`dose_for` is cached), so identity is equality."""

    sets: int
    loaded_reps: int  # with external load
    bodyweight_reps: int
    hold_seconds: int
    rpe: int
    aim: str


DOSES: dict[Phase, Dose] = {
    Phase.OFF_SEASON: Dose(3, 6, 10, 40, 8, "heavier work to build strength"),
    Phase.BASE: Dose(3, 8, 10, 35, 7, "building strength"),
    Phase.BUILD: Dose(3, 8, 10, 30, 7, "keeping strength alongside harder running"),
    Phase.PEAK: Dose(2, 8, 10, 30, 7, "maintenance: fewer sets, same quality"),
    Phase.TAPER: Dose(2, 6, 8, 25, 6, "a light reminder, nothing that leaves you sore"),
    Phase.RACE: Dose(1, 6, 8, 20, 5, "a short, easy session to stay loose before the race"),
}


@cache
def dose_for(phase: Phase, level: Level) -> Dose:
    """Beginners do one set fewer and stay one RPE lower; nobody goes past RPE 8."""
    base = DOSES.get(phase, DOSES[Phase.BUILD])
    if level is Level.BEGINNER:
        return Dose(
            max(1, base.sets - 1) if base.sets > 2 else base.sets,
            base.loaded_reps + 2,
            base.bodyweight_reps,
            max(20, base.hold_seconds - 10),
            min(base.rpe - 1, MAX_RPE),
            base.aim,
        )
    if level is Level.ADVANCED and phase in (Phase.OFF_SEASON, Phase.BASE):
        return Dose(
            base.sets + 1,
            base.loaded_reps,
            base.bodyweight_reps,
            base.hold_seconds + 10,
            min(base.rpe, MAX_RPE),
            base.aim,
        )
    return base


# A C-race week's only session: at most this long (the athlete's minutes when shorter).
MAINTENANCE_MINUTES = 30
MAINTENANCE_SETS = 2


@cache
def maintenance_dose(phase: Phase, level: Level) -> Dose:
    """The phase's dose with at most two sets: a C-race week's one short session.

    Rønnestad & Mujika (2014, Scand J Med Sci Sports 24(4):603-12): in season, one
    session a week keeps the strength built before it, when the effort stays the same and
    only the volume drops; so reps and RPE stay, sets come down.
    """
    base = dose_for(phase, level)
    return Dose(
        min(base.sets, MAINTENANCE_SETS),
        base.loaded_reps,
        base.bodyweight_reps,
        base.hold_seconds,
        base.rpe,
        "in-season maintenance: fewer sets, the same effort",
    )


@cache
def seconds_per_rep(tempo: str) -> int:
    """`3-1-2` means 3 s down, 1 s pause, 2 s up; an explosive `X` counts as one second."""
    return sum(1 if part == "X" else int(part) for part in tempo.split("-"))


def has_load(equipment: frozenset[Equipment]) -> bool:
    """Whether the kit can load an exercise (dumbbells, kettlebell or barbell)."""
    return bool(equipment & LOAD_EQUIPMENT)


def prescribe(exercise: Exercise, dose: Dose, *, kit_loads: bool, new: bool) -> Prescription:
    loaded = exercise.loadable and kit_loads
    holds = exercise.measure == "seconds"
    sets = dose.sets
    if exercise.kind in (ExerciseKind.BALANCE, ExerciseKind.PLYOMETRIC):
        sets = max(1, min(sets, 3))
    reps = None if holds else dose.loaded_reps if loaded else dose.bodyweight_reps
    if exercise.kind is ExerciseKind.PLYOMETRIC and reps:
        reps = min(reps, 5)  # few, crisp landings
    rpe = min(dose.rpe, MAX_RPE)
    return Prescription(
        exercise=exercise.id,
        sets=sets,
        reps=reps,
        seconds=dose.hold_seconds if holds else None,
        per_side=exercise.unilateral,
        load=_load_text(exercise, loaded, rpe, new=new),
        tempo=exercise.tempo,
        target_rpe=rpe,
        muscles=exercise.muscles,
        unilateral=exercise.unilateral,
        balance=exercise.balance,
        injury_care=exercise.injury_care,
        cues=exercise.cues.as_list(),
        kind=exercise.kind,
        rest_seconds=75 if loaded else 45,
        new=new,
    )


def _load_text(exercise: Exercise, loaded: bool, rpe: int, *, new: bool) -> str:
    reserve = 10 - rpe
    if not loaded:
        base = "bodyweight"
        if exercise.equipment and exercise.equipment[0] is Equipment.BAND:
            base = "a light band"
        return f"{base}; stop with {reserve} reps still in the tank"
    start = "start light while you learn it; " if new else ""
    return f"{start}a weight you could lift {reserve} more times with good form (RPE {rpe})"


def work_seconds(p: Prescription) -> int:
    """Time the prescription takes, rests included, for fitting a session into its minutes."""
    per_set = p.seconds if p.seconds is not None else (p.reps or 0) * seconds_per_rep(p.tempo)
    sides = 2 if p.per_side else 1
    return p.sets * (per_set * sides + p.rest_seconds)
