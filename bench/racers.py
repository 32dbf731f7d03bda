"""Count what a coach's read of an intermediate racer's plan found (issue 13), over random
racing athletes: heavy anchors that climb, the owned kit used, few new exercises at once,
honest race-week labels and no three light weeks before a goal race.

    python bench/racers.py [ATHLETES]   # 40 by default, 14 weeks each

Run it on two trees (PYTHONPATH=<tree>/src) to compare before and after; the figures in
docs/planner.md (section 3.12) came from it.
"""

from __future__ import annotations

import random
import sys
from collections import Counter, defaultdict
from datetime import date, time, timedelta
from itertools import pairwise

from legday.catalogue.loader import load_catalogue
from legday.model import (
    REST_PHASES,
    Equipment,
    Level,
    Phase,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
    RunKind,
)
from legday.planner import make_plan

START = date(2027, 1, 4)
WEEKS = 14
LIGHT = REST_PHASES | {Phase.TAPER, Phase.RACE}
EASING = frozenset({Phase.TAPER, Phase.RACE})


def random_racer(rng: random.Random) -> tuple[Profile, list[Run]]:
    """An intermediate or advanced 10K-to-half racer: one or two hard runs and a long run a
    week, dumbbell pairs in 2 kg steps up to 16-24 kg (some with kettlebells or a
    barbell), an A race in weeks 10-13 and a B race about half-way to it."""
    a_week = rng.randint(9, 12)
    b_week = rng.randint(a_week // 2 - 1, a_week // 2 + 1)
    a_day = START + timedelta(weeks=a_week, days=rng.choice([5, 6]))
    b_day = START + timedelta(weeks=b_week, days=rng.choice([5, 6]))
    hard = rng.sample([1, 2, 3], rng.randint(1, 2))
    long_day = rng.choice([5, 6])
    runs: list[Run] = []
    for week in range(WEEKS):
        monday = START + timedelta(weeks=week)
        for d in range(7):
            day = monday + timedelta(days=d)
            if day in (a_day, b_day) or day + timedelta(days=1) in (a_day, b_day):
                continue
            if d in hard:
                runs.append(Run(day, "Intervals", RunKind.HARD, time(18, 30), None, 60))
            elif d == long_day:
                runs.append(Run(day, "Long run", RunKind.LONG, time(8), None, 100))
            elif rng.random() < 0.5:
                runs.append(Run(day, "Easy run", RunKind.EASY, time(7), None, 40))
    runs.append(Run(b_day, "10K race", RunKind.RACE, time(9), None, 45, priority="B"))
    runs.append(Run(a_day, "Half marathon", RunKind.RACE, time(9), None, 95, priority="A"))
    top = rng.choice([16, 18, 20, 22, 24])
    kit = {Equipment.BODYWEIGHT, Equipment.WALL, Equipment.DUMBBELLS}
    kit |= set(rng.sample([Equipment.BENCH, Equipment.STEP, Equipment.BAND], rng.randint(0, 2)))
    bells: tuple[float, ...] = ()
    if rng.random() < 0.5:
        kit.add(Equipment.KETTLEBELL)
        bells = tuple(sorted(rng.sample([8.0, 12.0, 16.0, 20.0, 24.0], rng.randint(1, 2))))
    if rng.random() < 0.25:
        kit.add(Equipment.BARBELL)
    profile = Profile(
        start=START,
        weeks=WEEKS,
        sessions=rng.choice([None, None, 2, 3]),
        level=rng.choice([Level.INTERMEDIATE, Level.ADVANCED]),
        equipment=frozenset(kit),
        minutes=rng.choice([45, 45, 60]),
        recovery_every=rng.choice([4, 4, 4, 3, 5]),
        seed=rng.randrange(1 << 16),
        dumbbells_kg=tuple(float(kg) for kg in range(rng.choice([2, 4]), top + 1, 2)),
        kettlebells_kg=bells,
        event=rng.choice(["10k", "half"]),
    )
    return profile, runs


def count(profile: Profile, plan: Plan, found: Counter[str]) -> None:
    """Add this plan's figures to `found`."""
    # heavy anchors: loaded anchors of a block's training weeks, by block and lift
    by_block: dict[tuple[int, str], list[Prescription]] = defaultdict(list)
    for s in plan.sessions:
        if s.phase in EASING or not s.block:
            continue
        for p in s.main:
            if p.role is Role.ANCHOR and p.load_kg is not None and not p.injury_care:
                by_block[(s.block, p.exercise)].append(p)
    for seen in by_block.values():
        if len(seen) < 3:
            continue
        first = seen[0]
        found["heavy anchors held 3+ sessions in a block"] += 1
        found["  whose load or reps rise"] += any(
            (p.load_kg or 0) > (first.load_kg or 0)
            or (p.load_kg == first.load_kg and (p.reps or 0) > (first.reps or 0))
            for p in seen
        )
        found["  whose load rises"] += any((p.load_kg or 0) > (first.load_kg or 0) for p in seen)
        found["  whose load, reps or sets rise"] += any(
            (p.load_kg or 0) > (first.load_kg or 0)
            or (p.load_kg == first.load_kg and (p.reps or 0) > (first.reps or 0))
            or p.sets > first.sets
            for p in seen
        )
        found["  whose reps rise at a load"] += any(
            a.load_kg == b.load_kg and (b.reps or 0) > (a.reps or 0) for a, b in pairwise(seen)
        )
        found["  with reps above 6"] += any((p.reps or 0) > 6 for p in seen)
    used = [
        p.load_kg
        for s in plan.sessions
        for p in s.main
        if p.role is Role.ANCHOR and p.implement == "dumbbells" and p.load_kg is not None
    ]
    owned = max(profile.dumbbells_kg)
    found["plans"] += 1
    found["sum of max dumbbell kg used / owned (%)"] += round(100 * max(used, default=0) / owned)
    found["plans using the top two owned pairs"] += max(used, default=0) >= owned - 2
    # new exercises at once, after the first week
    week_one = plan.start + timedelta(days=7)
    for s in plan.sessions:
        if s.day >= week_one:
            found["sessions after week 1"] += 1
            found["  with more than 2 new exercises"] += sum(p.new for p in s.main) > 2
    # labels
    for s in plan.sessions:
        if s.phase in EASING:
            found["race and taper sessions"] += 1
            found["  labelled 'week N of M in block'"] += " in block " in s.why
    # light weeks before an A race
    phases = [w.phase for w in plan.weeks]
    for race in plan.race_days:
        if race.priority != "A":
            continue
        i = (race.day - plan.start).days // 7
        if i < 2:
            continue
        found["A races"] += 1
        before = phases[i - 2 : i]
        found["  preceded by 3 light weeks (race week included)"] += all(p in LIGHT for p in before)
    for before, after in pairwise(phases):
        found["recovery weeks right before a taper"] += (before, after) == (
            Phase.RECOVERY,
            Phase.TAPER,
        )
        found["two recovery weeks in a row"] += before == after == Phase.RECOVERY
    for v in plan.violations:
        found[f"findings: {v.rule}{'' if v.hard else ' (soft)'}"] += 1


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    catalogue = load_catalogue()
    rng = random.Random(1313)
    found: Counter[str] = Counter()
    for _ in range(athletes):
        profile, runs = random_racer(rng)
        count(profile, make_plan(profile, runs, catalogue), found)
    for key, value in found.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
