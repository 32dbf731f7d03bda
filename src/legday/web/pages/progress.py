"""Progress (/athletes/{id}/progress): load and reps per exercise, weekly sets per muscle
group, sessions done against planned, and the pain trend, as SVG drawn here (no script,
no network) with the numbers in tables beside each chart. The numbers come from
`Logbook.progress_report` (legday.progression.summary)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from legday.model import Muscle
from legday.progression.summary import ExerciseSeries, ProgressReport
from legday.web.deps import AthleteDep, LogbookDep, TodayDep
from legday.web.pages.charts import Bar, Line, bar_chart, line_chart
from legday.web.pages.common import page

__all__ = ["router"]

router = APIRouter()
PAIN_SCALE = 10.0


@router.get("/athletes/{athlete_id}/progress", response_class=HTMLResponse, name="progress")
def progress(
    request: Request, athlete: AthleteDep, book: LogbookDep, now: TodayDep
) -> HTMLResponse:
    report = book.progress_report(athlete.name, now)
    names = {e.id: e.name for e in book.catalogue}
    context: dict[str, Any] = {
        "athlete": athlete,
        "report": report,
        "exercises": [_exercise(series, names) for series in _most_done(report)],
        "volume": _volume(report),
        "sessions": _sessions(report),
        "pain": _pain(report),
        "muscles": [(m.value, f"m-{m.value}") for m in Muscle],
        "volume_rows": [
            (week.start, [dict(week.sets).get(m, 0) for m in Muscle]) for week in report.volume
        ],
    }
    return page(request, "progress.html", context, section="progress")


def _most_done(report: ProgressReport) -> list[ExerciseSeries]:
    """The exercises done on most days first: the anchor lifts lead."""
    return sorted(report.exercises, key=lambda s: (-len(s.days), s.exercise))


def _exercise(series: ExerciseSeries, names: dict[str, str]) -> dict[str, Any]:
    """One exercise's chart: its top load where it was loaded, else its best reps (or the
    longest hold), day by day."""
    name = names.get(series.exercise, series.exercise.replace("-", " "))
    loaded = [(d.day, d.top_kg) for d in series.days if d.top_kg is not None]
    if loaded:
        points = tuple((day, float(kg)) for day, kg in loaded)
        what, unit = "top load", "kg"
    elif any(d.best_reps for d in series.days):
        points = tuple((d.day, float(d.best_reps)) for d in series.days)
        what, unit = "best set", "reps"
    else:
        points = tuple((d.day, float(d.seconds)) for d in series.days)
        what, unit = "time under tension", "s"
    first, last = points[0], points[-1]
    desc = (
        f"{name}: {what} {first[1]:g} {unit} on {first[0]:%-d %b}"
        + (f", {last[1]:g} {unit} on {last[0]:%-d %b}" if len(points) > 1 else "")
        + f", over {len(points)} day{'s' if len(points) != 1 else ''}."
    )
    chart = line_chart(
        f"ex-{series.exercise}",
        f"{name}: {what} ({unit}) by day",
        desc,
        [Line(what, "s-load", points)],
        unit,
    )
    return {"id": series.exercise, "name": name, "chart": chart, "series": series, "what": what}


def _volume(report: ProgressReport) -> Any:
    if not report.volume:
        return None
    bars = [
        Bar(
            f"{week.start:%-d %b}",
            tuple((m.value, f"m-{m.value}", float(n)) for m, n in week.sets),
        )
        for week in report.volume
    ]
    busiest = max(report.volume, key=lambda w: sum(n for _, n in w.sets))
    desc = (
        f"Sets per muscle group over {_weeks(len(report.volume))}; the most in the week of "
        f"{busiest.start:%-d %b}: {sum(n for _, n in busiest.sets)} sets."
    )
    return bar_chart("volume", "Weekly sets per muscle group", desc, bars, "sets")


def _sessions(report: ProgressReport) -> Any:
    if not report.sessions:
        return None
    bars = [
        Bar(
            f"{w.start:%-d %b}",
            (("done", "s-done", float(w.done)), ("skipped", "s-skipped", float(w.skipped))),
            outline=float(w.planned),
        )
        for w in report.sessions
    ]
    planned = sum(w.planned for w in report.sessions)
    done = sum(w.done for w in report.sessions)
    desc = f"{done} sessions done of {planned} planned over {len(report.sessions)} weeks."
    return bar_chart("sessions", "Sessions done against planned", desc, bars, "sessions")


def _pain(report: ProgressReport) -> Any:
    if not report.pain:
        return None
    lines = [
        Line(
            "in sets",
            "s-sets",
            tuple((p.day, float(p.sets)) for p in report.pain if p.sets is not None),
        ),
        Line(
            "in care routines",
            "s-care",
            tuple((p.day, float(p.care)) for p in report.pain if p.care is not None),
        ),
        Line(
            "next morning",
            "s-morning",
            tuple((p.day, float(p.morning)) for p in report.pain if p.morning is not None),
        ),
    ]
    worst = max(report.pain, key=lambda p: max(p.sets or 0, p.care or 0, p.morning or 0))
    high = max(worst.sets or 0, worst.care or 0, worst.morning or 0)
    last = report.pain[-1]
    latest = max(last.sets or 0, last.care or 0, last.morning or 0)
    desc = (
        f"Pain from 0 to 10 on {len(report.pain)} days; the worst {high} on "
        f"{worst.day:%-d %b}, the latest {latest} on {last.day:%-d %b}."
    )
    shown = [line for line in lines if line.points]
    return {
        "chart": line_chart("pain", "Pain by day (0-10)", desc, shown, "0-10", top=PAIN_SCALE),
        "lines": shown,
    }


def _weeks(count: int) -> str:
    return f"{count} week{'s' if count != 1 else ''}"
