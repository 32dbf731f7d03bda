"""Charts drawn on the server as SVG: no script, no network, no library; they print and
work offline. Each chart names itself (`<title>`) and says what it shows in words
(`<desc>`), and the page puts the numbers beside it in a table, so a screen reader gets
the same facts. Colours come from CSS classes (legday.css), never style attributes: the
Content-Security-Policy allows no inline style."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from markupsafe import Markup

__all__ = ["Bar", "Line", "bar_chart", "line_chart"]

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 40


@dataclass(frozen=True, slots=True)
class Line:
    """One series of a line chart: a name, a CSS class for its colour, and its points."""

    name: str
    css: str
    points: tuple[tuple[date, float], ...]


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a bar chart: its label and its stacked parts (name, CSS class, value);
    `outline`, when given, is drawn as an empty frame behind it (what was planned)."""

    label: str
    parts: tuple[tuple[str, str, float], ...]
    outline: float | None = None


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _top(highest: float) -> float:
    """A round top for the y axis at or above `highest`."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
        if highest <= step * 5:
            return float(step * max(1, -(-highest // step)))
    return float(highest)


def _frame(chart_id: str, title: str, desc: str, top: float, unit: str) -> list[str]:
    inner_h = HEIGHT - TOP - BOTTOM
    out = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}"'
        f' role="img" aria-labelledby="{chart_id}-t {chart_id}-d"'
        ' xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
    ]
    for i in range(5):
        value = top * i / 4
        y = TOP + inner_h - inner_h * i / 4
        out.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        out.append(
            f'<text class="axis" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{_number(value)}</text>"
        )
    out.append(f'<text class="axis" x="4" y="{TOP + 8}" text-anchor="start">{escape(unit)}</text>')
    return out


def line_chart(
    chart_id: str,
    title: str,
    desc: str,
    lines: Sequence[Line],
    unit: str,
    top: float | None = None,
) -> Markup:
    """Lines over dates, each point a dot; the x axis runs from the first day to the last,
    the y axis from 0 to `top` (else a round number above the highest point). The page
    shows the key (the series' names and colours) beside the chart."""
    days = sorted({d for line in lines for d, _ in line.points})
    highest = max((v for line in lines for _, v in line.points), default=0.0)
    top = top or _top(max(highest, 1.0))
    out = _frame(chart_id, title, desc, top, unit)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    span = max((days[-1] - days[0]).days, 1) if days else 1

    def x(day: date) -> float:
        return LEFT + (inner_w * (day - days[0]).days / span if len(days) > 1 else inner_w / 2)

    def y(value: float) -> float:
        return TOP + inner_h - inner_h * value / top

    for line in lines:
        if not line.points:
            continue
        path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in line.points)
        out.append(f'<polyline class="series {line.css}" points="{path}"/>')
        for d, v in line.points:
            out.append(
                f'<circle class="dot {line.css}" cx="{x(d):.1f}" cy="{y(v):.1f}" r="3">'
                f"<title>{escape(line.name)} {d:%-d %b}: {_number(v)}</title></circle>"
            )
    if days:
        base = HEIGHT - BOTTOM + 16
        out.append(f'<text class="axis" x="{LEFT}" y="{base}">{days[0]:%-d %b}</text>')
        if len(days) > 1:
            out.append(
                f'<text class="axis" x="{WIDTH - RIGHT}" y="{base}" text-anchor="end">'
                f"{days[-1]:%-d %b}</text>"
            )
    out.append("</svg>")
    return Markup("\n".join(out))


def bar_chart(chart_id: str, title: str, desc: str, bars: Sequence[Bar], unit: str) -> Markup:
    """Stacked bars, one per label (a week), with an optional outline behind each; the
    page shows the key."""
    highest = max((max(sum(v for _, _, v in b.parts), b.outline or 0) for b in bars), default=0.0)
    top = _top(max(highest, 1.0))
    out = _frame(chart_id, title, desc, top, unit)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = inner_w / max(len(bars), 1)
    width = max(min(slot * 0.7, 40), 2)
    every = max(1, round(len(bars) / 8))  # labels for at most about eight bars
    for i, bar in enumerate(bars):
        left = LEFT + slot * i + (slot - width) / 2
        if bar.outline:
            h = inner_h * bar.outline / top
            out.append(
                f'<rect class="planned" x="{left:.1f}" y="{TOP + inner_h - h:.1f}"'
                f' width="{width:.1f}" height="{h:.1f}"/>'
            )
        base = float(TOP + inner_h)
        for name, css, value in bar.parts:
            if value <= 0:
                continue
            h = inner_h * value / top
            base -= h
            out.append(
                f'<rect class="part {css}" x="{left:.1f}" y="{base:.1f}" width="{width:.1f}"'
                f' height="{h:.1f}"><title>{escape(bar.label)}: {escape(name)}'
                f" {_number(value)}</title></rect>"
            )
        if i % every == 0:
            out.append(
                f'<text class="axis" x="{left + width / 2:.1f}" y="{HEIGHT - BOTTOM + 16}"'
                f' text-anchor="middle">{escape(bar.label)}</text>'
            )
    out.append("</svg>")
    return Markup("\n".join(out))
