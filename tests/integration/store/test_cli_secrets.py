"""Secrets and misconfiguration through the CLI (issue 16), on SQLite and PostgreSQL: the
current-athlete file never holds a password, a refused config folder or calendar commits
no athlete, an in-memory database is refused, a sync never waits on a FIFO."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from legday.cli import main

SECRET = "s3cret-pw"


@pytest.fixture
def env(cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    for key in ("LEGDAY_DATABASE_URL", "LEGDAY_CONFIG_DIR", "LEGDAY_TODAY"):
        monkeypatch.setenv(key, cli_env[key])
    monkeypatch.delenv("LEGDAY_ATHLETE", raising=False)
    return cli_env


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("legday: error: "), err
    return err


def test_the_current_athlete_file_holds_no_password_and_is_private(
    env: dict[str, str], calendar: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = env["LEGDAY_DATABASE_URL"]
    state = Path(env["LEGDAY_CONFIG_DIR"]) / "current-athlete.json"
    state.parent.mkdir(parents=True)
    # a file an older legday wrote: keyed by a URL with its password
    leaked = "postgresql://sam:" + SECRET + "@elsewhere/legday"
    state.write_text(json.dumps({leaked: "kim"}), encoding="utf-8")

    assert main(["athlete", "add", "sam", "--runs", str(calendar)]) == 0
    assert main(["athlete", "add", "ann", "--runs", str(calendar)]) == 0
    assert main(["athlete", "use", "sam"]) == 0
    capsys.readouterr()

    text = state.read_text(encoding="utf-8")
    assert SECRET not in text
    keys = json.loads(text)
    assert keys == {make_url(url).render_as_string(hide_password=True): "sam"}
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    assert main(["athlete", "list"]) == 0
    assert "* sam" in capsys.readouterr().out


def test_a_config_folder_that_is_a_file_commits_no_athlete(
    env: dict[str, str],
    calendar: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("LEGDAY_CONFIG_DIR", str(blocker))
    assert main(["athlete", "add", "sam", "--runs", str(calendar)]) == 2
    assert f"LEGDAY_CONFIG_DIR: cannot use {blocker} as a folder" in _one_line(capsys)
    fresh = tmp_path / "config-ok"
    monkeypatch.setenv("LEGDAY_CONFIG_DIR", str(fresh))
    assert main(["athlete", "list"]) == 0
    assert capsys.readouterr().out == ""  # nothing was committed
    assert main(["athlete", "add", "sam", "--runs", str(calendar)]) == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700  # made by legday: the user's only


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_sync_refuses_a_calendar_replaced_by_a_fifo(
    env: dict[str, str], calendar: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["athlete", "add", "sam", "--runs", str(calendar)]) == 0
    calendar.unlink()
    os.mkfifo(calendar)
    capsys.readouterr()
    assert main(["sync"]) == 0  # the stored copy is read, never the path
    capsys.readouterr()
    assert main(["sync", "--runs", str(calendar)]) == 2  # would block forever on a FIFO read
    assert f"{calendar.resolve()}: not a regular file" in _one_line(capsys)


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///", "sqlite:///:memory:"])
def test_an_in_memory_database_is_refused(
    url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("LEGDAY_DATABASE_URL", url)
    monkeypatch.setenv("LEGDAY_CONFIG_DIR", str(tmp_path / "config"))
    assert main(["athlete", "add", "sam", "--start", "2027-01-04"]) == 2
    assert "is an in-memory database, forgotten when the command ends" in _one_line(capsys)
    assert not (tmp_path / "config" / "current-athlete.json").exists()


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://sam:{SECRET}@127.0.0.1:1/legday",  # nothing listens on port 1
        f"postgresql+nosuchdriver://sam:{SECRET}@127.0.0.1/legday",
        f"postgresql+psycopg://127.0.0.1:1/legday?user=sam&password={SECRET}",
    ],
)
def test_a_connection_error_hides_the_password(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEGDAY_DATABASE_URL", url)
    monkeypatch.setenv("LEGDAY_CONFIG_DIR", str(tmp_path / "config"))
    assert main(["athlete", "list"]) == 2
    err = _one_line(capsys)
    assert SECRET not in err


def test_sync_takes_a_new_copy_of_an_edited_calendar(
    env: dict[str, str], calendar: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The logbook keeps a calendar's content: an edit on disk waits for `--runs`."""
    assert main(["athlete", "add", "sam", "--runs", str(calendar)]) == 0
    with calendar.open("a", encoding="utf-8") as more:
        more.write("2027-01-14,Intervals 5x1000,hard\n")
    capsys.readouterr()
    assert main(["sync"]) == 0
    assert capsys.readouterr().out.strip() == "calendars unchanged"
    assert main(["sync", "--runs", str(calendar)]) == 0
    assert capsys.readouterr().out.startswith("re-planned: plan version 2")


def test_a_backup_and_a_new_logbook_are_the_owners_only(
    env: dict[str, str], calendar: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both hold feed addresses with their tokens: 0600, the logbook's folder 0700."""
    assert main(["athlete", "add", "sam", "--runs", str(calendar)]) == 0
    out = tmp_path / "backup.json"
    assert main(["backup", "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    folder = tmp_path / "fresh-data"
    monkeypatch.setenv("LEGDAY_DATABASE_URL", f"sqlite:///{folder / 'legday.db'}")
    assert main(["athlete", "add", "kim", "--runs", str(calendar)]) == 0
    assert stat.S_IMODE((folder / "legday.db").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_backup_of_a_mistyped_logbook_is_one_line_and_makes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "typo.db"
    monkeypatch.setenv("LEGDAY_DATABASE_URL", f"sqlite:///{typo}")
    monkeypatch.setenv("LEGDAY_CONFIG_DIR", str(tmp_path / "config"))
    assert main(["backup", "-o", str(tmp_path / "b.json")]) == 2
    assert "no logbook at" in _one_line(capsys)
    assert not typo.exists() and not (tmp_path / "b.json").exists()
