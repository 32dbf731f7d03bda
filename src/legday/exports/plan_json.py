"""The plan as JSON, contract `legday.plan/1` (SPEC.md), both ways.

Writing keeps every field of the contract plus a few extras (phase, music, profile) that
let `legday check` and the exports work from the file alone. Reading validates against
`plan.schema.json` first, so a coach's hand-made plan gets one clear line naming the
field that is wrong instead of a traceback.

Busy time (a timed ride, swim or meeting: `no-overlap`) is not running, so it sits beside
a day's runs as `days[].busy: [{"title", "start", "end"}]`, never among them.
"""

from __future__ import annotations

import json
from datetime import date, time
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Any

from legday import __version__
from legday.calendars.entry import UNSURE
from legday.errors import PlanFileError
from legday.exports.unsure import plan_unsure_json
from legday.model import (
    PRIORITIES,
    CareRoutine,
    Cooldown,
    Equipment,
    ExerciseKind,
    Level,
    Muscle,
    Phase,
    Plan,
    Prescription,
    Race,
    Role,
    Run,
    RunKind,
    Session,
    Violation,
    Warmup,
    Week,
)

__all__ = [
    "SCHEMA_ID",
    "care_from_json",
    "care_to_json",
    "plan_from_json",
    "plan_to_json",
    "prescription_from_json",
    "prescription_to_json",
    "read_plan_file",
]

SCHEMA_ID = "legday.plan/1"
MAX_PLAN_BYTES = 20 * 1024 * 1024


def plan_to_json(plan: Plan) -> dict[str, Any]:
    sessions: dict[date, list[Session]] = {}
    for s in plan.sessions:
        sessions.setdefault(s.day, []).append(s)
    runs: dict[date, list[Run]] = {}
    for r in plan.runs:
        runs.setdefault(r.day, []).append(r)
    care: dict[date, list[CareRoutine]] = {}
    for routine in plan.care:
        care.setdefault(routine.day, []).append(routine)
    data: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "generator": f"legday {__version__}",
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "recovery_every": plan.recovery_every,
        "injuries": list(plan.injuries),
        "weeks": [_week(w) for w in plan.weeks],
        "days": [
            {
                "date": day.isoformat(),
                "runs": [_run(r) for r in runs.get(day, []) if not r.busy],
                "busy": [_busy(r) for r in runs.get(day, []) if r.busy],
                "strength": [_session(s) for s in sessions.get(day, [])],
                "care": [care_to_json(c) for c in care.get(day, [])],
                **({"blocked": True} if day in plan.blocked else {}),
            }
            for day in plan.days()
        ],
        "violations": [_violation(v) for v in plan.violations],
    }
    data["races"] = [d.isoformat() for d in plan.races]
    data["unsure"] = plan_unsure_json(plan)  # read back from the runs, not from this list
    data["race_days"] = [_race(r) for r in plan.race_days]
    if plan.level is not None:
        data["level"] = plan.level.value
    if plan.equipment is not None:
        data["equipment"] = sorted(e.value for e in plan.equipment)
    return data


def _race(r: Race) -> dict[str, Any]:
    return {"date": r.day.isoformat(), "priority": r.priority, "title": r.title}


def _week(w: Week) -> dict[str, Any]:
    return {"start": w.start.isoformat(), "kind": w.phase.value, "note": w.note, "target": w.target}


def _run(r: Run) -> dict[str, Any]:
    data = {
        "title": r.title,
        "kind": r.kind.value,
        "start": _hhmm(r.start),
        "end": _hhmm(r.end),
        "minutes": r.minutes,
        "strength": r.is_strength,
        "confidence": r.confidence,
        "priority": r.priority,
    }
    if r.all_out:  # a time trial; absent means not one
        data["all_out"] = True
    if r.confidence < UNSURE:  # what its fix needs after a read-back (the plan's "unsure")
        data["reason"], data["source"] = r.reason, r.source
    return data


def _busy(r: Run) -> dict[str, Any]:
    data: dict[str, Any] = {"title": r.title, "start": _hhmm(r.start), "end": _hhmm(r.finish)}
    if r.confidence < UNSURE:  # an unsure "other" may be a run: its fix needs these
        data["confidence"], data["reason"], data["source"] = r.confidence, r.reason, r.source
    return data


def _session(s: Session) -> dict[str, Any]:
    return {
        "start": _hhmm(s.start),
        "minutes": s.minutes,
        "phase": s.phase.value,
        "warmup": [{"exercise": w.exercise, "minutes": w.minutes} for w in s.warmup],
        "main": [prescription_to_json(p) for p in s.main],
        "cooldown": [{"exercise": c.exercise, "seconds": c.seconds} for c in s.cooldown],
        "why": s.why,
        "music": s.music,
        "block": s.block,
    }


