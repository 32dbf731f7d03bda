"""A small 2-D view of a 3-D stick figure: joint angles in, points on the page out.

Why 3-D underneath: a lateral lunge, a side plank or a clamshell happens in a different plane
from a squat, and one set of angles must work for both the side and the front view. The body
is a tree of rigid segments whose lengths follow common anthropometric proportions of a
person 100 units tall (hip joint at 53, shoulders at 82, crown at 100). Forward kinematics
turns a pose's angles into 3-D joint positions, which are then projected orthographically:

- side view: the figure faces right (+x); its right side (+z) is the near side, seen a
  little obliquely (x + z/4) so the far limbs peek out;
- front view: the figure faces the viewer; its right side appears on the left of the page.

Axes: x forward, y up, z to the figure's right. Angles are degrees; see docs/pictures.md for
every angle's meaning and the human ranges `RANGES` the tests hold poses to.
Pure and stdlib-only so the renderer, tests and a future web player can all share it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "ANGLES",
    "LIMB_ANGLES",
    "POINTS",
    "PROP_HEIGHTS",
    "RADIUS",
    "RANGES",
    "SEGMENTS",
    "Figure",
    "Point",
    "pose_angles",
    "solve",
]

Vec = tuple[float, float, float]
Point = tuple[float, float]  # page units, y up, floor at y = 0

# Segment lengths in units of 1/100 of standing height (Drillis-Contini proportions).
SEGMENTS: dict[str, float] = {
    "trunk": 29.0,  # hip joints to shoulder line
    "neck": 5.0,  # shoulder line to the base of the head
    "head": 6.5,  # head radius
    "shoulder_half": 12.0,
    "hip_half": 5.5,
    "upper_arm": 18.5,
    "forearm": 19.0,  # elbow to the middle of the hand
    "thigh": 24.5,
    "shank": 24.6,
    "ankle_height": 4.0,
    "heel": 3.0,  # heel behind the ankle
    "ball": 9.0,  # ball of the foot in front of the ankle
    "toe": 4.5,  # ball of the foot to the tip of the toes
}

# How far the drawn body reaches below each point (half a stroke, the head's radius; soles
# 0), so a lying trunk rests on the floor instead of sinking into it.
RADIUS: dict[str, float] = {"head": SEGMENTS["head"], "pelvis": 4.5, "neck": 4.5}
for _side in ("left", "right"):
    RADIUS |= {
        f"{_side}_shoulder": 4.5,
        f"{_side}_hip": 4.5,
        f"{_side}_elbow": 2.0,
        f"{_side}_hand": 2.0,
        f"{_side}_knee": 2.5,
        f"{_side}_ankle": 2.0,
        f"{_side}_heel": 0.0,
        f"{_side}_ball": 0.0,
        f"{_side}_toe": 0.0,
    }

# Heights of the props a body part can rest on (same units).
PROP_HEIGHTS: dict[str, float] = {
    "floor": 0.0,
    "mat": 0.8,
    "cushion": 5.0,
    "step": 12.0,
    "box": 25.0,
    "bench": 26.0,
}

# Angle name -> (lowest, highest) plausible value in degrees. Leg and arm angles exist per
# side (`left_knee`); a bare name (`knee`) in a pose sets both sides.
LIMB_ANGLES: dict[str, tuple[float, float]] = {
    "hip": (-35.0, 150.0),  # flexion: thigh forward of the trunk line
    "hip_out": (-30.0, 75.0),  # abduction: thigh out to its own side
    "hip_turn": (-45.0, 70.0),  # external rotation: knee and toes turn out
    "knee": (-5.0, 160.0),  # flexion: heel toward the buttock
    "ankle": (-55.0, 35.0),  # dorsiflexion: toes toward the shin (negative: point)
    "toes": (-30.0, 75.0),  # extension of the toes at the ball of the foot (negative: curl)
    "shoulder": (-60.0, 185.0),  # flexion: arm forward and up
    "shoulder_out": (-45.0, 185.0),  # abduction: arm out to its own side
    "elbow": (0.0, 150.0),  # flexion
}
RANGES: dict[str, tuple[float, float]] = {
    "trunk": (-135.0, 140.0),  # lean forward from upright (90 face down, -90 face up)
    "side": (-95.0, 95.0),  # tilt toward the figure's right (-90 lying on the left side)
    "neck": (-40.0, 60.0),  # head bowed forward relative to the trunk
    **{f"{side}_{name}": span for side in ("left", "right") for name, span in LIMB_ANGLES.items()},
}
ANGLES = tuple(RANGES)

_SIDES = {"left": -1.0, "right": 1.0}
POINTS = (
    "pelvis",
    "neck",
    "head",
    *(
        f"{side}_{joint}"
        for side in _SIDES
        for joint in ("shoulder", "elbow", "hand", "hip", "knee", "ankle", "heel", "ball", "toe")
    ),
)


def pose_angles(written: Iterable[tuple[str, float]]) -> dict[str, float]:
    """Every angle of a pose: bare limb names fill both sides, side names override them."""
    given = dict(written)
    angles = dict.fromkeys(RANGES, 0.0)
    for name, value in given.items():
        if name in LIMB_ANGLES:
            angles[f"left_{name}"] = angles[f"right_{name}"] = value
    for name, value in given.items():
        if name in angles:
            angles[name] = value
    return angles


Matrix = tuple[Vec, Vec, Vec]  # rows


def _mul(a: Matrix, b: Matrix) -> Matrix:
    cols = list(zip(*b, strict=True))
    return tuple(  # type: ignore[return-value]
        tuple(sum(x * y for x, y in zip(row, col, strict=True)) for col in cols) for row in a
    )


def _apply(m: Matrix, v: Vec) -> Vec:
    return (
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    )


def _rz(degrees: float) -> Matrix:
    """Rotation in the sagittal plane: positive turns 'down' toward 'forward'."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def _rx(degrees: float) -> Matrix:
    """Rotation in the frontal plane: positive turns 'up' toward the right (+z)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def _ry(degrees: float) -> Matrix:
    """Rotation about the vertical: positive turns 'forward' toward the left (-z)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def _add(a: Vec, b: Vec, scale: float = 1.0) -> Vec:
    return (a[0] + b[0] * scale, a[1] + b[1] * scale, a[2] + b[2] * scale)


