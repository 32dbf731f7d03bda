"""Whole `legday` processes with and without the warm worker (issue 15, item 5; docs/daemon.md).

The targets: a logbook command as a whole process <= 5x `python -c pass` of the same
interpreter, `legday plan` <= 6x. A cold process cannot get there (its imports alone are
~30x: docs/benchmarks.md); with `legday daemon start` the process that runs is the front
(`legday.cli.warm`) and the command runs in the warm worker.

One SQLite logbook (an athlete added as the CLI adds one, then 10^5 sets bulk-loaded before
the plan starts, as bench/logbook.py does), and, interleaved round by round so the machine's
drift touches every variant alike, median of `--runs` rounds each:

- `python -c pass` (the venv's interpreter, which the `legday` script runs);
- `legday today`, `legday log -e ... --sets 3 ...`, `legday plan ... --weeks 52` as JSON and
  as the default table, each cold (a runtime folder with no worker: what every user without
  one runs, front included) and warm (the worker running).

Wall time is the ratio that counts for the user. CPU is given too: the process's own, and
for a warm run the worker's share (its /proc ticks over all the warm runs of a command, per
run; 10 ms ticks, so an average). Bytecode caches on, as installed: PYTHONDONTWRITEBYTECODE
(set in this sandbox) is dropped and every command runs once untimed first. Each warm
command's output is checked to be the cold one's, byte for byte.
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
from datetime import timedelta
from pathlib import Path

from logbook import CALENDAR, NOW, START, seed

from legday.bootstrap import read_stored_runs
from legday.catalogue.loader import load_catalogue
from legday.model import Profile
from legday.planner import make_plan
from legday.services import Logbook
from legday.store.uow import Database

BIN = Path(sys.executable).parent
TICK = os.sysconf("SC_CLK_TCK")


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


def worker_cpu(pid: int) -> float:
    """Seconds of CPU the worker has used (user + system)."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


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
    args = parser.parse_args()
    with Path("/proc/cpuinfo").open(encoding="utf-8") as info:
        model = next(
            (ln.split(":", 1)[1].strip() for ln in info if ln.startswith("model name")), ""
        )
    print(f"machine: {model or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}")  # fmt: skip

    with tempfile.TemporaryDirectory(prefix="ld-bench-", dir="/tmp") as tmp:
        folder = Path(tmp)
        url = f"sqlite:///{folder / 'bench.db'}"
        day, exercise = prepare(url, args.stored)
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
        plan = ["plan", "--runs", str(CALENDAR), "--start", START.isoformat(), "--weeks", "52"]
        commands = {
            "today": ["today"],
            "log (3 sets)": ["log", "-e", exercise, "--sets", "3", "--reps", "10", "--rpe", "7"],
            "plan -f json, 52 weeks": [*plan, "-f", "json"],
            "plan (table), 52 weeks": plan,
        }
        started = subprocess.run([*legday, "daemon", "start", "--idle-minutes", "60"],
                                 env=env, capture_output=True, text=True, check=False)  # fmt: skip
        if started.returncode != 0:
            raise SystemExit(f"the worker did not start: {started.stderr}")
        try:
            pid = int(Path(folder / "run").glob("*.pid").__next__().read_text().strip())
            measure(legday, commands, env, cold, pid, args.runs)
        finally:
            subprocess.run([*legday, "daemon", "stop"], env=env, capture_output=True, check=False)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


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
          f"{bare_wall:.1f} ms wall, {bare_cpu:.1f} ms CPU")  # fmt: skip
    print(f"{'':32} {'wall ms':>8} {'ratio':>6} {'CPU ms':>7} {'worker CPU ms':>14}")
    for name in variants:
        if name == "python -c pass":
            continue
        ms = statistics.median(wall[name]) * 1000
        own = statistics.median(cpu[name]) * 1000
        helper = served[name] / runs * 1000
        print(f"{name:32} {ms:8.1f} {ms / bare_wall:5.1f}x {own:7.1f} {helper:14.1f}")
    print("targets: a logbook command <= 5x, plan <= 6x (wall, against python -c pass)")


if __name__ == "__main__":
    main()
