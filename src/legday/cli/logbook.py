"""Logbook commands: athletes, sync, today, skip, move, weather, db upgrade (log,
history, progress, backup and restore are in `legday.cli.logbook_entries`). Thin: parse,
call `legday.services.Logbook` (wired by `legday.bootstrap`), print. This module also
picks the current athlete for both.

Migrations are a deploy step: `legday db upgrade`. Every other command checks the
schema with one SELECT (`legday.store.schema`, no Alembic) and, on a store of an older
release, stops with one line saying to run it; a new, empty store is created on its
first use.

The database is `LEGDAY_DATABASE_URL` or a SQLite file in the user's data directory; the
current athlete is `--athlete`, else `LEGDAY_ATHLETE`, else the one `legday athlete use`
chose, else the only one. `LEGDAY_TODAY=YYYY-MM-DD` pins "today" for scripts and tests.
"""

from __future__ import annotations

import json
import os
from datetime import date, time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from legday.bootstrap import open_logbook, open_maintenance
from legday.bootstrap import today as today_from_clock
from legday.errors import InputError

if TYPE_CHECKING:
    from legday.model import Prescription
    from legday.services import Logbook, Replanned, Today
    from legday.store.uow import Database

__all__ = [
    "AthleteOpt",
    "DateOpt",
    "open_logbook",
    "parse_date",
    "register",
    "resolve_athlete",
    "today_json",
]


AthleteOpt = Annotated[
    str | None, typer.Option("--athlete", "-a", help="Athlete name (default: the current one).")
]
DateOpt = Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default: today).")]


def register(app: typer.Typer) -> None:
    athlete = typer.Typer(help="Athletes in the logbook.", no_args_is_help=True)
    athlete.command("add")(athlete_add)
    athlete.command("list")(athlete_list)
    athlete.command("use")(athlete_use)
    app.add_typer(athlete, name="athlete")
    db = typer.Typer(help="The logbook database.", no_args_is_help=True)
    db.command("upgrade")(db_upgrade)
    app.add_typer(db, name="db")
    for name, command in (
        ("sync", sync),
        ("today", today),
        ("skip", skip),
        ("move", move),
        ("weather", weather),
    ):
        app.command(name)(command)


# --- wiring: `legday.bootstrap` -------------------------------------------------------


def _today() -> date:
    return today_from_clock()


def parse_date(text: str | None, field: str = "date") -> date:
    """A bounded YYYY-MM-DD (see `legday.profiles.parse_date`); None is today."""
    from legday.profiles import parse_date as bounded

    return _today() if text is None else bounded(text, field)


# --- the current athlete ---------------------------------------------------------------
# current-athlete.json maps each database to its current athlete. The key is the database
# URL with its password hidden (`legday.redaction`): the file names which logbook, never how
# to get into it. Written 0600 in a 0700 folder, atomically.

STATE_LIMIT = 64 * 1024  # a map of a few URLs to names; far larger is not ours


def _state_file() -> Path:
    import platformdirs

    base = os.environ.get("LEGDAY_CONFIG_DIR") or platformdirs.user_config_dir("legday")
    return Path(base) / "current-athlete.json"


def _state_key(url: str) -> str:
    from legday.redaction import redact

    return redact(url)


def _state() -> dict[str, str]:
    from legday.errors import LegdayError
    from legday.files import read_limited

    try:
        raw = read_limited(_state_file(), limit=STATE_LIMIT, what="settings file").data
        data = json.loads(raw.decode("utf-8"))
    except (LegdayError, ValueError, RecursionError):
        return {}  # no choice saved (or an unreadable one): the only athlete, or ask
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _current(url: str) -> str | None:
    state = _state()
    return state.get(_state_key(url)) or state.get(url)  # the raw URL: a file from before


def _check_state_folder() -> None:
    """Fail before anything is committed when the current athlete could not be saved."""
    folder = _state_file().parent
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(
            "LEGDAY_CONFIG_DIR", f"cannot use {folder} as a folder: {error.strerror or error}"
        ) from None
    if not os.access(folder, os.W_OK):
        raise InputError("LEGDAY_CONFIG_DIR", f"cannot write in {folder}")


def resolve_athlete(logbook: Logbook, db: Database, name: str | None) -> str:
    chosen = name or os.environ.get("LEGDAY_ATHLETE") or _current(db.url)
    if chosen:
        return chosen
    athletes = logbook.athletes()
    if len(athletes) == 1:
        return athletes[0].name
    raise InputError("athlete", "which athlete? add one, or pick with `legday athlete use NAME`")


