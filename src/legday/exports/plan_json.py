"""The plan codec, contract `legday.plan/1` (SPEC.md): one document shape, both ways.

The one home for turning a `Plan` into JSON and back. `legday plan --format json`, the
exports and `legday check` read and write it, and the logbook stores each plan version as
this same document, so a plan written anywhere reads back anywhere. Encoding is lossless:
`plan_from_json(plan_to_json(plan))` is equal to `plan` for every plan the planner makes
(profile, music, races, level, kit, time zone and the logged strength days included), which
is what keeps a reloaded plan from earning findings the planner never saw.

Reading validates against `plan.schema.json` first (numbers bounded, ids plain slugs, dates
within `legday.boundary`'s years, after `load_json` refused NaN, giant integers, deep
nesting and lone surrogates), so a coach's hand-made plan gets one
clear line naming the wrong field instead of a traceback; fields a hand-made plan leaves
out take the model's defaults.

Busy time (a timed ride, swim or meeting: `no-overlap`) is not running, so it sits beside
a day's runs as `days[].busy: [{"title", "start", "end"}]`, never among them. Strength the
athlete already trained (the logbook's) sits there as `days[].logged`, never as a run.
"""

from __future__ import annotations

import json
from datetime import date, time
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Any

from legday import __version__
from legday.boundary import EARLIEST, LATEST, BoundaryError, load_json
from legday.errors import PlanFileError
from legday.exports.unsure import plan_unsure_json
from legday.model import (
    PRIORITIES,
    CareRoutine,
    Cooldown,
    Equipment,
    ExerciseKind,
    Level,
    Lighter,
    Muscle,
    Phase,
    Plan,
    Prescription,
    Profile,
    Race,
    Role,
    Run,
    RunKind,
    Session,
    StrengthDay,
    Violation,
    Warmup,
    WarmupSet,
    Week,
)

__all__ = [
    "SCHEMA_ID",
    "care_from_json",
    "care_to_json",
    "check_part",
    "entry_to_json",
    "plan_from_json",
    "plan_to_json",
    "prescription_from_json",
    "prescription_to_json",
    "profile_from_json",
    "profile_to_json",
    "read_plan_file",
    "session_from_json",
    "session_to_json",
]

SCHEMA_ID = "legday.plan/1"
MAX_PLAN_BYTES = 20 * 1024 * 1024


def plan_to_json(plan: Plan) -> dict[str, Any]:
    """The plan as a `legday.plan/1` document (plain JSON types, nothing lost)."""
    sessions: dict[date, list[Session]] = {}
    for s in plan.sessions:
        sessions.setdefault(s.day, []).append(s)
    runs: dict[date, list[Run]] = {}
    for r in plan.runs:
        runs.setdefault(r.day, []).append(r)
    care: dict[date, list[CareRoutine]] = {}
    for routine in plan.care:
        care.setdefault(routine.day, []).append(routine)
    logged: dict[date, list[StrengthDay]] = {}
    for done in plan.strength_days:
        logged.setdefault(done.day, []).append(done)
    data: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "generator": f"legday {__version__}",
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
    }
    if plan.timezone is not None:
        data["timezone"] = plan.timezone
    data |= {
        "recovery_every": plan.recovery_every,
        "injuries": list(plan.injuries),
        "weeks": [_week(w) for w in plan.weeks],
        "days": [
            {
                "date": day.isoformat(),
                "runs": [_run(r) for r in runs.get(day, []) if not r.busy],
                "busy": [_busy(r) for r in runs.get(day, []) if r.busy],
                "strength": [session_to_json(s) for s in sessions.get(day, [])],
                "care": [care_to_json(c) for c in care.get(day, [])],
                **({"logged": [_logged(d) for d in logged[day]]} if day in logged else {}),
                **({"blocked": True} if day in plan.blocked else {}),
            }
            for day in plan.days()
        ],
        "violations": [_violation(v) for v in plan.violations],
        "races": [d.isoformat() for d in plan.races],
        "unsure": plan_unsure_json(plan),  # read back from the runs, not from this list
        "race_days": [_race(r) for r in plan.race_days],
    }
    if plan.level is not None:
        data["level"] = plan.level.value
    if plan.equipment is not None:
        data["equipment"] = sorted(e.value for e in plan.equipment)
    if plan.profile is not None:
        data["profile"] = profile_to_json(plan.profile)
    return data


def _race(r: Race) -> dict[str, Any]:
    return {"date": r.day.isoformat(), "priority": r.priority, "title": r.title}


def _week(w: Week) -> dict[str, Any]:
    return {"start": w.start.isoformat(), "kind": w.phase.value, "note": w.note, "target": w.target}


