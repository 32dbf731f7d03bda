"""In a warm process (`legday daemon`'s worker) `legday.bootstrap` keeps each database
address's engine between commands, for its compiled statements. Each command still
connects afresh, so what changed on disk between two commands is seen as a cold command
sees it: a logbook replaced by another, a deleted one made again (0600)."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

import legday.bootstrap as bootstrap
from legday.cli import main
from logbook_template import sqlite_logbook

CALENDAR = "date,title,kind\n2027-01-05,Intervals 6x800,hard\n2027-01-07,Easy 40,easy\n"


def _logbook(folder: Path, athlete: str) -> Path:
    """A logbook file with one athlete, `athlete`, made by a cold command."""
    folder.mkdir()
    runs = folder / "runs.csv"
    runs.write_text(CALENDAR, encoding="utf-8")
    database = folder / "legday.db"
    os.environ["LEGDAY_DATABASE_URL"] = sqlite_logbook(database)
    args = ["athlete", "add", athlete, "--runs", str(runs), "--start", "2027-01-04"]
    assert main([*args, "--weeks", "1"]) == 0
    return database


def test_a_kept_engine_sees_the_file_as_it_is_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEGDAY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LEGDAY_TODAY", "2027-01-05")
    monkeypatch.delenv("LEGDAY_ATHLETE", raising=False)
    monkeypatch.setenv("LEGDAY_DATABASE_URL", "")
    other = _logbook(tmp_path / "other", "kim")
    used = _logbook(tmp_path / "used", "sam")  # LEGDAY_DATABASE_URL now names this one
    monkeypatch.setattr(bootstrap, "_kept", {})  # as `warm_up` leaves it

    def listed() -> str:
        capsys.readouterr()
        assert main(["athlete", "list"]) == 0
        return capsys.readouterr().out

    assert listed().split() == ["*", "sam"]  # the current athlete is marked
    kept = bootstrap._kept
    assert kept is not None and list(kept) == [os.environ["LEGDAY_DATABASE_URL"]]
    engine = next(iter(kept.values())).engine

    for suffix in ("", "-wal", "-shm"):  # a restore puts another logbook in its place
        Path(f"{used}{suffix}").unlink(missing_ok=True)
    shutil.copy(other, used)
    assert listed().split() == ["kim"]
    assert next(iter(kept.values())).engine is engine  # the same engine, connected anew

    used.unlink()
    assert main(["today"]) == 2  # a new, empty logbook: no athlete, as a cold command says
    assert stat.S_IMODE(used.stat().st_mode) == 0o600
