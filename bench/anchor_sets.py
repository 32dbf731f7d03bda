"""Sets by role (issue 13, points 1, 3 and 5): more on the anchors, fewer on the rest.

A coach's read of a 10K racer found every lift at 2 sets all season: short sessions held
three one-leg anchors and their companions at two sets each, and no anchor's third set
ever fitted. This counts, over random athletes (`bench.athletes.random_athlete`, all
levels, 16 weeks) and random 10K racers (`bench.racer_season.season_racer`, intermediate
and advanced):

- intermediate and advanced anchors in full sessions (no lighter day, no first exposure,
  no care dose) by phase and by the minutes asked: the mean sets, the share at 3 or more;
- full base and build sessions of 40 minutes or more in which an anchor has fewer sets
  than some accessory or balance exercise (the property of
  tests/unit/planner/test_sets_by_role.py: must stay 0);
- exercises in the main block, by the minutes asked;
- full sessions within 10 % of the minutes asked, and sessions longer than asked;
- weekly hard sets per muscle group (a set counts whole for an exercise's leading muscle,
  half for the others), intermediate and advanced, training weeks with two or more sessions,
  and the same for 30-minute plans alone, with each anchor lift's weekly sets there and
  the anchor lifts a week holds (off-season, base and build weeks), and the sessions
  resting an anchor to another;
- beginners: their anchors' mean sets; first exposures above 2 sets or RPE 6 (must stay 0);
- masters anchors above MASTERS_SETS, prescriptions above RPE 8 and hard findings (all 0).

    PYTHONHASHSEED=0 .venv/bin/python bench/anchor_sets.py [ATHLETES]   # 160 by default

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after; the
figures in docs/planner.md (section 3.22) came from it.
"""

from __future__ import annotations

import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete
from racer_season import season_racer

from legday.catalogue.loader import load_catalogue
from legday.model import ExerciseKind, Level, Phase, Plan, Profile, Role
from legday.planner import make_plan
from legday.planner.session import MASTERS_SETS

WEEKS = 16
FIT_TOLERANCE = 0.10
PHASES = (Phase.OFF_SEASON, Phase.BASE, Phase.BUILD, Phase.PEAK)
CLIMBING = frozenset({Phase.OFF_SEASON, Phase.BASE, Phase.BUILD})
OTHERS = (Role.ACCESSORY, Role.BALANCE)
HARD_KINDS = (ExerciseKind.STRENGTH, ExerciseKind.BALANCE)


def count(
    profile: Profile,
    plan: Plan,
    found: Counter[str],
    values: dict[str, list[float]],
) -> None:
    """Add this plan's figures to `found` (counts) and `values` (to average)."""
    found["plans"] += 1
    found["hard findings"] += sum(v.hard for v in plan.violations)
    beginner = profile.level is Level.BEGINNER
    weekly: dict[int, Counter[str]] = defaultdict(Counter)
    # per week of off-season, base or build: each anchor lift's sets (30-minute plans)
    anchor_weeks: dict[int, Counter[str]] = defaultdict(Counter)
    sessions_in: Counter[int] = Counter()
    for s in plan.sessions:
        found["sessions"] += 1
        found["prescriptions above RPE 8"] += sum(p.target_rpe > 8 for p in s.main)
        found["first exposures above 2 sets or RPE 6"] += sum(
            p.new and (p.sets > 2 or p.target_rpe > 6) and p.role is not Role.PLYOMETRIC
            for p in s.main
        )
        if profile.masters:
            found["masters anchors above MASTERS_SETS"] += sum(
                p.role is Role.ANCHOR and p.sets > MASTERS_SETS for p in s.main
            )
        found["sessions longer than asked by more than a minute"] += s.minutes > profile.minutes + 1
        week = (s.day - profile.start).days // 7
        sessions_in[week] += 1
        if s.phase in CLIMBING:
            for p in s.main:
                if p.role is Role.ANCHOR:
                    anchor_weeks[week][p.exercise] += p.sets
        found["  sessions resting an anchor to another"] += any(
            words in s.why for words in ("has its turn next session", "done earlier this week")
        )
        for p in s.main:
            if p.kind in HARD_KINDS and p.muscles:
                weekly[week][p.muscles[0]] += p.sets
                for m in p.muscles[1:]:
                    weekly[week][m] += p.sets / 2
        if s.lighter is not None:
            continue
        found["full sessions"] += 1
        found["  within 10 % of the minutes asked"] += (
            abs(s.minutes - profile.minutes) <= FIT_TOLERANCE * profile.minutes
        )
        values[f"exercises in the main block, {profile.minutes} min"].append(len(s.main))
        anchors = [p for p in s.main if p.role is Role.ANCHOR and not p.injury_care and not p.new]
        if beginner:
            values["beginner anchor sets"].extend(p.sets for p in anchors)
            continue
        for p in anchors:
            if s.phase in PHASES:
                values[f"anchor sets, {s.phase.value}"].append(p.sets)
            if s.phase in CLIMBING:
                values[f"anchor sets, off-season/base/build, {profile.minutes} min"].append(p.sets)
        if s.phase in (Phase.BASE, Phase.BUILD) and profile.minutes >= 40:
            others = [p.sets for p in s.main if p.role in OTHERS and not p.injury_care]
            everyone = [p.sets for p in s.main if p.role is Role.ANCHOR and not p.injury_care]
            found["full base/build sessions, 40+ min (int/adv)"] += 1
            found["  with an anchor below an accessory's sets"] += bool(
                others and everyone and min(everyone) < max(others)
            )
    if not beginner:
        for week, sets in weekly.items():
            if sessions_in[week] >= 2:
                for muscle, n in sets.items():
                    values[f"weekly hard sets, {muscle}"].append(n)
                    if profile.minutes == 30:
                        values[f"weekly hard sets, 30 min, {muscle}"].append(n)
        if profile.minutes == 30:
            for week, lifts in anchor_weeks.items():
                if sessions_in[week] >= 2:
                    values["weekly sets of each anchor lift, 30 min"].extend(lifts.values())
                    values["anchor lifts held in a week, 30 min"].append(len(lifts))


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 160
    catalogue = load_catalogue()
    found: Counter[str] = Counter()
    values: dict[str, list[float]] = defaultdict(list)
    racers = random.Random(1322)
    for number in range(athletes):
        profile, runs = random_athlete(random.Random(7000 + number), WEEKS)
        count(profile, make_plan(profile, runs, catalogue), found, values)
        if number % 2 == 0:
            profile, runs = season_racer(racers)
            count(profile, make_plan(profile, runs, catalogue), found, values)
    for key, value in found.items():
        print(f"{key}: {value}")
    for key, seen in sorted(values.items()):
        if "anchor sets" in key:
            share = sum(v >= 3 for v in seen) / len(seen)
            print(f"{key}: mean {mean(seen):.2f}, 3+ sets {100 * share:.0f} % (n={len(seen)})")
        else:
            print(f"{key}: mean {mean(seen):.2f} (n={len(seen)})")


if __name__ == "__main__":
    main()