def _run(r: Run) -> dict[str, Any]:
    data: dict[str, Any] = {
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
    # why it got its kind and where it was read (an unsure run's fix needs both)
    if r.reason:
        data["reason"] = r.reason
    if r.source:
        data["source"] = r.source
    return data


def _busy(r: Run) -> dict[str, Any]:
    data: dict[str, Any] = {"title": r.title, "start": _hhmm(r.start), "end": _hhmm(r.finish)}
    if r.minutes is not None:
        data["minutes"] = r.minutes
    if r.end is None:  # `end` is worked out from the start and duration, not read
        data["open_end"] = True
    if r.confidence != 1.0:  # an unsure "other" may be a run: its fix needs these
        data["confidence"] = r.confidence
    if r.reason:
        data["reason"] = r.reason
    if r.source:
        data["source"] = r.source
    return data


def _logged(d: StrengthDay) -> dict[str, Any]:
    return {"exercises": sorted(d.exercises)}


def session_to_json(s: Session) -> dict[str, Any]:
    """One strength session of `days[].strength`; the logbook's session rows hold the same."""
    return {
        "start": _hhmm(s.start),
        "minutes": s.minutes,
        "phase": s.phase.value,
        "warmup": [
            {"exercise": w.exercise, "minutes": w.minutes, **({"jog": True} if w.jog else {})}
            for w in s.warmup
        ],
        "main": [prescription_to_json(p) for p in s.main],
        "cooldown": [{"exercise": c.exercise, "seconds": c.seconds} for c in s.cooldown],
        "why": s.why,
        "music": s.music,
        "block": s.block,
        **({} if s.music_bpm is None else {"music_bpm": list(s.music_bpm)}),
        **({} if s.lighter is None else {"lighter": s.lighter.value}),
    }


def care_to_json(c: CareRoutine) -> dict[str, Any]:
    """One routine of `days[].care`."""
    return {
        "injury": c.injury,
        "start": _hhmm(c.start),
        "minutes": c.minutes,
        "stage": c.stage,
        "frequency": c.frequency,
        "lightest": c.lightest,
        "on_hard_days": c.on_hard_days,
        "eve": c.eve,
        "exercises": [prescription_to_json(p) for p in c.exercises],
        "why": c.why,
    }


def prescription_to_json(p: Prescription) -> dict[str, Any]:
    """One main-block item as in the contract."""
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
        "care_dose": p.care_dose,
        # a jump drill's dose: every landing, each side counted
        "contacts": p.contacts if p.kind is ExerciseKind.PLYOMETRIC else None,
        "warmup_sets": [{"reps": w.reps, "load_kg": w.load_kg} for w in p.warmup_sets],
    }


def profile_to_json(p: Profile) -> dict[str, Any]:
    """What the athlete told the planner, so `check` and a reloaded plan see it too."""
    return {
        "start": p.start.isoformat(),
        "weeks": p.weeks,
        "sessions": p.sessions,
        "injuries": list(p.injuries),
        "equipment": sorted(e.value for e in p.equipment),
        "level": p.level.value,
        "minutes": p.minutes,
        "days": sorted(p.days),
        "recovery_every": p.recovery_every,
        "seed": p.seed,
        "blocked": sorted(d.isoformat() for d in p.blocked),
        "races": [d.isoformat() for d in p.races],
        "race_priorities": [
            {"date": d.isoformat(), "priority": priority} for d, priority in p.race_priorities
        ],
        "dominant_leg": p.dominant_leg,
        "timezone": p.timezone,
        "windows": [
            {"day": day, "opens": _hhmm(opens), "closes": _hhmm(closes)}
            for day, opens, closes in p.windows
        ],
        "age": p.age,
        "event": p.event,
        "weights": {
            "dumbbells": list(p.dumbbells_kg),
            "kettlebells": list(p.kettlebells_kg),
            "plates": list(p.plates_kg),
            "bar": p.bar_kg,
        },
        "bodyweight": p.body_kg,
    }


def _violation(v: Violation) -> dict[str, Any]:
    return {
        "rule": v.rule,
        "date": v.day.isoformat() if v.day else None,
        "message": v.message,
        "hard": v.hard,
    }


def entry_to_json(run: Run) -> dict[str, Any]:
    """A calendar entry of a day as `today` shows it (the CLI's JSON and the web API's):
    a run, a strength session of the athlete's own, or busy time."""
    what = "strength" if run.is_strength else "busy" if run.busy else "run"
    return {
        "title": run.title,
        "what": what,
        "kind": run.kind.value,
        "start": _hhmm(run.start),
        "end": _hhmm(run.finish),
    }


