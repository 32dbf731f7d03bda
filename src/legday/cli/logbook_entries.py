"""Logbook commands that record and read back: log, history, progress, backup, restore.

Thin like `legday.cli.logbook` (which picks the athlete): parse, call the services that
`legday.bootstrap` wires (`Logbook`; `Maintenance` for backup and restore), print. Every
number a user types is bounded here too, so a typo is one line on stderr and exit code 2,
never a traceback or a silly prescription.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from legday.cli.logbook import AthleteOpt, DateOpt, open_logbook, parse_date, resolve_athlete
from legday.errors import InputError

if TYPE_CHECKING:
    from legday.progression import SetLog
    from legday.services import AsDone, Logbook

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
    done: Annotated[
        bool,
        typer.Option(
            "--done",
            help="The day's session done as prescribed (as `legday today` shows it); "
            "differences with --set.",
        ),
    ] = False,
    changed: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="With --done, how one exercise differed: ID=PART[,PART...], PART one of "
            "SETSxREPS, SETSxSECONDSs, @KG, rpe=N, rir=N, pain=N, bad-form or skip, e.g. "
            "goblet-squat=3x5@14 or side-plank=2x30s,rpe=8; repeatable.",
        ),
    ] = None,
    exercise: Annotated[str | None, typer.Option("--exercise", "-e", help="Exercise id.")] = None,
    sets: Annotated[
        int | None, typer.Option(help="How many identical sets (default 1).", min=1, max=50)
    ] = None,
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
    pain: Annotated[int | None, typer.Option(help="Pain 0-10.", min=0, max=10)] = None,
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
    """Log sets: the whole session with --done, one exercise with --exercise (scripts), or
    at prompts that ask "as prescribed?" per exercise.

    With --done, --rpe/--rir, --pain and --bad-form apply to every exercise that its own
    --set does not change. Pain of 4/10 or more prints the advice to see a physiotherapist
    or doctor at once. A care routine: `--care PROBLEM --pain N` (worst pain during it),
    and the next morning `--morning-pain N`; a change of stage, or a stop, re-plans.

    Example: legday log --done --set goblet-squat=3x8@14 --set side-plank=skip
    Example: legday log -e goblet-squat --sets 3 --reps 10 --load 12 --rpe 7
    Example: legday log --care achilles --pain 3   (then: legday log --morning-pain 1)
    """
    from legday.progression import SetLog

    day = parse_date(on)
    if care is not None or morning_pain is not None:
        if exercise is not None or done:
            raise InputError("care", "log a care routine or strength sets, not both")
        _log_care(athlete, day, care, pain or 0, morning_pain)
        return
    if changed and not done:
        raise InputError("set", "--set changes a session logged with --done")
    if done and exercise is not None:
        raise InputError("done", "--done logs the whole session; drop --exercise or --done")
    if exercise is None and not done and (reps, seconds, load, sets) != (None,) * 4:
        raise InputError("exercise", "which exercise? pass --exercise ID with the numbers")
    with open_logbook() as (logbook, db):
        name = resolve_athlete(logbook, db, athlete)
        if done:
            every = _every(rpe, rir, pain, bad_form)
            logged = logbook.log_done(name, day, _changes(changed or []), every, note)
            count = len(logged)
        else:
            if exercise is not None:
                if exercise not in logbook.catalogue:
                    raise InputError("exercise", f"unknown exercise id {exercise!r}")
                if reps is None and seconds is None:
                    raise InputError("reps", "give --reps (or --seconds for timed work)")
                one = SetLog(
                    exercise, day, side, reps, load, seconds, rpe, rir, not bad_form, pain or 0,
                    note,
                )  # fmt: skip
                logged = [one] * (sets or 1)
            elif _interactive():
                logged = _prompt_sets(logbook, name, day)
            else:
                raise InputError(
                    "exercise", "no terminal to prompt on; pass --done or --exercise and numbers"
                )
            count = logbook.log(name, logged) if logged else 0
    typer.echo(f"logged {count} set(s) for {day.isoformat()}")
    _pain_advice(logged)


def _interactive() -> bool:
    """Whether a person can answer prompts (tests replace this)."""
    return sys.stdin is not None and sys.stdin.isatty()


def _every(rpe: float | None, rir: int | None, pain: int | None, bad_form: bool) -> AsDone:
    from legday.services import AsDone

    return AsDone(rpe=rpe, rir=rir, pain=pain, form_ok=False if bad_form else None)


# Parts are split at commas, so decimals take a point: 7.5, never 7,5.
_KG = r"\d{1,4}(?:\.\d{1,3})?"
_DOSE = re.compile(
    r"^(?P<sets>\d{1,3})\s*[x×]\s*(?P<each>\d{1,5})\s*(?P<unit>s|sec|seconds?)?"
    rf"(?:\s*@\s*(?P<kg>{_KG})\s*(?:kg)?)?$",
    re.I,
)
_LOAD = re.compile(rf"^(?:@\s*(?P<at>{_KG})\s*(?:kg)?|(?P<kg>{_KG})\s*kg)$", re.I)
_NUMBER = re.compile(r"^(?P<key>rpe|rir|pain)\s*=?\s*(?P<value>\d{1,3}(?:\.\d)?)$", re.I)


def _changes(texts: list[str]) -> dict[str, AsDone]:
    """`--set ID=PART[,PART...]` options, each exercise once."""
    found: dict[str, AsDone] = {}
    for text in texts:
        exercise, _, spec = text.partition("=")
        exercise = exercise.strip()
        if not exercise or not spec.strip():
            raise InputError("set", f"{text!r} is not ID=PART, e.g. goblet-squat=3x8@14")
        if exercise in found:
            raise InputError("set", f"{exercise} is given twice")
        found[exercise] = parse_change(exercise, spec)
    return found


def parse_change(exercise: str, spec: str) -> AsDone:
    """One --set's parts: `3x8`, `3x30s`, `@14` (kg, or joined: `3x8@14`), `rpe=8`,
    `rir=2`, `pain=3`, `bad-form`, `skip`; every number within the logbook's bounds."""
    from legday.progression import LIMITS
    from legday.services import AsDone

    field = f"--set {exercise}"
    values: dict[str, Any] = {}
    for raw in spec.split(","):
        part = raw.strip()
        dose, load, number = _DOSE.match(part), _LOAD.match(part), _NUMBER.match(part)
        if part.lower() == "skip":
            values["skipped"] = True
        elif part.lower() == "bad-form":
            values["form_ok"] = False
        elif dose is not None:
            values["sets"] = int(dose["sets"])
            timed = dose["unit"] is not None
            values["seconds" if timed else "reps"] = int(dose["each"])
            if dose["kg"]:
                values["load_kg"] = float(dose["kg"])
        elif load is not None:
            values["load_kg"] = float(load["at"] or load["kg"])
        elif number is not None:
            key = number["key"].lower()
            value = float(number["value"])
            if key != "rpe" and not value.is_integer():
                raise InputError(field, f"{key} is a whole number, not {number['value']}")
            values[key] = value if key == "rpe" else int(value)
        else:
            raise InputError(
                field,
                f"{part!r} not understood; use SETSxREPS, SETSxSECONDSs, @KG, rpe=N, rir=N, "
                "pain=N, bad-form or skip",
            )
    bounds = {**LIMITS, "sets": (1.0, float(MAX_SETS))}
    for key, value in values.items():
        if key in bounds and not bounds[key][0] <= value <= bounds[key][1]:
            low, high = bounds[key]
            unit = " kg" if key == "load_kg" else " s" if key == "seconds" else ""
            shown = "load" if key == "load_kg" else key
            raise InputError(field, f"{shown} must be {low:g}-{high:g}{unit}, not {value:g}")
    return AsDone(**values)


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
    """One "as prescribed?" per exercise; only a "no" asks the numbers, once for all its
    sets: kilograms only for loaded work, seconds (not reps) for timed work."""
    from legday.cli.logbook import describe_prescription
    from legday.progression import LIMITS
    from legday.progression.loads import load_kg
    from legday.services import AsDone, sets_as_prescribed

    view = logbook.today(name, day)
    if view.session is None:
        raise InputError("date", f"no session planned on {day}; use --exercise to log anyway")
    if view.status == "done":
        raise InputError("date", f"{day} is already logged (see `legday history`)")
    found: list[SetLog] = []
    for p in view.session.main:
        typer.echo(describe_prescription(p))
        if typer.confirm("  as prescribed (all sets, good form, no pain)?", default=True):
            found += sets_as_prescribed(p, day, AsDone())
            continue
        count = _ask("  sets done (0 = skipped)", p.sets, (0, MAX_SETS))
        if count == 0:
            continue
        timed = p.reps is None
        if timed:
            dose = _ask("  seconds per set", p.seconds or 0, LIMITS["seconds"])
        else:
            dose = _ask("  reps per set", p.reps or 0, LIMITS["reps"])
        planned = load_kg(p)
        kg = None if planned is None else _ask("  kg", planned, LIMITS["load_kg"], real=True)
        effort = _ask("  RPE", float(p.target_rpe), LIMITS["rpe"], real=True)
        ok = typer.confirm("  form good?", default=True)
        hurt = _ask("  pain 0-10", 0, LIMITS["pain"])
        answer = AsDone(
            sets=count,
            reps=None if timed else dose,
            seconds=dose if timed else None,
            load_kg=kg,
            rpe=effort,
            pain=hurt,
            form_ok=ok,
        )
        found += sets_as_prescribed(p, day, answer)
    return found