# --- the database ----------------------------------------------------------------------


def db_upgrade() -> None:
    """Bring the logbook's schema up to this release (a deploy step; it keeps the data).

    Example: legday db upgrade
    """
    with open_maintenance(check=False) as maintenance:
        done = maintenance.upgrade()
    if not done.changed:
        typer.echo(f"the logbook is at schema {done.after}: nothing to do")
        return
    typer.echo(f"upgraded the logbook from schema {done.before or '(new)'} to {done.after}")


# --- athletes --------------------------------------------------------------------------


def athlete_add(
    name: Annotated[str, typer.Argument(help="A unique name, e.g. 'sam'.")],
    runs: Annotated[
        list[str] | None,
        typer.Option("--runs", help="Running calendar: a file (.ics/.csv) or a feed address."),
    ] = None,
    profile: Annotated[Path | None, typer.Option(help="Profile TOML.")] = None,
    start: Annotated[str | None, typer.Option(help="Plan start, YYYY-MM-DD.")] = None,
    weeks: Annotated[int | None, typer.Option(help="Plan length in weeks.")] = None,
    sessions: Annotated[int | None, typer.Option(help="2 or 3 a week.")] = None,
    minutes: Annotated[
        int | None, typer.Option(help="Minutes per session, 20-120 (default 45).")
    ] = None,
    injury: Annotated[list[str] | None, typer.Option("--injury", help="e.g. shin-splints.")] = None,
    equipment: Annotated[str | None, typer.Option(help="Comma list, e.g. dumbbells,band.")] = None,
    level: Annotated[str | None, typer.Option(help="beginner/intermediate/advanced.")] = None,
    days: Annotated[str | None, typer.Option(help="Days you may train, e.g. mon,wed,fri.")] = None,
    window: Annotated[
        list[str] | None,
        typer.Option(
            "--window",
            help="When a session fits on a weekday, e.g. mon=06:00-08:00 or "
            "default=17:00-20:00; repeatable, replaces the profile's windows; kept for re-plans.",
        ),
    ] = None,
    race: Annotated[
        list[str] | None,
        typer.Option(
            "--race",
            help="A race day, optionally with its priority: DATE[:A|B|C] (A goal, B tune-up, "
            "C short/club; default A); repeatable; kept for re-plans.",
        ),
    ] = None,
) -> None:
    """Add an athlete with a profile and calendars, and store the first plan.

    Example: legday athlete add sam --runs plan.ics --start 2027-01-04 --weeks 12
    """
    from legday.profiles import build_profile, layered

    values = layered(
        profile,
        {
            "runs": runs or None,
            "start": start,
            "weeks": weeks,
            "sessions": sessions,
            "minutes": minutes,
            "injuries": injury,
            "equipment": equipment,
            "level": level,
            "days": days,
            "windows": window,
            "races": race,
        },
    )
    built = build_profile(values, default_start=_today())
    _check_state_folder()
    with open_logbook() as (logbook, db):
        logbook.add_athlete(name, built, [str(p) for p in values.get("runs", [])], _today())
        _save_current(db.url, name)
    typer.echo(f"added {name} (plan {built.start} to {built.end}); now the current athlete")


def athlete_list() -> None:
    """List athletes; the current one is marked with *.

    Example: legday athlete list
    """
    with open_logbook() as (logbook, db):
        current = os.environ.get("LEGDAY_ATHLETE") or _current(db.url)
        for a in logbook.athletes():
            typer.echo(f"{'*' if a.name == current else ' '} {a.name}")


def athlete_use(name: Annotated[str, typer.Argument(help="Athlete name.")]) -> None:
    """Make NAME the current athlete for later commands.

    Example: legday athlete use sam
    """
    with open_logbook() as (logbook, db):
        if name not in {a.name for a in logbook.athletes()}:
            raise InputError("athlete", f"no athlete called {name!r}")
        _save_current(db.url, name)
    typer.echo(f"current athlete: {name}")


def _save_current(url: str, name: str) -> None:
    """Record `name` as current for `url`; keys that hold a password (written by an older
    legday) are dropped on the way."""
    import tempfile

    path = _state_file()
    state = {key: value for key, value in _state().items() if key == _state_key(key)}
    state[_state_key(url)] = name
    _check_state_folder()
    temporary: Path | None = None
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".current-athlete.", dir=path.parent)
        temporary = Path(temp_name)  # mkstemp makes it 0600
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(json.dumps(state, indent=2))
        temporary.replace(path)
    except OSError as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        problem = f"cannot save the current athlete in {path}: {error.strerror or error}"
        raise InputError("LEGDAY_CONFIG_DIR", problem) from None


