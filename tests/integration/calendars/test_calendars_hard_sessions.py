"""Hard sessions named only by repetitions or sprint words are hard runs, end to end."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from legday.calendars import read_calendar
from legday.cli import main
from legday.model import RunKind

FIXTURES = Path(__file__).parents[2] / "fixtures" / "calendars"
HARD_DAYS = {"2027-01-04", "2027-01-06", "2027-01-07", "2027-01-08"}


def test_repetitions_and_sprints_read_as_hard_runs() -> None:
    calendar = read_calendar(FIXTURES / "hard-sessions.csv", date(2027, 1, 4), date(2027, 1, 10))
    kinds = {e.day.isoformat(): (e.activity, e.kind) for e in calendar.entries}
    for day in HARD_DAYS:
        assert kinds[day] == ("run", RunKind.HARD), day


def test_no_strength_is_planned_on_those_days(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # review: `legday plan --runs rep.csv` put strength on "10 x 400 m" and "Sprint session"
    target = tmp_path / "plan.json"
    args = ["plan", "--runs", str(FIXTURES / "hard-sessions.csv"), "--start", "2027-01-04"]
    code = main([*args, "--weeks", "1", "--format", "json", "-o", str(target)])
    assert code == 0, capsys.readouterr().err
    days = json.loads(target.read_text())["days"]
    strength_days = {d["date"] for d in days if d["strength"]}
    assert strength_days, "the week still has strength"
    assert not strength_days & HARD_DAYS