def _hhmm(value: time | None) -> str | None:
    """HH:MM, the contract's clock; seconds only when a time has them (never lost)."""
    if value is None:
        return None
    return value.isoformat("minutes" if not (value.second or value.microsecond) else "auto")


@cache
def _schema() -> dict[str, Any]:
    from importlib import resources  # only to read a plan (~1.5 ms of imports to write one)

    text = resources.files("legday.exports").joinpath("plan.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator(part: str | None = None) -> Any:
    """The schema's validator: of a whole plan, or of one of its `$defs` (a session)."""
    import fastjsonschema

    schema = _schema()
    if part is not None:
        schema = {"$defs": schema["$defs"], "$ref": f"#/$defs/{part}"}
    return fastjsonschema.compile(schema)


def check_part(part: str, data: Any, source: str) -> None:
    """`data` against one `$defs` entry of the plan schema (the logbook's session rows
    hold `session`), with the same one-line error as a whole plan."""
    import fastjsonschema

    try:
        _validator(part)(data)
    except fastjsonschema.JsonSchemaValueException as error:
        raise PlanFileError(f"{source}: {_problem(error, part)}") from None


def _problem(error: Any, root: str) -> str:
    """`field: must ...` from a schema error, the field named from `root`."""
    field = (error.name or "data").replace("data", root, 1)
    _, must, problem = error.message.partition(" must ")
    problem = f"must {problem}" if must else "is not an allowed value (type or range)"
    return f"{field}: {problem}"


def read_plan_file(path: Path) -> Plan:
    """Read a plan written by legday or by hand; one-line error naming file and field."""
    from legday.files import read_limited

    raw = read_limited(path, limit=MAX_PLAN_BYTES, what="plan", refuse=_refused).data
    try:
        data = load_json(raw)
    except UnicodeDecodeError as error:
        raise PlanFileError(f"{path}: cannot read: {error}") from None
    except json.JSONDecodeError as error:
        raise PlanFileError(f"{path}:{error.lineno}: not JSON: {error.msg}") from None
    except BoundaryError as error:
        raise PlanFileError(f"{path}: {error}") from None
    return plan_from_json(data, str(path))


def _refused(path: str, problem: str) -> PlanFileError:
    return PlanFileError(f"{path}: {problem}")


def plan_from_json(data: Any, source: str, *, checked: bool = True) -> Plan:
    """The plan of a `legday.plan/1` document; `source` names it in the one-line error.

    `checked=False` skips the schema, for documents legday wrote itself (the logbook's:
    the schema costs more than the decoding); anything malformed is still one line.
    """
    if checked:
        import fastjsonschema

        try:
            _validator()(data)
        except fastjsonschema.JsonSchemaValueException as error:
            raise PlanFileError(f"{source}: {_problem(error, 'plan')}") from None
        except RecursionError:  # a document built in memory, not read by `load_json`
            raise PlanFileError(f"{source}: nested too deeply to be a plan") from None
        where = _out_of_window(data)
        if where is not None:
            raise PlanFileError(
                f"{source}: {where}: outside {EARLIEST.year}-{LATEST.year}, the years a plan"
                " can be in"
            )
    try:
        return _plan(data)
    except ValueError as error:
        raise PlanFileError(f"{source}: {error}") from None
    except (KeyError, TypeError, AttributeError) as error:  # only unchecked documents
        raise PlanFileError(f"{source}: not a legday.plan/1 document ({error!r})") from None


def _out_of_window(data: dict[str, Any]) -> str | None:
    """The first schema-checked date that no plan can hold (year 1, 9999), or None."""
    found: list[tuple[str, Any]] = [("start", data["start"]), ("end", data["end"])]
    found += [(f"days[{i}].date", d["date"]) for i, d in enumerate(data["days"])]
    found += [(f"weeks[{i}].start", w["start"]) for i, w in enumerate(data["weeks"])]
    for field in ("races", "race_days"):
        for i, item in enumerate(data.get(field, ())):
            found.append((f"{field}[{i}]", item if isinstance(item, str) else item["date"]))
    if "profile" in data:
        profile = data["profile"]
        found.append(("profile.start", profile["start"]))
        for field in ("blocked", "races"):
            found += [(f"profile.{field}[{i}]", d) for i, d in enumerate(profile.get(field, ()))]
    for where, text in found:
        if not EARLIEST.isoformat() <= text <= LATEST.isoformat():  # ISO dates sort as text
            return where
    return None


def _plan(data: dict[str, Any]) -> Plan:
    runs: list[Run] = []
    sessions: list[Session] = []
    care: list[CareRoutine] = []
    logged: list[StrengthDay] = []
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
        sessions.extend(session_from_json(day, s) for s in day_data.get("strength", []))
        care.extend(care_from_json(day, c) for c in day_data.get("care", []))
        logged.extend(
            StrengthDay(day, frozenset(d["exercises"])) for d in day_data.get("logged", [])
        )
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
        profile=profile_from_json(data["profile"]) if "profile" in data else None,
        recovery_every=data.get("recovery_every", 4),
        injuries=tuple(data.get("injuries", ())),
        races=races,
        race_days=race_days,
        level=Level(data["level"]) if "level" in data else None,
        equipment=frozenset(map(Equipment, data["equipment"])) if "equipment" in data else None,
        care=tuple(care),
        blocked=frozenset(blocked),
        strength_days=tuple(logged),
        timezone=data.get("timezone"),
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
    return None if text is None else _clock(text, field)


def _clock(text: str, field: str) -> time:
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
        None if b.get("open_end") is True else end,
        b.get("minutes"),
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


def session_from_json(day: date, s: dict[str, Any]) -> Session:
    """A session of `days[].strength` on `day`."""
    phase = s.get("phase", "build")
    return Session(
        day=day,
        minutes=s["minutes"],
        warmup=tuple(
            Warmup(w["exercise"], w["minutes"], jog=w.get("jog") is True) for w in s["warmup"]
        ),
        main=tuple(prescription_from_json(p) for p in s["main"]),
        cooldown=tuple(Cooldown(c["exercise"], c["seconds"]) for c in s["cooldown"]),
        why=s.get("why", ""),
        start=_time(s.get("start"), f"{day} strength.start"),
        phase=Phase(phase) if phase in Phase._value2member_map_ else Phase.BUILD,
        music=s.get("music", ""),
        block=s.get("block", 0),
        music_bpm=_bpm(s.get("music_bpm")),
        lighter=_lighter(s.get("lighter")),
    )


def _lighter(value: Any) -> Lighter | None:
    """Why a session is lighter on purpose, as written; none for a full session (or a
    plan from before it was written, or a reason this version does not know)."""
    return Lighter(value) if value in Lighter._value2member_map_ else None


def _bpm(value: Any) -> tuple[int, int] | None:
    """A session's beat range as written, or none (a plan from before it was written)."""
    if isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value):
        return (value[0], value[1])
    return None


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
        eve=c.get("eve", False),
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
        care_dose=p.get("care_dose", False),
        warmup_sets=tuple(
            WarmupSet(w["reps"], float(w["load_kg"])) for w in p.get("warmup_sets", ())
        ),
    )


def profile_from_json(p: dict[str, Any]) -> Profile:
    """The profile a plan was made from; what a hand-made one leaves out takes the default."""
    defaults = Profile(start=_date(p["start"], "profile.start"))
    weights = p.get("weights", {})
    return Profile(
        start=defaults.start,
        weeks=p.get("weeks", defaults.weeks),
        sessions=p.get("sessions"),
        injuries=tuple(p.get("injuries", ())),
        equipment=(
            frozenset(map(Equipment, p["equipment"])) if "equipment" in p else defaults.equipment
        ),
        level=Level(p.get("level", defaults.level)),
        minutes=p.get("minutes", defaults.minutes),
        days=frozenset(p["days"]) if "days" in p else defaults.days,
        recovery_every=p.get("recovery_every", defaults.recovery_every),
        seed=p.get("seed", defaults.seed),
        blocked=frozenset(_date(d, "profile.blocked") for d in p.get("blocked", ())),
        races=tuple(_date(d, "profile.races") for d in p.get("races", ())),
        race_priorities=tuple(
            (_date(r["date"], "profile.race_priorities"), r["priority"])
            for r in p.get("race_priorities", ())
        ),
        dominant_leg=p.get("dominant_leg"),
        timezone=p.get("timezone"),
        windows=tuple(
            (
                w["day"],
                _clock(w["opens"], "profile.windows"),
                _clock(w["closes"], "profile.windows"),
            )
            for w in p.get("windows", ())
        ),
        age=p.get("age"),
        event=p.get("event"),
        dumbbells_kg=tuple(map(float, weights.get("dumbbells", ()))),
        kettlebells_kg=tuple(map(float, weights.get("kettlebells", ()))),
        plates_kg=tuple(map(float, weights.get("plates", ()))),
        bar_kg=float(weights.get("bar", defaults.bar_kg)),
        body_kg=p.get("bodyweight"),
    )


def _read_violation(v: dict[str, Any]) -> Violation:
    day = _date(v["date"], "violations.date") if v.get("date") else None
    return Violation(v["rule"], day, v["message"], v.get("hard", True))
