"""Start-up: `main` converts only the named command, and behaves as with every command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from legday.cli import build_app, focused_command, main

ROOT = Path(__file__).resolve().parents[3]
WEEK_CSV = ROOT / "bench" / "week.csv"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _names(command: object) -> set[str]:
    commands = getattr(command, "commands", {})
    assert isinstance(commands, dict)
    return set(commands)


def test_a_named_command_is_the_only_one_converted() -> None:
    assert _names(focused_command(build_app(), ["plan", "--weeks", "2"])) == {"plan"}
    assert _names(focused_command(build_app(), ["athlete", "list"])) == {"athlete"}
    assert _names(focused_command(build_app(), ["exercises"])) == {"exercises"}


@pytest.mark.parametrize("args", [[], ["--help"], ["plna"], ["-x", "plan"]])
def test_anything_else_gets_every_command(args: list[str]) -> None:
    every = _names(typer.main.get_command(build_app()))
    assert len(every) > 10
    assert _names(focused_command(build_app(), args)) == every


def test_help_and_mistakes_read_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["plan", "--help"], capsys)
    assert code == 0 and "Usage: legday plan [OPTIONS]" in out and "--runs" in out
    code, _, err = run(["plan", "--bogus"], capsys)
    assert code == 2 and err.startswith("legday: error: No such option: --bogus")
    assert err.count("\n") == 1
    code, _, err = run(["plna"], capsys)
    assert code == 2 and "No such command 'plna'" in err
    code, _, err = run(["athlete"], capsys)
    assert code == 0 and "add" in err  # a group without a subcommand shows its help


def test_plan_runs_as_a_whole_process(tmp_path: Path) -> None:
    env = {**os.environ, "LEGDAY_CACHE_DIR": str(tmp_path / "cache")}
    args = [sys.executable, "-m", "legday", "plan", "--runs", str(WEEK_CSV)]
    args += ["--start", "2027-01-04", "--weeks", "4", "-f", "json"]
    done = subprocess.run(args, capture_output=True, text=True, check=False, env=env)
    assert done.returncode == 0, done.stderr
    assert '"schema": "legday.plan/1"' in done.stdout


def test_a_named_command_imports_only_the_modules_up_to_its_own() -> None:
    script = (
        "import sys\n"
        "from legday.cli import COMMAND_MODULES, build_app\n"
        "app = build_app(COMMAND_MODULES[0])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('legday.cli.'))\n"
        "print(loaded == ['legday.cli.' + COMMAND_MODULES[0]])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "True"
    every = _names(typer.main.get_command(build_app()))
    assert _names(typer.main.get_command(build_app("no-such-command"))) == every
    assert _names(focused_command(build_app("athlete"), ["athlete"])) == {"athlete"}
