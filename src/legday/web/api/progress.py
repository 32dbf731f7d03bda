"""Progress: the numbers behind the progress page's charts (`legday.progression.summary`)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from legday.web.api.views import progress_json
from legday.web.deps import AthleteDep, LogbookDep, TodayDep

__all__ = ["router"]

router = APIRouter(prefix="/api/athletes/{athlete_id}", tags=["progress"])


@router.get(
    "/progress",
    name="api_progress",  # "progress" is the page's name (url_for in the pages' nav)
    summary="Load and reps per exercise, weekly sets per muscle, sessions, pain",
)
def progress(athlete: AthleteDep, logbook: LogbookDep, today: TodayDep) -> dict[str, Any]:
    return progress_json(logbook.progress_report(athlete.name, today))
