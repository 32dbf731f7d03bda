"""`legday runs FILE`: show what legday read from a running calendar, and why.

Misclassified runs are the most likely cause of a badly placed strength session, so this
command prints every entry with the rule that decided its kind; fix one with `--kinds`.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from legday.calendars import Calendar

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("runs")(runs)


def _day(value: str | None, option: str) -> date | None:
    from legday.profiles import parse_date

    return None if value is None else parse_date(value, option)


def runs(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="An .ics or .csv calendar.")],
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
) -> None:
    """List every calendar entry with its activity, kind and the reason for it.

    Example: legday runs plan.ics --start 2027-01-04 --weeks 18 --kinds kinds.toml
    """
    from legday.calendars import calendar_span, read_calendar, read_overrides
    from legday.errors import InputError

    if output not in ("table", "json"):
        raise InputError("--format", f"{output!r}: use table or json")
    if weeks is not None and end is not None:
        raise InputError("--weeks", "give --weeks or --end, not both")
    first, last = _day(start, "--start"), _day(end, "--end")
    if first is None:
        span_first, span_last = calendar_span(file)
        first = span_first
        last = last or min(span_last, first + timedelta(days=730))
    if last is None:
        last = first + timedelta(days=7 * (weeks or 16) - 1)
    overrides = read_overrides(kinds) if kinds is not None else None
    calendar = read_calendar(file, first, last, tz=tz, overrides=overrides)
    if output == "json":
        typer.echo(json.dumps(_as_json(calendar, first, last), ensure_ascii=False, indent=2))
    else:
        _table(calendar, file, first, last)


def _as_json(calendar: Calendar, first: date, last: date) -> dict[str, object]:
    return {
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
            }
            for e in calendar.entries
        ],
    }


def _table(calendar: Calendar, file: Path, first: date, last: date) -> None:
    from rich.console import Console
    from rich.table import Table

    zone = calendar.timezone or "local time"
    table = Table(title=f"{file.name}: {first} – {last} ({zone})", title_justify="left")
    for column in ("date", "time", "title", "kind", "reason"):
        table.add_column(column, overflow="fold")
    for e in calendar.entries:
        clock = f"{e.start:%H:%M}–{e.end:%H:%M}" if e.start and e.end else "all day"
        if e.start and not e.end:
            clock = f"{e.start:%H:%M}"
        what = e.kind.value if e.activity == "run" and e.kind else e.activity
        if e.priority and e.kind is not None and e.kind.value == "race":
            what = f"race {e.priority}"
        table.add_row(f"{e.day:%a %Y-%m-%d}", clock, e.title, what, e.reason)
    console = Console()
    console.print(table)
    counted = len(calendar.runs())
    console.print(f"{len(calendar.entries)} entries, {counted} count as runs or strength days")
