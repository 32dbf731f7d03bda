"""The figure model: proportions, angle conventions, placement, and the schema in step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legday.catalogue.loader import data_directory
from legday.pictures.figure import LIMB_ANGLES, POINTS, RANGES, SEGMENTS, pose_angles, solve


def test_standing_person_has_human_proportions() -> None:
    (figure,) = solve([()])
    points = figure.points
    assert figure.lowest() == pytest.approx(0.0)
    assert points["pelvis"][1] == pytest.approx(53.1, abs=0.5)
    assert points["head"][1] + SEGMENTS["head"] == pytest.approx(100.0, abs=2.0)
    assert set(points) == set(POINTS)


def test_bare_limb_angles_fill_both_sides_and_sided_names_win() -> None:
    angles = pose_angles([("knee", 90.0), ("left_knee", 10.0)])
    assert angles["right_knee"] == 90.0
    assert angles["left_knee"] == 10.0
    assert angles["trunk"] == 0.0


def test_angle_conventions_in_the_side_view() -> None:
    """Facing right: hip flexion brings the knee forward, knee flexion sends the heel back."""
    (figure,) = solve([[("hip", 90.0), ("knee", 90.0), ("ankle", 20.0)]])
    p = figure.points
    assert p["right_knee"][0] > p["right_hip"][0] + 20
    assert p["right_ankle"][1] < p["right_knee"][1] - 20
    (lean,) = solve([[("trunk", 90.0)]])
    assert lean.points["head"][0] > lean.points["pelvis"][0] + 30


def test_front_view_abduction_moves_the_leg_out() -> None:
    (figure,) = solve([[("right_hip_out", 40.0)]], view="front")
    p = figure.points
    # the figure faces the viewer, so its right leg is on the left of the page
    assert p["right_toe"][0] < p["right_hip"][0] - 10


def test_anchor_stays_put_and_lift_leaves_the_floor() -> None:
    stand, squat, jump = solve(
        [(), [("trunk", 30.0), ("hip", 110.0), ("knee", 110.0), ("ankle", 30.0)], ()],
        anchor="toes",
        lifts=[(0.0, 0.0), (0.0, 0.0), (5.0, 12.0)],
    )
    assert squat.at("toes") == pytest.approx(stand.at("toes"))
    assert jump.lowest() == pytest.approx(12.0)
    assert jump.at("toes")[0] == pytest.approx(stand.at("toes")[0] + 5.0)


def test_schema_pose_fields_match_the_figure() -> None:
    folder = Path(str(data_directory())).parent
    schema = json.loads((folder / "schema.json").read_text(encoding="utf-8"))
    picture = schema["properties"]["picture"]
    fields = set(picture["properties"]["poses"]["items"]["properties"])
    assert fields - {"name", "lift", "shift"} == set(RANGES) | set(LIMB_ANGLES)
    points = set(schema["$defs"]["point"]["enum"])
    pairs = {p.removeprefix("left_") + "s" for p in POINTS if p.startswith("left_")}
    assert points == set(POINTS) | pairs
