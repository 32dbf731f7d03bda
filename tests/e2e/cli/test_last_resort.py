"""The last resort (issue 16): a bug is one line pointing to a crash log in the state folder
(exit 70), Ctrl-C and Ctrl-D are one line (exit 130), a full standard output is one line,
and the one-line reproductions of the CLI options."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest
import typer

import legday.profiles
from legday.cli import main
from legday.cli.crashlog import EXIT_BUG, KEEP

ROOT = Path(__file__).resolve().parents[3]
SECRET = "s3cret-pw"


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "state"
    monkeypatch.setenv("LEGDAY_STATE_DIR", str(folder))
    return folder / "crashes"


def _one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("legday: error: "), err
    assert "Traceback" not in err
    return err


def _raising(error: BaseException, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(legday.profiles, "build_profile", boom)


def test_a_bug_is_one_line_and_a_crash_log(
    state: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _raising(ZeroDivisionError(f"while opening postgresql://sam:{SECRET}@db/x"), monkeypatch)
    assert main(["plan", "--weeks", "2"]) == EXIT_BUG == 70
    err = _one_line(capsys.readouterr().err)
    [log] = state.iterdir()
    assert f"details in {log}" in err and "ZeroDivisionError" in err and SECRET not in err
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "def boom" not in text
    assert "in boom" in text and "ZeroDivisionError" in text and "command: legday plan" in text
    assert SECRET not in text and "postgresql://sam:***@db/x" in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


@pytest.mark.parametrize("error", [RecursionError("deep"), MemoryError(), KeyError("x")])
def test_any_unexpected_exception_is_caught(
    error: Exception,
    state: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _raising(error, monkeypatch)
    assert main(["plan"]) == EXIT_BUG
    assert type(error).__name__ in _one_line(capsys.readouterr().err)


def test_an_unwritable_state_folder_still_gives_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("LEGDAY_STATE_DIR", str(blocker))
    _raising(ValueError("bug"), monkeypatch)
    assert main(["plan"]) == EXIT_BUG
    assert "no crash log could be written" in _one_line(capsys.readouterr().err)


def test_old_crash_logs_are_pruned_and_nothing_else(
    state: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    state.mkdir(parents=True)
    notes = state / "notes.log"
    notes.write_text("mine", encoding="utf-8")
    for n in range(KEEP + 3):
        (state / f"crash-20260101T0000{n:02}-1.log").write_text("old", encoding="utf-8")
    _raising(ValueError("bug"), monkeypatch)
    assert main(["plan"]) == EXIT_BUG
    capsys.readouterr()
    assert len(list(state.glob("crash-*.log"))) == KEEP and notes.exists()


def test_ctrl_c_is_one_line_exit_130(
    state: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _raising(KeyboardInterrupt(), monkeypatch)
    assert main(["plan"]) == 130
    assert _one_line(capsys.readouterr().err) == "legday: error: interrupted (Ctrl-C)\n"
    assert not state.exists()


def test_end_of_input_at_a_prompt_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEGDAY_DATABASE_URL", f"sqlite:///{tmp_path / 'legday.db'}")
    monkeypatch.setenv("LEGDAY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LEGDAY_TODAY", "2027-01-04")
    monkeypatch.delenv("LEGDAY_ATHLETE", raising=False)
    assert main(["athlete", "add", "sam", "--start", "2027-01-04", "--days", "mon,wed"]) == 0
    capsys.readouterr()

    class EndedTerminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", EndedTerminal(""))  # Ctrl-D at the first prompt
    assert main(["log"]) == 130
    err = _one_line(capsys.readouterr().err)
    assert "nothing was saved" in err and "aborted" not in err
    assert main(["history"]) == 0 and "nothing logged yet" in capsys.readouterr().out


def test_abort_says_nothing_was_saved(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _raising(typer.Abort(), monkeypatch)
    assert main(["plan"]) == 130
    assert "stopped at a prompt" in _one_line(capsys.readouterr().err)


# --- the terminal's own output -----------------------------------------------------------


def _legday(
    *args: str, stdout: int | IO[str] = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LEGDAY_TODAY": "2027-01-04"}
    return subprocess.run(
        [sys.executable, "-m", "legday", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_standard_output_is_one_line() -> None:
    with Path("/dev/full").open("w") as full:
        done = _legday("plan", "--weeks", "4", stdout=full)
    assert done.returncode == 2
    assert _one_line(done.stderr) == (
        "legday: error: cannot write the output: No space left on device\n"
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_output_to_dev_full_is_one_line_and_it_stays_a_device() -> None:
    done = _legday("plan", "--weeks", "2", "-o", "/dev/full")
    assert done.returncode == 2
    assert "output: cannot write /dev/full: No space left on device" in _one_line(done.stderr)
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout")
def test_output_to_dev_stdout_appends_to_what_the_shell_opened(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("earlier\n", encoding="utf-8")
    with log.open("a") as out:
        done = _legday("plan", "--weeks", "1", "-f", "json", "-o", "/dev/stdout", stdout=out)
    assert done.returncode == 0, done.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier\n{") and '"schema": "legday.plan/1"' in text


def test_a_closed_pipe_is_quiet() -> None:
    # `legday exercises | head -1`: the reader stops early; no message, no traceback
    done = subprocess.run(
        f"{sys.executable} -m legday plan --weeks 52 | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stderr == "" and len(done.stdout) == 10


# --- one line, exit 2 -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "--tz", "America"], "tz: unknown time zone 'America'"),
        (["plan", "--tz", "Europe/" + "x" * 300], "tz: unknown time zone 'Europe/xxx"),
        (["plan", "--days", "mon;wed"], "days: unknown day 'mon;wed'"),
        (["plan", "--days", "monkey,wedge"], "days: unknown day 'monkey'"),
        (["plan", "-o", ""], "output: no file name given"),
    ],
)
def test_one_line_exit_2(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*args, "--start", "2027-01-04", "--weeks", "2"]) == 2
    assert message in _one_line(capsys.readouterr().err)


def test_check_refuses_a_bad_zone_without_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    assert (
        main(["plan", "--start", "2027-01-04", "--weeks", "2", "-f", "json", "-o", str(plan)]) == 0
    )
    capsys.readouterr()
    assert main(["check", str(plan), "--tz", "Nonsense/Zone"]) == 2
    assert "tz: unknown time zone 'Nonsense/Zone'" in _one_line(capsys.readouterr().err)
    assert main(["check", str(plan), "--tz", "Europe/Berlin"]) == 0


def test_a_bom_profile_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "profile.toml"
    profile.write_bytes(b"\xef\xbb\xbfweeks = 2\nstart = 2027-01-04\n")
    assert main(["plan", "--profile", str(profile)]) == 0
    assert "2027-01-04" in capsys.readouterr().out
