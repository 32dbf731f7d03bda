"""The one path to a printout: `legday plan --format md|html` and `legday export md|html`
both come here, so the two commands write the same document.

Pictures are still key-pose strips (they print; an animation does not), one per exercise
in the guide. The HTML page carries them inline so it stays one file to mail or print;
the Markdown links to SVG files written beside it, in `<name>-pictures/`, because a 3 KB
drawing on one line of Markdown is unreadable. Printed to the screen, Markdown goes
without pictures; `pictures=False` leaves them out of any output.
"""

from __future__ import annotations

import stat
from pathlib import Path

from legday.catalogue import Catalogue
from legday.errors import InputError
from legday.exports._describe import Picture, exercise_guide
from legday.exports._files import write_atomic
from legday.model import Plan

__all__ = ["FORMATS", "picture_folder", "render_printout", "write_printout"]

FORMATS = ("md", "html")


def picture_folder(output: Path) -> Path:
    """Where a Markdown file's pictures go: `plan.md` -> `plan-pictures/`."""
    return output.with_name(f"{output.stem}-pictures")


def render_printout(plan: Plan, catalogue: Catalogue, fmt: str, *, pictures: bool = True) -> str:
    """The document as text, for the screen: HTML with its pictures, Markdown without."""
    _check(fmt)
    if fmt == "html":
        return _html(plan, catalogue, _inline(catalogue) if pictures else None)
    from legday.exports.markdown import plan_to_markdown

    return plan_to_markdown(plan, catalogue)


def write_printout(
    plan: Plan, catalogue: Catalogue, fmt: str, output: Path, *, pictures: bool = True
) -> int:
    """Write the document to `output` (and a Markdown file's pictures beside it); the
    number of picture files written."""
    _check(fmt)
    if fmt == "html":
        write_atomic(output, render_printout(plan, catalogue, "html", pictures=pictures).encode())
        return 0
    from legday.exports.markdown import plan_to_markdown

    # a device or pipe (`-o /dev/stdout`) gets the text: no picture folder beside it
    if not pictures or _stream(output):
        write_atomic(output, plan_to_markdown(plan, catalogue).encode())
        return 0
    if not output.name:  # "" (Path(".")) or "/": no file to name the pictures' folder after
        raise InputError("output", f"no file name given in {str(output)!r}; give a file name")
    if not output.parent.is_dir():
        raise InputError("output", f"cannot write {output}: folder {output.parent} does not exist")
    folder = picture_folder(output)
    drawings = _drawings(plan, catalogue)
    try:
        if drawings:
            folder.mkdir(exist_ok=True)
    except OSError as error:
        raise InputError("output", f"cannot write {folder}: {error.strerror or error}") from None
    for exercise, svg in drawings.items():
        write_atomic(folder / f"{exercise}.svg", svg.encode())

    def picture(exercise: str) -> str:
        return f"{folder.name}/{exercise}.svg" if exercise in drawings else ""

    text = plan_to_markdown(plan, catalogue, picture=picture)
    write_atomic(output, text.encode())
    return len(drawings)


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"a printout is md or html, not {fmt!r}")


def _html(plan: Plan, catalogue: Catalogue, picture: Picture | None) -> str:
    from legday.exports.html import plan_to_html

    return plan_to_html(plan, catalogue, picture=picture)


def _inline(catalogue: Catalogue) -> Picture:
    from legday.pictures.hooks import inline_pictures

    return inline_pictures(catalogue, still=True)


def _drawings(plan: Plan, catalogue: Catalogue) -> dict[str, str]:
    """Each guide exercise's still picture; exercises without one are left out."""
    from legday.pictures.svg import exercise_svg

    drawings = {}
    for entry in exercise_guide(plan, catalogue):
        exercise = catalogue.get(entry.exercise)
        if exercise is not None and exercise.picture is not None:
            drawings[entry.exercise] = exercise_svg(exercise, animate=False).strip() + "\n"
    return drawings


def _stream(output: Path) -> bool:
    """A device or pipe (`-o /dev/stdout`): something there that is no regular file. A
    name the system refuses (too long) is no stream: writing it says why, in one line."""
    try:
        return not stat.S_ISREG(output.stat().st_mode)
    except OSError:
        return False