def history(
    athlete: AthleteOpt = None,
    days: Annotated[
        int, typer.Option(help="How many days back.", min=0, max=MAX_HISTORY_DAYS)
    ] = 28,
) -> None:
    """Performed and skipped sessions with their sets, from DAYS ago on (sets dated after
    today included).

    Example: legday history --days 14
    """
    from datetime import timedelta

    now = parse_date(None)
    with open_logbook() as (logbook, db):
        name = resolve_athlete(logbook, db, athlete)
        performed = logbook.history(name, now - timedelta(days=days))
    if not performed:
        typer.echo("nothing logged yet")
    for p in performed:
        ahead = " (dated after today)" if p.day > now else ""
        typer.echo(f"{p.day.isoformat()} {p.status}{ahead}" + (f" - {p.note}" if p.note else ""))
        lines = [_set_line(s) for s in p.sets]
        for line, same in itertools.groupby(lines):  # identical sets in a row: "3 x"
            count = len(list(same))
            head, _, rest = line.partition(": ")
            typer.echo(f"  {head}: {f'{count} x ' if count > 1 else ''}{rest}")


def _set_line(s: SetLog) -> str:
    dose = f"{s.reps} reps" if s.reps is not None else f"{s.seconds} s"
    kg = f" @ {s.load_kg:g} kg" if s.load_kg is not None else ""
    effort = f" RPE {s.effort:g}" if s.effort is not None else ""
    flags = ("" if s.form_ok else " form!") + (f" pain {s.pain}" if s.pain else "")
    side = "" if s.side == "both" else f" ({s.side})"
    return f"{s.exercise}{side}: {dose}{kg}{effort}{flags}"


