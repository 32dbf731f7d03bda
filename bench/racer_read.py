"""A running coach's read of 10K racers' plans (issue 13, points 3-5), over random racers.

A coach read an intermediate 10K racer's 12 weeks (dumbbells up to 16 kg, a kettlebell)
and found five faults; each check here reads a plan as that coach did and returns one
line a fault, so tests/unit/planner/test_racer_read.py can hold them:

- `no_jumps`: a plan whose weeks could jump (its level and phases allow, and a session
  starts 48 h or more before the next key run or race) holds no jumps at all;
- `stuck_stand_ins`: a power lift standing in for jumps (or a masters athlete's power
  lift), done in 6 or more sessions, whose load, reps and sets after its first three
  sessions never rise above the most of those three;
- `light_heavy_lifts`: a heavy lift (an anchor at 3-6 reps, loaded) whose load stays
  below 60 % of the heaviest weight the athlete owns of its implement, all plan long;
- `heavy_words`: a why's "heavy lifts: N reps" whose numbers leave out a loaded anchor's
  reps;
- `variants_twice`: a session holding two variants of one lift (a reverse lunge and a
  forward lunge: one pattern, steps of one ladder), where neither is for injury care;
  `pattern_twice` counts, wider, two lifts of one pattern (a step-up beside a lunge).

It also counts jumps less than 48 h before a key run or race (must stay 0), the most RPE
and hard findings.

    PYTHONHASHSEED=0 .venv/bin/python bench/racer_read.py [ATHLETES]   # 80 by default

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from itertools import combinations
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).parent))

from key_runs import CLEAR_BEFORE_KEY_RUN, UNTIMED_SESSION, jumps_before_key_runs, key_starts

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import (
    Equipment,
    Exercise,
    ExerciseKind,
    Level,
    Plan,
    Profile,
    Role,
    Run,
    RunKind,
)
from legday.planner import make_plan

START = date(2027, 1, 4)
WEEKS = 12
# a stand-in's first doses (its first time, an eve's primer, a full session's), and the
# sessions after them in which it should have moved on past all of them
FIRST_DOSES = 3
STAND_IN_SESSIONS = 3
LIGHT_SHARE = 0.6  # a heavy lift below this share of the heaviest owned stays light
HEAVY_REPS = range(3, 7)
# the coach's racer's week, and others like it: (hard days, long run day), Monday = 0
WEEK_SHAPES = (((1, 3), 6), ((1, 3), 6), ((1, 3), 5), ((1, 4), 6), ((2,), 6), ((0, 3), 6))


def racer(rng: random.Random) -> tuple[Profile, list[Run]]:
    """An intermediate or advanced 10K racer over 12 weeks: two hard runs (often Tuesday
    and Thursday) and a long run, in the morning or the evening; a B or C race or two in
    the second half; dumbbell pairs up to 12-16 kg and often a kettlebell up to 16 kg;
    now and then a masters age."""
    hard, long_day = rng.choice(WEEK_SHAPES)
    hard_at = rng.choice([time(18, 30), time(18, 30), time(6, 30)])
    long_at = rng.choice([time(8), time(9), time(7)])
    race_days = {
        START + timedelta(weeks=week, days=long_day): rng.choice("BCC")
        for week in rng.sample(range(6, WEEKS - 1), rng.randint(0, 2))
    }
    runs: list[Run] = []
    for offset in range(7 * WEEKS):
        day = START + timedelta(days=offset)
        if day in race_days or day + timedelta(days=1) in race_days:
            continue
        if day.weekday() in hard:
            runs.append(Run(day, "Intervals", RunKind.HARD, hard_at, None, 60))
        elif day.weekday() == long_day:
            runs.append(Run(day, "Long run", RunKind.LONG, long_at, None, 90))
        elif rng.random() < 0.4:
            runs.append(Run(day, "Easy run", RunKind.EASY, time(7), None, 40))
    for day, priority in race_days.items():
        runs.append(Run(day, "10K race", RunKind.RACE, time(9), None, 45, priority=priority))
    kit = {Equipment.BODYWEIGHT, Equipment.WALL, Equipment.DUMBBELLS}
    kit |= set(rng.sample([Equipment.BENCH, Equipment.STEP, Equipment.BAND], rng.randint(0, 2)))
    bells: tuple[float, ...] = ()
    if rng.random() < 0.6:
        kit.add(Equipment.KETTLEBELL)
        bells = tuple(sorted(rng.sample([8.0, 12.0, 16.0], rng.randint(1, 2))))
    profile = Profile(
        start=START,
        weeks=WEEKS,
        sessions=rng.choice([None, None, 2, 3]),
        level=rng.choice([Level.INTERMEDIATE, Level.INTERMEDIATE, Level.ADVANCED]),
        equipment=frozenset(kit),
        minutes=rng.choice([30, 45, 45, 60]),
        recovery_every=rng.choice([3, 4, 4]),
        seed=rng.randrange(1 << 16),
        dumbbells_kg=tuple(
            float(kg) for kg in range(rng.choice([2, 4]), rng.choice([12, 14, 16]) + 1, 2)
        ),
        kettlebells_kg=bells,
        event="10k",
        age=rng.choice([None, None, None, 35, 45, 55]),
    )
    return profile, runs


def clear_days(plan: Plan, runs: Sequence[Run]) -> list[date]:
    """The plan's session days that start 48 h or more before the next key run or race."""
    starts = key_starts(plan, runs)
    found = []
    for s in plan.sessions:
        at = datetime.combine(s.day, s.start or UNTIMED_SESSION)
        if not any(at < k < at + CLEAR_BEFORE_KEY_RUN for k in starts):
            found.append(s.day)
    return found


