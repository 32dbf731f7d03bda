"""The session player: one page a runner follows on a phone, step by step, even offline.

The page carries the whole session as JSON (a `<script type="application/json">` block: the
Content-Security-Policy forbids inline scripts), pictures included as data: URIs, so once the
service worker has cached it nothing more is fetched until the sets are synced. The service
worker itself is served from the root (/sw.js) because a worker's scope is its own folder and
below: from /static/ it could not answer for /athletes/... pages.
"""

from __future__ import annotations

import base64
import functools
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse
from markupsafe import Markup

from legday.catalogue import Catalogue
from legday.model import Cooldown, ExerciseKind, Prescription, Warmup
from legday.progression.loads import warmup_set_seconds
from legday.services import Logbook, Today
from legday.web.deps import AnswersDep, AthleteDep, LogbookDep
from legday.web.pages.common import kept_page

__all__ = ["UPCOMING_DAYS", "router", "session_data"]

HERE = Path(__file__).parent
STATIC = HERE / "static"

# How far ahead the service worker keeps sessions ready for a gym without signal.
UPCOMING_DAYS = 14
METRONOME = re.compile(r"metronome at (\d+) BPM")
GET_READY_S = 5

router = APIRouter()


@router.get("/athletes/{athlete_id}/play/{day}", response_class=HTMLResponse, name="player")
async def play(
    request: Request, athlete: AthleteDep, day: date, logbook: LogbookDep, answers: AnswersDep
) -> HTMLResponse:
    """The player for the athlete's session on `day` (the day's care routine when there is
    no strength session; a page saying so when there is neither). The page is drawn once
    per revision of the athlete's records and day, and kept (`kept_page`)."""

    def context() -> dict[str, Any]:
        view = logbook.today(athlete.name, day)
        upcoming = _upcoming(logbook, athlete.name, day)
        data = session_data(view, logbook.catalogue, athlete.id, athlete.name, upcoming)
        return {
            "session": data,
            "session_json": Markup(_script_safe(orjson.dumps(data))),
            "athlete": athlete,
        }

    key = ("player", athlete.id, athlete.created_at, athlete.revision, day)
    return await kept_page(request, answers, key, "player.html", context, section="plan")


def _script_safe(data: bytes) -> str:
    """JSON safe inside <script>: no `</script>` or `<!--` can close or confuse the block."""
    text = data.decode()
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text


@router.get("/sw.js", include_in_schema=False)
def service_worker() -> FileResponse:
    """The service worker from the root, so its scope is the whole app; never cached by
    HTTP, so a new version is picked up on the next visit."""
    return FileResponse(
        STATIC / "sw.js",
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
    )


@router.get("/manifest.webmanifest", include_in_schema=False)
def manifest() -> FileResponse:
    return FileResponse(STATIC / "manifest.webmanifest", media_type="application/manifest+json")


def _upcoming(logbook: Logbook, name: str, day: date) -> list[str]:
    """The days after `day` with something to play (strength or care) in the next two
    weeks of the current plan, for the service worker to keep ready offline."""
    versions = logbook.versions(name)
    if not versions:
        return []
    plan = versions[-1].plan
    end = day + timedelta(days=UPCOMING_DAYS)
    days = {s.day for s in plan.sessions} | {c.day for c in plan.care}
    return sorted(d.isoformat() for d in days if day < d <= end)


