"""`legday exercises`: the catalogue, all of it or one exercise."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from legday.catalogue import Catalogue
from legday.model import Exercise

__all__ = ["exercises_table", "register"]


class ListFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


exercises_app = typer.Typer(
    help="The exercise catalogue. Example: legday exercises --format json",
    invoke_without_command=True,
    no_args_is_help=False,
)


def register(app: typer.Typer) -> None:
    app.add_typer(exercises_app, name="exercises")


@exercises_app.callback()
def list_exercises(
    ctx: typer.Context,
    format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="table or json.")
    ] = ListFormat.TABLE,
) -> None:
    """List every exercise. Example: legday exercises --format json"""
    if ctx.invoked_subcommand is not None:
        return
    from legday.bootstrap import catalogue as load_catalogue
    from legday.catalogue.export import catalogue_json

    catalogue = load_catalogue()
    if format is ListFormat.JSON:
        typer.echo(json.dumps(catalogue_json(catalogue), indent=2, ensure_ascii=False))
        return
    from legday.cli.table import terminal_width

    typer.echo(exercises_table(catalogue, terminal_width()), nl=False)


# Below this width the seven columns squeeze the ids: each exercise gets its own lines.
FULL_TABLE_WIDTH = 110


def exercises_table(catalogue: Catalogue, width: int) -> str:
    """The catalogue fitted to `width`: a table when there is room for every column, else
    each id on a line of its own with its details wrapped below; ids are never cut."""
    import io
    import textwrap

    from rich.console import Console
    from rich.table import Table

    if width < FULL_TABLE_WIDTH:
        lines = [f"{len(catalogue)} exercises"]
        for e in catalogue:
            lines.append(e.id)
            details = (
                f"{e.name}; {e.kind.value}, {e.level.value}; "
                f"muscles: {', '.join(m.value for m in e.muscles)}; "
                f"equipment: {', '.join(q.value for q in e.equipment)}"
                + (f"; care: {', '.join(e.injury_care)}" if e.injury_care else "")
            )
            lines += textwrap.wrap(
                details, width, initial_indent="    ", subsequent_indent="    ",
                break_on_hyphens=False,
            )  # fmt: skip
        return "\n".join(lines) + "\n"
    table = Table(title=f"{len(catalogue)} exercises")
    longest = max((len(e.id) for e in catalogue), default=2)
    table.add_column("id", no_wrap=True, min_width=longest)
    for column in ("name", "kind", "muscles", "level", "equipment", "care"):
        table.add_column(column, overflow="fold")
    for e in catalogue:
        table.add_row(
            e.id,
            e.name,
            e.kind.value,
            ", ".join(m.value for m in e.muscles),
            e.level.value,
            ", ".join(q.value for q in e.equipment),
            ", ".join(e.injury_care),
        )
    out = io.StringIO()
    Console(file=out, width=width, force_terminal=False, highlight=False).print(table)
    return out.getvalue()


@exercises_app.command("show")
def show(
    exercise_id: Annotated[
        str, typer.Argument(metavar="ID", help="Exercise id, e.g. wall-toe-raise.")
    ],
    format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="table or json.")
    ] = ListFormat.TABLE,
    picture: Annotated[
        Path | None,
        typer.Option("--picture", help="Also write the exercise's picture here (SVG)."),
    ] = None,
    still: Annotated[
        bool, typer.Option("--still", help="With --picture: key poses side by side, no motion.")
    ] = False,
    tempo: Annotated[
        str | None,
        typer.Option("--tempo", help="With --picture: animate at this D-P-L tempo, e.g. 3-1-2."),
    ] = None,
) -> None:
    """Show one exercise with its cues. Example: legday exercises show wall-toe-raise

    Example: legday exercises show goblet-squat --picture goblet-squat.svg --tempo 3-1-2
    """
    from legday.bootstrap import catalogue as load_catalogue
    from legday.catalogue.export import catalogue_json

    catalogue = load_catalogue()
    exercise: Exercise = catalogue[exercise_id]
    if picture is not None:
        _write_picture(exercise, picture, still=still, tempo=tempo)
    record = next(r for r in catalogue_json(catalogue)["exercises"] if r["id"] == exercise.id)
    if format is ListFormat.JSON:
        typer.echo(json.dumps(record, indent=2, ensure_ascii=False))
        return
    lines = [
        f"{exercise.name} ({exercise.id})",
        f"  kind: {exercise.kind.value}   level: {exercise.level.value}   tempo: {exercise.tempo}",
        f"  muscles: {', '.join(m.value for m in exercise.muscles)}",
        f"  equipment: {', '.join(q.value for q in exercise.equipment)}",
        f"  one-legged: {_yes(exercise.unilateral)}   balance: {_yes(exercise.balance)}",
    ]
    if exercise.description:
        lines.append(f"  {exercise.description}")
    lines.append("  cues:")
    lines.extend(f"   - {cue}" for cue in exercise.cues.as_list())
    if exercise.regressions:
        lines.append(f"  easier: {', '.join(exercise.regressions)}")
    if exercise.progressions:
        lines.append(f"  harder: {', '.join(exercise.progressions)}")
    if exercise.injury_care:
        lines.append(f"  care for: {', '.join(exercise.injury_care)}")
    for citation in exercise.evidence:
        lines.append(f"  evidence: {citation.source} ({citation.year}) {citation.note}".rstrip())
    typer.echo("\n".join(lines))


def _write_picture(exercise: Exercise, target: Path, *, still: bool, tempo: str | None) -> None:
    """Render with `legday.pictures` (imported only here) and write the file whole."""
    import re

    from legday.errors import InputError
    from legday.exports._files import write_atomic
    from legday.pictures.svg import exercise_svg

    if exercise.picture is None:
        raise InputError("picture", f"{exercise.id} has no picture yet")
    if tempo is not None and not re.fullmatch(r"[0-9]-[0-9]-[0-9X]", tempo):
        raise InputError("tempo", f"{tempo!r} is not D-P-L, e.g. 3-1-2")
    svg = exercise_svg(exercise, tempo=tempo, animate=not still)
    write_atomic(target, svg.encode("utf-8"))


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
