"""Athletes: list, add (with a calendar upload or a feed address), profile, plan, today.

Bodies take the profile in the words of a profile file (`legday.profiles`: `days =
["mon", "thu"]`, `windows = {mon = "06:00-08:00"}`, `races = ["2027-05-09:A"]`), checked
by the same code as the CLI's flags, so a mistake is the same one line naming the field.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from legday.boundary import EARLIEST, LATEST, outside_window
from legday.calendars import CALENDAR_SUFFIXES
from legday.care import DISCLAIMER
from legday.errors import CalendarError, InputError
from legday.exports.plan_json import plan_to_json
from legday.model import Profile
from legday.profiles import PROFILE_KEYS, build_profile
from legday.web.api.views import profile_values, today_json
from legday.web.deps import AnswersDep, AthleteDep, LogbookDep, TodayDep

__all__ = ["CalendarUpload", "profile_from", "router"]

router = APIRouter(prefix="/api/athletes", tags=["athletes"])

MAX_CALENDAR_CHARS = 20 * 1024 * 1024
FEED_SCHEMES = ("http", "https", "webcal", "webcals")
# what a profile body may hold: the profile file's keys but the file-only ones
BODY_KEYS = PROFILE_KEYS - {"runs", "kinds", "name"}


class CalendarUpload(BaseModel):
    """A calendar file as the browser read it: its name (the suffix picks the reader)
    and its text."""

    model_config = ConfigDict(extra="forbid")
    filename: str = Field(min_length=1, max_length=255)
    content: str = Field(min_length=1, max_length=MAX_CALENDAR_CHARS)

    def checked(self, field: str = "calendar") -> tuple[str, bytes]:
        name = self.filename.replace("\\", "/").rsplit("/", 1)[-1]
        if not name.lower().endswith(CALENDAR_SUFFIXES):
            raise InputError(
                f"{field}.filename" if field else "filename",
                f"{name!r} is not a calendar file; upload .ics (iCalendar) or .csv",
            )
        return name, self.content.encode("utf-8")


class NewAthlete(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=120)
    profile: dict[str, Any] = Field(default_factory=dict)
    calendar: CalendarUpload | None = None
    feed_url: str | None = Field(default=None, min_length=1, max_length=2000)


def _known_keys(values: dict[str, Any]) -> None:
    for key in values:
        if key not in BODY_KEYS:
            known = ", ".join(sorted(BODY_KEYS))
            raise InputError(f"profile.{key}", f"is not a profile field (one of: {known})")


def profile_from(values: dict[str, Any], today: date) -> Profile:
    """A checked Profile from a body's values; an unknown key is named."""
    _known_keys(values)
    try:
        return build_profile(values, default_start=today)
    except InputError as error:
        problem = str(error).removeprefix(f"{error.field}: ")
        raise InputError(f"profile.{error.field}", problem) from None


@router.get("", summary="The athletes of this logbook")
def list_athletes(logbook: LogbookDep) -> list[dict[str, Any]]:
    return [{"id": a.id, "name": a.name} for a in logbook.athletes()]


@router.post("", status_code=201, summary="Add an athlete and make the first plan")
def add_athlete(body: NewAthlete, logbook: LogbookDep, today: TodayDep) -> dict[str, Any]:
    profile = profile_from(body.profile, today)
    uploads = [body.calendar.checked()] if body.calendar is not None else []
    feeds = [body.feed_url] if body.feed_url else []
    for url in feeds:  # never a path: the server must not open its own files for a client
        if url.partition("://")[0].lower() not in FEED_SCHEMES or "://" not in url:
            raise InputError("feed_url", "give the feed's address (https:// or webcal://)")
    try:
        added = logbook.add_athlete(body.name, profile, feeds, today, uploads)
    except CalendarError as error:
        raise InputError("feed_url" if feeds else "calendar", str(error)) from None
    return {"id": added.athlete_id, "name": body.name.strip(), "plan_version": added.plan_version}


@router.get("/{athlete_id}", summary="The athlete and the profile the plan is made from")
def get_athlete(athlete: AthleteDep, logbook: LogbookDep) -> dict[str, Any]:
    profile = logbook.profile(athlete.name)
    versions = logbook.versions(athlete.name)
    return {
        "id": athlete.id,
        "name": athlete.name,
        "profile": profile_values(profile) if profile is not None else None,
        "plan_version": versions[-1].number if versions else None,
    }


@router.put("/{athlete_id}/profile", summary="Change the profile and re-plan the future")
def put_profile(
    athlete: AthleteDep, values: dict[str, Any], logbook: LogbookDep, today: TodayDep
) -> dict[str, Any]:
    """Fields left out keep their values; `null` returns a field to its default."""
    current = logbook.profile(athlete.name)
    _known_keys(values)
    merged = {**(profile_values(current) if current is not None else {}), **values}
    version = logbook.update_profile(athlete.name, profile_from(merged, today), today)
    return {"id": athlete.id, "plan_version": version}


@router.get(
    "/{athlete_id}/plan",
    summary="The current plan (legday.plan/1), progression applied",
    response_description="A legday.plan/1 document (SPEC.md)",
)
async def get_plan(
    athlete: AthleteDep, logbook: LogbookDep, today: TodayDep, answers: AnswersDep
) -> Response:
    def make() -> bytes:
        return orjson.dumps(plan_to_json(logbook.current_plan(athlete.name, today)))

    key = ("plan", athlete.id, athlete.created_at, athlete.revision, today)
    return Response(await answers.get(key, make), media_type="application/json")


@router.get(
    "/{athlete_id}/today",
    summary="A day's session for the player",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}}},
)
async def get_today(
    athlete: AthleteDep,
    logbook: LogbookDep,
    today: TodayDep,
    answers: AnswersDep,
    day: Annotated[date | None, Query(alias="date", description="default: today")] = None,
) -> Response:
    on = today if day is None else day
    if outside_window(on):
        raise InputError("date", f"{on} is outside {EARLIEST}..{LATEST}")

    def make() -> bytes:
        view = logbook.today(athlete.name, on)
        return orjson.dumps(today_json(view, logbook.catalogue, DISCLAIMER))

    key = ("today", athlete.id, athlete.created_at, athlete.revision, on)
    return Response(await answers.get(key, make), media_type="application/json")
