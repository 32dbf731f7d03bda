"""`legday export`: turn a plan into FIT workouts, a calendar, a printout or Markdown.

The plan is a `legday.plan/1` JSON file (as written by `legday plan --format json`), or,
without one, the logbook's current plan for `--athlete` (else the current athlete) with
the next prescriptions its logged sets give. Every command writes its output whole or not
at all, so a subscribed calendar or a synced watch folder never sees a half-written file.
Each format's writer comes from the registry in `legday.exports.formats`, through
`legday.planning.Planning`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from legday.model import Plan
    from legday.planning import Planning

__all__ = ["register"]

PlanArg = Annotated[
    Path | None,
    typer.Argument(
        metavar="[PLAN.json]",
        help="A plan written by `legday plan --format json`; without it, the logbook's.",
        show_default=False,
    ),
]
AthleteOpt = Annotated[
    str | None,
    typer.Option(
        "--athlete",
        "-a",
        metavar="NAME",
        help="The logbook athlete whose current plan to export (default: the current one); "
        "with a plan file, the name that keeps each athlete's events apart.",
    ),
]
FileOut = Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="File to write.")]
NoPictures = Annotated[bool, typer.Option("--no-pictures", help="Leave the exercise pictures out.")]


def register(app: typer.Typer) -> None:
    export = typer.Typer(
        help="Export a plan (a file, or the logbook's): FIT workouts, iCalendar, printable "
        "HTML or Markdown.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    export.command("fit")(fit)
    export.command("ics")(ics)
    export.command("html")(html)
    export.command("md")(md)
    app.add_typer(export, name="export")


def _load(plan_file: Path | None, athlete: str | None) -> tuple[Plan, Planning, str]:
    """The plan, the service that writes it and the athlete's name (\"\" for a file
    without one)."""
    from legday.bootstrap import planning

    service = planning()
    if plan_file is not None:
        return service.read_plan_file(plan_file), service, athlete or ""
    from legday.cli.logbook import open_logbook, parse_date, resolve_athlete

    with open_logbook() as (logbook, db):
        name = resolve_athlete(logbook, db, athlete)
        return logbook.current_plan(name, parse_date(None)), service, name


def _done(what: str, path: Path) -> None:
    typer.echo(f"wrote {what} to {path}")


def fit(
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="DIR", help="Folder for the .fit files.")
    ],
    plan_file: PlanArg = None,
    athlete: AthleteOpt = None,
) -> None:
    """Write one Garmin FIT workout per strength session and care routine into DIR.

    Example: legday export fit plan.json -o workouts/  (then copy to GARMIN/NewFiles);
    the logbook's plan: legday export fit --athlete sam -o workouts/
    """
    plan, service, _name = _load(plan_file, athlete)
    written = service.write(plan, "fit", output)
    _done(f"{written} workout file(s)", output)


def ics(
    output: FileOut,
    plan_file: PlanArg = None,
    athlete: AthleteOpt = None,
    tz: Annotated[
        str | None,
        typer.Option("--tz", metavar="ZONE", help="IANA time zone, e.g. Europe/Berlin."),
    ] = None,
    reminder: Annotated[
        int,
        typer.Option(
            metavar="MINUTES", help="Alert this long before each session and routine; 0: none."
        ),
    ] = 30,
) -> None:
    """Write the sessions and care routines as an iCalendar file to import or subscribe to.

    Example: legday export ics plan.json -o legday.ics --tz Europe/Berlin;
    the logbook's plan: legday export ics --athlete sam -o legday.ics
    """
    from legday.exports.formats import ExportOptions

    plan, service, name = _load(plan_file, athlete)
    service.write(plan, "ics", output, ExportOptions(tz=tz, athlete=name, reminder=reminder))
    _done(f"{len(plan.sessions)} session(s)", output)


def html(
    output: FileOut,
    plan_file: PlanArg = None,
    athlete: AthleteOpt = None,
    no_pictures: NoPictures = False,
) -> None:
    """Write a printable HTML page: the season at a glance, then each week (also for phones).

    Example: legday export html plan.json -o plan.html;
    the logbook's plan: legday export html --athlete sam -o plan.html
    """
    _printout("html", output, plan_file, athlete, pictures=not no_pictures)


def md(
    output: FileOut,
    plan_file: PlanArg = None,
    athlete: AthleteOpt = None,
    no_pictures: NoPictures = False,
) -> None:
    """Write the plan as Markdown, its pictures beside it in NAME-pictures/.

    Example: legday export md plan.json -o plan.md
    """
    _printout("md", output, plan_file, athlete, pictures=not no_pictures)


def _printout(
    fmt: str, output: Path, plan_file: Path | None, athlete: str | None, *, pictures: bool
) -> None:
    from legday.exports.formats import ExportOptions
    from legday.exports.printout import picture_folder

    plan, service, _name = _load(plan_file, athlete)
    drawn = service.write(plan, fmt, output, ExportOptions(pictures=pictures))
    _done(f"{len(plan.weeks)} week(s)", output)
    if drawn:
        _done(f"{drawn} picture(s)", picture_folder(output))
