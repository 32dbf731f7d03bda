"""The SVG: it parses, it animates at the tempo, it marks the working leg."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from legday.catalogue.loader import load_catalogue
from legday.model import Exercise
from legday.pictures.svg import animated_svg, exercise_svg, still_svg, timeline

SVG = "{http://www.w3.org/2000/svg}"
CATALOGUE = load_catalogue()
EXERCISES = list(CATALOGUE)


def test_timeline_follows_the_tempo() -> None:
    total, frames, times = timeline("3-1-2", 2)
    assert total == 6.0
    assert frames == [0, 1, 1, 0]
    assert times == pytest.approx([0.0, 0.5, 4 / 6, 1.0])


def test_lifting_first_uses_the_lifting_seconds_first() -> None:
    total, _frames, times = timeline("3-1-2", 2, first_move="lift")
    assert total == 6.0
    assert times[1] == pytest.approx(2 / 6)


def test_explosive_zero_and_hold_phases_get_visible_time() -> None:
    assert timeline("2-2-X", 3, cycle=True)[0] == 4.5
    assert timeline("0-0-0", 2, cycle=True)[0] == pytest.approx(0.8)
    assert timeline("2-0-2", 2, hold=True)[0] == 7.0
    with pytest.raises(ValueError, match="D-P-L"):
        timeline("fast", 2)


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.id for e in EXERCISES])
def test_still_and_animation_parse_and_animate(exercise: Exercise) -> None:
    still = ET.fromstring(still_svg(exercise))
    assert still.tag == f"{SVG}svg"
    assert still.find(f"{SVG}title") is not None
    assert not still.findall(f".//{SVG}animate")
    moving = ET.fromstring(animated_svg(exercise))
    animations = moving.findall(f".//{SVG}animate")
    assert animations
    expected = timeline(
        exercise.tempo,
        len(exercise.picture.poses),  # type: ignore[union-attr]
        first_move=exercise.picture.first_move,  # type: ignore[union-attr]
        cycle=exercise.picture.motion == "cycle",  # type: ignore[union-attr]
        hold=exercise.measure == "seconds",
    )[0]
    for animate in animations:
        assert animate.get("attributeName") == "d"
        assert animate.get("dur") == f"{expected:g}s"
        assert animate.get("repeatCount") == "indefinite"
        key_times = animate.get("keyTimes", "").split(";")
        assert len(key_times) == len(animate.get("values", "").split(";"))


def test_a_given_tempo_sets_the_duration() -> None:
    squat = CATALOGUE["goblet-squat"]
    root = ET.fromstring(exercise_svg(squat, tempo="4-2-1"))
    assert {a.get("dur") for a in root.iter(f"{SVG}animate")} == {"7s"}
    assert "<animate" not in exercise_svg(squat, animate=False)


def test_working_leg_is_marked_for_one_legged_exercises() -> None:
    for exercise in EXERCISES:
        if not exercise.unilateral:
            continue
        root = ET.fromstring(still_svg(exercise))
        worked = [p for p in root.iter(f"{SVG}path") if "lg-work" in p.get("class", "")]
        assert worked, exercise.id
        assert "working leg" in (root.findtext(f"{SVG}title") or ""), exercise.id


def test_names_are_escaped() -> None:
    import dataclasses

    odd = dataclasses.replace(CATALOGUE["glute-bridge"], name='Bridge <&> "x"')
    ET.fromstring(still_svg(odd))
    ET.fromstring(animated_svg(odd))
