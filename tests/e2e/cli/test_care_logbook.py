"""Care routines through the CLI (issue 14): `legday today` shows them with the disclaimer,
`legday log --care/--morning-pain` records pain, and rising pain steps the Achilles
protocol back a stage and then stops it with the advice to see a professional."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from legday.bootstrap import open_logbook
from legday.care import DISCLAIMER
from legday.cli import main
from legday.model import CareRoutine
from logbook_template import sqlite_logbook

START = date(2027, 1, 4)  # a Monday
WEEK_4 = START + timedelta(weeks=3)  # the plan expects stage 2 of 3 from here


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEGDAY_DATABASE_URL", sqlite_logbook(tmp_path / "legday.db"))
    monkeypatch.setenv("LEGDAY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LEGDAY_TODAY", START.isoformat())
    monkeypatch.delenv("LEGDAY_ATHLETE", raising=False)
    # three sessions a week (a beginner is given two unless they ask): Wednesday lifts
    assert main(["athlete", "add", "sam", "--start", START.isoformat(), "--weeks", "8",
                 "--injury", "achilles", "--sessions", "3"]) == 0  # fmt: skip


def _routines(after: date, athlete: str = "sam") -> list[CareRoutine]:
    """Achilles routines in the plan now in force, from `after` on."""
    with open_logbook() as (logbook, _db):
        plan = logbook.versions(athlete)[-1].plan
    return [c for c in plan.care if c.injury == "achilles" and c.day >= after]


def _on(day: date, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """`legday today` as seen that day."""
    monkeypatch.setenv("LEGDAY_TODAY", day.isoformat())
    capsys.readouterr()
    assert main(["today"]) == 0
    return capsys.readouterr().out


def _log(
    day: date, pain: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    monkeypatch.setenv("LEGDAY_TODAY", day.isoformat())
    capsys.readouterr()
    assert main(["log", "--care", "achilles", "--pain", str(pain)]) == 0
    return capsys.readouterr().out


@pytest.mark.usefixtures("env")
def test_rising_pain_steps_back_then_stops_with_advice(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # two sessions a week: the every-other-day stages owe a routine most weeks besides
    # the sessions' care, so the step back shows in the next week's routine
    assert main(["athlete", "add", "kim", "--start", START.isoformat(), "--weeks", "8",
                 "--injury", "achilles", "--sessions", "2"]) == 0  # fmt: skip
    first = _routines(WEEK_4, "kim")[0]
    assert first.stage == 2 and first.day < WEEK_4 + timedelta(days=3)
    assert "Pain acceptable: continue stage 2" in _log(first.day, 3, monkeypatch, capsys)
    second = _routines(first.day + timedelta(days=1), "kim")[0]
    held = _log(second.day, 6, monkeypatch, capsys)
    assert "stay at stage 2" in held and "re-planned: plan version 2" in held
    third = _routines(second.day + timedelta(days=1), "kim")[0]
    assert third.stage == 2  # held there
    stepped = _log(third.day, 6, monkeypatch, capsys)
    assert "twice in a row: step back" in stepped and "re-planned: plan version 3" in stepped
    fourth = _routines(third.day + timedelta(days=1), "kim")[0]
    assert fourth.stage == 1  # the next plan starts a stage lower
    view = _on(fourth.day, monkeypatch, capsys)
    assert "Achilles tendon care: Pain of 6/10 during the routine is more than 5/10" in view
    assert "achilles care" in view and "Achilles tendon care, stage 1 (" in view
    stopped = _log(fourth.day, 8, monkeypatch, capsys)
    assert "! Pain reached 8/10" in stopped and "re-planned: plan version 4" in stopped
    assert _routines(fourth.day + timedelta(days=1), "kim") == []  # no routine for that problem
    later = _on(fourth.day + timedelta(days=1), monkeypatch, capsys)
    assert "! Achilles tendon care stopped. Pain reached 8/10" in later
    assert "see a physiotherapist or doctor" in later
    assert "achilles care" not in later


@pytest.mark.usefixtures("env")
def test_the_disclaimer_shows_until_the_first_routine_is_logged(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _routines(START)[:2]
    shown = _on(first.day, monkeypatch, capsys)
    assert shown.count(DISCLAIMER) == 1  # said once, not again inside the why
    assert f"! {DISCLAIMER}" in _on(second.day, monkeypatch, capsys)  # nothing logged yet
    _log(first.day, 2, monkeypatch, capsys)
    assert DISCLAIMER not in _on(second.day, monkeypatch, capsys)
    monkeypatch.setenv("LEGDAY_TODAY", second.day.isoformat())
    assert main(["log", "--morning-pain", "1"]) == 0
    out = capsys.readouterr().out
    logged = f"achilles care (stage {first.stage}) of {first.day.isoformat()}"
    assert f"{logged}: next-morning pain 1/10" in out


@pytest.mark.usefixtures("env")
@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--care", "achilles", "--pain", "11"], "--pain"),
        (["--morning-pain", "-1"], "--morning-pain"),
        (["--care", "knee"], "care"),
        (["--morning-pain", "2"], "morning-pain"),  # nothing logged before
        (["--care", "achilles", "--date", "2027-01-06"], "care"),  # a strength day
        (["--care", "achilles", "-e", "calf-raise"], "care"),
    ],
)
def test_bad_care_input_is_one_line_naming_the_field(
    args: list[str], field: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_logbook() as (logbook, _db):
        plan = logbook.versions("sam")[-1].plan
    assert date(2027, 1, 6) in {s.day for s in plan.sessions}  # the strength day above
    capsys.readouterr()
    assert main(["log", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and field in err and "Traceback" not in err


def test_the_plan_table_shows_care_routines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = tmp_path / "runs.csv"
    runs.write_text("date,title,kind\n2027-01-05,Intervals,hard\n", encoding="utf-8")
    assert main(["plan", "--runs", str(runs), "--start", "2027-01-04", "--weeks", "1",
                 "--injury", "achilles"]) == 0  # fmt: skip
    out = " ".join(capsys.readouterr().out.replace("│", " ").split())
    assert "Strength and care" in out
    assert re.search(r"Achilles tendon care \(stage 1\), \d+ min: Calf raise hold 2 × 30 s", out)
    assert "Tue 05 Jan Intervals (hard) - " in out  # the hard run is that day's load