def care_to_json(c: CareRoutine) -> dict[str, Any]:
    """One routine of `days[].care`; the logbook stores a plan's routines the same way."""
    return {
        "injury": c.injury,
        "start": _hhmm(c.start),
        "minutes": c.minutes,
        "stage": c.stage,
        "frequency": c.frequency,
        "lightest": c.lightest,
        "on_hard_days": c.on_hard_days,
        "exercises": [prescription_to_json(p) for p in c.exercises],
        "why": c.why,
    }


def prescription_to_json(p: Prescription) -> dict[str, Any]:
    """One main-block item as in the contract; the logbook stores sessions the same way."""
    return {
        "exercise": p.exercise,
        "sets": p.sets,
        "reps": p.reps,
        "per_side": p.per_side,
        "seconds": p.seconds,
        "load": p.load,
        "tempo": p.tempo,
        "target_rpe": p.target_rpe,
        "muscles": [m.value for m in p.muscles],
        "unilateral": p.unilateral,
        "balance": p.balance,
        "injury_care": list(p.injury_care),
        "cues": list(p.cues),
        "kind": p.kind.value,
        "rest_seconds": p.rest_seconds,
        "new": p.new,
        "role": p.role.value,
        "load_kg": p.load_kg,
        "implement": p.implement,
        "extra_side": p.extra_side,
    }


def _violation(v: Violation) -> dict[str, Any]:
    return {
        "rule": v.rule,
        "date": v.day.isoformat() if v.day else None,
        "message": v.message,
        "hard": v.hard,
    }


def _hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


@cache
def _validator() -> Any:
    from importlib import resources  # only to read a plan (~1.5 ms of imports to write one)

    import fastjsonschema

    text = resources.files("legday.exports").joinpath("plan.schema.json").read_text("utf-8")
    return fastjsonschema.compile(json.loads(text))


def read_plan_file(path: Path) -> Plan:
    """Read a plan written by legday or by hand; one-line error naming file and field."""
    from legday.files import read_limited

    raw = read_limited(path, limit=MAX_PLAN_BYTES, what="plan", refuse=_refused).data
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise PlanFileError(f"{path}: cannot read: {error}") from None
    except json.JSONDecodeError as error:
        raise PlanFileError(f"{path}:{error.lineno}: not JSON: {error.msg}") from None
    except RecursionError:
        raise PlanFileError(f"{path}: nested too deeply to be a plan") from None
    return plan_from_json(data, str(path))


def _refused(path: str, problem: str) -> PlanFileError:
    return PlanFileError(f"{path}: {problem}")


def plan_from_json(data: Any, source: str) -> Plan:
    import fastjsonschema

    try:
        _validator()(data)
    except fastjsonschema.JsonSchemaValueException as error:
        field = (error.name or "data").replace("data", "plan", 1)
        raise PlanFileError(f"{source}: {field}: {error.message.split(' must ', 1)[-1]}") from None
    try:
        return _plan(data)
    except ValueError as error:
        raise PlanFileError(f"{source}: {error}") from None


def _plan(data: dict[str, Any]) -> Plan:
    runs: list[Run] = []
    sessions: list[Session] = []
    care: list[CareRoutine] = []
    blocked: set[date] = set()
    seen: set[date] = set()
    for index, day_data in enumerate(data["days"]):
        day = _date(day_data["date"], f"days[{index}].date")
        if day in seen:
            raise ValueError(f"days[{index}].date: {day} appears twice")
        seen.add(day)
        day_runs = [_read_run(day, r) for r in day_data.get("runs", [])]
        busy = [_read_busy(day, b, index) for b in day_data.get("busy", [])]
        runs.extend(sorted(day_runs + busy, key=attrgetter("day_order")) if busy else day_runs)
        sessions.extend(_read_session(day, s) for s in day_data.get("strength", []))
        care.extend(care_from_json(day, c) for c in day_data.get("care", []))
        if day_data.get("blocked") is True:
            blocked.add(day)
    races, race_days = _read_races(data)
    return Plan(
        start=_date(data["start"], "start"),
        end=_date(data["end"], "end"),
        weeks=tuple(_read_week(w, i) for i, w in enumerate(data["weeks"])),
        runs=tuple(runs),
        sessions=tuple(sessions),
        violations=tuple(_read_violation(v) for v in data.get("violations", [])),
        recovery_every=data.get("recovery_every", 4),
        injuries=tuple(data.get("injuries", ())),
        races=races,
        race_days=race_days,
        level=Level(data["level"]) if "level" in data else None,
        equipment=frozenset(map(Equipment, data["equipment"])) if "equipment" in data else None,
        care=tuple(care),
        blocked=frozenset(blocked),
    )


