"""`legday export`: turn a plan file into FIT workouts, a calendar, a printout or Markdown.

Every command reads a `legday.plan/1` JSON file (as written by `legday plan --format json`)
and writes its output whole or not at all, so a subscribed calendar or a synced watch
folder never sees a half-written file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from legday.catalogue import Catalogue
    from legday.model import Plan

__all__ = ["register"]

PlanArg = Annotated[
    Path, typer.Argument(metavar="PLAN.json", help="A plan written by `legday plan --format json`.")
]
FileOut = Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="File to write.")]


def register(app: typer.Typer) -> None:
    export = typer.Typer(
        help="Export a plan: FIT workouts, iCalendar, printable HTML or Markdown.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    export.command("fit")(fit)
    export.command("ics")(ics)
    export.command("html")(html)
    export.command("md")(md)
    app.add_typer(export, name="export")


def _load(plan_file: Path) -> tuple[Plan, Catalogue]:
    from legday.catalogue.loader import load_catalogue
    from legday.exports.plan_json import read_plan_file

    return read_plan_file(plan_file), load_catalogue()


def _done(what: str, path: Path) -> None:
    typer.echo(f"wrote {what} to {path}")


def fit(
    plan_file: PlanArg,
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="DIR", help="Folder for the .fit files.")
    ],
) -> None:
    """Write one Garmin FIT workout per strength session into DIR.

    Example: legday export fit plan.json -o workouts/  (then copy to GARMIN/NewFiles)
    """
    from legday.errors import InputError
    from legday.exports.fit import write_fit_files

    plan, catalogue = _load(plan_file)
    if output.exists() and not output.is_dir():
        raise InputError("output", f"{output} is a file, not a folder")
    try:
        paths = write_fit_files(plan, catalogue, output)
    except OSError as error:
        raise InputError("output", f"cannot write {output}: {error.strerror or error}") from None
    _done(f"{len(paths)} workout file(s)", output)


def ics(
    plan_file: PlanArg,
    output: FileOut,
    tz: Annotated[
        str | None,
        typer.Option("--tz", metavar="ZONE", help="IANA time zone, e.g. Europe/Berlin."),
    ] = None,
    athlete: Annotated[
        str, typer.Option(help="Name that keeps each athlete's events apart in one calendar.")
    ] = "",
) -> None:
    """Write the strength sessions as an iCalendar file to import or subscribe to.

    Example: legday export ics plan.json -o legday.ics --tz Europe/Berlin
    """
    from legday.exports._files import write_atomic
    from legday.exports.ics import plan_to_ics

    plan, catalogue = _load(plan_file)
    write_atomic(output, plan_to_ics(plan, catalogue, tz=tz, athlete=athlete))
    _done(f"{len(plan.sessions)} session(s)", output)


def html(plan_file: PlanArg, output: FileOut) -> None:
    """Write a printable HTML page per week (also readable on a phone).

    Example: legday export html plan.json -o plan.html
    """
    from legday.exports._files import write_atomic
    from legday.exports.html import plan_to_html

    plan, catalogue = _load(plan_file)
    write_atomic(output, plan_to_html(plan, catalogue).encode("utf-8"))
    _done(f"{len(plan.weeks)} week(s)", output)


def md(plan_file: PlanArg, output: FileOut) -> None:
    """Write the plan as Markdown to print, paste into notes or send to a coach.

    Example: legday export md plan.json -o plan.md
    """
    from legday.exports._files import write_atomic
    from legday.exports.markdown import plan_to_markdown

    plan, catalogue = _load(plan_file)
    write_atomic(output, plan_to_markdown(plan, catalogue).encode("utf-8"))
    _done(f"{len(plan.weeks)} week(s)", output)
