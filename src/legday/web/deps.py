"""What routes take as parameters, so a route declares what it needs and nothing more
(each `async`: a sync dependency costs a trip to a worker thread and back per request):
the logbook (opened once by the app's lifespan), the athlete its URL names (404 naming the
id when the local owner has none by it; its revision keys kept answers), today's date
(`LEGDAY_TODAY` pins it) and the answers kept until the athlete's records change."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request

from legday import bootstrap
from legday.services import Athlete, Logbook
from legday.web.api.answers import Answers

__all__ = [
    "AnswersDep",
    "AthleteDep",
    "LogbookDep",
    "TodayDep",
    "answers",
    "athlete",
    "logbook",
    "logbook_of",
    "today",
]


def logbook_of(request: Request) -> Logbook:
    """The app's logbook (opened by the lifespan), for code outside a route's parameters."""
    found: Logbook = request.app.state.logbook
    return found


async def logbook(request: Request) -> Logbook:
    return logbook_of(request)


async def answers(request: Request) -> Answers:
    """The app's kept answers (`legday.web.api.answers`, made by `api.install`)."""
    kept: Answers = request.app.state.answers
    return kept


async def athlete(
    request: Request, athlete_id: Annotated[int, Path(ge=1, le=2**63 - 1)]
) -> Athlete:
    """The owner's athlete by its store id; another owner's id is as missing as none.
    Run on the event loop, not in a worker thread: one indexed SELECT on a connection
    kept for it (`legday.store.lookup`, ~10 µs on SQLite), much less than a hop to a
    thread and back costs under load (docs/benchmarks.md)."""
    found = (await logbook(request)).athlete_by_id(athlete_id)
    if found is None:
        raise HTTPException(404, f"athlete {athlete_id}: no such athlete in this logbook")
    return found


async def today() -> date:
    return bootstrap.today()


LogbookDep = Annotated[Logbook, Depends(logbook)]
AthleteDep = Annotated[Athlete, Depends(athlete)]
TodayDep = Annotated[date, Depends(today)]
AnswersDep = Annotated[Answers, Depends(answers)]