def no_jumps(plan: Plan, runs: Sequence[Run], catalogue: Catalogue) -> Iterator[str]:
    """A plan without a single jump, though it holds sessions clear of key runs."""
    if any(p.kind is ExerciseKind.PLYOMETRIC for s in plan.sessions for p in s.main):
        return
    yield f"no jumps in {len(plan.sessions)} sessions ({len(clear_days(plan, runs))} clear)"


def stuck_stand_ins(plan: Plan, runs: Sequence[Run], catalogue: Catalogue) -> Iterator[str]:
    """A power stand-in that never moves on: in the STAND_IN_SESSIONS or more after its
    first FIRST_DOSES, no load, reps or sets above the most of those."""
    seen: dict[str, list[tuple[float, int, int]]] = defaultdict(list)
    for s in plan.sessions:
        if s.lighter is not None:
            continue
        for p in s.main:
            if p.role is Role.POWER:
                seen[p.exercise].append((p.load_kg or 0, p.reps or 0, p.sets))
    for exercise, doses in seen.items():
        if len(doses) < STAND_IN_SESSIONS + FIRST_DOSES:
            continue
        first, later = doses[:FIRST_DOSES], doses[FIRST_DOSES:]
        if all(max(d[n] for d in later) <= max(d[n] for d in first) for n in range(3)):
            load, reps, sets = (max(d[n] for d in first) for n in range(3))
            yield f"{exercise}: {len(doses)} sessions, {sets:g} x {reps:g} @ {load:g} kg at most"


def light_heavy_lifts(plan: Plan, runs: Sequence[Run], catalogue: Catalogue) -> Iterator[str]:
    """A heavy lift (an anchor at 3-6 reps, loaded, no care) whose top load stays below
    LIGHT_SHARE of the heaviest the athlete owns of its implement."""
    kit = kit_of(plan.profile)
    top: dict[tuple[str, str], float] = {}
    for s in plan.sessions:
        for p in s.main:
            if p.load_kg is None or p.reps not in HEAVY_REPS or p.injury_care or not p.implement:
                continue
            if p.role is not Role.ANCHOR:
                continue
            key = (p.exercise, p.implement)
            top[key] = max(top.get(key, 0.0), p.load_kg)
    for (exercise, implement), kg in top.items():
        owned = kit.loads(implement)
        if owned:
            SHARES.append(kg / max(owned))
        if owned and kg < LIGHT_SHARE * max(owned):
            yield f"{exercise}: {kg:g} kg at most, {max(owned):g} kg owned"


SHARES: list[float] = []  # each heavy anchor's top load / the heaviest owned, all plans


HEAVY_CLAUSE = re.compile(r"heavy lifts(?: \([^)]*\))?: (?P<low>\d+)(?:-(?P<high>\d+))? reps")


