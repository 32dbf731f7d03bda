"""The JSON API (`/api/...`, `/feeds/...`): one router per resource, each a thin shell
over `legday.services.Logbook` (the app's `state.logbook`) and `legday.planning`.

    athletes.py   list, add, profile, plan (legday.plan/1), today (the player's day)
    sessions.py   skip / move / weather with preview, sets by client id, FIT download
    calendars.py  how an uploaded calendar reads, entry by entry, with confidence
    progress.py   load and reps, weekly volume, sessions done vs planned, pain
    exercises.py  the library's filters and the exercises' pictures
    feeds.py      the secret calendar feed URL: issue, revoke, serve
    docs.py       /docs: Swagger UI from its package, started by our own script
    errors.py     422 with one line naming the field
    answers.py    today's view and the plan kept until the athlete's records change
"""

from __future__ import annotations

from fastapi import FastAPI

__all__ = ["install"]


def install(app: FastAPI) -> None:
    """Every API router and the 422 handler, on `app`."""
    from legday.web.api import (
        athletes,
        calendars,
        docs,
        errors,
        exercises,
        feeds,
        progress,
        sessions,
    )
    from legday.web.api.answers import Answers

    app.state.answers = Answers()
    errors.install(app)
    docs.install(app)
    for module in (athletes, sessions, calendars, progress, exercises, feeds):
        app.include_router(module.router)
