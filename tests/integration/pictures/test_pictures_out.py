"""Pictures leave the process: CLI files, plan exports, and the contact sheet as a PNG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from legday.catalogue.loader import load_catalogue
from legday.cli import main
from legday.pictures.sheet import chromium, contact_sheet_html, write_sheet

SVG = "{http://www.w3.org/2000/svg}"


def test_exercises_show_writes_the_animated_picture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "squat.svg"
    code = main(["exercises", "show", "goblet-squat", "--picture", str(target), "--tempo", "3-1-2"])
    assert code == 0
    assert "Goblet squat" in capsys.readouterr().out
    root = ET.parse(target).getroot()
    assert {a.get("dur") for a in root.iter(f"{SVG}animate")} == {"6s"}


def test_exercises_show_still_and_bad_tempo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "still.svg"
    assert main(["exercises", "show", "split-squat", "--picture", str(target), "--still"]) == 0
    assert not list(ET.parse(target).getroot().iter(f"{SVG}animate"))
    code = main(["exercises", "show", "split-squat", "--picture", str(target), "--tempo", "slow"])
    assert code != 0
    assert "tempo" in capsys.readouterr().err


def test_contact_sheet_files(tmp_path: Path) -> None:
    exercises = [e for e in load_catalogue() if e.id in {"glute-bridge", "front-plank"}]
    written = write_sheet(tmp_path, exercises)
    names = {p.name for p in written}
    assert {"glute-bridge.svg", "front-plank-still.svg", "contact-sheet.html"} <= names
    assert contact_sheet_html(exercises).count("<figure") == 2


def render_contact_sheet_png(out: Path) -> Path:
    """Test helper: the whole contact sheet as a PNG through headless Chromium."""
    write_sheet(out, list(load_catalogue()), png=True)
    return out / "contact-sheet.png"


@pytest.mark.slow  # Chromium
@pytest.mark.skipif(
    chromium() is None, reason="no Chromium (`make pictures` installs the `chromium` package)"
)
def test_contact_sheet_renders_to_png(tmp_path: Path) -> None:
    png = render_contact_sheet_png(tmp_path)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    assert width > 1000
    assert height > 3000


def test_plan_exports_carry_pictures(tmp_path: Path) -> None:
    """HTML inlines still pictures (it prints; an animation does not), Markdown links SVG
    files written beside it: each exercise drawn once (docs/exports.md)."""
    for fmt in ("md", "html"):
        target = tmp_path / f"plan.{fmt}"
        args = ["plan", "--start", "2027-01-04", "--weeks", "1", "--format", fmt, "-o", str(target)]
        assert main(args) == 0
    html = (tmp_path / "plan.html").read_text(encoding="utf-8")
    markdown = (tmp_path / "plan.md").read_text(encoding="utf-8")
    drawn = sorted((tmp_path / "plan-pictures").glob("*.svg"))
    assert html.count("<svg") >= 4 and "<animate" not in html
    assert "<svg" not in markdown and len(drawn) >= 4
    assert all(markdown.count(f"(plan-pictures/{svg.name})") == 1 for svg in drawn)
