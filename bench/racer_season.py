"""A coach's read of a 10K racer's season (issue 13, points 3-5), over random racers.

The coach read an intermediate 10K racer's season (dumbbells and kettlebells up to
18-20 kg, several B and C races) and found no jumps all season, every lift at 2 sets, and
loads that never reached the athlete's heaviest weights. This counts, over random
intermediate and advanced racers of that kind (`season_racer`):

- plans with plyometric contacts in build, peak and race weeks (the in-season weeks), and
  in-season weeks (with a session) holding jumps, or any fast work (jumps or a power lift);
- jumps less than 48 h before a key run or race (bench/key_runs.py: must stay 0);
- anchor sets by phase (anchors not for care, not met for the first time, outside eased
  sessions): the mean, and the share at 3 sets or more;
- the heaviest load an anchor reaches, as a share of the heaviest weight the athlete owns
  of its implement (dumbbells, kettlebells);
- hard findings (must stay 0), sessions a plan, the most RPE prescribed.

    PYTHONHASHSEED=0 .venv/bin/python bench/racer_season.py [ATHLETES]   # 80 by default

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after; the
figures in docs/planner.md (section 3.21) came from it.
"""

from __future__ import annotations

import random
import sys
from collections import Counter, defaultdict
from datetime import date, time, timedelta
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).parent))

from key_runs import jumps_before_key_runs

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import (
    Equipment,
    ExerciseKind,
    Level,
    Phase,
    Plan,
    Profile,
    Role,
    Run,
    RunKind,
)
from legday.planner import make_plan

START = date(2027, 1, 4)
IN_SEASON = frozenset({Phase.BUILD, Phase.PEAK, Phase.RACE})
PHASES = (Phase.OFF_SEASON, Phase.BASE, Phase.BUILD, Phase.PEAK)


