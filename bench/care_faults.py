"""Count the injury-care faults of the coach's read over random injured athletes.

    python bench/care_faults.py [ATHLETES]   # 60 by default

Faults, each counted where it happens (a routine, a session, an exercise):
1. near a race: a full routine in the last days before an A (3) or B (2) race; a held
   week's (A/B race, taper) last full routine dosed higher than the week before's last;
2. a care stage that steps up, or a care exercise met for the first time, in a held week;
3. a care exercise's first time (routine or session) at more than two sets;
4. a two-legged heavy slow calf raise when the heaviest dumbbells (both hands) come to
   less than the protocol's threshold for the reference body mass;
5. a session holding an exercise twice;
6. after a race: a full routine in the days after it (A 7, B 3, C 1, a race of two hours
   or more 5), or a stage step-up or dose rise in the week after an A or B race.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from datetime import date, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete

from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import CareRoutine, Plan, Prescription, Profile, Run, Session
from legday.planner import make_plan

BEFORE_RACE = {"A": 3, "B": 2}
AFTER_RACE = {"A": 7, "B": 3, "C": 1}
LONG_RACE_MINUTES, AFTER_LONG_RACE = 120, 5
# the Achilles protocol's heavy raise: two legs need added load of body mass (1.0), reckoned
# for a 60 kg runner; spelled out here so the script also counts on trees without the rule
TWO_LEGS_KG = 60.0


def _held(plan: Plan, day: date) -> bool:
    week = next((w for w in plan.weeks if day in w), None)
    if week is None:
        return False
    races = [r.day for r in plan.race_days if r.priority in BEFORE_RACE]
    return week.phase.value in ("taper", "race") or any(d in week for d in races)


def _after_a_race(plan: Plan, runs: list[Run], day: date) -> bool:
    for race in plan.race_days:
        after = AFTER_RACE.get(race.priority, 1)
        minutes = max((r.minutes or 0 for r in runs if r.day == race.day), default=0)
        if minutes >= LONG_RACE_MINUTES:
            after = max(after, AFTER_LONG_RACE)
        if 0 < (day - race.day).days <= after:
            return True
    return False


def _week_after_race(plan: Plan, week: int) -> bool:
    monday = plan.start + timedelta(weeks=week - 1)
    return any(
        r.priority in BEFORE_RACE and monday <= r.day < monday + timedelta(days=7)
        for r in plan.race_days
    )


def _volume(block: tuple[Prescription, ...]) -> tuple[set[str], int]:
    return {p.exercise for p in block}, sum(p.sets * (p.reps or p.seconds or 0) for p in block)


def count(plan: Plan, profile: Profile, faults: Counter[str], runs: list[Run]) -> None:
    """Add the plan's faults to `faults`."""
    own = set(plan.injuries)
    events: list[tuple[date, time, Session | CareRoutine]] = [
        *((r.day, r.start or time(0), r) for r in plan.care),
        *((s.day, s.start or time(0), s) for s in plan.sessions),
    ]
    events.sort(key=lambda e: (e[0], e[1]))
    seen: set[str] = set()
    stages: dict[tuple[str, int], int] = {}
    last_full: dict[tuple[str, int], tuple[Prescription, ...]] = {}
    light = 2 * max(kit_of(profile).dumbbells, default=0) < TWO_LEGS_KG
    for day, _, event in events:
        block = event.exercises if isinstance(event, CareRoutine) else event.main
        if isinstance(event, Session):
            ids = [p.exercise for p in block]
            faults["5 duplicate in a session"] += len(ids) - len(set(ids))
        for p in block:
            care = isinstance(event, CareRoutine) or bool(own.intersection(p.injury_care))
            first = p.exercise not in seen
            if care and first and p.sets > 2:
                faults["3 first care exposure over 2 sets"] += 1
            if care and first and _held(plan, day) and day >= plan.start + timedelta(days=7):
                faults["2 new care exercise in a held week"] += 1
            if p.exercise == "heavy-slow-calf-raise" and not p.per_side and light:
                faults["4 two-legged heavy raise, weights too light"] += 1
            seen.add(p.exercise)
        if isinstance(event, CareRoutine):
            week = (day - plan.start).days // 7
            stages.setdefault((event.injury, week), event.stage)
            if not event.lightest:
                last_full[(event.injury, week)] = block
            near = [
                r
                for r in plan.race_days
                if 0 < (r.day - day).days <= BEFORE_RACE.get(r.priority, 0)
            ]
            if near and not event.lightest:
                faults["1 full routine in the last days before a race"] += 1
            if _after_a_race(plan, runs, day) and not event.lightest:
                faults["6 full routine in the days after a race"] += 1
    for (injury, week), stage in stages.items():
        if _week_after_race(plan, week):
            now, before = last_full.get((injury, week)), last_full.get((injury, week - 1))
            if stages.get((injury, week - 1), stage) < stage:
                faults["6 stage step-up in the week after an A or B race"] += 1
            elif now is not None and before is not None and _volume(now)[1] > _volume(before)[1]:
                faults["6 dose rise in the week after an A or B race"] += 1
        if not _held(plan, plan.start + timedelta(weeks=week)):
            continue
        if stages.get((injury, week - 1), stage) < stage:
            faults["2 stage step-up in a held week"] += 1
        now, before = last_full.get((injury, week)), last_full.get((injury, week - 1))
        if now is not None and before is not None:
            (names, volume), (names_before, volume_before) = _volume(now), _volume(before)
            if names == names_before and volume > volume_before:
                faults["1 dose rise in a held week"] += 1


def main(athletes: int) -> None:
    catalogue = load_catalogue()
    rng = random.Random(2026)
    faults: Counter[str] = Counter()
    made = 0
    while made < athletes:
        profile, runs = random_athlete(rng, 16)
        if not profile.injuries:
            continue
        plan = make_plan(profile, runs, catalogue)
        made += 1
        faults["0 hard rule violations"] += sum(v.hard for v in plan.violations)
        count(plan, profile, faults, runs)
    print(f"{made} injured athletes, 16 weeks")
    for fault in sorted(faults):
        print(f"  {fault}: {faults[fault]}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
