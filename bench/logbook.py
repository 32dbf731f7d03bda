"""Logbook benchmark: log 100,000 sets the way the CLI and web do (one transaction per
session of 15 sets), then read one athlete's progress for one exercise with 1,000,000 set
rows stored. SQLite always; PostgreSQL too when LEGDAY_TEST_POSTGRES_URL (or the local
default) answers. Prints the figures; `python bench/logbook.py --quick` for a smoke run.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.engine import make_url

from legday.progression import SetLog
from legday.store.tables import AthleteRow, PerformedSessionRow, SetLogRow
from legday.store.uow import Database

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PER_SESSION = 15
EXERCISES = (
    "goblet-squat", "reverse-lunge", "split-squat", "calf-raise", "glute-bridge",
    "side-plank", "wall-toe-raise", "single-leg-deadlift", "step-up", "clamshell",
)  # fmt: skip
NOW = datetime(2027, 1, 1)
START = date(2020, 1, 1)


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


def log_sets(db: Database, athlete: int, total: int) -> float:
    """Seconds to log `total` sets, one unit of work per session of 15."""
    sessions = total // PER_SESSION
    began = time.perf_counter()
    for n in range(sessions):
        day = START + timedelta(days=n)
        logged = [
            SetLog(EXERCISES[i % 5], day, reps=10, load_kg=10.0 + i % 3, rpe=7.0)
            for i in range(PER_SESSION)
        ]
        with db.uow() as uow:
            uow.repo.add_sets(athlete, logged, NOW)
            uow.commit()
    return time.perf_counter() - began


def fill(db: Database, rows: int, athletes: int) -> None:
    """Bulk-load background rows (not timed): many athletes, ten exercises, 15 sets a day."""
    with db.engine.begin() as c:
        first = c.scalar(select(AthleteRow.id).order_by(AthleteRow.id.desc()).limit(1)) or 0
        c.execute(insert(AthleteRow), [
            {"name": f"bg-{first + a}", "created_at": NOW} for a in range(athletes)
        ])  # fmt: skip
        ids = list(c.scalars(select(AthleteRow.id).where(AthleteRow.name.like("bg-%"))))
        per_athlete = rows // len(ids) // PER_SESSION
        for athlete in ids:
            c.execute(insert(PerformedSessionRow), [
                {"athlete_id": athlete, "day": START + timedelta(days=d), "status": "done",
                 "note": "", "created_at": NOW}
                for d in range(per_athlete)
            ])  # fmt: skip
            days: dict[date, int] = dict(c.execute(
                select(PerformedSessionRow.day, PerformedSessionRow.id)
                .where(PerformedSessionRow.athlete_id == athlete)
            ).all())  # fmt: skip
            c.execute(insert(SetLogRow), [
                {"athlete_id": athlete, "performed_session_id": days[START + timedelta(days=d)],
                 "seq": i + 1, "exercise": EXERCISES[(d + i) % len(EXERCISES)],
                 "day": START + timedelta(days=d), "side": "both", "reps": 8 + i % 5,
                 "load_kg": 8.0 + d % 20, "seconds": None, "rpe": 7.0, "rir": None,
                 "form_ok": True, "pain": 0, "note": "", "logged_at": NOW}
                for d in range(per_athlete) for i in range(PER_SESSION)
            ])  # fmt: skip


def count(db: Database) -> int:
    with db.engine.connect() as c:
        return int(c.execute(text("SELECT COUNT(*) FROM set_logs")).scalar() or 0)


def read_progress(db: Database, athlete: int, exercise: str, repeat: int = 20) -> dict[str, float]:
    timings: dict[str, list[float]] = {"progress": [], "history": []}
    for _ in range(repeat):
        with db.uow() as uow:
            began = time.perf_counter()
            points = uow.repo.progress(athlete, exercise)
            timings["progress"].append(time.perf_counter() - began)
            began = time.perf_counter()
            history = uow.repo.set_logs(athlete, exercise)
            timings["history"].append(time.perf_counter() - began)
    assert points and history
    return {k: statistics.median(v) * 1000 for k, v in timings.items()} | {
        "points": len(points),
        "rows": len(history),
    }


def run(name: str, url: str, logged: int, stored: int) -> None:
    db = Database(url)
    db.migrate()
    with db.uow() as uow:
        athlete = uow.repo.add_athlete("bench", NOW).id
        uow.commit()
    seconds = log_sets(db, athlete, logged)
    print(
        f"{name}: logged {logged:,} sets in {logged // PER_SESSION:,} transactions: "
        f"{seconds:.1f} s ({logged / seconds:,.0f} sets/s, "
        f"{seconds / (logged // PER_SESSION) * 1000:.2f} ms per session)"
    )
    began = time.perf_counter()
    fill(db, stored - count(db), athletes=100)
    total = count(db)
    print(f"{name}: bulk-filled to {total:,} set rows in {time.perf_counter() - began:.1f} s")
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as c:
            c.execute(text("ANALYZE"))
    r = read_progress(db, athlete, "goblet-squat")
    print(
        f"{name}: progress of one exercise for one athlete among {total:,} rows: "
        f"{r['progress']:.1f} ms ({r['points']:.0f} sessions), full history of it "
        f"{r['history']:.1f} ms ({r['rows']:.0f} sets) (median of 20)"
    )
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="10x smaller, for a smoke run")
    args = parser.parse_args()
    logged, stored = (10_000, 100_000) if args.quick else (100_000, 1_000_000)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")  # fmt: skip
    with sqlite_url() as url:
        run("sqlite", url, logged, stored)
    try:
        with postgres_url() as url:
            run("postgresql", url, logged, stored)
    except Exception as error:
        print(f"postgresql: skipped ({type(error).__name__}: {str(error).splitlines()[0]})")


if __name__ == "__main__":
    main()
