"""The plan calendar (/athletes/{id}/plan): a month or a week of runs, strength sessions
and care routines side by side, recovery, race and taper weeks marked, and each session's
why on demand. The plan is the logbook's current one, with progression applied
(`Logbook.current_plan`), as `legday export --athlete` writes it."""

from __future__ import annotations

from calendar import monthrange
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from legday.boundary import EARLIEST, LATEST, outside_window
from legday.errors import LegdayError
from legday.model import CareRoutine, Phase, Plan, Run, Session, Week
from legday.web.deps import AthleteDep, LogbookDep, TodayDep
from legday.web.pages.common import page

__all__ = ["Day", "calendar_days", "router"]

router = APIRouter()
ONE_DAY = timedelta(days=1)
# Weeks a runner should see marked: the ones that lift less or not at all, and why.
MARKED = {
    Phase.RECOVERY: "recovery week",
    Phase.RACE: "race week",
    Phase.TAPER: "taper week",
    Phase.POST_RACE: "after the race",
    Phase.BLOCKED: "blocked",
    Phase.PEAK: "peak week",
}


@dataclass
class Day:
    """One calendar day as the page shows it."""

    day: date
    runs: list[Run] = field(default_factory=list)
    session: Session | None = None
    care: list[CareRoutine] = field(default_factory=list)
    status: str | None = None  # "done" / "skipped" once logged
    race: str | None = None  # the race's priority ("A", "B", "C") or "" without one
    outside: bool = False  # in the grid but not in the month shown
    today: bool = False


@dataclass
class WeekRow:
    start: date
    days: list[Day]
    week: Week | None

    @property
    def mark(self) -> str:
        return MARKED.get(self.week.phase, "") if self.week else ""


def calendar_days(
    plan: Plan, first: date, last: date, statuses: dict[date, str], now: date
) -> list[WeekRow]:
    """The weeks (Monday to Sunday) covering `first`..`last`, each day with what the plan
    puts on it; days outside `first`..`last` are marked so a month grid can dim them."""
    start = first - timedelta(days=first.weekday())
    end = last + timedelta(days=6 - last.weekday())
    runs: dict[date, list[Run]] = defaultdict(list)
    for run in plan.runs:
        if start <= run.day <= end:
            runs[run.day].append(run)
    sessions = {s.day: s for s in plan.sessions if start <= s.day <= end}
    care: dict[date, list[CareRoutine]] = defaultdict(list)
    for routine in plan.care:
        if start <= routine.day <= end:
            care[routine.day].append(routine)
    races = {r.day: r.priority for r in plan.race_days}
    races.update({d: races.get(d, "") for d in plan.races})
    weeks = {w.start: w for w in plan.weeks}
    rows: list[WeekRow] = []
    monday = start
    while monday <= end:
        days = []
        for offset in range(7):
            day = monday + timedelta(days=offset)
            days.append(
                Day(
                    day,
                    sorted(runs.get(day, []), key=lambda r: (r.start is None, r.start or 0)),
                    sessions.get(day),
                    care.get(day, []),
                    statuses.get(day),
                    races.get(day),
                    outside=not first <= day <= last,
                    today=day == now,
                )
            )
        week = weeks.get(monday) or next((w for w in plan.weeks if monday in w), None)
        rows.append(WeekRow(monday, days, week))
        monday += timedelta(days=7)
    return rows


def _month(day: date) -> tuple[date, date]:
    return day.replace(day=1), day.replace(day=monthrange(day.year, day.month)[1])


def _shift_month(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _parse_day(value: str | None, default: date) -> date:
    try:
        day = date.fromisoformat(value) if value else default
    except ValueError:
        return default
    if outside_window(day):  # a month or a week either side must still be a date
        raise HTTPException(422, f"date: {day} is outside {EARLIEST}..{LATEST}")
    return day


@router.get("/athletes/{athlete_id}/plan", response_class=HTMLResponse, name="plan")
def plan(
    request: Request,
    athlete: AthleteDep,
    book: LogbookDep,
    now: TodayDep,
    view: Annotated[str, Query()] = "month",
    day: Annotated[str | None, Query(alias="date")] = None,
) -> HTMLResponse:
    try:
        season = book.current_plan(athlete.name, now)
    except LegdayError as error:
        missing = {"athlete": athlete, "problem": str(error)}
        return page(request, "plan_missing.html", missing, status_code=404, section="plan")
    shown = _parse_day(day, min(max(now, season.start), season.end))
    history = book.history(athlete.name, season.start - timedelta(days=7))
    statuses = {p.day: p.status for p in history}
    context: dict[str, Any] = {"athlete": athlete, "plan": season, "shown": shown, "now": now}
    if view == "week":
        monday = shown - timedelta(days=shown.weekday())
        rows = calendar_days(season, monday, monday + timedelta(days=6), statuses, now)
        context |= {
            "view": "week",
            "rows": rows,
            "title": f"Week of {monday:%-d %B %Y}",
            "before": monday - timedelta(days=7),
            "after": monday + timedelta(days=7),
        }
    else:
        first, last = _month(shown)
        context |= {
            "view": "month",
            "rows": calendar_days(season, first, last, statuses, now),
            "title": f"{first:%B %Y}",
            "before": _shift_month(first, -1),
            "after": _shift_month(first, 1),
        }
    return page(request, "plan.html", context, section="plan")
