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
# the plan expects stage 2 of 3 from week 5: week 4 is a recovery week, which eases the
# care a set and holds its stage (a stage does not climb in a week meant to absorb)
STAGE_2 = START + timedelta(weeks=4)


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
def test_rising_pain_from_week_to_week_stops_with_advice(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # two sessions a week hold the stage's heel drops, so the week's one routine comes a
    # week after the last: pain 3, then 6 a week later, is pain getting worse week to
    # week (the hold and the step back within a week: tests/unit/care/test_monitoring_steps)
    assert main(["athlete", "add", "kim", "--start", START.isoformat(), "--weeks", "8",
                 "--injury", "achilles", "--sessions", "2"]) == 0  # fmt: skip
    first = _routines(STAGE_2, "kim")[0]
    assert first.stage == 2 and first.day < STAGE_2 + timedelta(days=7)
    assert "Pain acceptable: continue stage 2" in _log(first.day, 3, monkeypatch, capsys)
    second = _routines(first.day + timedelta(days=1), "kim")[0]
    stopped = _log(second.day, 6, monkeypatch, capsys)
    assert "getting worse from one week to the next" in stopped
    assert "see a physiotherapist or doctor" in stopped and "re-planned: plan version 2" in stopped
    assert _routines(second.day + timedelta(days=1), "kim") == []  # no routine for it
    later = _on(second.day + timedelta(days=1), monkeypatch, capsys)
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