def _read_races(data: dict[str, Any]) -> tuple[tuple[date, ...], tuple[Race, ...]]:
    """Every race day, and the races with their priorities. `races` holds dates (as every
    plan has so far) or race objects; `race_days` holds race objects; a day in both keeps
    its `race_days` entry."""
    dates: set[date] = set()
    by_day: dict[date, Race] = {}
    for field in ("races", "race_days"):
        for index, item in enumerate(data.get(field, ())):
            where = f"{field}[{index}]"
            if isinstance(item, str):
                dates.add(_date(item, where))
                continue
            race = Race(
                _date(item["date"], f"{where}.date"), item["priority"], item.get("title", "race")
            )
            by_day[race.day] = race
    return tuple(sorted(dates | set(by_day))), tuple(by_day[day] for day in sorted(by_day))


def _date(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{field}: {text!r} is not a date like 2027-01-04") from None


def _time(text: str | None, field: str) -> time | None:
    if text is None:
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{field}: {text!r} is not a time like 18:30") from None


def _read_week(w: dict[str, Any], index: int) -> Week:
    kind = w["kind"]
    phase = Phase(kind) if kind in Phase._value2member_map_ else Phase.BUILD
    return Week(
        _date(w["start"], f"weeks[{index}].start"), phase, w.get("note", ""), w.get("target", 2)
    )


def _read_run(day: date, r: dict[str, Any]) -> Run:
    return Run(
        day,
        r["title"],
        RunKind(r["kind"]),
        _time(r.get("start"), "runs.start"),
        _time(r.get("end"), "runs.end"),
        r.get("minutes"),
        r.get("strength", False),
        reason=_text(r.get("reason")),
        source=_text(r.get("source")),
        confidence=_confidence(r.get("confidence", 1.0)),
        priority=r.get("priority") if r.get("priority") in PRIORITIES else None,
        all_out=r.get("all_out") is True and r["kind"] == RunKind.HARD.value,
    )


def _text(value: Any) -> str:
    """An optional text field as written, or "" when it is missing or not text."""
    return value if isinstance(value, str) else ""


def _read_busy(day: date, b: dict[str, Any], index: int) -> Run:
    start = _time(b["start"], f"days[{index}].busy.start")
    end = _time(b["end"], f"days[{index}].busy.end")
    return Run(
        day,
        b["title"],
        RunKind.REST,
        start,
        end,
        busy=True,
        reason=_text(b.get("reason")),
        source=_text(b.get("source")),
        confidence=_confidence(b.get("confidence", 1.0)),
    )


def _confidence(value: Any) -> float:
    """A reading's confidence as written, or sure (1.0) when it is missing or not 0..1."""
    if type(value) in (int, float) and 0 <= value <= 1:
        return float(value)
    return 1.0


def _read_session(day: date, s: dict[str, Any]) -> Session:
    phase = s.get("phase", "build")
    return Session(
        day=day,
        minutes=s["minutes"],
        warmup=tuple(Warmup(w["exercise"], w["minutes"]) for w in s["warmup"]),
        main=tuple(prescription_from_json(p) for p in s["main"]),
        cooldown=tuple(Cooldown(c["exercise"], c["seconds"]) for c in s["cooldown"]),
        why=s.get("why", ""),
        start=_time(s.get("start"), f"{day} strength.start"),
        phase=Phase(phase) if phase in Phase._value2member_map_ else Phase.BUILD,
        music=s.get("music", ""),
        block=s.get("block", 0),
    )


def care_from_json(day: date, c: dict[str, Any]) -> CareRoutine:
    return CareRoutine(
        day=day,
        injury=c["injury"],
        stage=c.get("stage", 1),
        minutes=c["minutes"],
        exercises=tuple(prescription_from_json(p) for p in c["exercises"]),
        why=c.get("why", ""),
        frequency=c.get("frequency", "daily"),
        start=_time(c.get("start"), f"{day} care.start"),
        lightest=c.get("lightest", False),
        on_hard_days=c.get("on_hard_days", False),
    )


def prescription_from_json(p: dict[str, Any]) -> Prescription:
    return Prescription(
        exercise=p["exercise"],
        sets=p["sets"],
        reps=p.get("reps"),
        seconds=p.get("seconds"),
        per_side=p.get("per_side", False),
        load=p.get("load", ""),
        tempo=p.get("tempo", ""),
        target_rpe=p.get("target_rpe", 0),
        muscles=tuple(Muscle(m) for m in p["muscles"]),
        unilateral=p.get("unilateral", False),
        balance=p.get("balance", False),
        injury_care=tuple(p.get("injury_care", ())),
        cues=tuple(p.get("cues", ())),
        kind=ExerciseKind(p.get("kind", "strength")),
        rest_seconds=p.get("rest_seconds", 60),
        new=p.get("new", False),
        role=Role(p.get("role", "accessory")),
        load_kg=p.get("load_kg"),
        implement=p.get("implement", ""),
        extra_side=p.get("extra_side"),
    )


def _read_violation(v: dict[str, Any]) -> Violation:
    day = _date(v["date"], "violations.date") if v.get("date") else None
    return Violation(v["rule"], day, v["message"], v.get("hard", True))
