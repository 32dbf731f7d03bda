"""`legday runs FILE`: table and JSON output, default window, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from legday.cli import COMMAND_MODULES
from legday.cli.runs import register

ROOT = Path(__file__).parents[3]
EXAMPLE = ROOT / "src" / "legday" / "examples" / "marathon-plan.ics"
FIXTURES = ROOT / "tests" / "fixtures" / "calendars"


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer(rich_markup_mode=None)
    register(app)
    app.command("noop", hidden=True)(lambda: None)  # keep `runs` a subcommand
    return app


def test_runs_is_registered() -> None:
    assert "runs" in COMMAND_MODULES


def test_table_lists_entries_with_kind_and_reason(app: typer.Typer) -> None:
    args = ["runs", str(EXAMPLE), "--start", "2027-03-08", "--weeks", "1"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Tune-up race" in result.output
    assert "race" in result.output
    assert 'title keyword "race" (en)' in result.output
    assert "Europe/Berlin" in result.output
    assert "2027-03-15" not in result.output


def test_json_with_default_window(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["runs", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["start"], data["end"]) == ("2027-01-05", "2027-05-09")
    assert data["timezone"] == "Europe/Berlin"
    last = data["entries"][-1]
    assert (last["date"], last["kind"], last["start"]) == ("2027-05-09", "race", "09:00")


def test_kinds_and_tz_options(app: typer.Typer) -> None:
    args = [
        "runs",
        str(FIXTURES / "training-platform.ics"),
        "--start",
        "2027-03-01",
        "--end",
        "2027-03-08",
        "--kinds",
        str(FIXTURES / "overrides.toml"),
        "--tz",
        "UTC",
        "--format",
        "json",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    entries = json.loads(result.output)["entries"]
    assert entries[2]["reason"].startswith("overrides.toml: UID")


def test_errors_are_one_line_with_exit_code_2(capsys: pytest.CaptureFixture[str]) -> None:
    from legday.cli import main

    code = main(["runs", str(FIXTURES / "bad" / "truncated.ics"), "--start", "2027-03-01"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert "truncated.ics:32:" in err
