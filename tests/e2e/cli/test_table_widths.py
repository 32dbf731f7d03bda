"""Tables fit the terminal (COLUMNS), and ids are never cut: other columns wrap."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from legday.catalogue.loader import load_catalogue
from legday.cli import main
from legday.rules import RULES

CALENDAR = """date,title,kind,start,duration_min
2027-01-05,Intervals 6x800 with a long description of the warm-up and the strides,hard,18:00,75
2027-01-07,Easy 40,easy,07:00,40
2027-01-09,Long run 18k,long,,
"""


def _lines(
    args: list[str],
    columns: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> list[str]:
    monkeypatch.setenv("COLUMNS", str(columns))
    capsys.readouterr()
    assert main(args) == 0
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("columns", [80, 60])
def test_every_table_fits_and_keeps_ids_whole(
    columns: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    runs = tmp_path / "runs.csv"
    runs.write_text(CALENDAR, encoding="utf-8")
    monkeypatch.setenv("LEGDAY_CACHE_DIR", str(tmp_path / "cache"))
    commands = {
        "exercises": ["exercises"],
        "rules": ["rules"],
        "runs": ["runs", str(runs), "--start", "2027-01-04", "--weeks", "1"],
        "plan": ["plan", "--runs", str(runs), "--start", "2027-01-04", "--weeks", "2"],
    }
    shown = {name: _lines(args, columns, monkeypatch, capsys) for name, args in commands.items()}
    for name, lines in shown.items():
        too_wide = [line for line in lines if len(line) > columns]
        assert not too_wide, f"{name}: {too_wide[:2]}"
    words = {w for line in shown["exercises"] for w in re.split(r"[\s│┃]+", line)}
    assert {e.id for e in load_catalogue()} <= words
    rule_ids = {line.split()[0] for line in shown["rules"] if line and not line[0].isspace()}
    assert set(RULES) <= rule_ids


def test_wide_terminal_shows_the_catalogue_as_one_table(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _lines(["exercises"], 160, monkeypatch, capsys)
    assert any(line.startswith("┃ id") for line in lines)
    assert all(len(line) <= 160 for line in lines)
    cells = {c.strip() for line in lines for c in line.split("│")}
    assert {e.id for e in load_catalogue()} <= cells


@pytest.mark.parametrize("columns", [40, 57, 80, 110, 163])
def test_the_plan_table_spans_the_terminal_and_shows_calendar_titles_as_written(
    columns: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The week tables' columns are set once for the width (`_column_widths`): every
    table row spans the terminal; and a title's brackets or colons are the athlete's
    words, no markup nor emoji code."""
    runs = tmp_path / "runs.csv"
    runs.write_text(CALENDAR + "2027-01-10,Parkrun [race] :fire:,easy,09:00,30\n", encoding="utf-8")
    monkeypatch.setenv("LEGDAY_CACHE_DIR", str(tmp_path / "cache"))
    args = ["plan", "--runs", str(runs), "--start", "2027-01-04", "--weeks", "2"]
    lines = _lines(args, columns, monkeypatch, capsys)
    rows = [line for line in lines if line[:1] in set("┏┡│├└┃")]
    assert rows
    assert all(len(line) == columns for line in rows), [r for r in rows if len(r) != columns]
    if columns >= 110:
        assert any("Parkrun [race] :fire:" in line for line in lines)
