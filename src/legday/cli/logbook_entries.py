"""Logbook commands that record and read back: log, history, progress, backup, restore.

Thin like `legday.cli.logbook` (which wires the database and picks the athlete): parse,
call `legday.services.Logbook`, print. Every number a user types is bounded here too, so
a typo is one line on stderr and exit code 2, never a traceback or a silly prescription.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from legday.cli.logbook import AthleteOpt, DateOpt, open_logbook, parse_date, resolve_athlete
from legday.errors import InputError

if TYPE_CHECKING:
    from legday.progression import SetLog
    from legday.services import Logbook

__all__ = ["register"]

MAX_SETS = 50
MAX_HISTORY_DAYS = 36_500  # a hundred years
# A decade of daily logs is a few MB of JSON; far above that is no legday backup.
MAX_BACKUP_BYTES = 256 * 1024 * 1024


def register(app: typer.Typer) -> None:
    for name, command in (
        ("log", log),
        ("history", history),
        ("progress", progress),
        ("backup", backup),
        ("restore", restore),
    ):
        app.command(name)(command)


# --- the logbook -----------------------------------------------------------------------


def log(
    athlete: AthleteOpt = None,
    on: DateOpt = None,
    exercise: Annotated[str | None, typer.Option("--exercise", "-e", help="Exercise id.")] = None,
    sets: Annotated[int, typer.Option(help="How many identical sets.", min=1, max=50)] = 1,
    reps: Annotated[int | None, typer.Option(help="Reps per set.", min=0, max=100)] = None,
    load: Annotated[
        float | None, typer.Option(help="Load in kg (omit for bodyweight).", min=0, max=500)
    ] = None,
    seconds: Annotated[
        int | None, typer.Option(help="Seconds held, for timed work.", min=0, max=3600)
    ] = None,
    rpe: Annotated[float | None, typer.Option(help="Effort 1-10.", min=1, max=10)] = None,
    rir: Annotated[
        int | None, typer.Option(help="Reps in reserve (instead of RPE).", min=0, max=10)
    ] = None,
    bad_form: Annotated[bool, typer.Option("--bad-form", help="Form broke down.")] = False,
    pain: Annotated[int, typer.Option(help="Pain 0-10.", min=0, max=10)] = 0,
    side: Annotated[str, typer.Option(help="left, right or both.")] = "both",
    note: Annotated[str, typer.Option(help="A note for the set(s).")] = "",
    care: Annotated[
        str | None,
        typer.Option(help="The day's care routine done, e.g. achilles (worst pain: --pain)."),
    ] = None,
    morning_pain: Annotated[
        int | None,
        typer.Option(help="Pain 0-10 the morning after the last care routine.", min=0, max=10),
    ] = None,
) -> None:
    """Log sets: with --exercise from flags (scripts), else prompts with the plan's defaults.

    Pain of 4/10 or more prints the advice to see a physiotherapist or doctor at once.
    A care routine: `--care PROBLEM --pain N` (worst pain during it), and the next
    morning `--morning-pain N`; a change of stage, or a stop, re-plans from tomorrow.

    Example: legday log -e goblet-squat --sets 3 --reps 10 --load 12 --rpe 7
    Example: legday log --care achilles --pain 3   (then: legday log --morning-pain 1)
    """
    from legday.progression import SetLog

    day = parse_date(on)
    if care is not None or morning_pain is not None:
        if exercise is not None:
            raise InputError("care", "log a care routine or sets of --exercise, not both")
        _log_care(athlete, day, care, pain, morning_pain)
        return
    with open_logbook() as (logbook, db):
        name = resolve_athlete(logbook, db, athlete)
        if exercise is not None:
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
    _pain_advice(logged)


def _log_care(
    athlete: str | None, day: date, care: str | None, pain: int, morning_pain: int | None
) -> None:
    """`--care` records the day's routine; `--morning-pain` the morning after the last one."""
    from legday.care.monitoring import CareAction

    with open_logbook() as (logbook, db):
        name = resolve_athlete(logbook, db, athlete)
        if morning_pain is not None:
            done = logbook.log_morning_pain(name, morning_pain, day, parse_date(None), care)
            what = f"next-morning pain {morning_pain}/10"
        else:
            assert care is not None  # the caller checked one of the two is given
            done = logbook.log_care(name, care, day, pain, parse_date(None))
            what = f"pain {pain}/10"
    record, status = done.record, done.status
    typer.echo(
        f"logged {record.injury} care (stage {record.stage}) of {record.day.isoformat()}: {what}"
    )
    mark = "!" if status.action is CareAction.STOP else " "
    typer.echo(f"{mark} {status.reason}")
    if done.version is not None:
        typer.echo(f"re-planned: plan version {done.version}")


