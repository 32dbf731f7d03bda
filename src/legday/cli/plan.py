"""`legday plan`: read the running calendars, plan the strength season, print or write it.

No `from __future__ import annotations` here: Typer would evaluate every option's text
annotation twice per start (~4 ms for these twenty-odd); written as objects they cost once.
"""

from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from legday.model import Plan

__all__ = ["KindsOption", "PlanFormat", "TimeZoneOption", "register", "render_plan"]

# Shared with `legday check`, so a plan made with an override file or a zone is checked
# against the calendar read the same way.
KindsOption = Annotated[
    Path | None,
    typer.Option("--kinds", metavar="FILE", help="TOML file overriding how events are classified."),
]
TimeZoneOption = Annotated[
    str | None, typer.Option("--tz", help="Your time zone, e.g. Europe/Berlin.")
]


class PlanFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MD = "md"
    ICS = "ics"
    HTML = "html"


def register(app: typer.Typer) -> None:
    app.command("plan")(plan)


def plan(
    runs: Annotated[
        list[str] | None,
        typer.Option(
            "--runs",
            help="Running calendar: a file (.ics or .csv) or a feed address "
            "(https://, webcal://); repeatable.",
        ),
    ] = None,
    start: Annotated[
        str | None, typer.Option(help="First day, YYYY-MM-DD (default: next Monday).")
    ] = None,
    weeks: Annotated[int | None, typer.Option(help="Length in weeks (default 16).")] = None,
    sessions: Annotated[
        int | None, typer.Option(help="Sessions a week: 2 or 3 (default: by phase).")
    ] = None,
    injury: Annotated[
        list[str] | None,
        typer.Option("--injury", help="A problem to care for, e.g. shin-splints; repeatable."),
    ] = None,
    equipment: Annotated[
        str | None, typer.Option(help="Comma list: dumbbells,band,step,...")
    ] = None,
    level: Annotated[str | None, typer.Option(help="beginner, intermediate or advanced.")] = None,
    minutes: Annotated[int | None, typer.Option(help="Minutes per session (default 45).")] = None,
    days: Annotated[
        str | None, typer.Option(help="Days you may train, e.g. mon,wed,fri,sat.")
    ] = None,
    window: Annotated[
        list[str] | None,
        typer.Option(
            "--window",
            help="When a session fits on a weekday, e.g. mon=06:00-08:00 or "
            "default=06:00-21:30; repeatable, replaces the profile's windows.",
        ),
    ] = None,
    recovery_every: Annotated[
        int | None, typer.Option(help="Recovery week every N weeks (3-6, default 4).")
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Same inputs + seed give the same plan.")] = None,
    dominant_leg: Annotated[
        str | None, typer.Option(help="left or right: one-legged work starts on the other.")
    ] = None,
    race: Annotated[
        list[str] | None,
        typer.Option(
            "--race",
            help="A race day, optionally with its priority: DATE[:A|B|C] (A goal, B tune-up, "
            "C short/club; default A), e.g. 2027-04-25:A; repeatable. Sets the priority of a "
            "calendar race on that day too.",
        ),
    ] = None,
    age: Annotated[
        int | None, typer.Option(help="Your age in years (10-100); 50+ plans as masters.")
    ] = None,
    event: Annotated[
        str | None,
        typer.Option(
            help="Your main event: 5k, 10k, half, marathon, ultra, trail, track, cross-country."
        ),
    ] = None,
    dumbbells: Annotated[
        str | None, typer.Option(help="Dumbbells you own, kg each, e.g. 4,6,8,10.")
    ] = None,
    kettlebells: Annotated[
        str | None, typer.Option(help="Kettlebells you own, kg each, e.g. 12,16.")
    ] = None,
    plates: Annotated[
        str | None,
        typer.Option(help="Barbell plates, kg, one per pair, e.g. 2.5,5,10,10."),
    ] = None,
    bar: Annotated[
        str | None, typer.Option(help="Your barbell's weight in kg (5-30, default 20).")
    ] = None,
    bodyweight: Annotated[
        str | None,
        typer.Option(help="Your body weight in kg (30-200): the barbell's first loads."),
    ] = None,
    kinds: KindsOption = None,
    tz: TimeZoneOption = None,
    profile: Annotated[Path | None, typer.Option(help="Profile TOML; flags win over it.")] = None,
    format: Annotated[
        PlanFormat, typer.Option("--format", "-f", help="Output format.")
    ] = PlanFormat.TABLE,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of printing.")
    ] = None,
) -> None:
    """Plan leg-strength sessions around your running calendar.

    Example: legday plan --runs my-plan.ics --start 2027-01-04 --weeks 18
    --injury shin-splints --equipment bodyweight,dumbbells --format json -o plan.json
    """
    from legday.bootstrap import planning
    from legday.exports.formats import ExportOptions
    from legday.profiles import build_profile, layered

    values = layered(
        profile,
        {
            "runs": runs or None,
            "start": start,
            "weeks": weeks,
            "sessions": sessions,
            "injuries": injury,
            "equipment": equipment,
            "level": level,
            "minutes": minutes,
            "days": days,
            "windows": window,
            "recovery_every": recovery_every,
            "seed": seed,
            "races": race,
            "dominant_leg": dominant_leg,
            "age": age,
            "event": event,
            "dumbbells": dumbbells,
            "kettlebells": kettlebells,
            "plates": plates,
            "bar": bar,
            "bodyweight": bodyweight,
            "timezone": tz,
            "kinds": [str(kinds)] if kinds else None,
        },
    )
    athlete = build_profile(values, default_start=_next_monday(date.today()))
    service = planning()
    calendars = [str(p) for p in values.get("runs", [])]
    kinds_file = Path(values["kinds"][0]) if values.get("kinds") else None
    result = service.plan(athlete, calendars, kinds_file)
    if output is not None and format is not PlanFormat.TABLE:
        # Markdown and HTML put their pictures beside the file
        service.write(result, format.value, output, ExportOptions(tz=athlete.timezone))
    else:
        _emit(render_plan(result, format, tz=athlete.timezone), output)
    _note_unsure(result)
    _note_race_days(result, athlete.races)
    hard = [v for v in result.violations if v.hard]
    if hard:
        typer.echo(
            f"legday: note: {len(hard)} rule(s) could not be met; see the plan's violations",
            err=True,
        )


