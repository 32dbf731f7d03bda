"""A session's day: skip, move or weather (previewed, then accepted), sets logged one at
a time by the player under the browser's own ids, and the session as a FIT workout."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, HTTPException, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from legday.errors import InputError
from legday.progression import LIMITS, SetLog
from legday.services import Logbook, Replanned
from legday.web.api.views import logged_set_json, replanned_json
from legday.web.deps import AthleteDep, LogbookDep, TodayDep

__all__ = ["ACTIONS", "replan_day", "router"]

router = APIRouter(prefix="/api/athletes/{athlete_id}", tags=["sessions"])
ACTIONS = ("skip", "move", "weather")


def replan_day(
    book: Logbook,
    name: str,
    action: str,
    day: date,
    now: date,
    *,
    to: date | None = None,
    note: str = "",
    preview: bool,
) -> Replanned:
    """The re-plan a skip, move or weather swap of `day` makes (one of `ACTIONS`); with
    `preview`, nothing stored. For the API's routes and the day's page."""
    if action == "skip":
        return book.skip(name, day, now, note, preview=preview)
    if action == "move":
        return book.move(name, day, now, to, preview=preview)
    return book.weather(name, day, now, preview=preview)


class Change(BaseModel):
    """`preview: true` returns the re-plan without storing it; send again with false to
    accept it."""

    model_config = ConfigDict(extra="forbid")
    preview: bool = False
    note: str = Field(default="", max_length=500)


class Move(Change):
    to: date | None = None


# the plausible range of each number of a set, as `legday.progression.SetLog` holds it
REPS, SECONDS, KG, RPE, RIR, PAIN = (
    LIMITS[name] for name in ("reps", "seconds", "load_kg", "rpe", "rir", "pain")
)


class NewSet(BaseModel):
    """One set as the player logs it; `client_id` is a UUID the browser made, so sending
    the same set again (offline queue, retry) never stores it twice."""

    model_config = ConfigDict(extra="forbid")
    client_id: UUID
    date: date
    exercise: str = Field(min_length=1, max_length=80, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    set_no: int | None = Field(default=None, ge=1, le=100)
    side: Literal["left", "right", "both"] = "both"
    reps: int | None = Field(default=None, ge=REPS[0], le=REPS[1])
    seconds: int | None = Field(default=None, ge=SECONDS[0], le=SECONDS[1])
    kg: float | None = Field(default=None, ge=KG[0], le=KG[1], allow_inf_nan=False)
    rpe: float | None = Field(default=None, ge=RPE[0], le=RPE[1], allow_inf_nan=False)
    rir: int | None = Field(default=None, ge=RIR[0], le=RIR[1])
    form_ok: bool = True
    pain: int = Field(default=0, ge=PAIN[0], le=PAIN[1])
    note: str = Field(default="", max_length=500)


@router.post("/sessions/{day}/skip", summary="Skip a session (preview, then accept)")
def skip(
    athlete: AthleteDep, day: date, body: Change, logbook: LogbookDep, today: TodayDep
) -> dict[str, Any]:
    done = replan_day(
        logbook, athlete.name, "skip", day, today, note=body.note, preview=body.preview
    )
    return replanned_json(done, body.preview)


@router.post("/sessions/{day}/move", summary="Move a session (preview, then accept)")
def move(
    athlete: AthleteDep, day: date, body: Move, logbook: LogbookDep, today: TodayDep
) -> dict[str, Any]:
    done = replan_day(logbook, athlete.name, "move", day, today, to=body.to, preview=body.preview)
    return replanned_json(done, body.preview)


@router.post("/sessions/{day}/weather", summary="A run lost to weather (preview, then accept)")
def weather(
    athlete: AthleteDep, day: date, body: Change, logbook: LogbookDep, today: TodayDep
) -> dict[str, Any]:
    done = replan_day(logbook, athlete.name, "weather", day, today, preview=body.preview)
    return replanned_json(done, body.preview)


@router.post(
    "/sets",
    status_code=201,
    summary="Log one set (idempotent by client_id)",
    responses={200: {"description": "Sent before: the stored set, nothing added"}},
)
def log_set(athlete: AthleteDep, body: NewSet, logbook: LogbookDep, today: TodayDep) -> Any:
    if body.reps is None and body.seconds is None:
        raise InputError("reps", "give the reps done, or the seconds held")
    if logbook.catalogue.get(body.exercise) is None:
        raise InputError("exercise", f"{body.exercise!r} is not in the catalogue")
    one = SetLog(
        body.exercise,
        body.date,
        body.side,
        body.reps,
        body.kg,
        body.seconds,
        body.rpe,
        body.rir,
        body.form_ok,
        body.pain,
        body.note,
    )
    logged, new = logbook.log_set(athlete.name, str(body.client_id), one, body.set_no, today)
    return JSONResponse(logged_set_json(logged), status_code=201 if new else 200)


@router.get(
    "/sessions/{day}.fit",
    summary="The session as a FIT workout file",
    response_class=Response,
    responses={200: {"content": {"application/vnd.ant.fit": {}}}},
)
def session_fit(
    athlete: AthleteDep, day: Annotated[date, "YYYY-MM-DD"], logbook: LogbookDep, today: TodayDep
) -> Response:
    from legday import bootstrap

    plan = logbook.current_plan(athlete.name, min(today, day))
    if not any(s.day == day for s in plan.sessions):
        raise HTTPException(404, f"date: no strength session on {day}")
    name, data = bootstrap.planning().session_fit(plan, day)
    return Response(
        data,
        media_type="application/vnd.ant.fit",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )
