"""Explicit translation between model objects and table rows, both ways, losslessly.

Kept apart from the repository so the schema can change without the model noticing, and
so the round trip (model -> row -> model gives the same object) can be tested alone.
A plan version is stored in the one plan codec's shape (`legday.plan/1`, the shape of
`legday plan --format json`): its document holds everything but the strength sessions,
which are the version's session rows, each the codec's `days[].strength` item.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from typing import Any, TypeVar

from legday.errors import PlanFileError, StoreError
from legday.exports.plan_json import (
    SCHEMA_ID,
    care_from_json,
    plan_from_json,
    plan_to_json,
    prescription_from_json,
    session_from_json,
    session_to_json,
)
from legday.model import (
    Cooldown,
    Equipment,
    Level,
    Phase,
    Plan,
    Profile,
    Race,
    Run,
    RunKind,
    Session,
    StrengthDay,
    Violation,
    Warmup,
    Week,
)
from legday.progression import LIMITS, SetLog
from legday.store.tables import PlannedSessionRow, ProfileRow, SetLogRow

_N = TypeVar("_N", int, float)

__all__ = [
    "SET_COLUMNS",
    "plan_document",
    "plan_from_document",
    "profile_from_row",
    "profile_to_row",
    "races_from_json",
    "races_to_json",
    "session_from_row",
    "session_to_row",
    "set_from_columns",
    "set_from_row",
    "set_to_row",
    "weights_from_json",
    "weights_to_json",
    "windows_from_json",
    "windows_to_json",
]

Window = tuple[int, time, time]


def profile_to_row(athlete_id: int, p: Profile, now: datetime) -> ProfileRow:
    return ProfileRow(
        athlete_id=athlete_id,
        start=p.start,
        weeks=p.weeks,
        sessions=p.sessions,
        injuries=list(p.injuries),
        equipment=sorted(e.value for e in p.equipment),
        level=p.level.value,
        minutes=p.minutes,
        days=sorted(p.days),
        recovery_every=p.recovery_every,
        seed=p.seed,
        blocked=sorted(d.isoformat() for d in p.blocked),
        races=races_to_json(p.races, p.race_priorities),
        dominant_leg=p.dominant_leg,
        timezone=p.timezone,
        updated_at=now,
        windows=windows_to_json(p.windows),
        age=p.age,
        event=p.event,
        weights=weights_to_json(p),
    )


def profile_from_row(row: ProfileRow) -> Profile:
    races, priorities = races_from_json(row.races)
    return Profile(
        start=row.start,
        weeks=row.weeks,
        sessions=row.sessions,
        injuries=tuple(row.injuries),
        equipment=frozenset(Equipment(e) for e in row.equipment),
        level=Level(row.level),
        minutes=row.minutes,
        days=frozenset(int(d) for d in row.days),
        recovery_every=row.recovery_every,
        seed=row.seed,
        blocked=frozenset(date.fromisoformat(d) for d in row.blocked),
        races=races,
        race_priorities=priorities,
        dominant_leg=row.dominant_leg,
        timezone=row.timezone,
        windows=windows_from_json(row.windows),
        age=row.age,
        event=row.event,
        **weights_from_json(row.weights),
    )


def races_to_json(races: tuple[date, ...], priorities: tuple[tuple[date, str], ...]) -> list[Any]:
    """A race day as its date, or `{"date", "priority"}` when the athlete gave a priority
    (the column stays a list: rows of older releases hold dates only)."""
    given = dict(priorities)
    return [
        {"date": day.isoformat(), "priority": given[day]} if day in given else day.isoformat()
        for day in races
    ]


def races_from_json(value: Any) -> tuple[tuple[date, ...], tuple[tuple[date, str], ...]]:
    """The stored race days and priorities; a bad value (a hand-edited backup) is one line."""
    if not isinstance(value, list):
        raise StoreError(f"profile races: expected a list, found {type(value).__name__}")
    days: list[date] = []
    priorities: list[tuple[date, str]] = []
    for item in value:
        text, priority = (
            (item.get("date"), item.get("priority")) if isinstance(item, dict) else (item, None)
        )
        try:
            day = date.fromisoformat(text if isinstance(text, str) else "")
        except ValueError:
            raise StoreError(
                f"profile races: {item!r} is not a date or {{date, priority}}"
            ) from None
        if isinstance(item, dict) and priority not in ("A", "B", "C"):
            raise StoreError(f"profile races: {day} has priority {priority!r}, not A, B or C")
        days.append(day)
        if priority is not None:
            priorities.append((day, priority))
    return tuple(days), tuple(priorities)


def windows_to_json(windows: tuple[Window, ...]) -> list[dict[str, Any]]:
    """`[{"day": 0, "opens": "06:00", "closes": "08:00"}, ...]` by weekday (Monday = 0)."""
    return [
        {"day": day, "opens": _clock(opens), "closes": _clock(closes)}
        for day, opens, closes in sorted(windows)
    ]


def weights_to_json(p: Profile) -> dict[str, Any]:
    """The weights the athlete owns, in kg (empty lists: a typical set), and their body
    weight when given ("body", read by the barbell's first loads)."""
    weights: dict[str, Any] = {
        "dumbbells": list(p.dumbbells_kg),
        "kettlebells": list(p.kettlebells_kg),
        "plates": list(p.plates_kg),
        "bar": p.bar_kg,
    }
    if p.body_kg is not None:
        weights["body"] = p.body_kg
    return weights


_WEIGHT_LISTS = {
    "dumbbells": "dumbbells_kg",
    "kettlebells": "kettlebells_kg",
    "plates": "plates_kg",
}


def weights_from_json(value: Any) -> dict[str, Any]:
    """The Profile fields of the stored weights; NULL (before revision 0004): a typical set.

    A value `weights_to_json` cannot have written (a hand-edited backup) is one StoreError.
    """
    if value is None:
        return {}
    if not isinstance(value, dict) or set(value) - {"body"} != {*_WEIGHT_LISTS, "bar"}:
        raise StoreError(
            f"profile weights: {value!r} is not {{dumbbells, kettlebells, plates, bar[, body]}}"
        )
    fields: dict[str, Any] = {"bar_kg": _kg("bar", value["bar"])}
    if "body" in value:
        fields["body_kg"] = _kg("body", value["body"])
    for key, field in _WEIGHT_LISTS.items():
        if not isinstance(value[key], list):
            raise StoreError(f"profile weights: {key} must be a list of kg")
        fields[field] = tuple(_kg(key, kg) for kg in value[key])
    return fields


def _kg(name: str, kg: Any) -> float:
    if type(kg) not in (int, float) or not 0 <= kg <= LIMITS["load_kg"][1]:
        raise StoreError(f"profile weights: {name} {kg!r} is not a weight in kg")
    return float(kg)


def windows_from_json(value: Any) -> tuple[Window, ...]:
    """The stored windows; NULL (a profile stored before revision 0003) means none.

    Raises StoreError for anything `windows_to_json` cannot have written (a hand-edited
    backup), so a bad value is one line at restore, never a traceback at the next re-plan.
    """
    if value is None:
        return ()
    if not isinstance(value, list):
        raise StoreError(f"profile windows: expected a list, found {type(value).__name__}")
    found: dict[int, tuple[time, time]] = {}
    for item in value:
        if not isinstance(item, dict) or set(item) != {"day", "opens", "closes"}:
            raise StoreError(f"profile windows: {item!r} is not {{day, opens, closes}}")
        day = item["day"]
        if type(day) is not int or not 0 <= day <= 6 or day in found:
            raise StoreError(f"profile windows: day {day!r} is not a new weekday 0-6")
        try:
            opens, closes = time.fromisoformat(item["opens"]), time.fromisoformat(item["closes"])
        except (TypeError, ValueError):
            raise StoreError(f"profile windows: {item!r} has no HH:MM times") from None
        if opens.tzinfo or closes.tzinfo or closes <= opens:
            raise StoreError(f"profile windows: {item!r} must end after it starts")
        found[day] = (opens, closes)
    return tuple((day, *found[day]) for day in sorted(found))


def _clock(t: time) -> str:
    """HH:MM, the way windows are written; seconds only if a window ever has them."""
    return t.isoformat("minutes" if not (t.second or t.microsecond) else "auto")


def set_to_row(athlete_id: int, performed_id: int, seq: int, s: SetLog, now: datetime) -> SetLogRow:
    return SetLogRow(
        athlete_id=athlete_id,
        performed_session_id=performed_id,
        seq=seq,
        exercise=s.exercise,
        day=s.day,
        side=s.side,
        reps=s.reps,
        load_kg=s.load_kg,
        seconds=s.seconds,
        rpe=s.rpe,
        rir=s.rir,
        form_ok=s.form_ok,
        pain=s.pain,
        note=s.note,
        logged_at=now,
    )


# The columns a set is read from, in the order `set_from_columns` takes them.
SET_COLUMNS = (
    SetLogRow.exercise,
    SetLogRow.day,
    SetLogRow.side,
    SetLogRow.reps,
    SetLogRow.load_kg,
    SetLogRow.seconds,
    SetLogRow.rpe,
    SetLogRow.rir,
    SetLogRow.form_ok,
    SetLogRow.pain,
    SetLogRow.note,
)


def set_from_row(row: SetLogRow) -> SetLog:
    """A stored set; numbers stored before `SetLog` had bounds are clamped into them."""
    return set_from_columns(
        row.exercise, row.day, row.side, row.reps, row.load_kg, row.seconds, row.rpe,
        row.rir, row.form_ok, row.pain, row.note,
    )  # fmt: skip


def set_from_columns(
    exercise: str,
    day: date,
    side: str,
    reps: int | None,
    load_kg: float | None,
    seconds: int | None,
    rpe: float | None,
    rir: int | None,
    form_ok: bool,
    pain: int,
    note: str,
    *_: Any,
) -> SetLog:
    """`set_from_row` for a row of `SET_COLUMNS` (and any columns after them), unpacked:
    a day's view reads a few hundred sets, and reading each column of a result row by
    name costs as much again as making the set."""
    return SetLog(
        exercise,
        day,
        side,
        _within("reps", reps),
        _within("load_kg", load_kg),
        _within("seconds", seconds),
        rpe,
        _within("rir", rir),
        bool(form_ok),
        pain,
        note,
    )


def _within(name: str, value: _N | None) -> _N | None:
    if value is None:
        return None
    lo, hi = LIMITS[name]
    return type(value)(min(max(value, lo), hi))


def session_to_row(athlete_id: int, version_id: int, s: Session) -> PlannedSessionRow:
    """A session as its row: the codec's `days[].strength` item, with the columns the
    day queries read beside it."""
    return PlannedSessionRow(
        athlete_id=athlete_id,
        plan_version_id=version_id,
        day=s.day,
        start_time=s.start,
        minutes=s.minutes,
        phase=s.phase.value,
        why=s.why,
        body=session_to_json(s),
    )


def session_from_row(row: PlannedSessionRow) -> Session:
    body = row.body
    if "minutes" in body:  # the codec's session, whole
        return session_from_json(row.day, body)
    # written before the one codec: warm-up, main and cool-down only (no music or block)
    return Session(
        day=row.day,
        minutes=row.minutes,
        warmup=tuple(Warmup(w["exercise"], w["minutes"]) for w in body["warmup"]),
        main=tuple(prescription_from_json(p) for p in body["main"]),
        cooldown=tuple(Cooldown(c["exercise"], c["seconds"]) for c in body["cooldown"]),
        why=row.why,
        start=row.start_time,
        phase=Phase(row.phase),
    )


def plan_document(plan: Plan) -> dict[str, Any]:
    """The plan as the codec writes it (`legday.plan/1`), but for its strength sessions:
    those are the version's session rows (`session_to_row`), so the day queries find them
    and no session is stored twice."""
    doc = plan_to_json(replace(plan, sessions=()))
    for day in doc["days"]:
        del day["strength"]
    return doc


def plan_from_document(
    start: date, end: date, doc: dict[str, Any], sessions: tuple[Session, ...]
) -> Plan:
    """A stored plan version from its document and its session rows (in day order).

    A document of the codec comes back equal to the plan stored. One written before it
    (no `schema`) is read in its own shape: that lost the profile, music, level and kit,
    and carried strength already logged as runs, which come back as strength days.
    """
    if doc.get("schema") == SCHEMA_ID:
        try:
            plan = plan_from_json(doc, "stored plan", checked=False)  # legday wrote it
        except PlanFileError as error:  # a hand-edited backup: one line, not a traceback
            raise StoreError(str(error)) from None
        return replace(plan, sessions=sessions)
    return _plan_before_codec(start, end, doc, sessions)


LOGGED_RUN = "strength session (logged)"  # how strength already trained was once stored


def _plan_before_codec(
    start: date, end: date, doc: dict[str, Any], sessions: tuple[Session, ...]
) -> Plan:
    runs = [_run_from_dict(r) for r in doc["runs"]]
    logged = tuple(StrengthDay(r.day) for r in runs if r.is_strength and r.title == LOGGED_RUN)
    return Plan(
        start=start,
        end=end,
        weeks=tuple(
            Week(date.fromisoformat(w["start"]), Phase(w["phase"]), w["note"], w["target"])
            for w in doc["weeks"]
        ),
        runs=tuple(r for r in runs if not (r.is_strength and r.title == LOGGED_RUN)),
        sessions=sessions,
        violations=tuple(
            Violation(
                v["rule"],
                date.fromisoformat(v["day"]) if v["day"] else None,
                v["message"],
                v["hard"],
            )
            for v in doc["violations"]
        ),
        recovery_every=doc["recovery_every"],
        injuries=tuple(doc["injuries"]),
        # both absent from plans stored before race priorities
        races=tuple(date.fromisoformat(d) for d in doc.get("races", ())),
        race_days=tuple(
            Race(date.fromisoformat(r["day"]), r["priority"], r["title"])
            for r in doc.get("race_days", ())
        ),
        # absent from plans stored before care routines
        care=tuple(care_from_json(date.fromisoformat(c["day"]), c) for c in doc.get("care", ())),
        strength_days=logged,
    )


def _time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def _run_from_dict(d: dict[str, Any]) -> Run:
    """A run as plan documents stored them before the one codec."""
    return Run(
        day=date.fromisoformat(d["day"]),
        title=d["title"],
        kind=RunKind(d["kind"]),
        start=_time(d["start"]),
        end=_time(d["end"]),
        minutes=d["minutes"],
        is_strength=d["is_strength"],
        reason=d["reason"],
        source=d["source"],
        confidence=d.get("confidence", 1.0),
        priority=d.get("priority"),
        busy=d.get("busy", False),
        all_out=d.get("all_out", False),  # rows written before time trials were kept
    )