def heavy_words(plan: Plan, runs: Sequence[Run], catalogue: Catalogue) -> Iterator[str]:
    """A why's "heavy lifts: N reps" beside a loaded anchor at other reps (a 3 x 8 the
    reader takes for one of the heavy lifts)."""
    for s in plan.sessions:
        found = HEAVY_CLAUSE.search(s.why)
        if found is None:
            continue
        low = int(found["low"])
        high = int(found["high"] or low)
        named = found[0].split(":")[0]
        for p in s.main:
            if p.role is not Role.ANCHOR or p.load_kg is None or p.reps is None:
                continue
            name = catalogue[p.exercise].name.lower()
            if "(" in named and name.split(",")[0] not in named:
                continue  # the clause names its lifts, and this is none of them
            if not low <= p.reps <= high:
                yield f"{s.day}: says {low}-{high} reps beside {p.exercise} {p.sets} x {p.reps}"


def _lifts(plan: Plan, catalogue: Catalogue) -> Iterator[tuple[date, list[Exercise]]]:
    """Each session's strength lifts that are neither care, nor fast work, nor core."""
    for s in plan.sessions:
        lifts = [
            catalogue[p.exercise]
            for p in s.main
            if not p.injury_care and p.role is not Role.POWER and p.kind is ExerciseKind.STRENGTH
        ]
        yield s.day, [e for e in lifts if e.pattern and e.pattern != "core"]


def _variants(a: Exercise, b: Exercise) -> bool:
    """Two steps of one ladder (the planner's `variants_of`, here so that both trees are
    read alike): one pattern, and one the other's regression or progression, or an easier
    step in common (reverse lunges with dumbbells and with a kettlebell)."""
    return a.pattern == b.pattern and (
        b.id in a.regressions
        or b.id in a.progressions
        or a.id in b.regressions
        or a.id in b.progressions
        or not set(a.regressions).isdisjoint(b.regressions)
    )


def variants_twice(plan: Plan, runs: Sequence[Run], catalogue: Catalogue) -> Iterator[str]:
    """A session with two variants of one lift (`_variants`), neither for care."""
    for day, lifts in _lifts(plan, catalogue):
        for a, b in combinations(lifts, 2):
            if _variants(a, b):
                yield f"{day}: {a.id} and {b.id}"


def pattern_twice(plan: Plan, runs: Sequence[Run], catalogue: Catalogue) -> Iterator[str]:
    """A session with two strength lifts of one movement pattern, neither for care (wider
    than `variants_twice`: a step-up beside a split squat, a bent-knee calf raise beside a
    straight-knee one)."""
    for day, lifts in _lifts(plan, catalogue):
        by_pattern: dict[str, list[str]] = defaultdict(list)
        for e in lifts:
            by_pattern[e.pattern].append(e.id)
        for pattern, ids in by_pattern.items():
            if len(ids) > 1:
                yield f"{day}: {pattern} twice: {', '.join(ids)}"


CHECKS = {
    "plans with no jumps at all": no_jumps,
    "stand-ins that never move on": stuck_stand_ins,
    "heavy anchors below 60 % of the heaviest owned": light_heavy_lifts,
    "'heavy lifts: N reps' beside other reps": heavy_words,
    "two variants of one lift in a session": variants_twice,
    "sessions with one pattern twice (wider)": pattern_twice,
    "jumps less than 48 h before a key run or race": jumps_before_key_runs,
}


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 80
    verbose = "-v" in sys.argv
    catalogue = load_catalogue()
    rng = random.Random(1345)
    found: Counter[str] = Counter()
    plans_with: Counter[str] = Counter()
    for _ in range(athletes):
        profile, runs = racer(rng)
        plan = make_plan(profile, runs, catalogue)
        found["plans"] += 1
        found["sessions"] += len(plan.sessions)
        found["plans with a session clear of key runs"] += bool(clear_days(plan, runs))
        found["hard findings"] += sum(v.hard for v in plan.violations)
        found["prescriptions above RPE 8"] += sum(
            p.target_rpe > 8 for s in plan.sessions for p in s.main
        )
        found["jump weeks"] += len(
            {
                (s.day - profile.start).days // 7
                for s in plan.sessions
                if any(p.kind is ExerciseKind.PLYOMETRIC for p in s.main)
            }
        )
        for name, check in CHECKS.items():
            lines = list(check(plan, runs, catalogue))
            found[name] += len(lines)
            plans_with[name] += bool(lines)
            if verbose:
                for line in lines[:3]:
                    print(f"  {name}: {line}")
    for key, value in found.items():
        extra = f" (in {plans_with[key]} plans)" if key in plans_with else ""
        print(f"{key}: {value}{extra}")
    print(f"heavy anchors' top load / heaviest owned: mean {mean(SHARES):.2f} (n={len(SHARES)})")


if __name__ == "__main__":
    main()
