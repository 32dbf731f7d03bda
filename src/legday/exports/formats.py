"""Every export format by name: one registry, so a command picks a writer by looking it up
rather than by a chain of ifs, and a new format is one entry here.

A format can `render` a plan to one text (for the screen or a single file) and `write` it
to a path: a file, or for FIT a folder of workouts. Each writer imports its library when
called, so importing the registry costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from legday.catalogue import Catalogue
    from legday.model import Plan

__all__ = ["FORMATS", "ExportOptions", "Format"]


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What a runner may choose about an export; a format ignores what it has no use for."""

    tz: str | None = None  # iCalendar: pin times to this zone (default: the plan's)
    athlete: str = ""  # iCalendar: keeps a coach's athletes' events apart
    reminder: int | None = None  # iCalendar: minutes of warning; None: the writer's default
    pictures: bool = True  # Markdown and HTML: draw the exercises


Render = Callable[["Plan", "Catalogue", ExportOptions], "str | bytes"]
# -> how many files it wrote besides the document itself (FIT: the workouts; Markdown and
# HTML: the pictures)
Write = Callable[["Plan", "Catalogue", Path, ExportOptions], int]


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    render: Render | None  # None: no single text (FIT is a folder of files)
    write: Write


def _json(plan: Plan, _catalogue: Catalogue, _options: ExportOptions) -> str:
    from legday.exports.jsontext import dumps_indented
    from legday.exports.plan_json import plan_to_json

    return dumps_indented(plan_to_json(plan)) + "\n"


def _ics(plan: Plan, catalogue: Catalogue, options: ExportOptions) -> bytes:
    from legday.exports.ics import plan_to_ics

    if options.reminder is None:
        return plan_to_ics(plan, catalogue, tz=options.tz, athlete=options.athlete)
    return plan_to_ics(
        plan, catalogue, tz=options.tz, athlete=options.athlete, reminder=options.reminder
    )


def _printout(fmt: str) -> tuple[Render, Write]:
    """Markdown or HTML: the same document from `legday plan` and `legday export`."""

    def render(plan: Plan, catalogue: Catalogue, options: ExportOptions) -> str:
        from legday.exports.printout import render_printout

        return render_printout(plan, catalogue, fmt, pictures=options.pictures)

    def write(plan: Plan, catalogue: Catalogue, output: Path, options: ExportOptions) -> int:
        from legday.exports.printout import write_printout  # pictures go beside the file

        return write_printout(plan, catalogue, fmt, output, pictures=options.pictures)

    return render, write


def _whole(render: Render) -> Write:
    """A format whose file is its one text, written whole or not at all."""

    def write(plan: Plan, catalogue: Catalogue, output: Path, options: ExportOptions) -> int:
        from legday.exports._files import write_atomic

        text = render(plan, catalogue, options)
        write_atomic(output, text.encode("utf-8") if isinstance(text, str) else text)
        return 0

    return write


def _fit(plan: Plan, catalogue: Catalogue, output: Path, _options: ExportOptions) -> int:
    """One workout per session and care routine into the folder `output`."""
    from legday.errors import InputError
    from legday.exports.fit import write_fit_files

    try:
        if output.exists() and not output.is_dir():  # a too-long name raises here
            raise InputError("output", f"{output} is a file, not a folder")
        return len(write_fit_files(plan, catalogue, output))
    except OSError as error:
        raise InputError("output", f"cannot write {output}: {error.strerror or error}") from None


def _formats() -> dict[str, Format]:
    md, html = _printout("md"), _printout("html")
    return {
        "json": Format("json", _json, _whole(_json)),
        "ics": Format("ics", _ics, _whole(_ics)),
        "md": Format("md", *md),
        "html": Format("html", *html),
        "fit": Format("fit", None, _fit),
    }


FORMATS: Mapping[str, Format] = _formats()
