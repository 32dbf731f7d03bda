"""The calendar feed page (/athletes/{id}/feed): issue, re-issue or revoke the secret
address a calendar app subscribes to, and download each session as a FIT workout.

The logbook keeps only a hash of the feed's token (`Logbook.issue_feed_token`), so the
address is shown once, right after it is made; to see it again, issue a new one (the old
one stops working)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from legday.errors import LegdayError
from legday.services import Athlete, Logbook
from legday.web.api.feeds import issue_address
from legday.web.deps import AthleteDep, LogbookDep, TodayDep
from legday.web.pages.common import page
from legday.web.security import require_csrf

__all__ = ["router"]

router = APIRouter()
FIT_WEEKS = 8  # the sessions offered as FIT files: the next two months


def _context(athlete: Athlete, book: Logbook, now: Any) -> dict[str, Any]:
    try:
        season = book.current_plan(athlete.name, now)
    except LegdayError:
        sessions = []
    else:
        until = now + timedelta(weeks=FIT_WEEKS)
        sessions = [s for s in season.sessions if now <= s.day <= until]
    return {"athlete": athlete, "sessions": sessions, "url": None, "revoked": None}


@router.get("/athletes/{athlete_id}/feed", response_class=HTMLResponse, name="feed_page")
def feed(request: Request, athlete: AthleteDep, book: LogbookDep, now: TodayDep) -> HTMLResponse:
    return page(request, "feed.html", _context(athlete, book, now), section="feed")


@router.post(
    "/athletes/{athlete_id}/feed/issue",
    response_class=HTMLResponse,
    name="feed_issue",
    dependencies=[Depends(require_csrf)],
)
def issue(request: Request, athlete: AthleteDep, book: LogbookDep, now: TodayDep) -> HTMLResponse:
    """A new secret address; the old one, if any, stops working."""
    url, _path = issue_address(request, book, athlete)
    context = _context(athlete, book, now) | {
        "url": url,
        "webcal": "webcal://" + url.split("://", 1)[1],
    }
    return page(request, "feed.html", context, section="feed")


@router.post(
    "/athletes/{athlete_id}/feed/revoke",
    response_class=HTMLResponse,
    name="feed_revoke",
    dependencies=[Depends(require_csrf)],
)
def revoke(request: Request, athlete: AthleteDep, book: LogbookDep, now: TodayDep) -> HTMLResponse:
    context = _context(athlete, book, now) | {"revoked": book.revoke_feed_token(athlete.name)}
    return page(request, "feed.html", context, section="feed")
