"""The exercise library: filtered by muscle, equipment, one-legged, balance and injury
care; and each exercise's animated picture (SVG, drawn by `legday.pictures`)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response

from legday.catalogue import Catalogue
from legday.errors import InputError
from legday.model import INJURIES, Equipment, ExerciseKind, Muscle
from legday.web.api.views import exercise_json
from legday.web.deps import LogbookDep

__all__ = ["router"]

router = APIRouter(prefix="/api/exercises", tags=["exercises"])

# a tempo as the catalogue writes it: down-pause-up(-pause) seconds, X for explosive
TEMPO = re.compile(r"^[0-9X](-[0-9X]){2,3}$")


def _one_of(value: str | None, field: str, known: list[str]) -> str | None:
    if value is not None and value not in known:
        raise InputError(field, f"{value!r} is not one of: {', '.join(known)}")
    return value


PICTURE_CSP = "default-src 'none'; style-src 'unsafe-inline'"


@router.get("", summary="The exercise library, filtered")
def library(
    logbook: LogbookDep,
    muscle: str | None = None,
    equipment: str | None = None,
    one_legged: bool | None = None,
    balance: bool | None = None,
    care: str | None = None,
    kind: str | None = None,
) -> list[dict[str, Any]]:
    """Every filter given must hold; `equipment` keeps exercises that need it."""
    _one_of(muscle, "muscle", [m.value for m in Muscle])
    _one_of(equipment, "equipment", [e.value for e in Equipment])
    _one_of(care, "care", sorted(INJURIES))
    _one_of(kind, "kind", [k.value for k in ExerciseKind])
    shown = logbook.catalogue.library(
        muscle=muscle,
        equipment=equipment,
        one_legged=one_legged,
        balance=balance,
        care=care,
        kind=kind,
    )
    return [exercise_json(e) for e in shown]


@router.get(
    "/{exercise_id}/picture.svg",
    summary="The exercise's animated picture",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}},
)
def picture(
    exercise_id: str,
    logbook: LogbookDep,
    tempo: Annotated[str | None, Query(max_length=9)] = None,
    still: bool = False,
) -> Response:
    if tempo is not None and not TEMPO.match(tempo):
        raise InputError("tempo", f"{tempo!r} is not a tempo like 3-1-2 or 2-0-X-0")
    exercise = logbook.catalogue.get(exercise_id)
    if exercise is None or exercise.picture is None:
        raise HTTPException(404, f"exercise {exercise_id!r}: no such exercise or no picture")
    svg = _drawn(logbook.catalogue, exercise_id, tempo, still)
    return Response(
        svg,
        media_type="image/svg+xml",
        # opened on its own, the picture needs its inline styles and nothing else
        headers={"cache-control": "public, max-age=86400", "content-security-policy": PICTURE_CSP},
    )


@lru_cache(maxsize=512)
def _drawn(catalogue: Catalogue, exercise_id: str, tempo: str | None, still: bool) -> str:
    """A drawing is the same for the server's life: drawn once per exercise and tempo."""
    from legday.pictures.svg import exercise_svg

    try:
        return exercise_svg(catalogue[exercise_id], tempo=tempo, animate=not still)
    except ValueError as error:
        raise InputError("tempo", str(error)) from None
