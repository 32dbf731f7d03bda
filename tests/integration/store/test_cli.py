"""The logbook commands end to end (in-process `legday.cli.main`), on both databases."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from legday.cli import main

COMMANDS = [
    ["athlete", "add"], ["athlete", "list"], ["athlete", "use"], ["sync"], ["today"], ["log"],
    ["skip"], ["move"], ["weather"], ["history"], ["progress"], ["backup"], ["restore"],
]  # fmt: skip


@pytest.fixture
def env(cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    for key in ("LEGDAY_DATABASE_URL", "LEGDAY_CONFIG_DIR", "LEGDAY_TODAY"):
        monkeypatch.setenv(key, cli_env[key])
    monkeypatch.delenv("LEGDAY_ATHLETE", raising=False)
    return cli_env


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*command, "--help"]) == 0
    assert "Example: legday" in capsys.readouterr().out


def test_a_season_through_the_cli(
    env: dict[str, str], calendar: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["athlete", "add", "sam", "--runs", str(calendar), "--start", "2027-01-04",
                 "--weeks", "6", "--equipment", "dumbbells"]) == 0  # fmt: skip
    assert main(["athlete", "list"]) == 0
    assert "* sam" in capsys.readouterr().out
    assert main(["today"]) == 0
    today = capsys.readouterr().out
    assert "why:" in today and "warm-up" in today and "stretch" in today
    assert main(["log", "-e", "goblet-squat", "--sets", "3", "--reps", "10", "--load", "12",
                 "--rpe", "7"]) == 0  # fmt: skip
    assert main(["log", "-e", "goblet-squat", "--reps", "8", "--load", "12", "--bad-form",
                 "--pain", "2", "--date", "2027-01-06"]) == 0  # fmt: skip
    assert main(["history", "--days", "7"]) == 0
    assert main(["progress", "goblet-squat"]) == 0
    out = capsys.readouterr().out
    assert "12 kg" in out and "form!" in out and "pain 2" in out
    assert main(["weather", "2027-01-07"]) == 0
    assert main(["sync", "--force"]) == 0
    assert "plan version 3" in capsys.readouterr().out
    backup = tmp_path / "backup.json"
    assert main(["backup", "-o", str(backup)]) == 0
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert data["format"] == "legday.backup/1" and len(data["tables"]["set_logs"]) == 4


def test_errors_are_one_line(env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today"]) == 2
    assert main(["log", "-e", "goblet-squat", "--pain", "12", "-a", "nobody"]) == 2
    assert main(["restore", "/nonexistent.json"]) == 2
    err = capsys.readouterr().err
    assert err.count("legday: error:") == 3 and "Traceback" not in err


def test_log_without_a_terminal_never_waits(env: dict[str, str]) -> None:
    assert main(["athlete", "add", "kim", "--start", "2027-01-04", "--weeks", "4"]) == 0
    done = subprocess.run(
        [sys.executable, "-m", "legday", "log"],
        env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "no terminal" in done.stderr