# --- plan changes ----------------------------------------------------------------------


def sync(
    athlete: AthleteOpt = None,
    force: Annotated[bool, typer.Option(help="Re-plan even if no calendar changed.")] = False,
    runs: Annotated[
        list[str] | None,
        typer.Option(
            "--runs",
            help="A calendar file to take a new copy of (same file name: replaces the stored "
            "one; a new name adds it); repeatable.",
        ),
    ] = None,
) -> None:
    """Re-fetch calendar feeds and re-read the stored calendars, taking a new copy of each
    `--runs` file; when one changed, re-plan from today on (the past stays). The logbook
    keeps each calendar file's content, not its path: after editing a file, pass it again.

    Example: legday sync --runs my-plan.ics
    """
    with open_logbook() as (logbook, db):
        name = resolve_athlete(logbook, db, athlete)
        number = logbook.sync(name, _today(), force=force, files=runs or ())
    typer.echo("calendars unchanged" if number is None else f"re-planned: plan version {number}")


def skip(
    day: Annotated[str | None, typer.Argument(help="YYYY-MM-DD (default: today).")] = None,
    athlete: AthleteOpt = None,
    note: Annotated[str, typer.Option(help="Why, for the history.")] = "",
) -> None:
    """Skip a planned session; the rest of the week is re-planned within the rules.

    Example: legday skip 2027-01-06 --note "travel"
    """
    with open_logbook() as (logbook, db):
        done = logbook.skip(resolve_athlete(logbook, db, athlete), parse_date(day), _today(), note)
    _echo_replanned("skipped", done)


def move(
    day: Annotated[str, typer.Argument(help="The day you cannot train, YYYY-MM-DD.")],
    athlete: AthleteOpt = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="The day to train instead, YYYY-MM-DD; refused (with the reason) on a "
            "blocked day, a hard run, a race or a race's eve.",
        ),
    ] = None,
) -> None:
    """Move the session planned on DAY: to the day --to names, or to a day the planner
    finds within the rules.

    Example: legday move 2027-01-06 --to 2027-01-07
    """
    target = None if to is None else parse_date(to, "to")
    with open_logbook() as (logbook, db):
        name = resolve_athlete(logbook, db, athlete)
        done = logbook.move(name, parse_date(day), _today(), target)
    _echo_replanned("moved", done)


def weather(
    day: Annotated[str, typer.Argument(help="The day the run is lost to weather.")],
    athlete: AthleteOpt = None,
) -> None:
    """Turn a run lost to bad weather into a strength day, as the rules allow.

    Example: legday weather 2027-01-07
    """
    when = parse_date(day)
    with open_logbook() as (logbook, db):
        done = logbook.weather(resolve_athlete(logbook, db, athlete), when, _today())
    typer.echo(f"weather swap on {_day(when)}: the run is off, the day may hold strength")
    _echo_replanned("re-planned", done)


def _day(day: date | None) -> str:
    return "(none)" if day is None else f"{day:%a} {day.isoformat()}"


def _echo_replanned(what: str, done: Replanned) -> None:
    """The new plan version and each strength day it changed, before -> after."""
    typer.echo(f"{what}; plan version {done.number}")
    if not done.changes:
        typer.echo("  no strength day changed")
    for change in done.changes:
        typer.echo(f"  {_day(change.before)} -> {_day(change.after)}")


class TodayFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def today(
    athlete: AthleteOpt = None,
    on: DateOpt = None,
    format: Annotated[
        TodayFormat, typer.Option("--format", "-f", help="text or json.")
    ] = TodayFormat.TEXT,
) -> None:
    """What to do today: runs first, then the strength session with cues and reasons, and
    any injury-care routine (with the disclaimer until you log your first routine).

    Example: legday today --format json
    """
    with open_logbook() as (logbook, db):
        view = logbook.today(resolve_athlete(logbook, db, athlete), parse_date(on))
    if format is TodayFormat.JSON:
        from legday.exports.jsontext import dumps_indented

        typer.echo(dumps_indented(today_json(view)))
        return
    typer.echo(f"{view.day.isoformat()} ({view.day.strftime('%A')})")
    if view.weather:
        typer.echo("  weather swap: the run is off today; strength may take its place")
    for advice in view.advice:
        typer.echo(f"  ! {advice}")
    for note in view.care_notes:
        typer.echo(f"  {note}")
    for run in view.runs:
        if run.is_strength:
            typer.echo(f"  strength (from your calendar): {run.title}")
        elif run.busy:
            until = f"-{run.finish:%H:%M}" if run.finish else ""
            at = f" {run.start:%H:%M}{until}" if run.start else ""
            typer.echo(f"  busy{at}: {run.title}")
        else:
            typer.echo(f"  run: {run.title} [{run.kind.value}] - do it first")
    if view.status:
        typer.echo(f"  logged: {view.status}")
    if view.session is None:
        nxt = view.next_session
        typer.echo("  no strength session today" + (f"; next on {nxt.day}" if nxt else ""))
    else:
        _echo_session(view)
    _echo_care(view)


def today_json(view: Today) -> dict[str, Any]:
    """`today --format json`: the day as the text shows it, sessions in the plan's codec."""
    from legday.care import DISCLAIMER
    from legday.exports.plan_json import care_to_json, entry_to_json, prescription_to_json

    session = view.session
    nxt = view.next_session
    return {
        "day": view.day.isoformat(),
        "weekday": view.day.strftime("%A"),
        "status": view.status,
        "weather_swap": view.weather,
        "advice": list(view.advice),
        "care_notes": list(view.care_notes),
        "runs": [entry_to_json(r) for r in view.runs],
        "session": None
        if session is None
        else {
            "start": _hhmm(session.start),
            "minutes": session.minutes,
            "why": session.why,
            "warmup": [{"exercise": w.exercise, "minutes": w.minutes} for w in session.warmup],
            "main": [
                {**prescription_to_json(p), "why": c.reason, "seek_advice": c.seek_advice}
                for p, c in zip(session.main, view.changes, strict=True)
            ],
            "cooldown": [{"exercise": c.exercise, "seconds": c.seconds} for c in session.cooldown],
        },
        "next_session": None if nxt is None else nxt.day.isoformat(),
        "care": [care_to_json(c) for c in view.care],
        "disclaimer": DISCLAIMER if view.disclaimer else None,
    }


def _hhmm(moment: time | None) -> str | None:
    return None if moment is None else f"{moment:%H:%M}"


def describe_prescription(p: Prescription) -> str:
    """One exercise's line, the same for `today`, a care routine and `log`'s prompts."""
    from legday.exports._describe import weight

    dose = f"{p.reps} reps" if p.reps is not None else f"{p.seconds} s"
    side = " per side" if p.per_side else ""
    kg = weight(p)  # the number first; the load text when it says more (advice)
    load = ", ".join(part for part in (kg and f"@ {kg}", p.load if p.load != kg else "") if part)
    tempo = f", tempo {p.tempo}" if p.tempo else ""  # timed work has none
    return f"  {p.exercise}: {p.sets} x {dose}{side} {load}{tempo}, RPE <= {p.target_rpe}"


def _echo_prescription(p: Prescription) -> None:
    typer.echo(describe_prescription(p))


def _echo_care(view: Today) -> None:
    from legday.care import DISCLAIMER

    for routine in view.care:
        at = f" at {routine.start:%H:%M}" if routine.start else ""
        typer.echo(f"  {routine.injury} care{at}, {routine.minutes} min: {routine.why}")
        for p in routine.exercises:
            _echo_prescription(p)
            for cue in p.cues:
                typer.echo(f"      - {cue}")
    if view.disclaimer:
        typer.echo(f"  ! {DISCLAIMER}")


def _echo_session(view: Today) -> None:
    s = view.session
    assert s is not None
    at = f" at {s.start:%H:%M}" if s.start else ""
    typer.echo(f"  strength{at}, {s.minutes} min: {s.why}")
    for w in s.warmup:
        typer.echo(f"  warm-up  {w.exercise} {w.minutes:g} min")
    for p, change in zip(s.main, view.changes, strict=True):
        _echo_prescription(p)
        typer.echo(f"      why: {change.reason}")
        if change.seek_advice:
            typer.echo("      ! see a physiotherapist or doctor before loading this again")
        for cue in p.cues:
            typer.echo(f"      - {cue}")
    for c in s.cooldown:
        typer.echo(f"  stretch  {c.exercise} {c.seconds} s")
