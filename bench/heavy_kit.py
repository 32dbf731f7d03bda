"""Count what a coach's read of kettlebell and barbell plans found (issue 13, points 2, 3
and 5), over random athletes who own kettlebells or a barbell:

- how far the plan's loaded anchors climb the athlete's own bells and dumbbells (the share
  of the owned weights above the first load that some anchor reaches; an ultra runner with
  bells of 8-24 kg stayed at 12 kg all season);
- the barbell: the first and heaviest back squat and Romanian deadlift of intermediate and
  advanced athletes, as a share of a typical working load for their level (a 1500 m
  runner squatted 40-45 kg all season);
- in-season weeks (build, peak, race weeks): sessions with a barbell lift a week, and
  weeks with none;
- warm-up sets before a heavy barbell lift's first work set.

    python bench/heavy_kit.py [ATHLETES]   # 120 by default, 16 weeks each

Run it on two trees (PYTHONPATH=<tree>/src) to compare before and after; the figures in
docs/planner.md came from it.
"""

from __future__ import annotations

import random
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import datetime, time, timedelta
from statistics import mean, median

from bench.athletes import random_athlete

from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import Equipment, Level, Phase, Plan, Profile, Role, Run, RunKind
from legday.planner import make_plan

WEEKS = 16
BELLS = (8.0, 12.0, 16.0, 20.0, 24.0, 28.0, 32.0)
IN_SEASON = frozenset({Phase.BUILD, Phase.PEAK, Phase.RACE})
CLIMBING = frozenset({Phase.OFF_SEASON, Phase.BASE, Phase.BUILD})
# A barbell load this share of the athlete's body weight is a typical working set of 5 for
# a runner of the level (squat, Romanian deadlift); a 60 kg runner is assumed without one.
WORKING_SHARE = {Level.BEGINNER: 0.5, Level.INTERMEDIATE: 0.8, Level.ADVANCED: 1.0}
ASSUMED_BODY_KG = 60.0
BARBELL_LIFTS = ("barbell-back-squat", "barbell-romanian-deadlift")


def heavy_athlete(rng: random.Random) -> tuple[Profile, list[Run]]:
    """A random athlete (`bench.athletes`) who owns kettlebells (2-5 bells, mostly 4 kg
    apart), a barbell, or both; a third are track or cross-country runners with a season
    of C meets in the second half."""
    profile, runs = random_athlete(rng, WEEKS)
    kit = set(profile.equipment)
    owns = rng.choice(["kettlebell", "barbell", "both"])
    bells: tuple[float, ...] = ()
    if owns in ("kettlebell", "both"):
        kit.add(Equipment.KETTLEBELL)
        first = rng.randrange(0, 3)
        bells = BELLS[first : first + rng.randint(2, 5)]
    if owns in ("barbell", "both"):
        kit.add(Equipment.BARBELL)
    event = rng.choice([None, "5k", "10k", "half", "marathon", "ultra", "trail", "track"])
    if event == "track" or rng.random() < 0.2:
        event = event or "cross-country"
        meets = rng.sample(range(8, WEEKS), 4)
        start = profile.start
        for week in meets:
            day = start + timedelta(weeks=week, days=5)
            runs = [r for r in runs if r.day != day]
            runs.append(Run(day, "C meet: 1500m", RunKind.RACE, time(14), None, 30, priority="C"))
    profile = replace(
        profile,
        equipment=frozenset(kit),
        kettlebells_kg=bells,
        level=rng.choice([Level.BEGINNER, Level.INTERMEDIATE, Level.INTERMEDIATE, Level.ADVANCED]),
        event=event,
    )
    return profile, runs


