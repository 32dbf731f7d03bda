"""In-memory stand-ins for the adapters, so core and service tests need no files or database."""

from __future__ import annotations

from legday.catalogue import Catalogue
from legday.model import Cues, Equipment, Exercise, ExerciseKind, Level, Muscle, Prescription

__all__ = ["CUES", "exercise", "fake_catalogue", "prescription"]

CUES = Cues(
    setup="Stand tall, feet hip-width.",
    movement="Lower for three counts, rise smoothly; no bouncing.",
    range="Through the full range you control.",
    breathing="Breathe out as you push; never hold your breath.",
    lockout="Stop just short of locking the knee.",
)


def exercise(
    exercise_id: str,
    *,
    loadable: bool = False,
    regressions: tuple[str, ...] = (),
    progressions: tuple[str, ...] = (),
    measure: str = "reps",
    unilateral: bool = True,
    injury_care: tuple[str, ...] = (),
    muscles: tuple[Muscle, ...] = (Muscle.QUADS, Muscle.GLUTES),
) -> Exercise:
    return Exercise(
        id=exercise_id,
        name=exercise_id.replace("-", " ").title(),
        kind=ExerciseKind.STRENGTH,
        muscles=muscles,
        unilateral=unilateral,
        balance=False,
        equipment=(Equipment.DUMBBELLS,) if loadable else (Equipment.BODYWEIGHT,),
        level=Level.BEGINNER,
        tempo="3-1-2",
        cues=CUES,
        measure=measure,
        regressions=regressions,
        progressions=progressions,
        injury_care=injury_care,
        loadable=loadable,
    )


def fake_catalogue() -> Catalogue:
    """A small chain: split squat <-> bulgarian split squat, a loaded lunge, calf raises."""
    return Catalogue(
        [
            exercise("split-squat", progressions=("bulgarian-split-squat",)),
            exercise("bulgarian-split-squat", regressions=("split-squat",)),
            exercise("reverse-lunge", loadable=True, regressions=("split-squat",)),
            exercise("goblet-squat", loadable=True, unilateral=False),
            exercise(
                "calf-raise",
                loadable=True,
                regressions=("double-calf-raise",),
                injury_care=("shin-splints",),
                muscles=(Muscle.CALVES,),
            ),
            exercise("double-calf-raise", unilateral=False, muscles=(Muscle.CALVES,)),
            exercise("side-plank", measure="seconds", unilateral=True, muscles=(Muscle.CORE,)),
            exercise("wall-sit", measure="seconds", unilateral=False),
        ]
    )


def prescription(
    exercise_id: str = "reverse-lunge",
    *,
    sets: int = 3,
    reps: int | None = 8,
    seconds: int | None = None,
    load: str = "10 kg dumbbells",
    target_rpe: int = 7,
    tempo: str = "3-1-2",
) -> Prescription:
    return Prescription(
        exercise=exercise_id,
        sets=sets,
        reps=reps,
        seconds=seconds,
        per_side=True,
        load=load,
        tempo=tempo,
        target_rpe=target_rpe,
        muscles=(Muscle.QUADS, Muscle.GLUTES),
        unilateral=True,
        balance=False,
        cues=CUES.as_list(),
    )
