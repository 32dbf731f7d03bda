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
from legday.pictures.scene import Layer, Scene, build_scene, focus_points, focus_region

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
    ".lg-focus{fill:none;stroke:#1c7ed6;stroke-width:.7;stroke-dasharray:1.5 1}"
    ".lg-inset-frame{fill:none;stroke:#1c7ed6;stroke-width:.8}"
    ".lg-zoom{font:6px sans-serif;fill:#1c7ed6;text-anchor:end}"
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


# Pictures are shown in boxes of about this aspect (the contact sheet's cells, a plan's
# column); text is sized so it comes out the same on screen whatever the picture's size.
_ASPECT = 2.5
_REFERENCE = 150.0  # a picture this tall (units) gets the base text sizes
_PX_PER_UNIT = 2.2  # natural size of a picture _REFERENCE tall
_TITLE, _LABEL = 8.0, 7.0  # base font sizes
_INSET_MAX_HEIGHT = 64.0
_INSET_MAX_ZOOM = 4.0


def _text_scale(content_height: float, width: float, margin: float) -> float:
    """How much to scale text so it shows at one size when the picture fills a box.

    `margin` is the room the text takes at scale 1 (added to `content_height`).
    """
    by_height = content_height / (_REFERENCE - margin)
    return max(by_height, width / (_ASPECT * _REFERENCE), 0.5)


def _title_width(scene: Scene, k: float) -> float:
    return 0.56 * _TITLE * k * len(_caption(scene)) + 4


def _header(scene: Scene, view_box: tuple[float, float, float, float], k: float) -> list[str]:
    x, y, width, height = view_box
    scale = _PX_PER_UNIT / k
    caption = escape(_caption(scene))
    return [
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="{x:.1f} {y:.1f} {width:.1f} {height:.1f}" '
        f'width="{width * scale:.0f}" height="{height * scale:.0f}" role="img" '
        f'aria-label="{caption}">',
        f"<title>{caption}</title>",
        _defs(scene),
        f'<text class="lg-title" style="font-size:{_TITLE * k:.2f}px" x="{x + 2:.1f}" '
        f'y="{y + 8 * k:.1f}">{caption}</text>',
    ]


def _inset_size(scene: Scene, panel: float) -> tuple[float, float, float]:
    """Width, height and zoom of the magnified feet under a pose (0s without a focus)."""
    region = focus_region(scene)
    if region is None:
        return 0.0, 0.0, 0.0
    left, bottom, right, top = region
    zoom = min((panel - 8) / (right - left), _INSET_MAX_HEIGHT / (top - bottom), _INSET_MAX_ZOOM)
    return (right - left) * zoom, (top - bottom) * zoom, zoom


def _inset(
    scene: Scene, x: float, y: float, size: tuple[float, float, float], body: list[str]
) -> list[str]:
    """The focus region drawn magnified in a box at page (x, y), below the floor.

    A dotted frame marks the magnified region on the figure; `body` holds the paths drawn
    (one pose's, or the animated ones), which the nested viewport scales and clips.
    """
    region = focus_region(scene)
    if region is None:
        return []
    left, bottom, right, top = region
    width, height, zoom = size
    stroke = f"{3.2 / zoom:.2f}"
    return [
        f'<rect class="lg-focus" x="{left:.1f}" y="{-top:.1f}" width="{right - left:.1f}" '
        f'height="{top - bottom:.1f}" rx="1.5"/>',
        f'<svg class="lg-inset" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" '
        f'height="{height:.1f}" viewBox="{left:.1f} {-top:.1f} {right - left:.1f} '
        f'{top - bottom:.1f}" overflow="hidden">'
        f'<rect fill="#fff" x="{left:.1f}" y="{-top:.1f}" width="{right - left:.1f}" '
        f'height="{top - bottom:.1f}"/>'
        f"<style>.lg-inset .lg-limb{{stroke-width:{stroke}}}"
        f".lg-inset .lg-trunk{{stroke-width:{stroke}}}"
        f".lg-inset .lg-arrow{{stroke-width:{0.9 / zoom * 1.6:.2f};"
        f"stroke-dasharray:{3 / zoom:.2f} {2 / zoom:.2f}}}</style>",
        *_setting(scene, left - 10, right + 10),
        *body,
        "</svg>",
        f'<rect class="lg-inset-frame" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" '
        f'height="{height:.1f}" rx="2"/>',
        f'<text class="lg-zoom" style="font-size:{_LABEL * 0.8:.1f}px" x="{x + width - 2:.1f}" '
        f'y="{y + 7:.1f}">×{zoom:.1f}</text>',
    ]


