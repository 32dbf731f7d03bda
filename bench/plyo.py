"""Jump training that progresses, and power work kept (issue 13, points 4, 5 and 9).

A coach read plans and found jumps sampled, not trained: a different drill here and
there, the same few contacts whatever the week, and no fast work at all for a masters
runner whose level or calendar kept jumps out. This counts, over random athletes
(bench/athletes.py, 20 weeks, a random age so about a third are masters):

- blocks that jump in two sessions or more, and of them those that keep one drill;
  plans whose every such block keeps one drill;
- contacts from one training week to the next inside a block (the same drill): rises,
  holds and falls, the mean rise, and rises of more than 25 %;
- the contacts a drill starts at and the most a plan reaches, by level;
- the stage of each block's drill: plans whose stage falls from one jumping block to
  the next, plans reaching stages 2 and 3;
- jumps less than 48 h before a key run or race (bench/key_runs.py: must be 0), jump
  drills met for the first time in a week that may bring nothing new;
- masters athletes (50+): training weeks (off-season to peak, with a full session or a
  key run's eve) with fast work (a jump drill or a power lift), and plans with fast work
  in three quarters of their training weeks or more.

    PYTHONHASHSEED=0 .venv/bin/python bench/plyo.py [athletes]   # 200 by default

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after.
"""

from __future__ import annotations

import random
import statistics
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete
from key_runs import jumps_before_key_runs

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import ExerciseKind, Lighter, Phase, Plan, Prescription, Profile, Run
from legday.planner import make_plan

WEEKS = 20
AGES = (None, None, 28, 35, 44, 52, 58, 66)
EASING = frozenset({Phase.TAPER, Phase.RACE})
TRAINING = frozenset({Phase.OFF_SEASON, Phase.BASE, Phase.BUILD, Phase.PEAK})
NOTHING_NEW = frozenset({Lighter.TAPER, Lighter.RACE_WEEK, Lighter.RECOVERY_WEEK})
BIG_RISE = 0.25
LEVELS = ("beginner", "intermediate", "advanced")
# the figures in the order they are printed (a run that finds none still shows 0)
ORDER = (
    "plans",
    "hard findings",
    "sessions",
    "sessions with jumps",
    "sessions with power work",
    "plans with jumps",
    "blocks jumping twice or more",
    "  of them with one drill",
    "plans keeping one drill in every block",
    "week pairs (same drill, block)",
    "  contacts rise",
    "  rises above 25 %",
    "  contacts hold",
    "  contacts fall",
    "plans whose stage falls between blocks",
    *(
        f"{level} plans {what}"
        for level in LEVELS
        for what in ("with jumps", "reaching stage 2", "reaching stage 3")
    ),
    "jumps less than 48 h before a key run or race",
    "jump drills new in a week that brings nothing new",
    "masters plans",
    "masters training weeks",
    "  with fast work",
    "masters plans with fast work at all",
    "masters plans with fast work in 3/4 of training weeks",
)


def _jump(main: tuple[Prescription, ...]) -> Prescription | None:
    return next((p for p in main if p.kind is ExerciseKind.PLYOMETRIC), None)


def _fast(main: tuple[Prescription, ...]) -> bool:
    """A jump drill, or a lift the plan marks as power work (its role's value)."""
    return any(p.kind is ExerciseKind.PLYOMETRIC or p.role.value == "power" for p in main)


def count(
    profile: Profile,
    runs: list[Run],
    plan: Plan,
    catalogue: Catalogue,
    found: Counter[str],
    by_level: dict[str, list[int]],
) -> None:
    """Add this plan's figures to `found`, and its contacts by level to `by_level`."""
    level = profile.level.value
    found["plans"] += 1
    found["hard findings"] += sum(v.hard for v in plan.violations)
    blocks: dict[int, list[tuple[int, Prescription]]] = defaultdict(list)
    for s in plan.sessions:
        jump = _jump(s.main)
        found["sessions"] += 1
        if jump is None:
            continue
        found["sessions with jumps"] += 1
        if jump.new and s.lighter in NOTHING_NEW:
            found["jump drills new in a week that brings nothing new"] += 1
        if s.phase not in EASING and s.lighter is None:
            week = (s.day - profile.start).days // 7
            blocks[s.block].append((week, jump))
    if blocks:
        found["plans with jumps"] += 1
    same_everywhere = True
    stages: list[int] = []
    contacts: list[int] = []
    for block in sorted(blocks):
        seen = blocks[block]
        drills = {p.exercise for _, p in seen}
        stages.append(max(catalogue[d].stage for d in drills))
        contacts += [p.contacts for _, p in seen]
        if len(seen) >= 2:
            found["blocks jumping twice or more"] += 1
            found["  of them with one drill"] += len(drills) == 1
            same_everywhere = same_everywhere and len(drills) == 1
        # week to week, the same drill: the week's first session against the last week's
        weekly: dict[tuple[str, int], int] = {}
        for week, p in seen:
            weekly.setdefault((p.exercise, week), p.contacts)
        for (drill, week), amount in weekly.items():
            before = weekly.get((drill, week - 1))
            if before is None:
                continue
            found["week pairs (same drill, block)"] += 1
            if amount > before:
                found["  contacts rise"] += 1
                found["  rises above 25 %"] += amount > before * (1 + BIG_RISE)
                by_level["rise %"].append(round(100 * (amount / before - 1)))
            elif amount == before:
                found["  contacts hold"] += 1
            else:
                found["  contacts fall"] += 1
    if blocks:
        found["plans keeping one drill in every block"] += same_everywhere
        found["plans whose stage falls between blocks"] += any(b < a for a, b in pairwise(stages))
        found[f"{level} plans with jumps"] += 1
        found[f"{level} plans reaching stage 2"] += max(stages) >= 2
        found[f"{level} plans reaching stage 3"] += max(stages) >= 3
        by_level[f"{level} first contacts"].append(contacts[0])
        by_level[f"{level} most contacts"].append(max(contacts))
    found["jumps less than 48 h before a key run or race"] += len(
        list(jumps_before_key_runs(plan, runs, catalogue))
    )
    if profile.masters:
        found["masters plans"] += 1
        weeks: dict[int, bool] = {}
        for s in plan.sessions:
            if s.phase not in TRAINING or s.lighter not in (None, Lighter.KEY_RUN_EVE):
                continue  # recovery, taper, race weeks and the way back step back on purpose
            week = (s.day - profile.start).days // 7
            weeks[week] = weeks.get(week, False) or _fast(s.main)
        found["masters training weeks"] += len(weeks)
        found["  with fast work"] += sum(weeks.values())
        found["masters plans with fast work at all"] += any(weeks.values())
        found["masters plans with fast work in 3/4 of training weeks"] += bool(weeks) and (
            sum(weeks.values()) >= 0.75 * len(weeks)
        )
    found["sessions with power work"] += sum(
        any(p.role.value == "power" for p in s.main) for s in plan.sessions
    )


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    catalogue = load_catalogue()
    rng = random.Random(4444)
    found: Counter[str] = Counter(dict.fromkeys(ORDER, 0))
    by_level: dict[str, list[int]] = defaultdict(list)
    for _ in range(athletes):
        profile, runs = random_athlete(rng, WEEKS)
        profile = replace(profile, age=rng.choice(AGES))
        count(profile, runs, make_plan(profile, runs, catalogue), catalogue, found, by_level)
    for key, value in found.items():
        print(f"{key}: {value}")
    for key, values in sorted(by_level.items()):
        print(f"{key}: median {statistics.median(values)}, range {min(values)}-{max(values)}")


if __name__ == "__main__":
    main()
