"""Hand-built plans and a small catalogue, so the exports are tested without the planner."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from legday.catalogue import Catalogue
from legday.model import (
    Cooldown,
    Cues,
    Equipment,
    Exercise,
    ExerciseKind,
    Level,
    Muscle,
    Phase,
    Plan,
    Prescription,
    Profile,
    Run,
    RunKind,
    Session,
    Warmup,
    Week,
)

START = date(2026, 3, 2)  # a Monday

_CUES = Cues(
    setup="Stand tall, feet hip-width.",
    movement="Lower slowly, drive up smoothly.",
    range="Full range you can control.",
    breathing="Breathe out as you push up.",
    lockout="Stop just short of locking the knee.",
)


def _exercise(
    exercise_id: str,
    name: str,
    kind: ExerciseKind,
    muscles: tuple[Muscle, ...],
    *,
    category: str = "",
    fit_name: str = "",
    measure: str = "reps",
) -> Exercise:
    return Exercise(
        id=exercise_id,
        name=name,
        kind=kind,
        muscles=muscles,
        unilateral=False,
        balance=kind is ExerciseKind.BALANCE,
        equipment=(Equipment.BODYWEIGHT,),
        level=Level.BEGINNER,
        tempo="3-1-2",
        cues=_CUES,
        measure=measure,
        fit_category=category,
        fit_name=fit_name,
    )


def build_catalogue() -> Catalogue:
    k = ExerciseKind
    m = Muscle
    return Catalogue(
        [
            _exercise("easy-jog", "Easy jog", k.WARMUP, (m.CALVES,), measure="minutes"),
            _exercise(
                "leg-swings",
                "Leg swings",
                k.WARMUP,
                (m.HAMSTRINGS,),
                category="WARM_UP",
                fit_name="FORWARD_AND_BACKWARD_LEG_SWINGS",
                measure="minutes",
            ),
            _exercise(
                "goblet-squat",
                "Goblet squat",
                k.STRENGTH,
                (m.QUADS, m.GLUTES),
                category="SQUAT",
                fit_name="GOBLET_SQUAT",
            ),
            _exercise(
                "single-leg-rdl",
                "Single-leg Romanian deadlift",
                k.STRENGTH,
                (m.HAMSTRINGS, m.GLUTES),
                category="DEADLIFT",
                fit_name="SINGLE_LEG_ROMANIAN_DEADLIFT_WITH_DUMBBELL",
            ),
            _exercise(
                "calf-raise",
                "Single-leg calf raise",
                k.STRENGTH,
                (m.CALVES,),
                category="CALF_RAISE",
                fit_name="SINGLE_LEG_STANDING_CALF_RAISE",
            ),
            _exercise(
                "side-plank",
                "Side plank",
                k.STRENGTH,
                (m.CORE, m.HIP_ABDUCTORS),
                category="PLANK",
                fit_name="SIDE_PLANK",
                measure="seconds",
            ),
            _exercise("wall-toe-raise", "Wall toe raise", k.STRENGTH, (m.SHINS,)),
            _exercise(
                "single-leg-stand",
                "Single-leg stand, eyes closed",
                k.BALANCE,
                (m.FEET,),
                measure="seconds",
            ),
            _exercise("calf-stretch", "Calf stretch", k.STRETCH, (m.CALVES,), measure="seconds"),
            _exercise(
                "quad-stretch",
                "Standing quad stretch",
                k.STRETCH,
                (m.QUADS,),
                measure="seconds",
            ),
        ]
    )


def _rx(
    exercise: str,
    *,
    sets: int = 3,
    reps: int | None = 8,
    seconds: int | None = None,
    per_side: bool = False,
    load: str = "bodyweight",
    muscles: tuple[Muscle, ...] = (Muscle.QUADS,),
    balance: bool = False,
    unilateral: bool = False,
) -> Prescription:
    return Prescription(
        exercise=exercise,
        sets=sets,
        reps=reps,
        seconds=seconds,
        per_side=per_side,
        load=load,
        tempo="3-1-2",
        target_rpe=7,
        muscles=muscles,
        unilateral=unilateral,
        balance=balance,
        cues=("Knees track over toes.", "Breathe out on the way up."),
    )


def build_session(day: date, *, variant: int = 0, start: time | None = None) -> Session:
    """A full session; `variant` swaps one exercise so consecutive sessions differ."""
    main = [
        _rx("goblet-squat", load="12 kg kettlebell", muscles=(Muscle.QUADS, Muscle.GLUTES)),
        _rx("single-leg-rdl", reps=6, per_side=True, unilateral=True, load="8 kg dumbbell"),
        _rx("calf-raise" if variant % 2 == 0 else "wall-toe-raise", sets=2, reps=12),
        _rx("side-plank", sets=2, reps=None, seconds=30, per_side=True),
        _rx("single-leg-stand", sets=2, reps=None, seconds=45, per_side=True, balance=True),
    ]
    return Session(
        day=day,
        minutes=40,
        warmup=(Warmup("easy-jog", 6), Warmup("leg-swings", 2)),
        main=tuple(main),
        cooldown=(Cooldown("calf-stretch", 45), Cooldown("quad-stretch", 30)),
        why="Two easy days this week; Tuesday follows an easy run, Friday is a rest day.",
        start=start,
        phase=Phase.BUILD,
        music="Steady 120 BPM: one beat per second of the 3-1-2 tempo.",
    )


def build_plan(weeks: int = 4, *, seed: int = 7, start: date = START) -> Plan:
    """`weeks` weeks; every 4th a recovery week; strength on Tue (after a run) and Fri."""
    week_list: list[Week] = []
    runs: list[Run] = []
    sessions: list[Session] = []
    for n in range(weeks):
        monday = start + timedelta(weeks=n)
        recovery = n % 4 == 3
        phase = Phase.RECOVERY if recovery else Phase.BUILD
        note = "Recovery week: legs rest." if recovery else "Build week, two sessions."
        week_list.append(Week(monday, phase, note, 0 if recovery else 2))
        tue, thu, fri, sun = (monday + timedelta(days=d) for d in (1, 3, 4, 6))
        runs += [
            Run(tue, "Easy 8 km", RunKind.EASY, time(7, 0), time(7, 50)),
            Run(thu, "Intervals 6x800", RunKind.HARD, time(18, 0), time(19, 0)),
            Run(sun, "Long run 20 km", RunKind.LONG),
        ]
        if not recovery:
            sessions.append(build_session(tue, variant=n))
            sessions.append(build_session(fri, variant=n + 1, start=time(17, 30)))
    profile = Profile(start=start, weeks=weeks, seed=seed, timezone="Europe/Berlin")
    return Plan(
        start=start,
        end=start + timedelta(days=7 * weeks - 1),
        weeks=tuple(week_list),
        runs=tuple(runs),
        sessions=tuple(sessions),
        profile=profile,
    )


@pytest.fixture
def catalogue() -> Catalogue:
    return build_catalogue()


@pytest.fixture
def plan() -> Plan:
    return build_plan()
