"""Concurrent use of one athlete's logbook: every acknowledged change is in the final plan.

Each round starts sync (a changed calendar), move, skip, weather and log at the same
moment, one thread each, all on the same athlete and database. A use case either returns
(acknowledged) or raises a one-line `LegdayError`; then the final state must hold every
acknowledged change and exactly one plan version per acknowledged re-plan.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from legday.bootstrap import read_stored_runs
from legday.catalogue.loader import load_catalogue
from legday.errors import LegdayError, StoreError
from legday.model import Profile
from legday.planner import make_plan
from legday.progression import SetLog
from legday.services import Logbook, Replanned
from legday.store.ports import ConflictError
from legday.store.repository import SqlRepository
from legday.store.uow import Database

from .conftest import CALENDAR, START

PROFILE = Profile(start=START, weeks=6, sessions=2, days=frozenset({0, 2, 3, 5}))
LOG_DAY = START  # Monday: today's session
MOVE_DAY = date(2027, 1, 11)  # Monday of week 2, planned
SKIP_DAY = date(2027, 1, 14)  # Thursday of week 2, planned
WEATHER_DAY = date(2027, 1, 9)  # Saturday: the long run
NEW_RUN = "2027-01-26,Easy 30,easy\n"  # what the changed calendar adds
NOW = datetime(2027, 1, 4, 7, 0)
ROUNDS = {"sqlite": 3, "postgresql": 6}


def _logbook(database: Database) -> Logbook:
    return Logbook(database.uow, load_catalogue(), make_plan, read_stored_runs)


def _together(jobs: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    """Run the jobs in threads released at one moment; each gives its result or error."""
    barrier = threading.Barrier(len(jobs))
    results: dict[str, Any] = {}

    def run(name: str, job: Callable[[], Any]) -> None:
        barrier.wait()
        try:
            results[name] = job()
        except Exception as error:
            results[name] = error

    threads = [threading.Thread(target=run, args=item) for item in jobs.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a use case hung"
    return results


def _round(database: Database, tmp_path: Path, name: str) -> dict[str, Any]:
    logbook = _logbook(database)
    calendar = tmp_path / f"{name}.csv"
    calendar.write_text(CALENDAR, encoding="utf-8")
    logbook.add_athlete(name, PROFILE, [str(calendar)], START)
    planned = {s.day for s in logbook.current_plan(name, START).sessions}
    assert {LOG_DAY, MOVE_DAY, SKIP_DAY} <= planned
    changed = tmp_path / f"{name}.csv"  # same name: a new copy of the same calendar
    sets = [SetLog("goblet-squat", LOG_DAY, reps=10, load_kg=12.0, rpe=7.0)] * 3

    def sync() -> int | None:
        changed.write_text(CALENDAR + NEW_RUN, encoding="utf-8")
        return _logbook(database).sync(name, START, files=[str(changed)])

    results = _together({
        "sync": sync,
        "move": lambda: _logbook(database).move(name, MOVE_DAY, START),
        "skip": lambda: _logbook(database).skip(name, SKIP_DAY, START),
        "weather": lambda: _logbook(database).weather(name, WEATHER_DAY, START),
        "log": lambda: _logbook(database).log(name, sets),
    })  # fmt: skip
    for job, result in results.items():
        if isinstance(result, BaseException):
            # only a refusal the user can read, never a lost race or a traceback
            assert isinstance(result, LegdayError), f"{job}: {result!r}"
            assert not isinstance(result, StoreError), f"{job}: {result}"
            assert "\n" not in str(result)
    _check(logbook, name, results)
    return results


def _check(logbook: Logbook, name: str, results: dict[str, Any]) -> None:
    versions = logbook.versions(name)
    numbers = [v.number for v in versions]
    acknowledged = [1]  # the first plan
    for job in ("move", "skip", "weather"):
        if isinstance(results[job], Replanned):
            acknowledged.append(results[job].number)
    if isinstance(results["sync"], int):
        acknowledged.append(results["sync"])
    # one version per change: the numbers handed out are exactly the versions stored
    assert sorted(acknowledged) == numbers == list(range(1, len(numbers) + 1))
    end = PROFILE.end
    in_force = {s.day for s in logbook.current_plan(name, START).sessions if s.day >= START}
    with logbook.uow() as uow:
        athlete = uow.repo.get_athlete(name)
        assert athlete is not None
        planned = {s.day for s in uow.repo.planned_sessions(athlete.id, START, end)}
        overrides = {(o.day, o.kind) for o in uow.repo.overrides(athlete.id)}
    assert planned == in_force
    latest = versions[-1].plan
    for job, day, kind in (("move", MOVE_DAY, "moved"), ("skip", SKIP_DAY, "blocked")):
        if isinstance(results[job], Replanned):
            assert (day, kind) in overrides
            assert day not in planned, f"{job}d {day} still holds a session"
    if isinstance(results["weather"], Replanned):
        assert (WEATHER_DAY, "weather") in overrides
        assert not [r for r in latest.runs if r.day == WEATHER_DAY and not r.busy]
    if results["sync"] is not None and not isinstance(results["sync"], BaseException):
        assert any(r.day == date(2027, 1, 26) for r in latest.runs), "the new run was lost"
    if results["log"] == 3:
        logged = logbook.history(name, LOG_DAY, LOG_DAY)
        assert [len(p.sets) for p in logged] == [3]


def test_concurrent_replans_and_logs_lose_no_acknowledged_change(
    database: Database, tmp_path: Path
) -> None:
    rounds = ROUNDS[database.engine.dialect.name]
    acknowledged = 0
    for n in range(rounds):
        results = _round(database, tmp_path, f"runner{n}")
        acknowledged += sum(not isinstance(r, BaseException) for r in results.values())
    # the day choices leave room for all five; most rounds must acknowledge them all
    assert acknowledged >= 4 * rounds


def test_syncs_of_one_change_at_one_moment_make_one_version(
    database: Database, tmp_path: Path
) -> None:
    """The measured bug: 4 syncs of one changed calendar appended 4 versions (PostgreSQL)."""
    calendar = tmp_path / "runs.csv"
    calendar.write_text(CALENDAR, encoding="utf-8")
    _logbook(database).add_athlete("sam", PROFILE, [str(calendar)], START)
    calendar.write_text(CALENDAR + NEW_RUN, encoding="utf-8")
    results = _together({
        str(n): lambda: _logbook(database).sync("sam", START, files=[str(calendar)])
        for n in range(4)
    })  # fmt: skip
    assert sorted(results.values(), key=str) == [2, None, None, None]
    assert [v.number for v in _logbook(database).versions("sam")] == [1, 2]


@pytest.mark.parametrize("db_url", [pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)  # fmt: skip
def test_a_session_logged_as_done_three_times_at_once_is_stored_once(
    database: Database, tmp_path: Path
) -> None:
    """`log --done` checks "already logged" under the athlete's lock, not before it."""
    logbook = _logbook(database)
    calendar = tmp_path / "done.csv"
    calendar.write_text(CALENDAR, encoding="utf-8")
    logbook.add_athlete("done", PROFILE, [str(calendar)], START)
    results = _together({f"log {n}": lambda: logbook.log_done("done", LOG_DAY) for n in range(3)})
    stored = [r for r in results.values() if isinstance(r, list)]
    refused = [r for r in results.values() if isinstance(r, LegdayError)]
    assert len(stored) == 1 and len(refused) == 2, results
    assert all("already logged" in str(e) for e in refused)
    (day,) = logbook.history("done", LOG_DAY, LOG_DAY)
    assert len(day.sets) == len(stored[0])


