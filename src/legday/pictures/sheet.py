"""The contact sheet: every exercise's picture on one page, for a person to review.

Run as `python -m legday.pictures.sheet [OUT_DIR] [--png]` (what `make pictures` does). It
writes `<id>.svg` (animated) and `<id>-still.svg` per exercise, `contact-sheet.svg` and
`contact-sheet.html` (the stills in a grid), and with `--png` a screenshot of the HTML page
taken by headless Chromium when one is installed. It installs nothing itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from html import escape
from pathlib import Path

from legday.model import Exercise

__all__ = ["CHROMIUM_FLAGS", "chromium", "contact_sheet_html", "main", "screenshot", "write_sheet"]

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)
_COLUMNS = 4
_CELL_WIDTH = 420


def chromium() -> str | None:
    """The Chromium binary to use, if any (`LEGDAY_CHROMIUM` overrides the search)."""
    named = os.environ.get("LEGDAY_CHROMIUM")
    if named:
        return named if Path(named).exists() else None
    for candidate in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


def contact_sheet_html(exercises: Sequence[Exercise]) -> str:
    """A grid of still pictures with the exercise ids, all inline so the page stands alone."""
    from legday.pictures.svg import still_svg

    cells = []
    for exercise in exercises:
        svg = still_svg(exercise)
        cells.append(
            f'<figure id="{escape(exercise.id)}">{svg}'
            f"<figcaption>{escape(exercise.id)} · {escape(exercise.kind.value)}"
            f"</figcaption></figure>"
        )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>legday exercise pictures</title><style>"
        "body{font:13px sans-serif;margin:12px;background:#fff}"
        f"main{{display:grid;grid-template-columns:repeat({_COLUMNS},{_CELL_WIDTH}px);gap:10px}}"
        "figure{margin:0;border:1px solid #dee2e6;padding:4px;height:190px;"
        "display:flex;flex-direction:column;justify-content:space-between}"
        "figure svg{width:100%;height:165px}figcaption{color:#495057;font-size:11px}"
        "</style></head><body>"
        f"<h1>legday: {len(exercises)} exercise pictures</h1><main>\n"
        + "\n".join(cells)
        + "\n</main></body></html>\n"
    )


def sheet_size(count: int) -> tuple[int, int]:
    """Window size that fits the whole grid in one screenshot."""
    rows = -(-count // _COLUMNS)
    return (_COLUMNS * (_CELL_WIDTH + 10) + 40, rows * 210 + 90)


def screenshot(html: Path, png: Path, size: tuple[int, int], *, binary: str) -> None:
    """Render `html` to `png` with headless Chromium, in a throwaway profile."""
    with tempfile.TemporaryDirectory(prefix="legday-chromium-") as profile:
        subprocess.run(
            [
                binary,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--screenshot={png.resolve()}",
                f"--window-size={size[0]},{size[1]}",
                html.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def write_sheet(out: Path, exercises: Sequence[Exercise], *, png: bool = False) -> list[Path]:
    """Write every picture and the contact sheet into `out`; return the files written."""
    from legday.exports._files import write_atomic
    from legday.pictures.svg import animated_svg, still_svg

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for exercise in exercises:
        for name, text in (
            (f"{exercise.id}.svg", animated_svg(exercise)),
            (f"{exercise.id}-still.svg", still_svg(exercise)),
        ):
            write_atomic(out / name, text.encode("utf-8"))
            written.append(out / name)
    html = out / "contact-sheet.html"
    write_atomic(html, contact_sheet_html(exercises).encode("utf-8"))
    written.append(html)
    if png:
        binary = chromium()
        if binary is None:
            raise FileNotFoundError("no Chromium found (install the `chromium` package)")
        target = out / "contact-sheet.png"
        screenshot(html, target, sheet_size(len(exercises)), binary=binary)
        written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m legday.pictures.sheet [OUT_DIR] [--png] [--only ID,ID]`."""
    args = list(sys.argv[1:] if argv is None else argv)
    png = "--png" in args
    only: set[str] = set()
    if "--only" in args:
        at = args.index("--only")
        only = set(args[at + 1].split(","))
        del args[at : at + 2]
    rest = [a for a in args if not a.startswith("--")]
    out = Path(rest[0]) if rest else Path("out/pictures")
    from legday.catalogue.loader import load_catalogue

    exercises = [e for e in load_catalogue() if e.picture and (not only or e.id in only)]
    try:
        written = write_sheet(out, exercises, png=png)
    except (FileNotFoundError, subprocess.CalledProcessError) as error:
        print(f"legday pictures: {error}", file=sys.stderr)
        return 1
    print(f"legday pictures: {len(exercises)} exercises, {len(written)} files in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