def count(
    profile: Profile, plan: Plan, found: Counter[str], shares: dict[str, list[float]]
) -> None:
    """Add this plan's figures to `found` (counts) and `shares` (values to average)."""
    anchors = [
        (s, p)
        for s in plan.sessions
        for p in s.main
        if p.role is Role.ANCHOR and p.load_kg is not None
    ]
    kit = kit_of(profile)
    for implement in ("kettlebell", "dumbbells"):
        owned = kit.loads(implement)
        loads = [p.load_kg for _, p in anchors if p.implement == implement and p.load_kg]
        if not loads or not owned:
            continue
        above = [kg for kg in owned if kg > loads[0]]
        if not above:
            continue
        reached = [kg for kg in above if kg <= max(loads)]
        shares[f"{implement}: share of the owned weights above the first load reached"].append(
            len(reached) / len(above)
        )
        found[f"{implement}: plans"] += 1
        found[f"{implement}: plans never above the first load"] += not reached
    # a loaded anchor met 6+ times in weeks that climb whose load never rises, though a
    # heavier weight of its implement is owned
    for implement in ("kettlebell", "dumbbells"):
        by_lift: dict[str, list[float]] = defaultdict(list)
        for s, p in anchors:
            if p.implement == implement and s.phase in CLIMBING:
                by_lift[p.exercise].append(p.load_kg or 0)
        for loads in by_lift.values():
            if len(loads) < 6:
                continue
            who = "beginners" if profile.level is Level.BEGINNER else "int/adv"
            found[f"{implement}: {who}' anchors met 6+ times in climbing weeks"] += 1
            found[f"  ... whose load never rises, a heavier {implement} owned ({who})"] += (
                max(loads) == loads[0] and kit.step_up(implement, loads[0]) is not None
            )
    if Equipment.BARBELL in profile.equipment and profile.level is not Level.BEGINNER:
        body = getattr(profile, "body_kg", None) or ASSUMED_BODY_KG
        working = WORKING_SHARE[profile.level] * body
        for lift in BARBELL_LIFTS:
            loads = [p.load_kg or 0 for _, p in anchors if p.exercise == lift]
            if loads:
                shares[f"barbell {lift}: first load / typical working load"].append(
                    loads[0] / working
                )
                shares[f"barbell {lift}: heaviest load / typical working load"].append(
                    max(loads) / working
                )
    if Equipment.BARBELL in profile.equipment and profile.level is not Level.BEGINNER:
        weeks_in_season = barbell_weeks = 0
        barbell_sessions = 0
        for week in plan.weeks:
            if week.phase not in IN_SEASON:
                continue
            sessions = [s for s in plan.sessions if week.start <= s.day <= week.end]
            if not sessions:
                continue
            weeks_in_season += 1
            with_bar = [s for s in sessions if any(p.implement == "barbell" for p in s.main)]
            barbell_sessions += len(with_bar)
            barbell_weeks += bool(with_bar)
        races = [
            datetime.combine(r.day, r.start or time(0)) for r in plan.runs if r.kind is RunKind.RACE
        ]
        for s in plan.sessions:
            if not any(p.implement == "barbell" for p in s.main):
                continue
            starts = datetime.combine(s.day, s.start or time(23, 59))
            found["  barbell sessions"] += 1
            found["  ... less than 48 h before a race"] += any(
                timedelta(0) < race - starts < timedelta(hours=48) for race in races
            )
            found["  ... of them at RPE 8"] += any(
                timedelta(0) < race - starts < timedelta(hours=48) for race in races
            ) and any(p.implement == "barbell" and p.target_rpe > 7 for p in s.main)
        found["int/adv barbell owners: in-season weeks with a session"] += weeks_in_season
        found["  ... with a barbell lift"] += barbell_weeks
        found["  barbell sessions in them"] += barbell_sessions
        found["int/adv barbell owners: plans"] += 1
        for s in plan.sessions:
            heavy = [
                p
                for p in s.main
                if p.implement == "barbell" and p.role is Role.ANCHOR and (p.reps or 99) <= 6
            ]
            if not heavy:
                continue
            found["sessions with a heavy barbell lift"] += 1
            found["  ... with warm-up sets before it"] += any(
                getattr(p, "warmup_sets", ()) for p in heavy
            )


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    catalogue = load_catalogue()
    rng = random.Random(1302)
    found: Counter[str] = Counter()
    shares: dict[str, list[float]] = defaultdict(list)
    for _ in range(athletes):
        profile, runs = heavy_athlete(rng)
        count(profile, make_plan(profile, runs, catalogue), found, shares)
    for key, values in sorted(shares.items()):
        print(f"{key}: mean {mean(values):.2f}, median {median(values):.2f} (n={len(values)})")
    for key, value in found.items():
        print(f"{key}: {value}")
    weeks = found["int/adv barbell owners: in-season weeks with a session"]
    if weeks:
        per_week = found["  barbell sessions in them"] / weeks
        print(f"barbell sessions per in-season week: {per_week:.2f}")


if __name__ == "__main__":
    main()
