"""Whole `legday` processes with and without the warm worker, on SQLite and PostgreSQL
(issue 15, item 5; docs/daemon.md).

The targets: a logbook command as a whole process <= 5x `python -c pass` of the same
interpreter, `legday plan` <= 6x. A cold process cannot get there (its imports alone are
~30x: docs/benchmarks.md); with `legday daemon start` the process that runs is the front
(`legday.cli.warm`) and the command runs in the warm worker.

For each engine (`--only` picks one; PostgreSQL from LEGDAY_TEST_POSTGRES_URL or the local
default, in a schema of its own, dropped afterwards): one logbook (an athlete added as the
CLI adds one, then 10^5 sets bulk-loaded before the plan starts, as bench/logbook.py does),
and, interleaved round by round so the machine's drift touches every variant alike, median
of `--runs` rounds each:

- `python -c pass` (the venv's interpreter, which the `legday` script runs), in the same
  rounds as the engine's commands;
- `legday today` and `legday log -e ... --sets 3 ...`, each cold (a runtime folder with no
  worker: what every user without one runs, front included) and warm (the worker running);
- on the first engine only (they never open the logbook): `legday plan ... --weeks 52` as
  JSON and as the default table, cold and warm.

Wall time is the ratio that counts for the user. CPU is given too: the process's own, and
for a warm run the worker's share (its /proc ticks over all the warm runs of a command, per
run; 10 ms ticks, so an average). The PostgreSQL server's own CPU is in no column (its
backend for a command is another process), only in the wall time. Bytecode caches on, as
installed: PYTHONDONTWRITEBYTECODE (set in this sandbox) is dropped and every command runs
once untimed first. Each warm command's output is checked to be the cold one's, byte for
byte. After the rounds: the worker's resident memory before and after them, and on
PostgreSQL the connections still open for the benchmark's address (none: the worker closes
a command's connections when it ends).
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
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from logbook import CALENDAR, NOW, START, postgres_url, seed, sqlite_url
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from legday.bootstrap import read_stored_runs
from legday.catalogue.loader import load_catalogue
from legday.model import Profile
from legday.planner import make_plan
from legday.services import Logbook
from legday.store.uow import Database

BIN = Path(sys.executable).parent
TICK = os.sysconf("SC_CLK_TCK")
APPLICATION = "legday-bench-warm"  # names the benchmark's PostgreSQL connections
ENGINES = ("sqlite", "postgresql")


def prepare(url: str, stored: int) -> tuple[str, str]:
    """The logbook at `url` with one athlete and `stored` sets: the day of the plan's first
    session and an exercise of it."""
    db = Database(url)
    db.migrate()
    book = Logbook(db.uow, load_catalogue(), make_plan, read_stored_runs, now=lambda: NOW)
    book.add_athlete("bench", Profile(start=START, weeks=12), [str(CALENDAR)], START)
    with db.uow() as uow:
        athlete = uow.repo.get_athlete("bench")
        assert athlete is not None
        sessions = uow.repo.planned_sessions(athlete.id, START, START + timedelta(weeks=12))
    main = [p.exercise for p in sessions[0].main]
    seed(db, athlete.id, main, stored)
    db.dispose()
    return sessions[0].day.isoformat(), main[0]


@contextmanager
def logbook_url(engine: str) -> Iterator[str]:
    """A new, empty store of `engine`; a PostgreSQL one names its connections."""
    if engine == "sqlite":
        with sqlite_url() as url:
            yield url
        return
    with postgres_url() as url:
        named = make_url(url).update_query_dict({"application_name": APPLICATION})
        yield named.render_as_string(hide_password=False)


def open_connections(url: str) -> int | None:
    """PostgreSQL connections of the benchmark's address (`APPLICATION`) open now, this
    query's own left out; None on SQLite."""
    if not url.startswith("postgresql"):
        return None
    admin = create_engine(make_url(url).difference_update_query(["application_name"]))
    try:
        with admin.connect() as connection:
            found = connection.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name"),
                {"name": APPLICATION},
            ).scalar()
    finally:
        admin.dispose()
    return int(found or 0)