_DOWN: Vec = (0.0, -1.0, 0.0)
_UP: Vec = (0.0, 1.0, 0.0)


def _skeleton(angles: Mapping[str, float]) -> dict[str, Vec]:
    """3-D joint positions with the pelvis at the origin (forward kinematics)."""
    seg = SEGMENTS
    trunk = _mul(_rx(angles["side"]), _rz(-angles["trunk"]))
    pts: dict[str, Vec] = {"pelvis": (0.0, 0.0, 0.0)}
    top = _apply(trunk, (0.0, seg["trunk"], 0.0))
    pts["neck"] = top
    head_dir = _apply(_mul(trunk, _rz(-angles["neck"])), _UP)
    pts["head"] = _add(top, head_dir, seg["neck"] + seg["head"])
    for side, sign in _SIDES.items():
        a = {name: angles[f"{side}_{name}"] for name in LIMB_ANGLES}
        shoulder = _add(top, _apply(trunk, (0.0, -1.5, sign * seg["shoulder_half"])))
        arm = _mul(trunk, _mul(_rz(a["shoulder"]), _rx(-sign * a["shoulder_out"])))
        elbow = _add(shoulder, _apply(arm, _DOWN), seg["upper_arm"])
        fore = _mul(arm, _rz(a["elbow"]))
        hand = _add(elbow, _apply(fore, _DOWN), seg["forearm"])
        hip = _apply(trunk, (0.0, 0.0, sign * seg["hip_half"]))
        thigh = _mul(
            trunk, _mul(_rz(a["hip"]), _mul(_rx(-sign * a["hip_out"]), _ry(-sign * a["hip_turn"])))
        )
        knee = _add(hip, _apply(thigh, _DOWN), seg["thigh"])
        shank = _mul(thigh, _rz(-a["knee"]))
        ankle = _add(knee, _apply(shank, _DOWN), seg["shank"])
        foot = _mul(shank, _rz(a["ankle"]))
        heel = _add(ankle, _apply(foot, (-seg["heel"], -seg["ankle_height"], 0.0)))
        ball = _add(ankle, _apply(foot, (seg["ball"], -seg["ankle_height"], 0.0)))
        toe = _add(ball, _apply(_mul(foot, _rz(a["toes"])), (seg["toe"], 0.0, 0.0)))
        for joint, where in (
            ("shoulder", shoulder),
            ("elbow", elbow),
            ("hand", hand),
            ("hip", hip),
            ("knee", knee),
            ("ankle", ankle),
            ("heel", heel),
            ("ball", ball),
            ("toe", toe),
        ):
            pts[f"{side}_{joint}"] = where
    return pts


