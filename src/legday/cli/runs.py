"""`legday runs FILE|URL`: show what legday read from a running calendar, and why.

Misclassified runs are the most likely cause of a badly placed strength session, so this
command prints every entry with the rule that decided its kind and how sure that reading
is; the entries legday was unsure of come after the table with the override line that
settles each (`--unsure-overrides FILE` writes them as a file for `--kinds`).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from legday.calendars import Calendar
    from legday.calendars.fixes import Unsure

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("runs")(runs)


def _day(value: str | None, option: str) -> date | None:
    from legday.profiles import parse_date

    return None if value is None else parse_date(value, option)


def runs(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE|URL",
            help="An .ics or .csv calendar, or a feed address (https://, webcal://).",
        ),
    ],
    start: Annotated[
        str | None, typer.Option("--start", metavar="DATE", help="First day (YYYY-MM-DD).")
    ] = None,
    weeks: Annotated[
        int | None, typer.Option("--weeks", min=1, max=104, help="Weeks to show from --start.")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--end", metavar="DATE", help="Last day (YYYY-MM-DD).")
    ] = None,
    kinds: Annotated[
        Path | None,
        typer.Option("--kinds", metavar="FILE", help="Override file (TOML) for run kinds."),
    ] = None,
    tz: Annotated[
        str | None,
        typer.Option("--tz", metavar="ZONE", help="Show times in this IANA zone."),
    ] = None,
    output: Annotated[
        str, typer.Option("--format", metavar="table|json", help="Output format.")
    ] = "table",
    unsure_overrides: Annotated[
        Path | None,
        typer.Option(
            "--unsure-overrides",
            metavar="FILE",
            help="Write the fixes for the unsure entries as an override file for --kinds.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Let --unsure-overrides replace an existing file.")
    ] = False,
) -> None:
    """List every calendar entry with its activity, kind, how sure legday is and why.

    Example: legday runs plan.ics --start 2027-01-04 --weeks 18 --kinds kinds.toml
    --unsure-overrides unsure.toml

    Example: legday runs webcal://example.com/feed.ics --weeks 4
    """
    from legday.bootstrap import planning
    from legday.errors import InputError

    if output not in ("table", "json"):
        raise InputError("--format", f"{output!r}: use table or json")
    service = planning()
    if unsure_overrides is not None:
        service.check_overrides_target(unsure_overrides, file, kinds, force)
    if weeks is not None and end is not None:
        raise InputError("--weeks", "give --weeks or --end, not both")
    first, last = _day(start, "--start"), _day(end, "--end")
    read = service.read(file, first, last, weeks, kinds, tz)
    calendar, first, last, unsure = read.calendar, read.first, read.last, read.unsure
    if unsure_overrides is not None:
        written = service.write_overrides(unsure_overrides, unsure, file)
        typer.echo(f"legday: wrote {written} override line(s) to {unsure_overrides}", err=True)
    if output == "json":
        data = _as_json(calendar, first, last, unsure)
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _table(calendar, file, first, last, unsure)


def _as_json(
    calendar: Calendar, first: date, last: date, unsure: list[Unsure]
) -> dict[str, object]:
    from legday.calendars.entry import confidence_word

    data: dict[str, object] = {
        "start": first.isoformat(),
        "end": last.isoformat(),
        "timezone": calendar.timezone,
        "entries": [
            {
                "date": e.day.isoformat(),
                "start": e.start.strftime("%H:%M") if e.start else None,
                "end": e.end.strftime("%H:%M") if e.end else None,
                "minutes": e.minutes,
                "title": e.title,
                "activity": e.activity,
                "kind": e.kind.value if e.kind else None,
                "priority": e.priority,
                "reason": e.reason,
                "source": e.source,
                "confidence": e.confidence,
                "sure": confidence_word(e.confidence),
            }
            for e in calendar.entries
        ],
    }
    if unsure:
        from legday.calendars.fixes import unsure_json

        data["unsure"] = unsure_json(unsure)
    else:
        data["unsure"] = []
    return data


def _table(calendar: Calendar, file: str, first: date, last: date, unsure: list[Unsure]) -> None:
    from rich.console import Console
    from rich.table import Table

    from legday.calendars.entry import confidence_word
    from legday.planning import shown_name

    zone = calendar.timezone or "local time"
    title = f"{shown_name(file)}: {first} – {last} ({zone})"
    table = Table(title=title, title_justify="left")
    table.add_column("date", no_wrap=True)
    for column in ("time", "title", "kind", "sure", "reason"):
        table.add_column(column, overflow="fold")
    for e in calendar.entries:
        clock = f"{e.start:%H:%M}–{e.end:%H:%M}" if e.start and e.end else "all day"
        if e.start and not e.end:
            clock = f"{e.start:%H:%M}"
        what = e.kind.value if e.activity == "run" and e.kind else e.activity
        if e.priority and e.kind is not None and e.kind.value == "race":
            what = f"race {e.priority}"
        sure = confidence_word(e.confidence)
        table.add_row(f"{e.day:%a %Y-%m-%d}", clock, e.title, what, sure, e.reason)
    from legday.cli.table import terminal_width

    console = Console(width=terminal_width(), highlight=False)
    console.print(table)
    runs = calendar.runs()
    busy = sum(1 for r in runs if r.busy)
    console.print(
        f"{len(calendar.entries)} entries, {len(runs) - busy} count as runs or strength days, "
        f"{busy} as busy time"
    )
    if unsure:
        _check_these(console, unsure)


def _check_these(console: Console, unsure: list[Unsure]) -> None:
    """The unsure entries, then their fixes as lines to paste into an override file."""
    from legday.calendars.fixes import CHECK_INTRO, fix_lines, fixes_of

    fixes = fixes_of(unsure)
    console.print()
    console.print(f"Check these entries ({len(unsure)} unsure):", markup=False)
    for fix in fixes:
        console.print(f"  {fix.describe()}", markup=False)
    console.print()
    console.print(CHECK_INTRO, markup=False)
    console.print()
    for line in fix_lines(fixes):
        console.print(line, markup=False, soft_wrap=True)
