"""The calendar feed: a secret URL a phone or desktop calendar subscribes to, serving the
athlete's sessions and care routines as iCalendar (zoned, stable UIDs, reminders: the
same export as `legday export ics`). The token is shown once when issued; the logbook
keeps only its hash, so revoking or re-issuing it is the way to shut an old URL."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response

from legday.services import Athlete, Logbook
from legday.web.deps import AthleteDep, LogbookDep, TodayDep

__all__ = ["issue_address", "router"]

router = APIRouter(tags=["calendar feed"])

TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,100}$")


def issue_address(request: Request, logbook: Logbook, athlete: Athlete) -> tuple[str, str]:
    """A new feed token's address (whole, and its path on this server, served by `feed`
    below); the old one, if any, stops working. For the API and the feed page."""
    path = f"/feeds/{logbook.issue_feed_token(athlete.name)}.ics"
    return str(request.base_url).rstrip("/") + path, path


@router.post("/api/athletes/{athlete_id}/feed", summary="Issue a new feed URL (the old stops)")
def issue(athlete: AthleteDep, request: Request, logbook: LogbookDep) -> dict[str, Any]:
    url, path = issue_address(request, logbook, athlete)
    return {"url": url, "path": path}


@router.delete("/api/athletes/{athlete_id}/feed", summary="Revoke the feed URL")
def revoke(athlete: AthleteDep, logbook: LogbookDep) -> dict[str, Any]:
    return {"revoked": logbook.revoke_feed_token(athlete.name)}


@router.get(
    "/feeds/{token}.ics",
    summary="The athlete's plan as an iCalendar feed",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}},
)
def feed(token: str, logbook: LogbookDep, today: TodayDep) -> Response:
    from legday import bootstrap
    from legday.exports.formats import ExportOptions

    athlete = logbook.feed_athlete(token) if TOKEN.match(token) else None
    if athlete is None:  # the same answer for a revoked, mistyped or made-up token
        raise HTTPException(404, "feed: no calendar at this address (revoked or mistyped)")
    plan = logbook.current_plan(athlete.name, today)
    data = bootstrap.planning().render(plan, "ics", ExportOptions(athlete=athlete.name))
    body = data if isinstance(data, bytes) else data.encode("utf-8")
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"cache-control": "private, no-store"},
    )
