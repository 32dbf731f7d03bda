"""One day of the plan (/athletes/{id}/sessions/{date}): its runs, the strength session
with every prescription and its why, the care routines; and the three changes a runner
makes to a day (skip it, move it, give a run up to weather), each shown as the re-plan it
would make before it is accepted."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse

from legday.boundary import EARLIEST, LATEST, outside_window
from legday.errors import InputError, LegdayError
from legday.services import Athlete, Logbook
from legday.web.api.sessions import ACTIONS, replan_day
from legday.web.deps import AthleteDep, LogbookDep, TodayDep
from legday.web.pages.common import page
from legday.web.security import require_csrf

__all__ = ["router"]

router = APIRouter()


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise HTTPException(404, f"{text!r} is no date (YYYY-MM-DD)") from None
    if outside_window(day):
        raise HTTPException(422, f"date: {day} is outside {EARLIEST}..{LATEST}")
    return day


def _context(book: Logbook, athlete: Athlete, day: date, now: date) -> dict[str, Any]:
    """What the page shows of the day: the plan's (progression applied) and the log's."""
    season = book.current_plan(athlete.name, now)
    logged = book.history(athlete.name, day, day)
    return {
        "athlete": athlete,
        "day": day,
        "now": now,
        "session": next((s for s in season.sessions if s.day == day), None),
        "runs": [r for r in season.runs if r.day == day],
        "care": [c for c in season.care if c.day == day],
        "week": next((w for w in season.weeks if day in w), None),
        "status": logged[0].status if logged else None,
        "tomorrow": day + timedelta(days=1),
        "errors": {},
        "form": {},
        "preview": None,
        "done": None,
    }


@router.get("/athletes/{athlete_id}/sessions/{day}", response_class=HTMLResponse, name="session")
def session(
    request: Request, athlete: AthleteDep, book: LogbookDep, now: TodayDep, day: str
) -> HTMLResponse:
    try:
        context = _context(book, athlete, _day(day), now)
    except LegdayError as error:
        context = {"athlete": athlete, "problem": str(error)}
        return page(request, "plan_missing.html", context, status_code=404, section="plan")
    return page(request, "session.html", context, section="plan")


@router.post(
    "/athletes/{athlete_id}/sessions/{day}/{action}",
    response_class=HTMLResponse,
    name="change_day",
    dependencies=[Depends(require_csrf)],
)
def change_day(
    request: Request,
    athlete: AthleteDep,
    book: LogbookDep,
    now: TodayDep,
    day: str,
    action: str,
    to_day: Annotated[str, Form(alias="to")] = "",
    note: Annotated[str, Form()] = "",
    step: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Preview (the default) or accept a skip, move or weather swap of the day. A plain
    `def`: the re-plan takes a while, so FastAPI runs it in its thread pool."""
    if action not in ACTIONS:
        raise HTTPException(404, f"{action!r}: a day can be skipped, moved or given to weather")
    when = _day(day)
    fields = {"to": to_day.strip(), "note": note.strip(), "step": step.strip()}
    context = _context(book, athlete, when, now)
    context["form"] = fields | {"action": action}
    try:
        to = date.fromisoformat(fields["to"]) if action == "move" and fields["to"] else None
    except ValueError:
        context["errors"] = {"to": f"{fields['to']!r} is not a date (YYYY-MM-DD)"}
        return page(request, "session.html", context, status_code=422, section="plan")
    note = fields["note"]
    try:
        if fields["step"] == "accept":
            done = replan_day(
                book, athlete.name, action, when, now, to=to, note=note, preview=False
            )
            context |= _context(book, athlete, when, now) | {"done": done}
        else:
            preview = replan_day(
                book, athlete.name, action, when, now, to=to, note=note, preview=True
            )
            context["preview"] = preview
    except LegdayError as error:
        field = error.field if isinstance(error, InputError) else action
        message = str(error).removeprefix(f"{field}: ")
        context["errors"] = {"to" if field == "to" else action: message}
        return page(request, "session.html", context, status_code=422, section="plan")
    return page(request, "session.html", context, section="plan")