@dataclass(frozen=True, slots=True)
class Figure:
    """One placed pose: page points (y up, floor 0) and, per point, its depth toward the viewer."""

    points: dict[str, Point]
    depth: dict[str, float]

    def lowest(self) -> float:
        """The lowest y any drawn part reaches (joint height less its `RADIUS`)."""
        return min(y - RADIUS.get(name, 0.0) for name, (_, y) in self.points.items())

    def moved(self, dx: float, dy: float) -> Figure:
        return Figure({k: (x + dx, y + dy) for k, (x, y) in self.points.items()}, self.depth)

    def at(self, name: str) -> Point:
        """A point by name; pair names (`toes`, `hands`...) give the midpoint of both sides."""
        if name in self.points:
            return self.points[name]
        single = name.removesuffix("s")
        lx, ly = self.points[f"left_{single}"]
        rx, ry = self.points[f"right_{single}"]
        return ((lx + rx) / 2, (ly + ry) / 2)


# The side view looks slightly from the front, so the far leg and arm peek out.
_OBLIQUE = 0.25


def _project(skeleton: Mapping[str, Vec], view: str) -> Figure:
    if view == "front":
        return Figure(
            {k: (-z, y) for k, (_, y, z) in skeleton.items()},
            {k: x for k, (x, _, _) in skeleton.items()},
        )
    return Figure(
        {k: (x + _OBLIQUE * z, y) for k, (x, y, z) in skeleton.items()},
        {k: z for k, (_, _, z) in skeleton.items()},
    )


def solve(
    poses: Iterable[Iterable[tuple[str, float]]],
    *,
    view: str = "side",
    anchor: str = "",
    base: float = 0.0,
    lifts: Iterable[tuple[float, float]] = (),
) -> list[Figure]:
    """Place a sequence of poses on the page.

    The first pose stands with its lowest part on `base` (the floor, or a prop's top) and its
    anchor at x = 0. Every later pose keeps the anchor (the part that does not move, usually
    the standing foot) where the first pose had it, moved by its (shift, lift), so a squat's
    feet stay put and a jump leaves the floor. Without an anchor each pose rests on `base`.
    """
    placed: list[Figure] = []
    home: Point | None = None
    offsets = list(lifts)
    for index, written in enumerate(poses):
        figure = _project(_skeleton(pose_angles(written)), view)
        shift, lift = offsets[index] if index < len(offsets) else (0.0, 0.0)
        ax, ay = figure.at(anchor) if anchor else figure.at("pelvis")
        if home is None or not anchor:
            figure = figure.moved(-ax + shift, base - figure.lowest() + lift)
            if home is None:
                home = figure.at(anchor) if anchor else (0.0, 0.0)
        else:
            figure = figure.moved(home[0] - ax + shift, home[1] - ay + lift)
        placed.append(figure)
    return placed
