"""`--race DATE[:A|B|C]` on `legday plan`: priorities reach the plan; bad ones are one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legday.cli import main

CALENDAR = "date,title,kind\n2027-01-05,Intervals,hard\n2027-01-09,Long run,long\n"


def _plan(tmp_path: Path, *races: str, calendar: str = CALENDAR) -> tuple[int, str, str]:
    runs = tmp_path / "runs.csv"
    runs.write_text(calendar, encoding="utf-8")
    out = tmp_path / "plan.json"
    flags = [f for race in races for f in ("--race", race)]
    code = main(["plan", "--runs", str(runs), "--start", "2027-01-04", "--weeks", "8",
                 "--recovery-every", "6", *flags, "--format", "json", "-o", str(out)])  # fmt: skip
    return code, out.read_text() if out.exists() else "", ""


def test_priorities_from_the_command_line_reach_the_plan(tmp_path: Path) -> None:
    code, text, _ = _plan(tmp_path, "2027-01-20:C", "2027-02-07", "2027-01-30:b")
    assert code == 0
    data = json.loads(text)
    assert data["races"] == ["2027-01-20", "2027-01-30", "2027-02-07"]  # as before: dates
    assert data["race_days"] == [
        {"date": "2027-01-20", "priority": "C", "title": "your race"},
        {"date": "2027-01-30", "priority": "B", "title": "your race"},
        {"date": "2027-02-07", "priority": "A", "title": "your race"},  # no priority: a goal
    ]
    kinds = [w["kind"] for w in data["weeks"]]
    assert kinds[2] != "race" and kinds[3:6] == ["race", "race", "post-race"]
    assert "C race (your race) on Wed 20 Jan" in data["weeks"][2]["note"]


@pytest.mark.parametrize(
    ("race", "needle"),
    [("2027-01-20:Z", "races: 2027-01-20: priority 'Z' is not A"), ("20.01.2027", "not a date")],
)
def test_a_bad_race_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], race: str, needle: str
) -> None:
    code, text, _ = _plan(tmp_path, race)
    err = capsys.readouterr().err
    assert code == 2 and text == ""
    assert needle in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_race_day_on_a_training_day_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --race typed a week off: the long run that day and the calendar's own race."""
    calendar = CALENDAR + "2027-02-13,Half marathon race,race\n"
    code, _, _ = _plan(tmp_path, "2027-01-09:A", calendar=calendar)
    err = capsys.readouterr().err.splitlines()
    assert code == 0
    assert err == [
        "legday: note: --race 2027-01-09: the calendar has no race that day"
        " ('Long run', read as long); it is planned as a race day",
        "legday: note: 'Half marathon race' on 2027-02-13 is a race in the calendar but not"
        " in --race; it is planned as a goal (A): add --race 2027-02-13:B (or :C) if it is"
        " a tune-up",
    ]


def test_races_that_agree_with_the_calendar_say_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = _plan(tmp_path, "2027-01-20:C")
    assert code == 0 and capsys.readouterr().err == ""
