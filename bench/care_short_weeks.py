"""Care weeks short of their protocol while free days stood empty (issue 13).

A coach read runner's knee and shin care (three days a week, every other day) given on
the two strength days only, for nine training weeks of twelve, while Monday and Wednesday
had no run: the sessions sat on Tuesday and Friday, and no free day was two clear of them
for a routine. Over random athletes with a knee or calf problem (one or two), per problem
and training week (one with strength sessions) whose protocol is not daily, this counts:

- short: weeks with fewer than three care days (its routines, and the sessions that hold
  care for it) while a day with no session, no hard or long run and no race was free;
- in-session care below its stage dose: session care items of the week's stage exercises
  with fewer sets, or fewer reps or seconds, than the stage's dose that week;
- shin splints: training weeks whose care holds a toe raise;
- the plans' hard and soft rule findings (`check_plan`) and their highest target RPE.

    PYTHONHASHSEED=0 .venv/bin/python bench/care_short_weeks.py [athletes]   # 100 default

Run it on two trees (PYTHONPATH=<tree>/src) to compare before and after.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete

from legday.care import CALF_PROBLEMS, KNEE_PROBLEMS
from legday.catalogue.loader import load_catalogue
from legday.model import HARD_RUN_KINDS, Plan, Run
from legday.planner import make_plan
from legday.planner.care.schedule import WeekDoses
from legday.rules import check_plan

ATHLETES = 100
WEEKS = 12
PROBLEMS = sorted(CALF_PROBLEMS | KNEE_PROBLEMS)
PROTOCOL_DAYS = 3


def care_days(plan: Plan, injury: str, days: list[date]) -> set[date]:
    """The week's days that hold care for `injury`: a routine, or a session's care lift."""
    routines = {r.day for r in plan.care if r.injury == injury and r.day in days}
    sessions = {
        s.day
        for s in plan.sessions
        if s.day in days and any(injury in p.injury_care for p in s.main)
    }
    return routines | sessions


def free_days(plan: Plan, runs_by_day: dict[date, list[Run]], days: list[date]) -> list[date]:
    """Days with no session and no hard run, long run or race."""
    sessions = {s.day for s in plan.sessions}
    return [
        d
        for d in days
        if d not in sessions and not any(r.kind in HARD_RUN_KINDS for r in runs_by_day.get(d, []))
    ]


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else ATHLETES
    catalogue = load_catalogue()
    total: Counter[str] = Counter()
    for number in range(athletes):
        rng = random.Random(4100 + number)
        profile, runs = random_athlete(rng, WEEKS)
        problems = rng.sample(PROBLEMS, 2 if rng.random() < 0.4 else 1)
        profile = replace(profile, injuries=tuple(problems))
        plan = make_plan(profile, runs, catalogue)
        for found in check_plan(plan, catalogue):
            total["hard" if found.hard else "soft"] += 1
        rpes = [p.target_rpe for s in plan.sessions for p in s.main]
        rpes += [p.target_rpe for r in plan.care for p in r.exercises]
        total["max rpe"] = max(total["max rpe"], *rpes)
        by_day: dict[date, list[Run]] = {}
        for r in runs:
            by_day.setdefault(r.day, []).append(r)
        doses = WeekDoses(profile, catalogue, None)
        for injury in problems:
            if injury not in doses.by_problem:
                continue
            for index, week in enumerate(plan.weeks):
                days = [week.start + timedelta(days=n) for n in range(7)]
                sessions = [s for s in plan.sessions if s.day in days]
                stage, items = doses.of(injury, index)
                if not sessions or stage.frequency.value == "daily":
                    continue
                total["weeks"] += 1
                cared = care_days(plan, injury, days)
                if len(cared) < PROTOCOL_DAYS and free_days(plan, by_day, days):
                    total["short"] += 1
                dose = {i.exercise: i for i in items}
                for s in sessions:
                    for p in s.main:
                        item = dose.get(p.exercise)
                        if item is None or injury not in p.injury_care:
                            continue
                        total["in-session items"] += 1
                        amount = p.reps or p.seconds or 0
                        wanted = item.reps or item.seconds or 0
                        total["below stage dose"] += p.sets < item.sets or amount < wanted
                if injury == "shin-splints":
                    total["shin weeks"] += 1
                    held = [
                        p.exercise
                        for r in plan.care
                        if r.injury == injury and r.day in days
                        for p in r.exercises
                    ] + [p.exercise for s in sessions for p in s.main if injury in p.injury_care]
                    total["toe raise"] += any("toe-raise" in e for e in held)
    print(f"{athletes} athletes, {total['weeks']} problem training weeks (not daily)")
    print(f"  short of {PROTOCOL_DAYS} care days with a free day: {total['short']}")
    print(
        f"  in-session stage items below the stage dose: {total['below stage dose']} "
        f"of {total['in-session items']}"
    )
    hard, soft, rpe = total["hard"], total["soft"], total["max rpe"]
    print(f"  rule findings: {hard} hard, {soft} soft; target RPE at most {rpe}")
    print(
        f"  shin-splints weeks holding a toe raise: {total['toe raise']} of {total['shin weeks']}"
    )


if __name__ == "__main__":
    main()
