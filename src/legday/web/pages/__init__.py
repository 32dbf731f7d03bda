"""The server-rendered pages: onboarding, the plan calendar and its days, the exercise
library, progress and the calendar feed. Each module holds one page's routes; a route
parses, calls a service (`legday.services`, `legday.planning` through the root) and
renders a template of `legday/web/templates`.

    onboarding.py  /start: calendar in, readings reviewed and corrected, profile, plan
    uploads.py     where an uploaded calendar waits between the onboarding steps
    plan.py        /athletes/{id}/plan: month and week views
    session.py     /athletes/{id}/sessions/{date}: one day, skip/move/weather with preview
    library.py     /exercises: the catalogue, filtered
    progress.py    /athletes/{id}/progress: the charts (charts.py draws them as SVG)
    feed.py        /athletes/{id}/feed: the calendar feed's address, FIT files
"""

from __future__ import annotations

from fastapi import APIRouter

__all__ = ["pages_router"]


def pages_router() -> APIRouter:
    """Every page's routes, for `create_app` to include."""
    from legday.web.pages import feed, library, onboarding, plan, progress, session

    _exercise_names()
    router = APIRouter()
    for module in (onboarding, plan, session, library, progress, feed):
        router.include_router(module.router)
    return router


def _exercise_names() -> None:
    """The templates' `exercise` filter: a catalogue id as the exercise's name."""
    from legday import bootstrap
    from legday.web.app import templates

    names = {e.id: e.name for e in bootstrap.catalogue()}

    def exercise(exercise_id: str) -> str:
        return names.get(exercise_id, exercise_id.replace("-", " "))

    templates.env.filters["exercise"] = exercise