def progress(
    exercise: Annotated[str, typer.Argument(help="Exercise id, e.g. goblet-squat.")],
    athlete: AthleteOpt = None,
) -> None:
    """A terminal chart of one exercise: top load (or best reps) per session.

    Example: legday progress goblet-squat
    """
    with open_logbook() as (logbook, db):
        if exercise not in logbook.catalogue:
            hint = _hint(logbook, exercise)
            raise InputError("exercise", f"unknown exercise id {exercise!r}{hint}")
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


def _hint(logbook: Logbook, exercise: str) -> str:
    """ "; did you mean ...?" from the catalogue's ids, or where to find them."""
    import difflib

    ids = [e.id for e in logbook.catalogue]
    close = difflib.get_close_matches(exercise, ids, n=3, cutoff=0.6)
    if close:
        return f"; did you mean {' or '.join(close)}?"
    return " (see `legday exercises`)"


# --- backup ----------------------------------------------------------------------------


def backup(
    output: Annotated[Path, typer.Option("-o", "--output", help="JSON file to write.")],
) -> None:
    """Write the whole logbook as versioned JSON (legday.backup/1).

    Example: legday backup -o legday-backup.json
    """
    from legday.bootstrap import open_maintenance
    from legday.files import write_output

    with open_maintenance(must_exist=True) as maintenance:
        data = maintenance.backup()
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # whole or nothing, no temp file left behind; 0600: a backup holds feed tokens
    write_output(output, text.encode("utf-8"), private=True)
    rows = sum(len(rows) for rows in data["tables"].values())
    typer.echo(f"backed up {rows} rows to {output}")


def restore(file: Annotated[Path, typer.Argument(help="A file from `legday backup`.")]) -> None:
    """Restore a backup into an empty database (all or nothing).

    Example: legday restore legday-backup.json  (set LEGDAY_DATABASE_URL to pick the target)
    """
    from legday.bootstrap import open_maintenance
    from legday.boundary import BoundaryError, load_json
    from legday.files import read_limited

    raw = read_limited(file, limit=MAX_BACKUP_BYTES, what="backup").data
    try:
        data = load_json(raw)  # no NaN, Infinity, giant integers or lone surrogates
    except BoundaryError as error:
        raise InputError(str(file), str(error)) from None
    except ValueError as error:
        raise InputError(str(file), f"not JSON: {error}") from None
    with open_maintenance() as maintenance:
        rows = maintenance.restore(data)
    typer.echo(f"restored {rows} rows")
