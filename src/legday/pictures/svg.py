"""Exercise pictures as standalone SVG: a still strip of key poses, or a looping animation.

`exercise_svg(exercise, tempo="3-1-2")` is what the CLI, the Markdown/HTML exports and the
future session player call. The animation tweens every body path between the key poses with
SMIL `<animate>` at the exercise's tempo (`D-P-L`: seconds lowering, pausing, lifting), so it
needs no JavaScript and plays in any browser or image viewer that supports SVG.
"""

from __future__ import annotations

import re
from html import escape

from legday.model import Exercise
from legday.pictures.scene import Layer, Scene, build_scene

__all__ = ["animated_svg", "exercise_svg", "still_svg", "timeline"]

_TEMPO = re.compile(r"^([0-9])-([0-9])-([0-9X])$")
_EXPLOSIVE = 0.5  # seconds for an `X` (explosive) phase
_SHORTEST = 0.5  # a move of 0 s still needs time to be seen
_HOLD = 3.0  # holds (measure = seconds) show at least this long in the animation

_STYLE = (
    ".lg-limb{fill:none;stroke-linecap:round;stroke-linejoin:round;stroke-width:4.4}"
    ".lg-near{stroke:#2f4858}.lg-far{stroke:#9db0c0}.lg-work{stroke:#e8590c}"
    ".lg-far.lg-work{stroke:#f4a26b}"
    ".lg-trunk{fill:#2f4858;stroke:#2f4858;stroke-width:8;stroke-linejoin:round;"
    "stroke-linecap:round}"
    ".lg-head{fill:#2f4858}"
    ".lg-dumbbell,.lg-kettlebell,.lg-barbell{fill:#495057;stroke:#495057;stroke-width:2}"
    ".lg-band{fill:none;stroke:#d6336c;stroke-width:1.6}"
    ".lg-floor{stroke:#868e96;stroke-width:1}.lg-ground{fill:#f1f3f5}"
    ".lg-block{fill:#ced4da;stroke:#868e96;stroke-width:.8}"
    ".lg-cushion{fill:#b2f2bb;stroke:#69db7c;stroke-width:.8}"
    ".lg-wall{fill:#e9ecef;stroke:#868e96;stroke-width:.8}.lg-mat{fill:#a5d8ff}"
    ".lg-arrow{fill:none;stroke:#1c7ed6;stroke-width:1.6;stroke-dasharray:3 2}"
    ".lg-label{font:7px sans-serif;fill:#495057;text-anchor:middle}"
    ".lg-title{font:bold 8px sans-serif;fill:#212529}"
)


def exercise_svg(exercise: Exercise, *, tempo: str | None = None, animate: bool = True) -> str:
    """The picture of `exercise`, animated at `tempo` (default: the catalogue's) or still."""
    if animate:
        return animated_svg(exercise, tempo=tempo)
    return still_svg(exercise)


def timeline(
    tempo: str, poses: int, *, first_move: str = "lower", cycle: bool = False, hold: bool = False
) -> tuple[float, list[int], list[float]]:
    """Total seconds, the pose shown at each key frame, and each key frame's time (0-1).

    Back and forth: the first move (lowering or lifting, `first_move`) goes through the poses
    to the last, the pause holds it, the other move comes back. A cycle walks the poses in a
    loop over the whole tempo (a jog, a walk). Zero or `X` phases get a short visible time.
    """
    match = _TEMPO.match(tempo)
    if match is None:
        raise ValueError(f"tempo {tempo!r} is not D-P-L")
    lower, pause = float(match[1]), float(match[2])
    lift = _EXPLOSIVE if match[3] == "X" else float(match[3])
    if cycle:
        total = max(lower + pause + lift, 0.4 * poses)
        frames = [*range(poses), 0]
        return total, frames, [i / poses for i in range(poses + 1)]
    going, coming = (lower, lift) if first_move == "lower" else (lift, lower)
    going, coming = max(going, _SHORTEST), max(coming, _SHORTEST)
    if hold:
        pause = max(pause, _HOLD)
    total = going + pause + coming
    steps = poses - 1
    frames = [*range(poses)]
    times = [going * i / steps for i in range(poses)]
    if pause:
        frames.append(poses - 1)
        times.append(going + pause)
    frames += list(range(poses - 2, -1, -1))
    times += [going + pause + coming * i / steps for i in range(1, poses)]
    return total, frames, [t / total for t in times]


def _classes(scene: Scene, layer: Layer) -> str:
    return " ".join(f"lg-{name}" for name in _roles(scene, layer).split())


def _roles(scene: Scene, layer: Layer) -> str:
    role = layer.role
    if role in {"trunk", "head"}:
        return role
    if "_" in role:
        side, part = role.split("_", 1)
        depth = scene.figures[0].depth
        joints = ("hip", "knee", "ankle") if part == "leg" else ("shoulder", "hand")
        near = sum(depth[f"{side}_{j}"] for j in joints) >= 0
        work = part == "leg" and side == scene.picture.working_side
        return " ".join(["limb", "near" if near else "far", *(["work"] if work else [])])
    return role


