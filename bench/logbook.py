"""Logbook benchmark (issue 15): `today` and `log` with 10^6 sets stored, on SQLite and
PostgreSQL, in process and as whole `legday` processes.

One athlete is added the way the CLI adds one (profile, calendar, first plan); then a
history of 1,000,000 sets (25,000 days of 40 sets: the session's exercises and others,
with a painful set now and then, cleared the next day) is bulk-loaded before the plan
starts (SQLite: executemany on the driver; PostgreSQL: COPY), so seeding takes seconds
and the measured commands see the whole of it.

Measured, median of several runs each:
- in process: `Logbook.today` on the plan's first session day, and `Logbook.log` of
  three sets (the targets: <= 20 ms each); `Logbook.current_plan`, what an export from
  the logbook writes;
- whole processes: `legday today` and `legday log ...` against `python -c pass` of the
  same interpreter, in the same run (the target: <= 5x).
- logging throughput: 1,000 sessions of 15 sets, one transaction each.

PostgreSQL runs when LEGDAY_TEST_POSTGRES_URL (or the local default) answers.
`python bench/logbook.py --quick` seeds 10^5 sets for a smoke run.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, select, text
from sqlalchemy.engine import make_url

from legday.bootstrap import read_stored_runs
from legday.catalogue.loader import load_catalogue
from legday.model import Profile
from legday.planner import make_plan
from legday.progression import SetLog
from legday.services import Logbook
from legday.store.tables import PerformedSessionRow
from legday.store.uow import Database

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BIN = Path(sys.executable).parent
CALENDAR = Path(__file__).parent / "week.csv"
START = date(2027, 1, 4)
NOW = datetime(2027, 1, 1)
PER_DAY = 40
OTHERS = ("goblet-squat", "reverse-lunge", "glute-bridge", "side-plank", "step-up")


@contextmanager
def sqlite_url() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as tmp:
        yield f"sqlite:///{Path(tmp) / 'bench.db'}"


@contextmanager
def postgres_url() -> Iterator[str]:
    base = os.environ.get("LEGDAY_TEST_POSTGRES_URL", PG_DEFAULT)
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base)
    with admin.begin() as c:
        c.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as c:
            c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def median_ms(run: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of a call (CPU time is this process's own: on a
    shared machine it moves less than the wall clock)."""
    run()  # warm: the first call loads what every later one shares
    wall, cpu = [], []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def seed(db: Database, athlete: int, exercises: list[str], total: int, skip: int = 0) -> None:
    """`total` sets on the days before the plan starts (before the `skip` latest of
    them, seeded already), bulk-loaded on the driver."""
    days = total // PER_DAY
    first = START - timedelta(days=days + skip)
    pool = [*exercises, *(e for e in OTHERS if e not in exercises)]
    performed = [(athlete, first + timedelta(days=d)) for d in range(days)]
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        postgres = db.engine.dialect.name == "postgresql"
        if not postgres:  # a pooled connection a `today` read with keeps `query_only` on
            cursor.execute("PRAGMA query_only=OFF")
        _bulk(cursor, postgres, "performed_sessions",
              ("athlete_id", "day", "status", "note", "created_at"),
              [(a, d, "done", "", NOW) for a, d in performed])  # fmt: skip
        raw.commit()
        with db.engine.connect() as c:
            ids = dict(
                c.execute(
                    select(PerformedSessionRow.day, PerformedSessionRow.id).where(
                        PerformedSessionRow.athlete_id == athlete,
                        PerformedSessionRow.day >= first,
                        PerformedSessionRow.day < first + timedelta(days=days),
                    )
                ).all()
            )
        rows = []
        for d in range(days):
            day = first + timedelta(days=d)
            for i in range(PER_DAY):
                exercise = pool[(d + i) % len(pool)]
                pain = 5 if d % 500 == 0 and i == 0 else 0
                rows.append((athlete, ids[day], i + 1, exercise, day, "both", 8 + (d + i) % 5,
                             8.0 + d % 20, None, 7.0, None, True, pain, "", NOW))  # fmt: skip
        _bulk(cursor, postgres, "set_logs",
              ("athlete_id", "performed_session_id", "seq", "exercise", "day", "side", "reps",
               "load_kg", "seconds", "rpe", "rir", "form_ok", "pain", "note", "logged_at"),
              rows)  # fmt: skip
        raw.commit()
        if postgres:
            cursor.execute("ANALYZE")
            raw.commit()
    finally:
        raw.close()


def _bulk(
    cursor: Any, postgres: bool, table: str, columns: tuple[str, ...], rows: list[Any]
) -> None:
    names = ", ".join(columns)
    if postgres:
        with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" for _ in columns)
    cursor.executemany(
        f"INSERT INTO {table} ({names}) VALUES ({marks})",
        [tuple(v.isoformat() if isinstance(v, date) else v for v in row) for row in rows],
    )


def process_ms(argv: list[str], env: dict[str, str], repeat: int) -> tuple[float, float]:
    """Median wall and CPU (user + system) milliseconds of a whole process, as installed
    for a user: bytecode caches on (this sandbox sets PYTHONDONTWRITEBYTECODE, which
    would compile legday's modules again in every run: about a fifth of a command), and
    one untimed run first to write them."""
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(argv, env=env, capture_output=True, check=False)
    wall, cpu = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        done = subprocess.run(argv, env=env, capture_output=True, check=False)
        wall.append(time.perf_counter() - began)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode != 0:
            raise RuntimeError(f"{argv}: {done.stderr.decode()[-300:]}")
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


