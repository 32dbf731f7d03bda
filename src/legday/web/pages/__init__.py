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
"""

from __future__ import annotations

from fastapi import APIRouter

__all__ = ["pages_router"]


def pages_router() -> APIRouter:
    """Every page's routes, for `create_app` to include."""
    from legday.web.pages import library, onboarding, plan, progress, session

    router = APIRouter()
    for module in (onboarding, plan, session, library, progress):
        router.include_router(module.router)
    return router
