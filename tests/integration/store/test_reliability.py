"""Killed processes and concurrent writers: nothing half-written, no row lost."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from legday.progression import SetLog
from legday.store.backup import FORMAT, dump, restore
from legday.store.uow import Database

pytestmark = pytest.mark.slow  # killed and racing processes, 60 000 rows

START = date(2027, 1, 4)
PER_SESSION = 15

# Logs sessions of 15 sets, one transaction each, each set flushed on its own so a kill
# lands inside a transaction; prints the number of committed sessions as it goes.
WRITER = """
import sys
from datetime import date, datetime, timedelta
from legday.progression import SetLog
from legday.store.uow import Database
db = Database(sys.argv[1])
athlete = int(sys.argv[2]); offset = int(sys.argv[3]); count = int(sys.argv[4])
for n in range(count):
    day = date(2027, 1, 4) + timedelta(days=offset + n)
    with db.uow() as uow:
        for i in range(15):
            s = SetLog("goblet-squat", day, reps=10, load_kg=12.0 + i, rpe=7)
            uow.repo.add_sets(athlete, [s], datetime(2027, 1, 4))
        uow.commit()
    print(n + 1, flush=True)
"""


def _athlete(db: Database, name: str = "sam") -> int:
    with db.uow() as uow:
        athlete = uow.repo.add_athlete(name, datetime(2027, 1, 1))
        uow.commit()
    return athlete.id


def _consistent(db: Database, athlete: int) -> int:
    with db.uow() as uow:
        performed = uow.repo.performed(athlete, START, START + timedelta(days=5000))
    assert all(p.status == "done" and len(p.sets) % PER_SESSION == 0 for p in performed)
    assert all(p.sets for p in performed), "a session row without its sets"
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
    return sum(len(p.sets) for p in performed)


def test_a_writer_killed_mid_log_leaves_whole_sessions_only(database: Database) -> None:
    athlete = _athlete(database)
    for attempt in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, database.url, str(athlete), str(attempt * 1000), "500"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        proc.stdout.readline()  # at least one session committed, the next one under way
        time.sleep(0.05 * (attempt + 1))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        assert proc.returncode == -signal.SIGKILL
    rows = _consistent(database, athlete)
    assert rows >= 3 * PER_SESSION
    with database.uow() as uow:  # nobody is left holding a lock
        uow.repo.add_sets(athlete, [SetLog("calf-raise", START, reps=1)], datetime(2027, 1, 5))
        uow.commit()


RESTORER = """
import json, sys
from legday.store.backup import restore
from legday.store.uow import Database
db = Database(sys.argv[1])
data = json.load(open(sys.argv[2]))
print("loading", flush=True)
restore(db.engine, data)
print("done", flush=True)
"""


def test_a_restore_killed_half_way_leaves_an_empty_database(
    database: Database, tmp_path: Path
) -> None:
    sets = [
        {
            "id": i + 1, "athlete_id": 1, "performed_session_id": i // 50 + 1, "seq": i % 50 + 1,
            "exercise": "goblet-squat", "day": (START + timedelta(days=i // 50)).isoformat(),
            "side": "both", "reps": 10, "load_kg": 10.0 + (i % 50) / 4, "seconds": None,
            "rpe": 7.5, "rir": None, "form_ok": True, "pain": 0, "note": "",
            "logged_at": "2027-01-04T07:00:00",
        }
        for i in range(60_000)
    ]  # fmt: skip
    performed = [
        {"id": n + 1, "athlete_id": 1, "day": (START + timedelta(days=n)).isoformat(),
         "status": "done", "planned_session_id": None, "note": "",
         "created_at": "2027-01-04T07:00:00"}
        for n in range(1200)
    ]  # fmt: skip
    users = [{"id": 1, "handle": "local", "local": True, "created_at": "2027-01-01T00:00:00"}]
    athletes = [{"id": 1, "owner_id": 1, "name": "sam", "created_at": "2027-01-01T00:00:00"}]
    tables = {
        "users": users,
        "athletes": athletes,
        "performed_sessions": performed,
        "set_logs": sets,
    }
    data = {
        "format": FORMAT,
        "revision": "0006",
        "created": "2027-01-04T00:00:00",
        "tables": tables,
    }
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(data), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-c", RESTORER, database.url, str(backup)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "loading"
    time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    with database.engine.connect() as connection:
        count = connection.execute(text("SELECT COUNT(*) FROM set_logs")).scalar()
    assert count in (0, 60_000)  # all or nothing
    if count == 0:
        restore(database.engine, data)
    stored = dump(database.engine)["tables"]
    # a backup of an older release restores with the new columns at their defaults
    kept = {k: [{c: row[c] for c in rows[0]} for row in stored[k]] for k, rows in tables.items()}
    assert kept == tables


def test_two_concurrent_writers_never_lose_a_row(database: Database) -> None:
    athlete = _athlete(database)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, database.url, str(athlete), "0", "30"],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(2)
    ]  # same days on purpose: both race to create each day's performed session
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert _consistent(database, athlete) == 2 * 30 * PER_SESSION


def test_two_concurrent_cli_log_processes_never_lose_a_row(
    database: Database, cli_env: dict[str, str], calendar: Path
) -> None:
    _athlete(database)
    script = (
        "for i in 1 2 3; do "
        f"{sys.executable} -m legday log -a sam -e goblet-squat --sets 15 --reps 10 "
        "--load 12 --rpe 7 --date 2027-01-0$i || exit 1; done"
    )
    procs = [
        subprocess.Popen(["bash", "-c", script], env=cli_env, stdin=subprocess.DEVNULL)
        for _ in range(2)
    ]
    assert [p.wait(timeout=180) for p in procs] == [0, 0]
    with database.uow() as uow:
        assert len(uow.repo.set_logs(1)) == 2 * 3 * 15
