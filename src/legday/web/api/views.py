"""The API's JSON shapes, derived from the one plan codec (`legday.exports.plan_json`)
and the catalogue: no second copy of the domain. Each function turns what a service
returned into plain JSON types; nothing here decides anything about training."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, time
from typing import Any
from urllib.parse import quote

from legday.catalogue import Catalogue
from legday.exports.plan_json import care_to_json, entry_to_json, prescription_to_json
from legday.model import Exercise, Prescription, Profile
from legday.profiles import DAY_NAMES
from legday.progression import Change
from legday.progression.summary import ProgressReport
from legday.services import LoggedSet, Replanned, Today

__all__ = [
    "exercise_json",
    "logged_set_json",
    "picture_url",
    "profile_values",
    "progress_json",
    "replanned_json",
    "today_json",
]


def _hhmm(moment: time | None) -> str | None:
    return None if moment is None else f"{moment:%H:%M}"


def picture_url(exercise: Exercise | None, tempo: str | None = None) -> str | None:
    """Where the exercise's animated picture is served (at the prescribed tempo)."""
    if exercise is None or exercise.picture is None:
        return None
    url = f"/api/exercises/{exercise.id}/picture.svg"
    return f"{url}?tempo={quote(tempo)}" if tempo and tempo != exercise.tempo else url


def _name(catalogue: Catalogue, exercise_id: str) -> str:
    found = catalogue.get(exercise_id)
    return found.name if found is not None else exercise_id


def _step(p: Prescription, catalogue: Catalogue) -> dict[str, Any]:
    """One exercise as the player shows it: the codec's fields (named as `legday today
    --format json` names them), and what to draw and time."""
    exercise = catalogue.get(p.exercise)
    return {
        **prescription_to_json(p),
        "name": _name(catalogue, p.exercise),
        "timed_hold": p.seconds is not None,
        "picture_url": picture_url(exercise, p.tempo),
    }


def today_json(view: Today, catalogue: Catalogue, disclaimer: str) -> dict[str, Any]:
    """Everything the session player needs for a day, in one answer."""
    session = view.session
    body: dict[str, Any] | None = None
    if session is not None:
        warmup = []
        for w in session.warmup:
            exercise = catalogue.get(w.exercise)
            warmup.append(
                {
                    "exercise": w.exercise,
                    "name": _name(catalogue, w.exercise),
                    "minutes": w.minutes,
                    "jog": w.jog,
                    "picture_url": picture_url(exercise),
                }
            )
        cooldown = []
        for c in session.cooldown:
            exercise = catalogue.get(c.exercise)
            cooldown.append(
                {
                    "exercise": c.exercise,
                    "name": _name(catalogue, c.exercise),
                    "hold_s": c.seconds,
                    "per_side": exercise is not None and exercise.per_side,
                    "cues": list(exercise.cues.as_list()) if exercise is not None else [],
                    "picture_url": picture_url(exercise),
                }
            )
        changes: tuple[Change | None, ...] = view.changes or tuple(None for _ in session.main)
        body = {
            "start": _hhmm(session.start),
            "minutes": session.minutes,
            "phase": session.phase.value,
            "why": session.why,
            "music": {
                "text": session.music,
                "bpm": None if session.music_bpm is None else list(session.music_bpm),
            },
            "warmup_jog_minutes": session.warmup_jog_minutes,
            "warmup": warmup,
            "exercises": [
                {
                    **_step(p, catalogue),
                    "why": change.reason if change is not None else "",
                    "seek_advice": change.seek_advice if change is not None else False,
                }
                for p, change in zip(session.main, changes, strict=True)
            ],
            "cooldown": cooldown,
        }
    nxt = view.next_session
    return {
        "date": view.day.isoformat(),
        "weekday": view.day.strftime("%A"),
        "status": view.status,
        "weather_swap": view.weather,
        "advice": list(view.advice),
        "care_notes": list(view.care_notes),
        "runs": [entry_to_json(r) for r in view.runs],
        "session": body,
        "next_session": None if nxt is None else nxt.day.isoformat(),
        "care": [
            {**care_to_json(c), "exercises": [_step(p, catalogue) for p in c.exercises]}
            for c in view.care
        ],
        "disclaimer": disclaimer if view.disclaimer else None,
    }


def profile_values(p: Profile) -> dict[str, Any]:
    """The profile in the words a profile file and the API's profile body use (what
    `legday.profiles.build_profile` reads back to the same profile)."""
    priorities = dict(p.race_priorities)
    return {
        "start": p.start.isoformat(),
        "weeks": p.weeks,
        "sessions": p.sessions,
        "injuries": list(p.injuries),
        "equipment": sorted(e.value for e in p.equipment),
        "level": p.level.value,
        "minutes": p.minutes,
        "days": [DAY_NAMES[d] for d in sorted(p.days)],
        "recovery_every": p.recovery_every,
        "seed": p.seed,
        "blocked": sorted(d.isoformat() for d in p.blocked),
        "races": [
            f"{d.isoformat()}:{priorities[d]}" if d in priorities else d.isoformat()
            for d in p.races
        ],
        "dominant_leg": p.dominant_leg,
        "timezone": p.timezone,
        "windows": {
            DAY_NAMES[day]: f"{opens:%H:%M}-{closes:%H:%M}" for day, opens, closes in p.windows
        },
        "age": p.age,
        "event": p.event,
        "dumbbells": list(p.dumbbells_kg),
        "kettlebells": list(p.kettlebells_kg),
        "plates": list(p.plates_kg),
        "bar": p.bar_kg,
    }


def replanned_json(done: Replanned, preview: bool) -> dict[str, Any]:
    def day(value: date | None) -> str | None:
        return None if value is None else value.isoformat()

    return {
        "preview": preview,
        "plan_version": done.number,
        "changes": [{"from": day(c.before), "to": day(c.after)} for c in done.changes],
    }


def logged_set_json(logged: LoggedSet) -> dict[str, Any]:
    s = logged.set
    return {
        "client_id": logged.client_id,
        "set_no": logged.set_no,
        "date": s.day.isoformat(),
        "exercise": s.exercise,
        "side": s.side,
        "reps": s.reps,
        "seconds": s.seconds,
        "kg": s.load_kg,
        "rpe": s.rpe,
        "rir": s.rir,
        "form_ok": s.form_ok,
        "pain": s.pain,
        "note": s.note,
        "logged_at": logged.logged_at.isoformat(timespec="seconds"),
    }


def exercise_json(e: Exercise) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind.value,
        "muscles": [m.value for m in e.muscles],
        "equipment": [q.value for q in e.equipment],
        "one_legged": e.unilateral,
        "balance": e.balance,
        "injury_care": list(e.injury_care),
        "level": e.level.value,
        "measure": e.measure,
        "tempo": e.tempo,
        "cues": list(e.cues.as_list()),
        "description": e.description,
        "picture_url": picture_url(e),
    }


def progress_json(report: ProgressReport) -> dict[str, Any]:
    """The report with dates as text and muscles by name."""

    def plain(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    return {
        "exercises": [
            {"exercise": s.exercise, "days": [plain(asdict(d)) for d in s.days]}
            for s in report.exercises
        ],
        "weekly_volume": [
            {"week": w.start.isoformat(), "sets": {m.value: n for m, n in w.sets}}
            for w in report.volume
        ],
        "sessions": [plain(asdict(w)) for w in report.sessions],
        "pain": [plain(asdict(p)) for p in report.pain],
    }