def season_racer(rng: random.Random) -> tuple[Profile, list[Run]]:
    """An intermediate or advanced 10K racer over 16-24 weeks: one or two hard runs and a
    long run a week, easy runs between; 2-5 B and C races in the second half (a race
    season), sometimes an A race at the end; dumbbell pairs up to 14-24 kg and often
    kettlebells up to 12-24 kg; now and then a masters age."""
    weeks = rng.randint(16, 24)
    hard = rng.sample(range(5), rng.randint(1, 2))
    long_day = rng.choice([5, 6])
    race_days: dict[date, str] = {}
    for week in rng.sample(range(weeks // 2, weeks - 1), rng.randint(2, 5)):
        race_days[START + timedelta(weeks=week, days=rng.choice([5, 6]))] = rng.choice("BCC")
    if rng.random() < 0.5:
        race_days[START + timedelta(weeks=weeks - 1, days=6)] = "A"
    runs: list[Run] = []
    for offset in range(7 * weeks):
        day = START + timedelta(days=offset)
        if day in race_days or day + timedelta(days=1) in race_days:
            continue
        if day.weekday() in hard:
            runs.append(Run(day, "Intervals", RunKind.HARD, time(18, 30), None, 60))
        elif day.weekday() == long_day:
            runs.append(Run(day, "Long run", RunKind.LONG, time(8), None, 90))
        elif rng.random() < 0.5:
            runs.append(Run(day, "Easy run", RunKind.EASY, time(7), None, 40))
    for day, priority in race_days.items():
        runs.append(Run(day, "10K race", RunKind.RACE, time(9), None, 45, priority=priority))
    kit = {Equipment.BODYWEIGHT, Equipment.WALL, Equipment.DUMBBELLS}
    kit |= set(rng.sample([Equipment.BENCH, Equipment.STEP, Equipment.BAND], rng.randint(0, 2)))
    bells: tuple[float, ...] = ()
    if rng.random() < 0.6:
        kit.add(Equipment.KETTLEBELL)
        top = rng.choice([12.0, 16.0, 20.0, 24.0])
        bells = tuple(kg for kg in (8.0, 12.0, 16.0, 20.0, 24.0) if kg <= top)[-rng.randint(1, 3) :]
    profile = Profile(
        start=START,
        weeks=weeks,
        sessions=rng.choice([None, None, 2, 3]),
        level=rng.choice([Level.INTERMEDIATE, Level.ADVANCED]),
        equipment=frozenset(kit),
        minutes=rng.choice([30, 45, 45, 60]),
        recovery_every=rng.choice([3, 4, 4, 5]),
        seed=rng.randrange(1 << 16),
        dumbbells_kg=tuple(
            float(kg) for kg in range(rng.choice([2, 4]), rng.choice(range(14, 25, 2)) + 1, 2)
        ),
        kettlebells_kg=bells,
        event="10k",
        age=rng.choice([None, None, None, 30, 42, 55]),
    )
    return profile, runs


def count(
    profile: Profile,
    runs: list[Run],
    plan: Plan,
    catalogue: Catalogue,
    found: Counter[str],
    values: dict[str, list[float]],
) -> None:
    """Add this plan's figures to `found` (counts) and `values` (to average)."""
    found["plans"] += 1
    found["hard findings"] += sum(v.hard for v in plan.violations)
    values["sessions a plan"].append(len(plan.sessions))
    found["most RPE prescribed above 8"] += any(
        p.target_rpe > 8 for s in plan.sessions for p in s.main
    )
    weeks_jumping: dict[int, tuple[bool, bool]] = {}
    for s in plan.sessions:
        if s.phase not in IN_SEASON:
            continue
        week = (s.day - profile.start).days // 7
        jumps = any(p.kind is ExerciseKind.PLYOMETRIC for p in s.main)
        fast = jumps or any(p.role is Role.POWER for p in s.main)
        before = weeks_jumping.get(week, (False, False))
        weeks_jumping[week] = (before[0] or jumps, before[1] or fast)
    if weeks_jumping:
        found["plans with in-season sessions"] += 1
        found["  with jumps in season"] += any(j for j, _ in weeks_jumping.values())
        found["in-season weeks with a session"] += len(weeks_jumping)
        found["  with jumps"] += sum(j for j, _ in weeks_jumping.values())
        found["  with fast work (jumps or a power lift)"] += sum(
            f for _, f in weeks_jumping.values()
        )
    found["plans with jumps at all"] += any(
        p.kind is ExerciseKind.PLYOMETRIC for s in plan.sessions for p in s.main
    )
    found["jumps less than 48 h before a key run or race"] += len(
        list(jumps_before_key_runs(plan, runs, catalogue))
    )
    for s in plan.sessions:
        if s.phase not in PHASES or s.lighter not in (None,):
            continue
        for p in s.main:
            if p.role is Role.ANCHOR and not p.injury_care and not p.new:
                values[f"anchor sets, {s.phase.value}"].append(p.sets)
    kit = kit_of(profile)
    for implement in ("dumbbells", "kettlebell"):
        owned = kit.loads(implement)
        loads = [
            p.load_kg
            for s in plan.sessions
            for p in s.main
            if p.role is Role.ANCHOR and p.implement == implement and p.load_kg
        ]
        if owned and loads:
            values[f"{implement}: top anchor load / heaviest owned"].append(max(loads) / max(owned))
            found[f"{implement}: plans reaching the heaviest owned"] += max(loads) >= max(owned)
            found[f"{implement}: plans using them"] += 1
    heaviest = max(
        (
            p.load_kg or 0
            for s in plan.sessions
            for p in s.main
            if p.implement in ("dumbbells", "kettlebell")
        ),
        default=0,
    )
    owned_top = max([*profile.dumbbells_kg, *profile.kettlebells_kg], default=0)
    values["top load of any lift / heaviest owned"].append(heaviest / owned_top if owned_top else 0)


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 80
    catalogue = load_catalogue()
    rng = random.Random(1321)
    found: Counter[str] = Counter()
    values: dict[str, list[float]] = defaultdict(list)
    for _ in range(athletes):
        profile, runs = season_racer(rng)
        count(profile, runs, make_plan(profile, runs, catalogue), catalogue, found, values)
    for key, value in found.items():
        print(f"{key}: {value}")
    for key, seen in sorted(values.items()):
        if key.startswith("anchor sets"):
            share = sum(v >= 3 for v in seen) / len(seen)
            print(f"{key}: mean {mean(seen):.2f}, 3+ sets {100 * share:.0f} % (n={len(seen)})")
        else:
            print(f"{key}: mean {mean(seen):.2f} (n={len(seen)})")


if __name__ == "__main__":
    main()