def render_plan(result: Plan, format: PlanFormat, *, tz: str | None = None) -> str | bytes:
    """The plan as text: the table is the terminal's own; every other format comes from
    the export registry (`legday.exports.formats`), the same as `legday export`'s."""
    from legday.bootstrap import planning
    from legday.exports.formats import ExportOptions

    service = planning()
    if format is PlanFormat.TABLE:
        from legday.cli.table import plan_table

        return plan_table(result, service.catalogue())
    return service.render(result, format.value, ExportOptions(tz=tz))


def _emit(text: str | bytes, output: Path | None) -> None:
    if output is None:
        if isinstance(text, bytes):
            typer.echo(text.decode("utf-8"), nl=False)
        else:
            typer.echo(text, nl=False)
        return
    from legday.exports._files import write_atomic

    write_atomic(output, text.encode("utf-8") if isinstance(text, str) else text)


def _note_unsure(result: Plan) -> None:
    """A line on stderr when a reading was unsure: an .ics or a file written with -o shows
    no "Check these entries" on the screen."""
    from legday.calendars.entry import UNSURE

    unsure = sum(1 for r in result.runs if r.confidence < UNSURE)
    if unsure:
        entries = "entry" if unsure == 1 else "entries"
        typer.echo(
            f"legday: note: unsure how to read {unsure} calendar {entries}; `legday runs FILE`"
            " lists them with the override line that settles each",
            err=True,
        )


def _note_race_days(result: Plan, given: tuple[date, ...]) -> None:
    """A line on stderr when --race and the calendar disagree: a race day typed a week off
    turns a long run into a race and leaves the real race planned as a second goal."""
    from legday.model import RunKind

    if not given:
        return
    for day in sorted(given):
        runs = [r for r in result.runs if r.day == day]
        if runs and not any(r.kind is RunKind.RACE for r in runs):
            read = "; ".join(f"{r.title!r}, read as {r.kind.value}" for r in runs)
            typer.echo(
                f"legday: note: --race {day}: the calendar has no race that day ({read});"
                " it is planned as a race day",
                err=True,
            )
    for race in result.race_days:
        if race.priority == "A" and race.day not in given:
            typer.echo(
                f"legday: note: {race.title!r} on {race.day} is a race in the calendar but"
                f" not in --race; it is planned as a goal (A): add --race {race.day}:B"
                " (or :C) if it is a tune-up",
                err=True,
            )


def _next_monday(today: date) -> date:
    return today + timedelta(days=-today.weekday() % 7)