def test_a_real_deadlock_comes_out_as_a_conflict_to_retry(database: Database) -> None:
    """Two writers locking two athletes in opposite orders: PostgreSQL kills one, and the
    unit of work says so as a `ConflictError` the services retry."""
    if database.engine.dialect.name == "sqlite":
        # one writer at a time holds the whole file: the second waits at its BEGIN, so the
        # first waits forever at the barrier; there is no deadlock for SQLite to detect
        pytest.skip("SQLite serialises writers: no deadlock to detect")
    with database.uow() as uow:
        ids = [uow.repo.add_athlete(name, NOW).id for name in ("a", "b")]
        uow.commit()
    barrier = threading.Barrier(2)

    def writer(first: int, then: int) -> None:
        with database.uow() as uow:
            uow.repo.lock_athlete(first)
            barrier.wait()
            uow.repo.lock_athlete(then)
            uow.commit()

    results = _together({"ab": lambda: writer(*ids), "ba": lambda: writer(*ids[::-1])})
    errors = [r for r in results.values() if isinstance(r, BaseException)]
    assert len(errors) == 1
    assert isinstance(errors[0], ConflictError) and errors[0].retry
    assert "deadlock detected" in str(errors[0])


def _sqlite_path(database: Database) -> str:
    path = make_url(database.url).database
    assert path is not None
    return path


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_reads_do_not_wait_behind_a_writer_on_sqlite(database: Database, tmp_path: Path) -> None:
    logbook = _logbook(database)
    logbook.add_athlete("sam", PROFILE, [], START)
    logbook.log("sam", [SetLog("goblet-squat", LOG_DAY, reps=10, load_kg=12.0, rpe=7.0)])
    writer = sqlite3.connect(_sqlite_path(database), isolation_level=None, timeout=0)
    writer.execute("BEGIN IMMEDIATE")  # holds the write lock until rolled back below
    writer.execute("UPDATE athletes SET name = name")
    reads: dict[str, Any] = {}

    def read() -> None:
        reads["history"] = logbook.history("sam", LOG_DAY)
        reads["today"] = logbook.today("sam", LOG_DAY)
        reads["progress"] = logbook.progress("sam", "goblet-squat")
        reads["athletes"] = logbook.athletes()
        reads["plan"] = logbook.current_plan("sam", START)
        reads["versions"] = logbook.versions("sam")

    reader = threading.Thread(target=read)
    reader.start()
    reader.join(timeout=10)  # a reader that waited would sit out the 30 s busy timeout
    try:
        assert not reader.is_alive(), "a read waited behind the writer"
        assert writer.in_transaction  # the writer held its lock the whole time
    finally:
        writer.rollback()
        writer.close()
        reader.join()
    assert len(reads) == 6
    assert [len(p.sets) for p in reads["history"]] == [1]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_write_waits_for_the_writer_then_lands(database: Database) -> None:
    logbook = _logbook(database)
    logbook.add_athlete("sam", PROFILE, [], START)
    planned = next(s.day for s in logbook.versions("sam")[0].plan.sessions if s.day > START)
    writer = sqlite3.connect(_sqlite_path(database), isolation_level=None, timeout=0)
    writer.execute("BEGIN IMMEDIATE")
    done = threading.Event()

    def skip() -> None:
        logbook.skip("sam", planned, START)
        done.set()

    thread = threading.Thread(target=skip)
    thread.start()
    assert not done.wait(0.5), "a write went past another writer's lock"
    writer.rollback()
    writer.close()
    thread.join(timeout=30)
    assert done.is_set()
    assert [v.number for v in logbook.versions("sam")] == [1, 2]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_read_commands_answer_while_another_process_writes(
    database: Database, cli_env: dict[str, str], tmp_path: Path
) -> None:
    """The whole command, start-up checks included, reads behind a held write lock."""
    logbook = _logbook(database)
    logbook.add_athlete("sam", PROFILE, [], START)
    logbook.log("sam", [SetLog("goblet-squat", LOG_DAY, reps=10, load_kg=12.0, rpe=7.0)])
    writer = sqlite3.connect(_sqlite_path(database), isolation_level=None, timeout=0)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE athletes SET name = name")
    commands = [
        ["history", "-a", "sam"],
        ["export", "ics", "-a", "sam", "-o", str(tmp_path / "sam.ics")],
        ["backup", "-o", str(tmp_path / "backup.json")],
    ]
    try:
        for command in commands:
            # a command that queued for the lock would run into this timeout (30 s busy)
            done = subprocess.run(
                [sys.executable, "-m", "legday", *command],
                env=cli_env, capture_output=True, text=True, timeout=20,
            )  # fmt: skip
            assert done.returncode == 0, (command, done.stderr)
        assert writer.in_transaction
    finally:
        writer.rollback()
        writer.close()
    assert (
        "goblet-squat"
        in json.loads((tmp_path / "backup.json").read_text())["tables"]["set_logs"][0].values()
    )


