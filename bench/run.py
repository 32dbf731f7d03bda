"""`make bench`: planner speed in process, batch throughput, and whole-process start-up.

Targets (issue 2): <= 10 ms per 52-week plan; >= 1,000 16-week plans/s on 2 cores;
`legday plan` as a whole process <= 3x the wall time of `python3 -c pass`.
Figures are printed with the machine they were measured on; nothing here is a test.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete

from legday.catalogue.loader import load_catalogue
from legday.planner import make_plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "src" / "legday" / "examples" / "marathon-plan.ics"


def median_ms(action: object, repeat: int) -> float:
    assert callable(action)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def plan_52_weeks() -> float:
    catalogue = load_catalogue()
    rng = random.Random(52)
    athletes = [random_athlete(rng, 52) for _ in range(20)]
    for profile, runs in athletes[:3]:
        make_plan(profile, runs, catalogue)  # warm caches
    per_athlete = [median_ms(lambda p=p, r=r: make_plan(p, r, catalogue), 5) for p, r in athletes]
    return statistics.median(per_athlete)


def _batch(seeds: list[int]) -> int:
    catalogue = load_catalogue()
    for seed in seeds:
        profile, runs = random_athlete(random.Random(seed), 16)
        make_plan(profile, runs, catalogue)
    return len(seeds)


def batch_throughput(count: int = 1000, workers: int = 2) -> float:
    chunks = [list(range(i, count, workers)) for i in range(workers)]
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_batch, [[0]] * workers))  # start the workers, load the catalogue
        started = time.perf_counter()
        done = sum(pool.map(_batch, chunks))
    return done / (time.perf_counter() - started)


def process_ms(args: list[str], repeat: int = 15) -> float:
    """Median wall time of a whole process, as installed for a user: bytecode caches on
    (this sandbox sets PYTHONDONTWRITEBYTECODE, which would recompile legday every run)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def once() -> None:
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=env)

    once()
    return median_ms(once, repeat)


def main() -> None:
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}"
    )
    per_plan = plan_52_weeks()
    print(
        f"52-week plan, in process (median of 20 athletes x 5): {per_plan:.1f} ms  target <= 10 ms"
    )
    rate = batch_throughput()
    print(f"1,000 random athletes x 16 weeks on 2 processes: {rate:,.0f} plans/s  target >= 1,000")
    legday = str(Path(sys.executable).parent / "legday")
    # `python3` here may be a pyenv shim (a shell script, ~100 ms); the fair baseline is the
    # interpreter it runs, which is what the `legday` script starts too.
    real = subprocess.run(
        ["python3", "-c", "import sys; print(sys.executable)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    shim = process_ms(["python3", "-c", "pass"])
    python = process_ms([real, "-c", "pass"])
    csv_plan = process_ms(
        [
            legday,
            "plan",
            "--runs",
            str(ROOT / "bench" / "week.csv"),
            "--start",
            "2027-01-04",
            "--weeks",
            "16",
            "-f",
            "json",
        ]
    )
    ics_plan = process_ms(
        [
            legday,
            "plan",
            "--runs",
            str(EXAMPLE),
            "--start",
            "2027-01-04",
            "--weeks",
            "18",
            "-f",
            "json",
        ]
    )
    print(f"python3 -c pass: {shim:.0f} ms through PATH, {python:.0f} ms for {real} itself")
    print(f"legday plan (CSV calendar): {csv_plan:.0f} ms = {csv_plan / python:.1f}x  target <= 3x")
    print(f"legday plan (example .ics): {ics_plan:.0f} ms = {ics_plan / python:.1f}x")


if __name__ == "__main__":
    main()