@contextmanager
def statements(db: Database) -> Iterator[list[str]]:
    """The statements sent while inside (each a round trip to PostgreSQL), the
    transaction's own (BEGIN, COMMIT, SQLite's PRAGMA query_only) apart."""
    seen: list[str] = []

    def note(*args: Any) -> None:
        if not args[2].lstrip().upper().startswith(("BEGIN", "PRAGMA")):
            seen.append(args[2])

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def run(name: str, url: str, stored: int) -> None:
    db = Database(url)
    db.migrate()
    book = Logbook(db.uow, load_catalogue(), make_plan, read_stored_runs, now=lambda: NOW)
    book.add_athlete("bench", Profile(start=START, weeks=12), [str(CALENDAR)], START)
    with db.uow() as uow:
        athlete = uow.repo.get_athlete("bench")
        assert athlete is not None
        sessions = uow.repo.planned_sessions(athlete.id, START, START + timedelta(weeks=12))
    day, main = sessions[0].day, [p.exercise for p in sessions[0].main]
    began = time.perf_counter()
    seed(db, athlete.id, main, stored // 10)
    small = median_ms(lambda: book.today("bench", day), 15)
    print(f"{name}: in process, {stored // 10:,} sets stored (wall / CPU ms): "
          f"today {small[0]:.1f} / {small[1]:.1f}")  # fmt: skip
    seed(db, athlete.id, main, stored - stored // 10, skip=stored // 10 // PER_DAY)
    with db.engine.connect() as c:
        total = c.execute(text("SELECT COUNT(*) FROM set_logs")).scalar_one()
    print(f"{name}: seeded {total:,} sets in {time.perf_counter() - began:.1f} s")

    with statements(db) as read:
        view = book.today("bench", day)
    assert view.session is not None and len(view.changes) == len(main)
    today_ms = median_ms(lambda: book.today("bench", day), 15)
    three = [SetLog(main[0], day, reps=10, load_kg=12.0, rpe=7.0)] * 3
    log_ms = median_ms(lambda: book.log("bench", three), 15)
    with statements(db) as written:
        book.log("bench", three)
    print(f"{name}: in process, {total:,} sets stored (wall / CPU ms): "
          f"today {today_ms[0]:.1f} / {today_ms[1]:.1f}, log of 3 sets {log_ms[0]:.1f} / "
          f"{log_ms[1]:.1f}  (target <= 20 ms each); statements: today {len(read)}, "
          f"log {len(written)}; load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    plan_ms = median_ms(lambda: book.current_plan("bench", day), 5)
    print(f"{name}: in process, the plan an export writes (current_plan, wall / CPU ms): "
          f"{plan_ms[0]:.1f} / {plan_ms[1]:.1f}")  # fmt: skip

    with tempfile.TemporaryDirectory() as config:
        env = dict(os.environ, LEGDAY_DATABASE_URL=url, LEGDAY_TODAY=day.isoformat(),
                   LEGDAY_CONFIG_DIR=config, LEGDAY_ATHLETE="bench")  # fmt: skip
        legday = [str(BIN / "python"), "-m", "legday"]
        if (BIN / "legday").exists():
            legday = [str(BIN / "legday")]
        bare = process_ms([sys.executable, "-c", "pass"], env, 9)
        whole_today = process_ms([*legday, "today"], env, 5)
        log_argv = [*legday, "log", "-e", main[0], "--sets", "3", "--reps", "10", "--rpe", "7"]
        whole_log = process_ms(log_argv, env, 5)
        bare_after = process_ms([sys.executable, "-c", "pass"], env, 9)
        floor = process_ms([sys.executable, "-c", "import sqlalchemy.orm, typer"], env, 5)
    for what, i in (("wall", 0), ("CPU", 1)):
        base = (bare[i] + bare_after[i]) / 2
        print(f"{name}: whole processes, {what}: python -c pass {base:.0f} ms; legday today "
              f"{whole_today[i]:.0f} ms ({whole_today[i] / base:.1f}x); legday log "
              f"{whole_log[i]:.0f} ms ({whole_log[i] / base:.1f}x)  (target <= 5x); "
              f"importing SQLAlchemy's ORM and Typer alone {floor[i]:.0f} ms "
              f"({floor[i] / base:.1f}x)")  # fmt: skip
    print(f"{name}: load average {os.getloadavg()[0]:.1f} after the whole processes")

    sessions_logged = 1_000
    began = time.perf_counter()
    for n in range(sessions_logged):
        when = START + timedelta(weeks=13, days=n)
        sets = [SetLog(OTHERS[i % 5], when, reps=10, load_kg=10.0, rpe=7.0) for i in range(15)]
        with db.uow() as uow:
            uow.repo.add_sets(athlete.id, sets, NOW)
            uow.commit()
    seconds = time.perf_counter() - began
    per_session = seconds / sessions_logged * 1000
    print(f"{name}: logged {sessions_logged * 15:,} sets as {sessions_logged:,} sessions of 15, "
          f"one transaction each: {per_session:.2f} ms per session")  # fmt: skip
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="10x smaller, for a smoke run")
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="one backend")
    args = parser.parse_args()
    stored = 100_000 if args.quick else 1_000_000
    with Path("/proc/cpuinfo").open(encoding="utf-8") as info:
        model = next(
            (ln.split(":", 1)[1].strip() for ln in info if ln.startswith("model name")), ""
        )
    print(f"machine: {model or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    if args.only != "postgresql":
        with sqlite_url() as url:
            run("sqlite", url, stored)
    if args.only == "sqlite":
        return
    try:
        with postgres_url() as url:
            run("postgresql", url, stored)
    except Exception as error:
        print(f"postgresql: skipped ({type(error).__name__}: {str(error).splitlines()[0]})")


if __name__ == "__main__":
    main()
