"""How legday reads a calendar, before anything is stored: each entry's kind, reason and
confidence, and whether legday is sure (`legday runs`, for a browser's upload)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import ConfigDict, Field

from legday.errors import CalendarError, InputError
from legday.model import UNSURE
from legday.web.api.athletes import CalendarUpload

__all__ = ["router"]

router = APIRouter(prefix="/api/calendars", tags=["calendars"])


class Reading(CalendarUpload):
    model_config = ConfigDict(extra="forbid")
    weeks: int | None = Field(default=None, ge=1, le=104)
    timezone: str | None = Field(default=None, max_length=64)


@router.post("/read", summary="Read an uploaded calendar: every entry and its confidence")
def read(body: Reading) -> dict[str, Any]:
    from legday import bootstrap
    from legday.profiles import parse_zone

    name, data = body.checked("")
    try:
        tz = parse_zone(body.timezone) if body.timezone else None
    except InputError as error:
        raise InputError("timezone", str(error).removeprefix(f"{error.field}: ")) from None
    try:
        found = bootstrap.planning().read_uploaded(name, data, body.weeks, tz)
    except CalendarError as error:
        raise InputError("content", str(error)) from None
    from legday.calendars.fixes import unsure_json

    return {
        "filename": name,
        "first": found.first.isoformat(),
        "last": found.last.isoformat(),
        "timezone": found.calendar.timezone,
        "entries": [
            {
                "date": e.day.isoformat(),
                "title": e.title,
                "activity": e.activity,
                "kind": e.kind.value if e.kind is not None else None,
                "start": None if e.start is None else f"{e.start:%H:%M}",
                "end": None if e.end is None else f"{e.end:%H:%M}",
                "minutes": e.minutes,
                "priority": e.priority,
                "reason": e.reason,
                "source": e.source,
                "confidence": round(e.confidence, 2),
                "sure": e.confidence >= UNSURE,
            }
            for e in found.calendar.entries
        ],
        "unsure": unsure_json(found.unsure) if found.unsure else [],
    }