def session_data(
    view: Today, catalogue: Catalogue, athlete_id: int, name: str, upcoming: list[str]
) -> dict[str, Any]:
    """The JSON the player's script runs: steps in order (jog, drills, exercises, stretches)
    with everything each needs, and where to send the sets."""
    session = view.session
    main: tuple[Prescription, ...] = session.main if session else ()
    warmup: tuple[Warmup, ...] = session.warmup if session else ()
    cooldown: tuple[Cooldown, ...] = session.cooldown if session else ()
    care = [p for routine in view.care for p in routine.exercises]
    music = session.music if session else ""
    low, high = (session.music_bpm if session else None) or (None, None)
    beat = METRONOME.search(music)
    return {
        "athlete": athlete_id,
        "name": name,
        "date": view.day.isoformat(),
        "status": view.status,
        "why": session.why if session else "",
        "kind": "strength" if session else ("care" if care else "rest"),
        "music": {
            "text": music,
            "low": low,
            "high": high,
        },
        "metronome_bpm": int(beat.group(1)) if beat else 60,
        "get_ready_s": GET_READY_S,
        "jog": [_warmup(w, catalogue) for w in warmup if w.jog],
        "drills": [_warmup(w, catalogue) for w in warmup if not w.jog],
        "exercises": [_exercise(p, catalogue) for p in (*main, *care)],
        "stretches": [_stretch(c, catalogue) for c in cooldown],
        "advice": list(view.advice),
        "upcoming": upcoming,
        "sets_url": f"/api/athletes/{athlete_id}/sets",
        "progress_url": f"/athletes/{athlete_id}/progress",
    }


def _name(catalogue: Catalogue, exercise_id: str) -> str:
    exercise = catalogue.get(exercise_id)
    return exercise.name if exercise else exercise_id.replace("-", " ")


def _warmup(w: Warmup, catalogue: Catalogue) -> dict[str, Any]:
    seconds = round(w.minutes * 60)
    return {"id": w.exercise, "name": _name(catalogue, w.exercise), "seconds": seconds}


def _stretch(c: Cooldown, catalogue: Catalogue) -> dict[str, Any]:
    exercise = catalogue.get(c.exercise)
    return {
        "id": c.exercise,
        "name": _name(catalogue, c.exercise),
        "seconds": c.seconds,
        "per_side": bool(exercise and exercise.per_side),
        "picture": picture(catalogue, c.exercise, ""),
    }


def _exercise(p: Prescription, catalogue: Catalogue) -> dict[str, Any]:
    sides = ["left", "right"] if p.per_side else ["both"]
    if p.extra_side == "right":
        sides.reverse()  # the weaker leg starts (it also does the extra set)
    return {
        "id": p.exercise,
        "name": _name(catalogue, p.exercise),
        "sets": p.sets,
        "reps": p.reps,
        "seconds": p.seconds,
        "hold": p.seconds is not None,
        "sides": sides,
        "extra_side": p.extra_side,
        "kg": p.load_kg,
        "load": p.load,
        "tempo": p.tempo,
        "tempo_beats": _tempo_beats(p.tempo),
        "target_rpe": p.target_rpe,
        "rest_s": p.rest_seconds,
        # lighter sets before the first work set: timed, never logged as work
        "warmup_sets": [
            {"reps": w.reps, "kg": w.load_kg, "seconds": warmup_set_seconds(w, p)}
            for w in p.warmup_sets
        ],
        "cues": list(p.cues),
        "balance": p.balance or p.kind is ExerciseKind.BALANCE,
        "picture": picture(catalogue, p.exercise, p.tempo),
    }


def _tempo_beats(tempo: str) -> list[int]:
    """'3-1-2' -> [3, 1, 2]: seconds down, pause, up (the metronome's phases)."""
    parts = [part for part in re.split(r"[-:]", tempo) if part.isdigit()]
    return [int(part) for part in parts[:4]]


@functools.cache
def _svg(catalogue: Catalogue, exercise_id: str, tempo: str) -> str:
    from legday.pictures.svg import exercise_svg

    exercise = catalogue.get(exercise_id)
    if exercise is None or exercise.picture is None:
        return ""
    return exercise_svg(exercise, tempo=tempo or None)


def picture(catalogue: Catalogue, exercise_id: str, tempo: str) -> str:
    """The animated picture as a data: URI: part of the page, so it plays offline and its
    own <style> is no inline style of ours (an image is a document of its own)."""
    svg = _svg(catalogue, exercise_id, tempo)
    if not svg:
        return ""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
