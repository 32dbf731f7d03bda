"""Every catalogue exercise has a picture whose poses a human body could hold."""

from __future__ import annotations

import pytest

from legday.catalogue.loader import load_catalogue
from legday.model import Exercise, ExerciseKind
from legday.pictures.figure import RANGES, Figure, pose_angles
from legday.pictures.scene import RADIUS, Scene, build_scene, grounded

CATALOGUE = load_catalogue()
EXERCISES = list(CATALOGUE)
IDS = [e.id for e in EXERCISES]
FEET = ("heel", "ball", "toe")
# Jumps, skips and the jog have a flight phase: a pose with `lift` may leave the floor.
AIRBORNE = frozenset({ExerciseKind.PLYOMETRIC, ExerciseKind.WARMUP, ExerciseKind.CARDIO})


def _foot_down(scene: Scene, figure: Figure, side: str) -> bool:
    return any(grounded(scene, figure, f"{side}_{part}") for part in FEET)


def test_every_exercise_has_a_picture_with_key_poses() -> None:
    missing = [e.id for e in EXERCISES if e.picture is None]
    assert missing == []
    for exercise in EXERCISES:
        assert exercise.picture is not None
        assert 2 <= len(exercise.picture.poses) <= 4
        names = [pose.name for pose in exercise.picture.poses]
        assert len(set(names)) == len(names), exercise.id


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_joint_angles_stay_inside_human_ranges(exercise: Exercise) -> None:
    assert exercise.picture is not None
    for pose in exercise.picture.poses:
        for name, value in pose_angles(pose.angles).items():
            low, high = RANGES[name]
            assert low <= value <= high, f"{pose.name}: {name} = {value}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_nothing_goes_through_the_floor(exercise: Exercise) -> None:
    scene = build_scene(exercise)
    for pose, figure in zip(exercise.picture.poses, scene.figures, strict=True):  # type: ignore[union-attr]
        for name, (_, y) in figure.points.items():
            assert y - RADIUS.get(name, 0.0) >= -1.5, f"{pose.name}: {name} below the floor"


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_every_pose_rests_on_something_unless_it_jumps(exercise: Exercise) -> None:
    """Some part touches the floor or a prop; only jumps, skips and the jog may fly."""
    scene = build_scene(exercise)
    for pose, figure in zip(exercise.picture.poses, scene.figures, strict=True):  # type: ignore[union-attr]
        touching = [name for name in figure.points if grounded(scene, figure, name)]
        if pose.lift > 0 and exercise.kind in AIRBORNE:
            continue
        assert touching, f"{pose.name}: floats in the air"


def _standing(figure: Figure) -> bool:
    points = figure.points
    pelvis, neck = points["pelvis"], points["neck"]
    knees = min(points["left_knee"][1], points["right_knee"][1])
    return neck[1] > pelvis[1] + 15 and pelvis[1] > knees + 5


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_standing_feet_are_on_the_floor_or_a_prop(exercise: Exercise) -> None:
    """Both feet down when standing on two legs; one-legged, balance and jumps free one."""
    scene = build_scene(exercise)
    picture = exercise.picture
    assert picture is not None
    free_one = exercise.unilateral or exercise.balance or picture.motion == "cycle"
    for pose, figure in zip(picture.poses, scene.figures, strict=True):
        if not _standing(figure) or (pose.lift > 0 and exercise.kind in AIRBORNE):
            continue
        down = [side for side in ("left", "right") if _foot_down(scene, figure, side)]
        assert len(down) >= (1 if free_one else 2), f"{pose.name}: feet down {down}"


def test_one_legged_exercises_name_the_working_side() -> None:
    unnamed = [
        e.id for e in EXERCISES if e.unilateral and e.picture and e.picture.working_side is None
    ]
    assert unnamed == []


def test_props_cover_the_equipment_drawn_with_the_body() -> None:
    """A dumbbell, kettlebell, barbell, band, step, box or bench exercise shows its kit."""
    drawable = {"dumbbells": "dumbbell", "kettlebell": "kettlebell", "barbell": "barbell",
                "band": "band", "step": "step", "box": "box", "bench": "bench"}  # fmt: skip
    for exercise in EXERCISES:
        assert exercise.picture is not None
        kinds = {prop.kind for prop in exercise.picture.props}
        wanted = {drawable[item.value] for item in exercise.equipment if item.value in drawable}
        assert wanted <= kinds | {"box" if "step" in wanted else "", "step"}, exercise.id