def _pain_advice(logged: list[SetLog]) -> None:
    from legday.progression import PAIN_SEEK_ADVICE

    worst = max(logged, key=lambda s: s.pain, default=None)
    if worst is not None and worst.pain >= PAIN_SEEK_ADVICE:
        typer.echo(
            f"! pain {worst.pain}/10 in {worst.exercise}: stop any exercise that hurts and see "
            "a physiotherapist or doctor; the next sessions go easier on that area "
            "until it is logged pain-free"
        )


def _ask(label: str, default: float, limits: tuple[float, float], *, real: bool = False) -> Any:
    """Prompt until the answer lies within the limits a SetLog accepts."""
    low, high = limits
    while True:
        value = typer.prompt(label, default=default, type=float if real else int)
        if low <= value <= high:
            return value
        typer.echo(f"  between {low:g} and {high:g}, please")


def _prompt_sets(logbook: Logbook, name: str, day: date) -> list[Any]:
    from legday.progression import LIMITS, SetLog, parse_load

    view = logbook.today(name, day)
    if view.session is None:
        raise InputError("date", f"no session planned on {day}; use --exercise to log anyway")
    found: list[SetLog] = []
    for p in view.session.main:
        typer.echo(f"{p.exercise} ({p.load}, RPE <= {p.target_rpe})")
        done = _ask("  sets done (0 to skip)", p.sets, (0, MAX_SETS))
        planned = parse_load(p.load)
        sides = ("left", "right") if p.per_side else ("both",)
        for number in range(1, done + 1):
            for where in sides:
                label = f"  set {number}" + (f" {where}" if p.per_side else "")
                reps = None if p.reps is None else _ask(f"{label} reps", p.reps, LIMITS["reps"])
                secs = (
                    None
                    if p.seconds is None
                    else _ask(f"{label} seconds", p.seconds, LIMITS["seconds"])
                )
                kg = _ask(
                    f"{label} kg (0 = none)",
                    planned.kg if planned else 0.0,
                    LIMITS["load_kg"],
                    real=True,
                )
                effort = _ask(f"{label} RPE", float(p.target_rpe), LIMITS["rpe"], real=True)
                ok = typer.confirm(f"{label} form good?", default=True)
                hurt = _ask(f"{label} pain 0-10", 0, LIMITS["pain"])
                found.append(
                    SetLog(p.exercise, day, where, reps, kg or None, secs, effort, None, ok, hurt)
                )
    return found


def history(
    athlete: AthleteOpt = None,
    days: Annotated[
        int, typer.Option(help="How many days back.", min=0, max=MAX_HISTORY_DAYS)
    ] = 28,
) -> None:
    """Performed and skipped sessions with their sets.

    Example: legday history --days 14
    """
    from datetime import timedelta

    end = parse_date(None)
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


# --- backup ----------------------------------------------------------------------------


def backup(
    output: Annotated[Path, typer.Option("-o", "--output", help="JSON file to write.")],
) -> None:
    """Write the whole logbook as versioned JSON (legday.backup/1).

    Example: legday backup -o legday-backup.json
    """
    from legday.exports._files import write_atomic
    from legday.store.backup import dump

    with open_logbook() as (_logbook, db):
        data = dump(db.engine)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    write_atomic(output, text.encode("utf-8"))  # whole or nothing; no temp file left behind
    rows = sum(len(rows) for rows in data["tables"].values())
    typer.echo(f"backed up {rows} rows to {output}")


def restore(file: Annotated[Path, typer.Argument(help="A file from `legday backup`.")]) -> None:
    """Restore a backup into an empty database (all or nothing).

    Example: legday restore legday-backup.json  (set LEGDAY_DATABASE_URL to pick the target)
    """
    from legday.files import read_limited
    from legday.store.backup import restore as load

    raw = read_limited(file, limit=MAX_BACKUP_BYTES, what="backup").data
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError as error:
        raise InputError(str(file), f"not JSON: {error}") from None
    with open_logbook() as (_logbook, db):
        rows = load(db.engine, data)
    typer.echo(f"restored {rows} rows")
