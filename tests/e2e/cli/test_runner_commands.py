"""Input a runner types wrongly is one line and exit code 2 (issue 15, item 8): every
logged number, `--sets` without reps, an unknown exercise for `progress`, minutes below
the least; and `--version`. The flows that store (log --done, move --to, ...) run on both
databases in tests/integration/store/test_runner_commands.py."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from legday import __version__
from legday.cli import main
from logbook_template import sqlite_logbook

START = date(2027, 1, 4)  # a Monday
CALENDAR = """date,title,kind
2027-01-05,Intervals 6x800,hard
2027-01-07,Easy 40,easy
2027-01-09,Long run 18k,long
2027-01-12,Tempo 5k,hard
2027-01-16,Long run 20k,long
"""
RACE = date(2027, 1, 21)  # a Thursday B race: no strength on the Wednesday before


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = tmp_path / "runs.csv"
    runs.write_text(CALENDAR, encoding="utf-8")
    monkeypatch.setenv("LEGDAY_DATABASE_URL", sqlite_logbook(tmp_path / "legday.db"))
    monkeypatch.setenv("LEGDAY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LEGDAY_TODAY", START.isoformat())
    monkeypatch.delenv("LEGDAY_ATHLETE", raising=False)
    assert main(["athlete", "add", "sam", "--runs", str(runs), "--start", START.isoformat(),
                 "--weeks", "4", "--equipment", "dumbbells",
                 "--race", f"{RACE.isoformat()}:B"]) == 0  # fmt: skip


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    for flag in ("--version", "-V"):
        code, out, _ = _run([flag], capsys)
        assert (code, out) == (0, f"legday {__version__}\n")


@pytest.mark.usefixtures("env")
@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["log", "-e", "goblet-squat", "--sets", "1"], "reps: give --reps"),
        (["log", "--sets", "3", "--reps", "8"], "which exercise?"),
        (["log", "-e", "goblet-squat", "--reps", "8", "--rpe", "11"], "--rpe"),
        (["log", "-e", "goblet-squat", "--reps", "8", "--rpe", "0.5"], "--rpe"),
        (["log", "-e", "goblet-squat", "--reps", "8", "--pain", "11"], "--pain"),
        (["log", "-e", "goblet-squat", "--reps", "-1"], "--reps"),
        (["log", "-e", "goblet-squat", "--reps", "8", "--load", "501"], "--load"),
        (["log", "-e", "goblet-squat", "--seconds", "3601"], "--seconds"),
        (["log", "-e", "goblet-squat", "--reps", "8", "--sets", "0"], "--sets"),
        (["log", "-e", "goblet-squat", "--reps", "eight"], "--reps"),
        (["log", "--set", "goblet-squat=3x8"], "--set changes a session logged with --done"),
        (["log", "-e", "nonsense", "--reps", "8"], "unknown exercise id 'nonsense'"),
        (["progress", "nonsense"], "unknown exercise id 'nonsense' (see `legday exercises`)"),
        (["progress", "goblet-sqat"], "did you mean goblet-squat"),
        (["move", "2027-01-04", "--to", "2027-13-01"], "to:"),
    ],
)
def test_every_number_is_checked(
    args: list[str], problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(args, capsys)
    assert code == 2, err
    assert problem in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.usefixtures("env")
def test_minutes_are_honoured_down_to_20_and_refused_below(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(["plan", "--start", "2027-01-04", "--weeks", "2", "--minutes", "19"],
                        capsys)  # fmt: skip
    assert code == 2 and "minutes: must be between 20 and 120 per session" in err
    code, out, _ = _run(["plan", "--start", "2027-01-04", "--weeks", "2", "--minutes", "20",
                         "-f", "json"], capsys)  # fmt: skip
    assert code == 0
    sessions = [s for d in json.loads(out)["days"] for s in d["strength"]]
    assert sessions
    for s in sessions:  # 20 minutes, or a why that says the essentials take longer
        assert s["minutes"] <= 20 or "a little longer than your time" in s["why"]
    assert any(s["minutes"] <= 20 for s in sessions)