def worker_cpu(pid: int) -> float:
    """Seconds of CPU the worker has used (user + system)."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def resident_mb(pid: int) -> float:
    """The worker's resident memory (VmRSS), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def timed(
    argv: list[str], env: dict[str, str]
) -> tuple[float, float, subprocess.CompletedProcess[bytes]]:
    """Wall and CPU seconds of one whole process, and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, check=False)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if done.returncode != 0:
        raise RuntimeError(f"{argv}: {done.stderr.decode()[-300:]}")
    return wall, cpu, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stored", type=int, default=100_000, help="sets in the logbook")
    parser.add_argument("--runs", type=int, default=15, help="rounds (median of these)")
    parser.add_argument("--only", choices=ENGINES, help="one engine (default: both)")
    args = parser.parse_args()
    with Path("/proc/cpuinfo").open(encoding="utf-8") as info:
        model = next(
            (ln.split(":", 1)[1].strip() for ln in info if ln.startswith("model name")), ""
        )
    print(f"machine: {model or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    engines = [args.only] if args.only else list(ENGINES)
    for number, engine in enumerate(engines):
        try:
            with logbook_url(engine) as url:
                bench_engine(engine, url, args.stored, args.runs, plans=number == 0)
        except Exception as error:
            if engine == "sqlite":
                raise
            print(f"postgresql: skipped ({type(error).__name__}: {str(error).splitlines()[0]})")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


def bench_engine(engine: str, url: str, stored: int, runs: int, *, plans: bool) -> None:
    """Start a worker for the logbook at `url`, measure, stop it."""
    day, exercise = prepare(url, stored)
    with tempfile.TemporaryDirectory(prefix="ld-bench-", dir="/tmp") as tmp:
        folder = Path(tmp)
        (folder / "run").mkdir(mode=0o700)
        (folder / "none").mkdir(mode=0o700)
        base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        base.pop("LEGDAY_NO_DAEMON", None)
        env = {**base, "LEGDAY_DATABASE_URL": url, "LEGDAY_TODAY": day,
               "LEGDAY_CONFIG_DIR": str(folder / "config"), "LEGDAY_ATHLETE": "bench",
               "LEGDAY_CACHE_DIR": str(folder / "cache"),
               "LEGDAY_RUNTIME_DIR": str(folder / "run")}  # fmt: skip
        cold = {**env, "LEGDAY_RUNTIME_DIR": str(folder / "none")}
        legday = (
            [str(BIN / "legday")] if (BIN / "legday").exists() else [sys.executable, "-m", "legday"]
        )
        commands = {
            "today": ["today"],
            "log (3 sets)": ["log", "-e", exercise, "--sets", "3", "--reps", "10", "--rpe", "7"],
        }
        if plans:
            plan = ["plan", "--runs", str(CALENDAR), "--start", START.isoformat(), "--weeks", "52"]
            commands["plan -f json, 52 weeks"] = [*plan, "-f", "json"]
            commands["plan (table), 52 weeks"] = plan
        started = subprocess.run([*legday, "daemon", "start", "--idle-minutes", "60"],
                                 env=env, capture_output=True, text=True, check=False)  # fmt: skip
        if started.returncode != 0:
            raise SystemExit(f"the worker did not start: {started.stderr}")
        try:
            pid = int(next((folder / "run").glob("*.pid")).read_text().strip())
            print(f"\n{engine}: {stored:,} sets stored")
            measure(legday, commands, env, cold, pid, runs)
            left = open_connections(url)
            if left is not None:
                print(f"PostgreSQL connections open after the rounds (worker idle): {left}")
        finally:
            subprocess.run([*legday, "daemon", "stop"], env=env, capture_output=True, check=False)


def measure(
    legday: list[str],
    commands: dict[str, list[str]],
    env: dict[str, str],
    cold: dict[str, str],
    pid: int,
    runs: int,
) -> None:
    variants: dict[str, tuple[list[str], dict[str, str]]] = {
        "python -c pass": ([sys.executable, "-c", "pass"], env)
    }
    for name, args in commands.items():
        variants[f"{name}, cold"] = ([*legday, *args], cold)
        variants[f"{name}, warm"] = ([*legday, *args], env)
    for argv, where in variants.values():  # untimed: bytecode caches, first imports
        timed(argv, where)
    for name, args in commands.items():
        _, _, cold_run = timed([*legday, *args], cold)
        _, _, warm_run = timed([*legday, *args], env)
        same = (cold_run.stdout, cold_run.stderr) == (warm_run.stdout, warm_run.stderr)
        if not same:
            raise SystemExit(f"{name}: the warm output differs from the cold one")
    memory = resident_mb(pid)
    wall: dict[str, list[float]] = {name: [] for name in variants}
    cpu: dict[str, list[float]] = {name: [] for name in variants}
    served: dict[str, float] = dict.fromkeys(variants, 0.0)
    for _ in range(runs):
        for name, (argv, where) in variants.items():
            before = worker_cpu(pid)
            seconds, used, _ = timed(argv, where)
            served[name] += worker_cpu(pid) - before
            wall[name].append(seconds)
            cpu[name].append(used)
    bare_wall = statistics.median(wall["python -c pass"]) * 1000
    bare_cpu = statistics.median(cpu["python -c pass"]) * 1000
    print(f"whole processes, median of {runs} interleaved rounds; `python -c pass` "
          f"{bare_wall:.1f} ms wall, {bare_cpu:.1f} ms CPU; load average "
          f"{os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"{'':32} {'wall ms':>8} {'ratio':>6} {'CPU ms':>7} {'worker CPU ms':>14}")
    for name in variants:
        if name == "python -c pass":
            continue
        ms = statistics.median(wall[name]) * 1000
        own = statistics.median(cpu[name]) * 1000
        helper = served[name] / runs * 1000
        print(f"{name:32} {ms:8.1f} {ms / bare_wall:5.1f}x {own:7.1f} {helper:14.1f}")
    print("targets: a logbook command <= 5x, plan <= 6x (wall, against python -c pass)")
    print(f"worker resident memory: {memory:.1f} MB before the rounds, "
          f"{resident_mb(pid):.1f} MB after {runs * len(commands)} more commands")  # fmt: skip


if __name__ == "__main__":
    main()
