"""`legday plan --format md|html` and `legday export md|html` write one document: the season
at a glance, a week in about two printed pages, each picture once (the bundled example)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from legday.cli import main

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "src" / "legday" / "examples" / "marathon-plan.ics"
PLAN = [
    "plan",
    "--runs",
    str(EXAMPLE),
    "--start",
    "2027-01-04",
    "--weeks",
    "18",
    "--injury",
    "shin-splints",
    "--equipment",
    "bodyweight,dumbbells,band,step",
]
# A printed A4 page at 10 pt holds about 4,500 characters of this text; two pages a week.
WEEK_BUDGET = 9_000


@pytest.fixture(scope="module")
def season(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example season written by both commands, each into its own folder."""
    root = tmp_path_factory.mktemp("season")
    (root / "plan").mkdir()
    (root / "export").mkdir()
    assert main([*PLAN, "--format", "json", "-o", str(root / "plan.json")]) == 0
    for fmt in ("md", "html"):
        assert main([*PLAN, "--format", fmt, "-o", str(root / "plan" / f"season.{fmt}")]) == 0
        out = root / "export" / f"season.{fmt}"
        assert main(["export", fmt, str(root / "plan.json"), "-o", str(out)]) == 0
    return root


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_both_commands_write_the_same_document(season: Path, fmt: str) -> None:
    planned = (season / "plan" / f"season.{fmt}").read_bytes()

    assert planned == (season / "export" / f"season.{fmt}").read_bytes()


def test_markdown_links_picture_files_and_carries_no_drawing(season: Path) -> None:
    text = (season / "export" / "season.md").read_text(encoding="utf-8")
    links = re.findall(r"!\[[^\]]*\]\((season-pictures/[a-z0-9-]+\.svg)\)", text)

    assert "<svg" not in text
    assert max(len(line) for line in text.splitlines()) < 1_000
    assert links and len(links) == len(set(links))  # each picture once
    for link in links:
        assert (season / "export" / link).read_text(encoding="utf-8").startswith("<svg")


def test_html_draws_each_picture_once(season: Path) -> None:
    text = (season / "export" / "season.html").read_text(encoding="utf-8")
    labels = re.findall(r'<svg [^>]*aria-label="([^"]+)"', text)

    assert labels and len(labels) == len(set(labels))
    assert text.count('<article class="exercise"') == len(labels)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_season_at_a_glance_comes_first(season: Path, fmt: str) -> None:
    text = (season / "export" / f"season.{fmt}").read_text(encoding="utf-8")

    assert text.index("Season at a glance") < text.index("Week 1 ·")
    overview = text[text.index("Season at a glance") : text.index("Week 1 ·")]
    assert all(f"{n}" in overview for n in range(1, 19))
    assert "Strength" in overview and "Shin splints: " in overview


def test_a_week_prints_in_about_two_pages(season: Path) -> None:
    text = (season / "export" / "season.md").read_text(encoding="utf-8")
    weeks = re.split(r"^## Week \d+", text.split("\n## Exercise guide")[0], flags=re.M)[1:]

    assert len(weeks) == 18
    assert max(len(week) for week in weeks) <= WEEK_BUDGET


def test_pictures_can_be_left_out(season: Path, tmp_path: Path) -> None:
    for fmt in ("md", "html"):
        out = tmp_path / f"bare.{fmt}"
        assert (
            main(["export", fmt, str(season / "plan.json"), "-o", str(out), "--no-pictures"]) == 0
        )
        assert "<svg" not in out.read_text(encoding="utf-8")
        assert "pictures/" not in out.read_text(encoding="utf-8")
    assert not (tmp_path / "bare-pictures").exists()