# --- the unit of work and repository underneath -------------------------------------------


def test_a_replan_never_stacks_on_a_version_it_did_not_see(database: Database) -> None:
    _logbook(database).add_athlete("sam", PROFILE, [], START)
    with database.uow() as uow:
        assert isinstance(uow.repo, SqlRepository)
        athlete = uow.repo.get_athlete("sam")
        assert athlete is not None
        uow.repo.lock_athlete(athlete.id)
        plan = uow.repo.plan_versions(athlete.id)[-1].plan
        # another writer's version 2, appearing after this one read version 1
        SqlRepository(uow.repo.session).add_plan_version(athlete.id, plan, START, "other", NOW)
        with pytest.raises(ConflictError, match="plan version 2 appeared"):
            uow.repo.add_plan_version(athlete.id, plan, START, "stale", NOW)


def test_a_read_unit_of_work_cannot_write(database: Database) -> None:
    # SQLite query_only, PostgreSQL READ ONLY
    with database.uow().reading() as uow, pytest.raises(DBAPIError):
        uow.repo.add_athlete("sam", NOW)
    with database.uow().reading() as uow, pytest.raises(RuntimeError):
        uow.commit()
    with database.uow().reading() as uow:
        assert uow.repo.list_athletes() == []
    with database.uow() as uow:  # the pooled connection writes again afterwards
        uow.repo.add_athlete("sam", NOW)
        uow.commit()


def test_a_second_writer_of_an_athlete_waits_for_the_first(database: Database) -> None:
    _logbook(database).add_athlete("sam", PROFILE, [], START)
    done = threading.Event()

    def second() -> None:
        with database.uow() as uow:
            athlete = uow.repo.get_athlete("sam")
            assert athlete is not None
            uow.repo.lock_athlete(athlete.id)
            done.set()

    with database.uow() as first:
        athlete = first.repo.get_athlete("sam")
        assert athlete is not None
        first.repo.lock_athlete(athlete.id)
        thread = threading.Thread(target=second)
        thread.start()
        assert not done.wait(0.5), "two writers of one athlete held its lock at once"
        first.commit()
    thread.join(timeout=30)
    assert done.is_set()
