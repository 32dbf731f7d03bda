"""An exercise picture as shapes: placed figures, props, and paths ready for SVG.

Why paths only: every moving part (a limb, the head, a dumbbell, a band) is one `<path>`
whose command structure is the same in every pose, so the animation can tween its `d`
attribute between poses with SMIL and the still can draw each pose from the same code.
Static props (floor, step, bench, box, wall, mat, cushion) are placed once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from legday.model import Exercise, Picture, Prop
from legday.pictures.figure import PROP_HEIGHTS, RADIUS, SEGMENTS, Figure, Point, solve

__all__ = [
    "RADIUS",
    "Layer",
    "Scene",
    "build_scene",
    "focus_points",
    "focus_region",
    "grounded",
    "surface_at",
]

_BLOCK_WIDTH = {"step": 30.0, "box": 40.0, "bench": 46.0, "cushion": 22.0}
_HELD = frozenset({"dumbbell", "kettlebell", "barbell"})


@dataclass(frozen=True, slots=True)
class Layer:
    """One drawable path: `role` picks its style; `paths` holds its `d` in each pose."""

    key: str
    role: str
    paths: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Block:
    kind: str
    left: float
    right: float
    top: float


@dataclass(frozen=True, slots=True)
class Scene:
    exercise_id: str
    title: str
    picture: Picture
    figures: tuple[Figure, ...]
    layers: tuple[Layer, ...]
    blocks: tuple[Block, ...]
    walls: tuple[tuple[float, float], ...]  # (x of the wall face, direction away from body)
    mat: tuple[float, float] | None
    box: tuple[float, float, float, float]  # min x, min y, max x, max y (y up)


def _lowest(figure: Figure, name: str) -> float:
    if name in figure.points:
        return figure.points[name][1] - RADIUS.get(name, 0.0)
    single = name.removesuffix("s")
    return min(_lowest(figure, f"left_{single}"), _lowest(figure, f"right_{single}"))


def _pose_index(picture: Picture, name: str, figures: tuple[Figure, ...], at: str) -> int:
    names = [pose.name for pose in picture.poses]
    if name in names:
        return names.index(name)
    return min(range(len(figures)), key=lambda i: _lowest(figures[i], at))


def _fmt(value: float) -> str:
    text = f"{value:.1f}"
    return "0" if text in {"0.0", "-0.0"} else text.removesuffix(".0")


def _p(point: Point) -> str:
    return f"{_fmt(point[0])} {_fmt(-point[1])}"


def _circle(center: Point, r: float) -> str:
    x, y = center
    arc = f"A {_fmt(r)} {_fmt(r)} 0 1 0"
    return f"M {_p((x - r, y))} {arc} {_p((x + r, y))} {arc} {_p((x - r, y))} Z"


def _limb_paths(figure: Figure) -> dict[str, str]:
    pt = figure.points
    out = {}
    for side in ("left", "right"):
        out[f"{side}_leg"] = (
            f"M {_p(pt[f'{side}_hip'])} L {_p(pt[f'{side}_knee'])} L {_p(pt[f'{side}_ankle'])}"
            f" L {_p(pt[f'{side}_heel'])} L {_p(pt[f'{side}_ball'])} L {_p(pt[f'{side}_ankle'])}"
            f" M {_p(pt[f'{side}_ball'])} L {_p(pt[f'{side}_toe'])}"
        )
        out[f"{side}_arm"] = (
            f"M {_p(pt[f'{side}_shoulder'])} L {_p(pt[f'{side}_elbow'])} L {_p(pt[f'{side}_hand'])}"
        )
    out["trunk"] = (
        f"M {_p(pt['left_shoulder'])} L {_p(pt['right_shoulder'])} L {_p(pt['right_hip'])}"
        f" L {_p(pt['left_hip'])} Z M {_p(pt['neck'])} L {_p(pt['head'])}"
    )
    out["head"] = _circle(pt["head"], SEGMENTS["head"])
    return out


def _held(prop: Prop, figure: Figure, view: str) -> str:
    """A weight in the hands (or at a point, for a barbell on the back)."""
    at = prop.at or "hands"
    single = at.removesuffix("s")
    spots = (
        [figure.points[f"left_{single}"], figure.points[f"right_{single}"]]
        if at.endswith("s") and prop.kind != "barbell"
        else [figure.at(at)]
    )
    parts = []
    for x, y in spots:
        if prop.kind == "kettlebell":
            parts.append(f"M {_p((x, y))} L {_p((x, y - 3))} " + _circle((x, y - 7.5), 5.0))
        elif prop.kind == "barbell" and view == "side":
            if at == "neck":  # resting on the upper back, behind the neck
                (nx, ny), (px, py) = figure.points["neck"], figure.points["pelvis"]
                length = math.hypot(nx - px, ny - py) or 1.0
                ux, uy = (nx - px) / length, (ny - py) / length
                x, y = x - 6 * uy - 3 * ux, y + 6 * ux - 3 * uy
            parts.append(_circle((x, y), 9.0))
        elif prop.kind == "barbell":
            parts.append(
                f"M {_p((x - 32, y))} L {_p((x + 32, y))} "
                + _circle((x - 28, y), 8.0)
                + " "
                + _circle((x + 28, y), 8.0)
            )
        elif view == "side":
            parts.append(_circle((x, y), 3.6))
        else:
            parts.append(f"M {_p((x - 5, y))} L {_p((x + 5, y))} " + _circle((x, y), 3.0))
    return " ".join(parts)


def _band(prop: Prop, figure: Figure, view: str, box_x: tuple[float, float]) -> str:
    at = prop.at or "knees"
    if prop.to == "hands":  # a strap from `at` held in both hands
        return f"M {_p(figure.at(at))} L {_p(figure.at('hands'))}"
    if prop.to:
        x, y = figure.at(at)
        toward_right = prop.to in {"front", "right"} if view == "side" else prop.to == "left"
        end = box_x[1] if toward_right else box_x[0]
        return f"M {_p((x, y))} L {_p((end, y))}"
    if at.endswith("s"):
        single = at.removesuffix("s")
        a, b = figure.points[f"left_{single}"], figure.points[f"right_{single}"]
        return f"M {_p(a)} L {_p(b)} " + _circle(a, 3.0) + " " + _circle(b, 3.0)
    return _circle(figure.at(at), 3.5)


def build_scene(exercise: Exercise) -> Scene:
    """Solve the poses of `exercise` and lay out everything the SVG needs."""
    picture = exercise.picture
    if picture is None:
        raise ValueError(f"{exercise.id} has no picture")
    view = picture.view
    anchor = picture.anchor or ("toes" if view == "side" else "")
    figures = tuple(
        solve(
            [pose.angles for pose in picture.poses],
            view=view,
            anchor=anchor,
            base=PROP_HEIGHTS[picture.base],
            lifts=[(pose.shift, pose.lift) for pose in picture.poses],
        )
    )
    blocks: list[Block] = []
    walls: list[tuple[float, float]] = []
    for prop in picture.props:
        if prop.kind in _BLOCK_WIDTH:
            at = prop.at or anchor or "toes"
            figure = figures[_pose_index(picture, prop.pose, figures, at)]
            x, _ = figure.at(at)
            top = _lowest(figure, at)
            if picture.base == prop.kind and not prop.at:
                top = PROP_HEIGHTS[prop.kind]
            half = _BLOCK_WIDTH[prop.kind] / 2
            blocks.append(Block(prop.kind, x - half, x + half, max(top, 1.0)))
        elif prop.kind == "wall":
            figure = figures[_pose_index(picture, prop.pose, figures, prop.at or "head")]
            x, _ = figure.at(prop.at or "head")
            middle = sum(px for px, _ in figure.points.values()) / len(figure.points)
            away = 1.0 if x >= middle else -1.0
            walls.append((x + away * RADIUS.get(prop.at or "head", 3.0), away))
    xs = [x for f in figures for x, _ in f.points.values()]
    ys = [y for f in figures for _, y in f.points.values()]
    min_x, max_x = min(xs) - 12, max(xs) + 12
    for block in blocks:
        min_x, max_x = min(min_x, block.left - 4), max(max_x, block.right + 4)
    for x, away in walls:
        min_x, max_x = min(min_x, x + 6 * away - 4), max(max_x, x + 6 * away + 4)
    # room for the title above a narrow figure, and for the magnified feet under it
    widen = max(0.0, (104.0 if picture.focus else 84.0) - (max_x - min_x)) / 2
    min_x, max_x = min_x - widen, max_x + widen
    box = (min_x, min(-6.0, min(ys) - 6), max_x, max(ys) + SEGMENTS["head"] + 8)
    mat = None
    if "mat" in {p.kind for p in picture.props}:
        low = [x for f in figures for name, (x, y) in f.points.items() if y < 14]
        mat = (min(low) - 8, max(low) + 8) if low else (min_x + 4, max_x - 4)
    layers: dict[str, list[str]] = {}
    roles: dict[str, str] = {}
    for figure in figures:
        limbs = _limb_paths(figure)
        for key, d in limbs.items():
            layers.setdefault(key, []).append(d)
            roles[key] = key
        for index, prop in enumerate(picture.props):
            if prop.kind in _HELD:
                d = _held(prop, figure, view)
            elif prop.kind == "band":
                d = _band(prop, figure, view, (box[0], box[2]))
            else:
                continue
            layers.setdefault(f"prop-{index}", []).append(d)
            roles[f"prop-{index}"] = prop.kind
    order = _depth_order(figures[0])
    ordered = [
        Layer(key, roles[key], tuple(layers[key]))
        for key in order + [k for k in layers if k.startswith("prop-")]
    ]
    return Scene(
        exercise.id,
        exercise.name,
        picture,
        figures,
        tuple(ordered),
        tuple(blocks),
        tuple(walls),
        mat,
        box,
    )


def _depth_order(figure: Figure) -> list[str]:
    """Far limbs first so the near ones are drawn over them."""
    depth = figure.depth
    limbs = {
        f"{side}_{limb}": sum(depth[f"{side}_{j}"] for j in joints) / len(joints)
        for side in ("left", "right")
        for limb, joints in (("leg", ("hip", "knee", "ankle")), ("arm", ("shoulder", "hand")))
    }
    far = sorted((k for k, v in limbs.items() if v < 0), key=lambda k: limbs[k])
    near = sorted((k for k, v in limbs.items() if v >= 0), key=lambda k: limbs[k])
    return [*far, "trunk", "head", *near]


_FOOT = ("ankle", "heel", "ball", "toe")


def focus_points(scene: Scene) -> tuple[str, ...]:
    """The points a `focus` picture magnifies: the working foot, else both feet."""
    if scene.picture.focus != "feet":
        return ()
    sides = (scene.picture.working_side,) if scene.picture.working_side else ("left", "right")
    return tuple(f"{side}_{joint}" for side in sides for joint in _FOOT)


def focus_region(scene: Scene) -> tuple[float, float, float, float] | None:
    """The part of the page a `focus` picture magnifies: min x, min y, max x, max y (y up).

    Covers the focused points in every pose with a margin and the floor under them, so the
    inset shows the foot moving against the floor or the wall it works from.
    """
    names = focus_points(scene)
    if not names:
        return None
    xs = [f.points[n][0] for f in scene.figures for n in names]
    ys = [f.points[n][1] for f in scene.figures for n in names]
    left, right = min(xs) - 4, max(xs) + 4
    bottom, top = min(min(ys), 0.0) - 3, max(ys) + 4
    if right - left < 26:
        middle = (left + right) / 2
        left, right = middle - 13, middle + 13
    return left, bottom, right, max(top, bottom + 16)


def surface_at(scene: Scene, x: float) -> list[float]:
    """Heights something can rest on at `x`: the floor, and the tops of blocks there."""
    return [0.0, *(b.top for b in scene.blocks if b.left - 1 <= x <= b.right + 1)]


def grounded(scene: Scene, figure: Figure, name: str, tolerance: float = 1.5) -> bool:
    """Whether the named point rests on the floor or on a block (within `tolerance`)."""
    x, _ = figure.at(name) if name not in figure.points else figure.points[name]
    bottom = _lowest(figure, name)
    return any(abs(bottom - top) <= tolerance for top in surface_at(scene, x))