def _focus_arrow(scene: Scene, index: int) -> str:
    """In the magnified feet: an arrow on the foot point that moves most to the next pose."""
    names = focus_points(scene)
    if not names or index + 1 >= len(scene.figures):
        return ""
    here, there = scene.figures[index], scene.figures[index + 1]
    name = max(
        names,
        key=lambda k: (
            (here.points[k][0] - there.points[k][0]) ** 2
            + (here.points[k][1] - there.points[k][1]) ** 2
        ),
    )
    (x1, y1), (x2, y2) = here.points[name], there.points[name]
    if (x2 - x1) ** 2 + (y2 - y1) ** 2 < 0.5:
        return ""
    return (
        f'<path class="lg-arrow" marker-end="url(#{scene.exercise_id}-head)" '
        f'd="M {x1:.2f} {-y1:.2f} L {x2:.2f} {-y2:.2f}"/>'
    )


def still_svg(exercise: Exercise) -> str:
    """The key poses side by side, each with an arrow toward the next pose."""
    scene = build_scene(exercise)
    min_x, min_y, max_x, max_y = scene.box
    width = max_x - min_x
    gap = 6.0
    total = width * len(scene.figures) + gap * (len(scene.figures) - 1)
    inset = _inset_size(scene, width)
    below = inset[1] + 4 if inset[1] else 0.0
    content = max_y - min_y + below
    k = _text_scale(content, total, 22.0)
    k = max(k, _text_scale(content, _title_width(scene, k), 22.0))
    top, bottom = 12 * k, 10 * k + 2
    height = content + top + bottom
    view_width = max(total, _title_width(scene, k))
    out = _header(scene, (min_x, -max_y - top, view_width, height), k)
    for index, pose in enumerate(scene.picture.poses):
        dx = index * (width + gap)
        out.append(f'<g transform="translate({dx:.1f} 0)">')
        out += _setting(scene, min_x, max_x)
        paths = [
            f'<path class="{_classes(scene, layer)}" d="{layer.paths[index]}"/>'
            for layer in scene.layers
        ]
        out += paths
        if inset[0]:
            left = min_x + (width - inset[0]) / 2
            out += _inset(scene, left, -min_y + 2, inset, [*paths, _focus_arrow(scene, index)])
        out.append(
            f'<text class="lg-label" style="font-size:{_LABEL * k:.2f}px" '
            f'x="{min_x + width / 2:.1f}" y="{-min_y + below + 1 + _LABEL * k:.1f}">'
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
    width = max_x - min_x
    inset = _inset_size(scene, width)
    below = inset[1] + 4 if inset[1] else 0.0
    content = max_y - min_y + below
    k = _text_scale(content, width, 18.0)
    k = max(k, _text_scale(content, _title_width(scene, k), 18.0))
    top, bottom = 12 * k, 6 * k
    view_width = max(width, _title_width(scene, k))
    out = _header(scene, (min_x, -max_y - top, view_width, content + top + bottom), k)
    out += _setting(scene, min_x, max_x)
    key_times = ";".join(f"{t:.4f}".rstrip("0").rstrip(".") or "0" for t in times)
    paths = []
    for layer in scene.layers:
        values = ";".join(layer.paths[frame] for frame in frames)
        paths.append(
            f'<path class="{_classes(scene, layer)}" d="{layer.paths[0]}">'
            f'<animate attributeName="d" dur="{total:g}s" repeatCount="indefinite" '
            f'keyTimes="{key_times}" values="{values}"/></path>'
        )
    out += paths
    if inset[0]:
        out += _inset(scene, min_x + (width - inset[0]) / 2, -min_y + 2, inset, paths)
    out.append("</svg>")
    return "\n".join(out) + "\n"
