"""Count what a coach's read of strength plans found (issue 13), over random athletes.

    python bench/strength_read.py [ATHLETES]   # 120 by default, 16 weeks each

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after; the
figures in docs/planner.md (section 3.11) came from it.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete

from legday.catalogue.loader import load_catalogue
from legday.model import IMPLEMENTS, ExerciseKind, Level, Muscle, Phase, Plan, Profile, Role
from legday.planner import make_plan

WEEKS = 16
EASING = (Phase.TAPER, Phase.RACE)


def count(profile: Profile, plan: Plan, found: Counter[str], kinds: dict[str, str]) -> None:
    """Add this plan's figures to `found`; `kinds` maps each exercise to its pattern."""
    sessions = plan.sessions
    for v in plan.violations:
        found[f"{'hard' if v.hard else 'soft'} findings: {v.rule}"] += 1
    anchors: dict[str, set[str]] = {}
    for s in sessions:
        for p in s.main:
            if p.role is Role.ANCHOR:
                anchors.setdefault(kinds[p.exercise], set()).add(p.exercise)
    found["anchor patterns"] += len(anchors)
    found["anchor patterns never changing"] += sum(len(v) == 1 for v in anchors.values())
    worked = {m for s in sessions for p in s.main for m in p.muscles}
    found["plans without adductor work"] += Muscle.HIP_ADDUCTORS not in worked
    for a, b in pairwise(sessions):
        found["consecutive sessions identical"] += a.exercise_ids == b.exercise_ids
    if profile.level is not Level.BEGINNER:
        jumps = sum(any(p.kind is ExerciseKind.PLYOMETRIC for p in s.main) for s in sessions)
        found["int/adv plans jumping in 2 sessions or fewer"] += jumps <= 2
        found["int/adv sessions with jumps"] += jumps
    weights = any(i in profile.equipment for i in IMPLEMENTS)
    for s in sessions:
        if profile.level is Level.BEGINNER or not weights or s.phase in EASING:
            continue
        for p in s.main:
            if p.role is Role.ANCHOR and not p.new:
                found["int/adv anchor prescriptions, with weights"] += 1
                found["  of them without load"] += p.load_kg is None
                found["  loaded ones below RPE 7"] += p.load_kg is not None and p.target_rpe < 7
        if "heavy lifts" in s.why:
            found["whys saying heavy"] += 1
            found["  with no anchor at RPE 7+"] += not any(
                p.role is Role.ANCHOR and p.target_rpe >= 7 for p in s.main
            )
    training = [s for s in sessions if s.phase is not Phase.RECOVERY]
    for a, b in pairwise(training):
        if b.phase in EASING:
            found["taper/race sessions"] += 1
            found["  holding more sets than the session before"] += sum(
                p.sets for p in b.main if not p.injury_care
            ) > sum(p.sets for p in a.main if not p.injury_care)
    if profile.level is Level.BEGINNER:
        middle = profile.start + timedelta(weeks=WEEKS // 2)
        late = [p for s in sessions if s.day >= middle and s.phase not in EASING for p in s.main]
        found["beginner prescriptions, second half"] += len(late)
        found["  at RPE 7"] += sum(p.target_rpe >= 7 for p in late)
    for week in plan.weeks:
        if week.phase is Phase.RECOVERY:
            held = [s for s in sessions if week.start <= s.day < week.start + timedelta(7)]
            found["recovery weeks"] += 1
            found["  holding a session"] += bool(held)
    for s in sessions:
        if "takes a little longer" in s.why:
            found["overrun notes"] += 1
            found["  on a session within the minutes asked"] += s.minutes <= profile.minutes


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    catalogue = load_catalogue()
    kinds = {
        e.id: {"lunge": "squat", "bridge": "hinge"}.get(e.pattern, e.pattern) for e in catalogue
    }
    rng = random.Random(1313)
    found: Counter[str] = Counter()
    for _ in range(athletes):
        profile, runs = random_athlete(rng, WEEKS)
        count(profile, make_plan(profile, runs, catalogue), found, kinds)
    for key, value in found.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
