"""Two source trees timed in turns, in one run: the machine's speed drifts, so a change
is measured against the tree before it side by side, never against an old figure.

    python bench/versus.py OLD_SRC NEW_SRC [ROUNDS] [--wall]

Each round times `run.plan_52_weeks` once per tree, each in a fresh process with that
tree first on PYTHONPATH, and the speed index beside it; the medians are printed. The
clock is the process's CPU time: on a machine shared with other work the wall clock also
counts the waits for a core, which swamp a change of a few per cent (`--wall` times
with the wall clock all the same, as `make bench` does).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
ONE_ROUND = (
    "import sys, time; sys.path.insert(0, {here!r}); import run; "
    "{clock}"
    "print(run.speed_index(), run.plan_52_weeks())"
)
CPU_CLOCK = "time.perf_counter = time.process_time; "


def timed(src: str, *, wall: bool) -> tuple[float, float]:
    """(speed index, 52-week plan) in ms, for the tree at `src`."""
    env = {**os.environ, "PYTHONPATH": src}
    clock = "" if wall else CPU_CLOCK
    out = subprocess.run(
        [sys.executable, "-c", ONE_ROUND.format(here=str(HERE), clock=clock)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    wall = "--wall" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--wall"]
    old, new = args[0], args[1]
    rounds = int(args[2]) if len(args) > 2 else 3
    clock = "wall" if wall else "CPU"
    figures: dict[str, list[tuple[float, float]]] = {old: [], new: []}
    for _ in range(rounds):
        for src in (old, new):
            figures[src].append(timed(src, wall=wall))
    for label, src in (("old", old), ("new", new)):
        index = statistics.median(f[0] for f in figures[src])
        plan = statistics.median(f[1] for f in figures[src])
        each = ", ".join(f"{f[1]:.1f}" for f in figures[src])
        print(
            f"{label} {src}: 52-week plan {plan:.1f} ms {clock} ({each}), "
            f"speed index {index:.0f} ms {clock}"
        )


if __name__ == "__main__":
    main()
