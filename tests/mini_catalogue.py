"""A small hand-made catalogue so core tests run without the packaged data files."""

from __future__ import annotations

from legday.catalogue import Catalogue
from legday.model import Cues, Equipment, Exercise, ExerciseKind, Level, Muscle

M = Muscle
K = ExerciseKind


def _ex(
    id_: str,
    kind: ExerciseKind,
    muscles: tuple[Muscle, ...],
    *,
    uni: bool = False,
    balance: bool = False,
    care: tuple[str, ...] = (),
    measure: str = "reps",
    equipment: tuple[Equipment, ...] = (Equipment.BODYWEIGHT,),
    loadable: bool = False,
    level: Level = Level.BEGINNER,
) -> Exercise:
    cues = Cues(
        f"set up for {id_}",
        f"move slowly through {id_}",
        "use your full comfortable range",
        "breathe out as you push",
        "stop just short of locking the knee",
    )
    return Exercise(
        id_,
        id_.replace("-", " ").capitalize(),
        kind,
        muscles,
        uni,
        balance,
        equipment,
        level,
        "3-1-2",
        cues,
        measure,
        injury_care=care,
        loadable=loadable,
    )


def mini_catalogue() -> Catalogue:
    return Catalogue(
        [
            _ex("light-jog", K.CARDIO, (M.CALVES,), measure="minutes"),
            _ex("leg-swings", K.WARMUP, (M.HIP_ADDUCTORS,), uni=True),
            _ex("a-skip", K.WARMUP, (M.CALVES,)),
            _ex("hip-circles", K.WARMUP, (M.GLUTES,)),
            _ex("ankle-rocks", K.WARMUP, (M.CALVES,)),
            _ex(
                "split-squat",
                K.STRENGTH,
                (M.QUADS, M.GLUTES),
                uni=True,
                care=("runners-knee",),
                loadable=True,
            ),
            _ex(
                "goblet-squat",
                K.STRENGTH,
                (M.QUADS, M.GLUTES),
                loadable=True,
                equipment=(Equipment.DUMBBELLS,),
            ),
            _ex(
                "step-down",
                K.STRENGTH,
                (M.QUADS,),
                uni=True,
                care=("runners-knee",),
                equipment=(Equipment.STEP,),
            ),
            _ex("reverse-lunge", K.STRENGTH, (M.QUADS, M.GLUTES, M.HIP_ADDUCTORS), uni=True),
            _ex(
                "single-leg-rdl",
                K.STRENGTH,
                (M.HAMSTRINGS, M.GLUTES),
                uni=True,
                balance=True,
                care=("runners-knee",),
            ),
            _ex("glute-bridge", K.STRENGTH, (M.GLUTES, M.HAMSTRINGS)),
            _ex("single-leg-bridge", K.STRENGTH, (M.GLUTES, M.HAMSTRINGS), uni=True),
            _ex(
                "calf-raise",
                K.STRENGTH,
                (M.CALVES,),
                care=("shin-splints", "achilles", "achilles-insertional"),
            ),
            _ex(
                "eccentric-heel-drop",
                K.STRENGTH,
                (M.CALVES, M.FEET),
                uni=True,
                care=("achilles", "plantar-fascia"),
            ),
            _ex("short-foot", K.STRENGTH, (M.FEET,), care=("plantar-fascia",)),
            _ex("nordic-curl", K.STRENGTH, (M.HAMSTRINGS,), care=("hamstring",)),
            _ex("single-leg-calf-raise", K.STRENGTH, (M.CALVES,), uni=True, care=("shin-splints",)),
            _ex("bent-knee-calf-raise", K.STRENGTH, (M.CALVES,), care=("shin-splints",)),
            _ex("wall-toe-raise", K.STRENGTH, (M.SHINS,), care=("shin-splints",)),
            _ex(
                "clamshell",
                K.STRENGTH,
                (M.HIP_ABDUCTORS, M.GLUTES),
                uni=True,
                care=("runners-knee",),
            ),
            _ex("side-leg-raise", K.STRENGTH, (M.HIP_ABDUCTORS,), uni=True, care=("it-band",)),
            _ex("dead-bug", K.STRENGTH, (M.CORE,)),
            _ex("side-plank", K.STRENGTH, (M.CORE, M.HIP_ABDUCTORS), uni=True, measure="seconds"),
            _ex("bird-dog", K.STRENGTH, (M.CORE, M.GLUTES), uni=True),
            _ex(
                "single-leg-stand",
                K.BALANCE,
                (M.FEET, M.CALVES),
                uni=True,
                balance=True,
                measure="seconds",
            ),
            _ex("single-leg-reach", K.BALANCE, (M.GLUTES, M.FEET), uni=True, balance=True),
            _ex(
                "hop-and-stick",
                K.PLYOMETRIC,
                (M.CALVES, M.QUADS),
                uni=True,
                balance=True,
                level=Level.INTERMEDIATE,
            ),
            _ex("calf-stretch", K.STRETCH, (M.CALVES,), uni=True, measure="seconds"),
            _ex("quad-stretch", K.STRETCH, (M.QUADS,), uni=True, measure="seconds"),
            _ex("hamstring-stretch", K.STRETCH, (M.HAMSTRINGS,), uni=True, measure="seconds"),
            _ex("figure-four", K.STRETCH, (M.GLUTES, M.HIP_ABDUCTORS), uni=True, measure="seconds"),
            _ex("butterfly", K.STRETCH, (M.HIP_ADDUCTORS,), measure="seconds"),
        ]
    )
