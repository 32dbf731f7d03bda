"""Logbook commands: athletes, sync, today, log, skip, move, weather, history, progress,
backup and restore. Thin: parse, call `legday.services.Logbook`, print.

The database is `LEGDAY_DATABASE_URL` or a SQLite file in the user's data directory; the
current athlete is `--athlete`, else `LEGDAY_ATHLETE`, else the one `legday athlete use`
chose, else the only one. `LEGDAY_TODAY=YYYY-MM-DD` pins "today" for scripts and tests.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from legday.errors import InputError, StoreError

if TYPE_CHECKING:
    from legday.model import Profile, Run
    from legday.services import Logbook
    from legday.store.uow import Database

__all__ = ["open_logbook", "register"]

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
    for name, command in (
        ("sync", sync),
        ("today", today),
        ("skip", skip),
        ("move", move),
        ("weather", weather),
        ("log", log),
        ("history", history),
        ("progress", progress),
        ("backup", backup),
        ("restore", restore),
    ):
        app.command(name)(command)


# --- wiring ------------------------------------------------------------------------------


def _today() -> date:
    return _parse_date(os.environ.get("LEGDAY_TODAY") or date.today().isoformat(), "LEGDAY_TODAY")


def _parse_date(text: str | None, field: str = "date") -> date:
    if text is None:
        return _today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(field, f"expected YYYY-MM-DD, got {text!r}") from None


def _read_runs(paths: Sequence[str], profile: Profile) -> list[Run]:
    from legday.cli.plan import read_runs

    return read_runs([Path(p) for p in paths], profile)


@contextmanager
def open_logbook(url: str | None = None) -> Iterator[tuple[Logbook, Database]]:
    """The one place the CLI wires real adapters: database, catalogue, planner, calendars."""
    from sqlalchemy.exc import SQLAlchemyError

    from legday.catalogue.loader import load_catalogue
    from legday.planner import make_plan
    from legday.services import Logbook
    from legday.store.migrate import ensure_schema
    from legday.store.uow import Database, default_url

    db = Database(url or default_url())
    try:
        ensure_schema(db.engine)
        yield Logbook(db.uow, load_catalogue(), make_plan, _read_runs), db
    except SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error
        raise StoreError(f"database: {str(cause).splitlines()[0]}") from None
    finally:
        db.dispose()


def _state_file() -> Path:
    import platformdirs

    base = os.environ.get("LEGDAY_CONFIG_DIR") or platformdirs.user_config_dir("legday")
    return Path(base) / "current-athlete.json"


def _state() -> dict[str, str]:
    try:
        data = json.loads(_state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def resolve_athlete(logbook: Logbook, db: Database, name: str | None) -> str:
    chosen = name or os.environ.get("LEGDAY_ATHLETE") or _state().get(db.url)
    if chosen:
        return chosen
    athletes = logbook.athletes()
    if len(athletes) == 1:
        return athletes[0].name
    raise InputError("athlete", "which athlete? add one, or pick with `legday athlete use NAME`")


# --- athletes --------------------------------------------------------------------------


def athlete_add(
    name: Annotated[str, typer.Argument(help="A unique name, e.g. 'sam'.")],
    runs: Annotated[
        list[Path] | None, typer.Option("--runs", help="Running calendar (.ics/.csv).")
    ] = None,
    profile: Annotated[Path | None, typer.Option(help="Profile TOML.")] = None,
    start: Annotated[str | None, typer.Option(help="Plan start, YYYY-MM-DD.")] = None,
    weeks: Annotated[int | None, typer.Option(help="Plan length in weeks.")] = None,
    sessions: Annotated[int | None, typer.Option(help="2 or 3 a week.")] = None,
    injury: Annotated[list[str] | None, typer.Option("--injury", help="e.g. shin-splints.")] = None,
    equipment: Annotated[str | None, typer.Option(help="Comma list, e.g. dumbbells,band.")] = None,
    level: Annotated[str | None, typer.Option(help="beginner/intermediate/advanced.")] = None,
    days: Annotated[str | None, typer.Option(help="Days you may train, e.g. mon,wed,fri.")] = None,
) -> None:
    """Add an athlete with a profile and calendars, and store the first plan.

    Example: legday athlete add sam --runs plan.ics --start 2027-01-04 --weeks 12
    """
    from legday.profiles import build_profile, layered

    values = layered(
        profile,
        {
            "runs": [str(p) for p in runs] if runs else None,
            "start": start,
            "weeks": weeks,
            "sessions": sessions,
            "injuries": injury,
            "equipment": equipment,
            "level": level,
            "days": days,
        },
    )
    built = build_profile(values, default_start=_today())
    with open_logbook() as (logbook, db):
        logbook.add_athlete(name, built, [str(p) for p in values.get("runs", [])], _today())
        _save_current(db.url, name)
    typer.echo(f"added {name} (plan {built.start} to {built.end}); now the current athlete")


def athlete_list() -> None:
    """List athletes; the current one is marked with *.

    Example: legday athlete list
    """
    with open_logbook() as (logbook, db):
        current = os.environ.get("LEGDAY_ATHLETE") or _state().get(db.url)
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
    path = _state_file()
    state = _state()
    state[url] = name
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, indent=2), encoding="utf-8")
    tmp.replace(path)


# --- plan changes ----------------------------------------------------------------------


def sync(
    athlete: AthleteOpt = None,
    force: Annotated[bool, typer.Option(help="Re-plan even if no calendar changed.")] = False,
) -> None:
    """Re-read the calendars; when one changed, re-plan from today on (the past stays).

    Example: legday sync
    """
    with open_logbook() as (logbook, db):
        name = resolve_athlete(logbook, db, athlete)
        number = logbook.sync(name, _today(), force=force)
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
        number = logbook.skip(
            resolve_athlete(logbook, db, athlete), _parse_date(day), _today(), note
        )
    typer.echo(f"skipped; plan version {number}")


def move(
    day: Annotated[str, typer.Argument(help="The day you cannot train, YYYY-MM-DD.")],
    athlete: AthleteOpt = None,
) -> None:
    """Move the session planned on DAY; the planner finds another day within the rules.

    Example: legday move 2027-01-06
    """
    with open_logbook() as (logbook, db):
        number = logbook.move(resolve_athlete(logbook, db, athlete), _parse_date(day), _today())
    typer.echo(f"moved; plan version {number}")


def weather(
    day: Annotated[str, typer.Argument(help="The day the run is lost to weather.")],
    athlete: AthleteOpt = None,
) -> None:
    """Turn a run lost to bad weather into a strength day, as the rules allow.

    Example: legday weather 2027-01-07
    """
    with open_logbook() as (logbook, db):
        number = logbook.weather(resolve_athlete(logbook, db, athlete), _parse_date(day), _today())
    typer.echo(f"weather swap; plan version {number}")


def today(athlete: AthleteOpt = None, on: DateOpt = None) -> None:
    """What to do today: runs first, then the strength session with cues and reasons.

    Example: legday today
    """
    with open_logbook() as (logbook, db):
        view = logbook.today(resolve_athlete(logbook, db, athlete), _parse_date(on))
    typer.echo(f"{view.day.isoformat()} ({view.day.strftime('%A')})")
    for run in view.runs:
        typer.echo(f"  run: {run.title} [{run.kind.value}] - do it first")
    if view.status:
        typer.echo(f"  logged: {view.status}")
    if view.session is None:
        nxt = view.next_session
        typer.echo("  no strength session today" + (f"; next on {nxt.day}" if nxt else ""))
        return
    s = view.session
    typer.echo(f"  strength, {s.minutes} min: {s.why}")
    for w in s.warmup:
        typer.echo(f"  warm-up  {w.exercise} {w.minutes:g} min")
    for p, change in zip(s.main, view.changes, strict=True):
        dose = f"{p.reps} reps" if p.reps is not None else f"{p.seconds} s"
        side = " per side" if p.per_side else ""
        typer.echo(
            f"  {p.exercise}: {p.sets} x {dose}{side}, {p.load}, "
            f"tempo {p.tempo}, RPE <= {p.target_rpe}"
        )
        typer.echo(f"      why: {change.reason}")
        if change.seek_advice:
            typer.echo("      ! see a physiotherapist or doctor before loading this again")
        for cue in p.cues:
            typer.echo(f"      - {cue}")
    for c in s.cooldown:
        typer.echo(f"  stretch  {c.exercise} {c.seconds} s")


# --- backup ----------------------------------------------------------------------------


def backup(
    output: Annotated[Path, typer.Option("-o", "--output", help="JSON file to write.")],
) -> None:
    """Write the whole logbook as versioned JSON (legday.backup/1).

    Example: legday backup -o legday-backup.json
    """
    from legday.store.backup import dump

    with open_logbook() as (_logbook, db):
        data = dump(db.engine)
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    tmp.replace(output)
    rows = sum(len(rows) for rows in data["tables"].values())
    typer.echo(f"backed up {rows} rows to {output}")


def restore(file: Annotated[Path, typer.Argument(help="A file from `legday backup`.")]) -> None:
    """Restore a backup into an empty database (all or nothing).

    Example: legday restore legday-backup.json  (set LEGDAY_DATABASE_URL to pick the target)
    """
    from legday.store.backup import restore as load

    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(str(file), f"cannot read: {error.strerror or error}") from None
    except ValueError as error:
        raise InputError(str(file), f"not JSON: {error}") from None
    with open_logbook() as (_logbook, db):
        rows = load(db.engine, data)
    typer.echo(f"restored {rows} rows")


# --- the logbook -----------------------------------------------------------------------


def log(
    athlete: AthleteOpt = None,
    on: DateOpt = None,
    exercise: Annotated[str | None, typer.Option("--exercise", "-e", help="Exercise id.")] = None,
    sets: Annotated[int, typer.Option(help="How many identical sets.")] = 1,
    reps: Annotated[int | None, typer.Option(help="Reps per set.")] = None,
    load: Annotated[float | None, typer.Option(help="Load in kg (omit for bodyweight).")] = None,
    seconds: Annotated[int | None, typer.Option(help="Seconds held, for timed work.")] = None,
    rpe: Annotated[float | None, typer.Option(help="Effort 1-10.")] = None,
    rir: Annotated[int | None, typer.Option(help="Reps in reserve (instead of RPE).")] = None,
    bad_form: Annotated[bool, typer.Option("--bad-form", help="Form broke down.")] = False,
    pain: Annotated[int, typer.Option(help="Pain 0-10.")] = 0,
    side: Annotated[str, typer.Option(help="left, right or both.")] = "both",
    note: Annotated[str, typer.Option(help="A note for the set(s).")] = "",
) -> None:
    """Log sets: with --exercise from flags (scripts), else prompts with the plan's defaults.

    Example: legday log -e goblet-squat --sets 3 --reps 10 --load 12 --rpe 7
    """
    from legday.progression import SetLog

    day = _parse_date(on)
    with open_logbook() as (logbook, db):
        name = resolve_athlete(logbook, db, athlete)
        if exercise is not None:
            if sets < 1 or sets > 50:
                raise InputError("sets", "must be between 1 and 50")
            if exercise not in logbook.catalogue:
                raise InputError("exercise", f"unknown exercise id {exercise!r}")
            one = SetLog(
                exercise, day, side, reps, load, seconds, rpe, rir, not bad_form, pain, note
            )
            logged = [one] * sets
        elif sys.stdin is not None and sys.stdin.isatty():
            logged = _prompt_sets(logbook, name, day)
        else:
            raise InputError("exercise", "no terminal to prompt on; pass --exercise and numbers")
        count = logbook.log(name, logged) if logged else 0
    typer.echo(f"logged {count} set(s) for {day.isoformat()}")


def _prompt_sets(logbook: Logbook, name: str, day: date) -> list[Any]:
    from legday.progression import SetLog, parse_load

    view = logbook.today(name, day)
    if view.session is None:
        raise InputError("date", f"no session planned on {day}; use --exercise to log anyway")
    found: list[SetLog] = []
    for p in view.session.main:
        typer.echo(f"{p.exercise} ({p.load}, RPE <= {p.target_rpe})")
        done = typer.prompt("  sets done (0 to skip)", default=p.sets, type=int)
        planned = parse_load(p.load)
        sides = ("left", "right") if p.per_side else ("both",)
        for number in range(1, done + 1):
            for where in sides:
                label = f"  set {number}" + (f" {where}" if p.per_side else "")
                reps = (
                    None
                    if p.reps is None
                    else typer.prompt(f"{label} reps", default=p.reps, type=int)
                )
                secs = (
                    None
                    if p.seconds is None
                    else typer.prompt(f"{label} seconds", default=p.seconds, type=int)
                )
                kg = typer.prompt(
                    f"{label} kg (0 = none)", default=planned.kg if planned else 0.0, type=float
                )
                effort = typer.prompt(f"{label} RPE", default=float(p.target_rpe), type=float)
                ok = typer.confirm(f"{label} form good?", default=True)
                hurt = typer.prompt(f"{label} pain 0-10", default=0, type=int)
                found.append(
                    SetLog(p.exercise, day, where, reps, kg or None, secs, effort, None, ok, hurt)
                )
    return found


def history(
    athlete: AthleteOpt = None,
    days: Annotated[int, typer.Option(help="How many days back.")] = 28,
) -> None:
    """Performed and skipped sessions with their sets.

    Example: legday history --days 14
    """
    from datetime import timedelta

    end = _today()
    with open_logbook() as (logbook, db):
        performed = logbook.history(
            resolve_athlete(logbook, db, athlete), end - timedelta(days=days), end
        )
    if not performed:
        typer.echo("nothing logged yet")
    for p in performed:
        typer.echo(f"{p.day.isoformat()} {p.status}" + (f" - {p.note}" if p.note else ""))
        for s in p.sets:
            dose = f"{s.reps} reps" if s.reps is not None else f"{s.seconds} s"
            kg = f" @ {s.load_kg:g} kg" if s.load_kg is not None else ""
            effort = f" RPE {s.effort:g}" if s.effort is not None else ""
            flags = ("" if s.form_ok else " form!") + (f" pain {s.pain}" if s.pain else "")
            side = "" if s.side == "both" else f" ({s.side})"
            typer.echo(f"  {s.exercise}{side}: {dose}{kg}{effort}{flags}")


def progress(
    exercise: Annotated[str, typer.Argument(help="Exercise id, e.g. goblet-squat.")],
    athlete: AthleteOpt = None,
) -> None:
    """A terminal chart of one exercise: top load (or best reps) per session.

    Example: legday progress goblet-squat
    """
    with open_logbook() as (logbook, db):
        points = logbook.progress(resolve_athlete(logbook, db, athlete), exercise)
    if not points:
        typer.echo(f"no sets of {exercise} logged yet")
        return
    loaded = any(p.top_load_kg for p in points)
    unit = "kg" if loaded else "reps"
    values = [(p.top_load_kg or 0.0) if loaded else float(p.best_reps) for p in points]
    top = max(values) or 1.0
    typer.echo(f"{exercise}: {'top load per session (kg)' if loaded else 'best reps per session'}")
    for p, value in zip(points[-40:], values[-40:], strict=True):
        bar = "█" * round(40 * value / top)
        marks = ("" if p.form_ok else " form!") + (f" pain {p.max_pain}" if p.max_pain else "")
        typer.echo(f"{p.day.isoformat()} {bar} {value:g} {unit}{marks}")
    for p in points[-5:]:
        effort = f"RPE {p.max_effort:g}" if p.max_effort is not None else "RPE ?"
        marks = ("" if p.form_ok else ", form!") + (f", pain {p.max_pain}" if p.max_pain else "")
        typer.echo(f"{p.day.isoformat()}: {p.sets} sets, {p.total_reps} reps, {effort}{marks}")