def _setting(scene: Scene, min_x: float, max_x: float) -> list[str]:
    """Floor, mat, blocks and walls: drawn once, behind the figure."""
    _, _, _, top = scene.box
    out = [
        f'<rect class="lg-ground" x="{min_x:.1f}" y="0" width="{max_x - min_x:.1f}" height="6"/>',
        f'<line class="lg-floor" x1="{min_x:.1f}" y1="0" x2="{max_x:.1f}" y2="0"/>',
    ]
    if scene.mat:
        left, right = scene.mat
        out.append(f'<rect class="lg-mat" x="{left:.1f}" y="-1.5" width="{right - left:.1f}" '
                   'height="1.5" rx="0.7"/>')  # fmt: skip
    for x, away in scene.walls:
        left = x if away > 0 else x - 5
        out.append(
            f'<rect class="lg-wall" x="{left:.1f}" y="{-top:.1f}" width="5" height="{top:.1f}"/>'
        )
    for b in scene.blocks:
        css = "lg-cushion" if b.kind == "cushion" else "lg-block"
        radius = 3 if b.kind == "cushion" else 0.8
        out.append(
            f'<rect class="{css}" x="{b.left:.1f}" y="{-b.top:.1f}" width="{b.right - b.left:.1f}"'
            f' height="{b.top:.1f}" rx="{radius}"/>'
        )
    return out


def _arrow(scene: Scene, index: int, dx: float) -> str:
    """A dashed arrow on the part that moves most toward where it goes in the next pose."""
    here, there = scene.figures[index], scene.figures[index + 1]
    name = max(
        here.points,
        key=lambda k: (
            (here.points[k][0] - there.points[k][0]) ** 2
            + (here.points[k][1] - there.points[k][1]) ** 2
        ),
    )
    (x1, y1), (x2, y2) = here.points[name], there.points[name]
    if (x2 - x1) ** 2 + (y2 - y1) ** 2 < 9:
        return ""
    return (
        f'<path class="lg-arrow" marker-end="url(#{scene.exercise_id}-head)" '
        f'd="M {x1 + dx:.1f} {-y1:.1f} L {x2 + dx:.1f} {-y2:.1f}"/>'
    )


def _defs(scene: Scene) -> str:
    return (
        f"<defs><style>{_STYLE}</style>"
        f'<marker id="{scene.exercise_id}-head" viewBox="0 0 10 10" refX="8" refY="5" '
        'markerWidth="5" markerHeight="5" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" fill="#1c7ed6"/></marker></defs>'
    )


def _caption(scene: Scene) -> str:
    side = scene.picture.working_side
    return f"{scene.title} — working leg: {side}" if side else scene.title


def still_svg(exercise: Exercise) -> str:
    """The key poses side by side, each with an arrow toward the next pose."""
    scene = build_scene(exercise)
    min_x, min_y, max_x, max_y = scene.box
    width = max_x - min_x
    gap = 6.0
    total = width * len(scene.figures) + gap * (len(scene.figures) - 1)
    height = max_y - min_y + 22
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="{min_x:.1f} {-max_y - 12:.1f} {total:.1f} {height:.1f}" '
        f'width="{total * 2.2:.0f}" height="{height * 2.2:.0f}" role="img" '
        f'aria-label="{escape(_caption(scene))}">',
        f"<title>{escape(_caption(scene))}</title>",
        _defs(scene),
        f'<text class="lg-title" x="{min_x + 2:.1f}" y="{-max_y - 4:.1f}">'
        f"{escape(_caption(scene))}</text>",
    ]
    for index, pose in enumerate(scene.picture.poses):
        dx = index * (width + gap)
        out.append(f'<g transform="translate({dx:.1f} 0)">')
        out += _setting(scene, min_x, max_x)
        for layer in scene.layers:
            out.append(f'<path class="{_classes(scene, layer)}" d="{layer.paths[index]}"/>')
        out.append(
            f'<text class="lg-label" x="{min_x + width / 2:.1f}" y="{-min_y + 8:.1f}">'
            f"{escape(pose.name)}</text></g>"
        )
        if index + 1 < len(scene.figures):
            out.append(_arrow(scene, index, dx))
    out.append("</svg>")
    return "\n".join(part for part in out if part) + "\n"


def animated_svg(exercise: Exercise, *, tempo: str | None = None) -> str:
    """One figure moving through the key poses at `tempo`, looping (SMIL, no script)."""
    scene = build_scene(exercise)
    picture = scene.picture
    total, frames, times = timeline(
        tempo or exercise.tempo,
        len(picture.poses),
        first_move=picture.first_move,
        cycle=picture.motion == "cycle",
        hold=exercise.measure == "seconds",
    )
    min_x, min_y, max_x, max_y = scene.box
    width, height = max_x - min_x, max_y - min_y + 12
    key_times = ";".join(f"{t:.4f}".rstrip("0").rstrip(".") or "0" for t in times)
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="{min_x:.1f} {-max_y - 12:.1f} {width:.1f} {height + 6:.1f}" '
        f'width="{width * 2.2:.0f}" height="{(height + 6) * 2.2:.0f}" role="img" '
        f'aria-label="{escape(_caption(scene))}">',
        f"<title>{escape(_caption(scene))}</title>",
        _defs(scene),
        f'<text class="lg-title" x="{min_x + 2:.1f}" y="{-max_y - 4:.1f}">'
        f"{escape(_caption(scene))}</text>",
        *_setting(scene, min_x, max_x),
    ]
    for layer in scene.layers:
        values = ";".join(layer.paths[frame] for frame in frames)
        out.append(
            f'<path class="{_classes(scene, layer)}" d="{layer.paths[0]}">'
            f'<animate attributeName="d" dur="{total:g}s" repeatCount="indefinite" '
            f'keyTimes="{key_times}" values="{values}"/></path>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
