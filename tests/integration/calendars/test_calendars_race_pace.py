"""A race-pace workout ("Marathon-Renntempo 15 km") is a hard run, not a race, end to end."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from legday.calendars import read_calendar
from legday.cli import main
from legday.model import RunKind

PLAN = Path(__file__).parents[2] / "fixtures" / "calendars" / "race-pace-de.csv"


def test_renntempo_rows_are_hard_runs() -> None:
    calendar = read_calendar(PLAN, date(2027, 1, 4), date(2027, 1, 10))
    kinds = {e.title: e.kind for e in calendar.entries}
    assert kinds["Marathon-Renntempo 15 km"] == RunKind.HARD
    assert kinds["Halbmarathon-Renntempo 3 x 5 km"] == RunKind.HARD
    assert RunKind.RACE not in kinds.values()


def test_plan_sees_no_race(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # review: the race-pace session became a race, which distorted phases and blocked days
    target = tmp_path / "plan.json"
    args = ["plan", "--runs", str(PLAN), "--start", "2027-01-04", "--weeks", "1"]
    code = main([*args, "--format", "json", "-o", str(target)])
    assert code == 0, capsys.readouterr().err
    data = json.loads(target.read_text())
    assert not data["races"]
    assert data["weeks"][0]["kind"] == "base"  # no race: the hard running decides
