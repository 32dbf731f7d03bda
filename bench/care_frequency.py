"""Care frequency as said against as done (issue 13).

A coach read Achilles care whose why said "three times a week" in weeks that gave the
tendon its protocol's dose on one or two days. Over random athletes with a problem that
has a protocol (Achilles for half of them, any other for the rest, sometimes two), this
counts, per problem and week with a full routine:

- said vs done: the days a week a full routine's why says (`said_days`: "three times a
  week", "every other day" (three), "twice this week"...) against the week's protocol
  days: its full routines and its sessions that hold an exercise of the week's stage
  (`done_days`); weeks where they differ, over and under;
- back to back: a routine of a stage taken every other day or three times a week the
  day before or after another day that loads what it loads: a session with the
  problem's care work (a calf problem's: any calf lift), a routine of it (a calf
  problem's: of any calf problem). Two sessions in a row are the strength plan's
  `spacing`, and a daily stage's routines come every day by design.

    PYTHONHASHSEED=0 .venv/bin/python bench/care_frequency.py [athletes]   # 80 by default

Run it on two trees (PYTHONPATH=<tree>/src) to compare before and after.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import INJURIES, Plan
from legday.planner import make_plan

ATHLETES = 80
WEEKS = 16
CALF_PROBLEMS = frozenset({"achilles", "plantar-fascia", "shin-splints"})
COUNTS = {"once": 1, "twice": 2, "three times": 3, "four times": 4, "five times": 5}
SAYS = re.compile(
    r"(?P<count>once|twice|three times|four times|five times|every day|every other day)"
    r"(?: a week| this week)?"
)


def said_days(why: str) -> int | None:
    """The days a week a routine's why says its stage takes: the first frequency it
    names ("every other day" is three in a week, "every day" seven)."""
    found = SAYS.search(why)
    if found is None:
        return None
    words = found["count"]
    return {"every day": 7, "every other day": 3}.get(words) or COUNTS[words]


def done_days(plan: Plan, catalogue: Catalogue, injury: str, days: list[date]) -> set[date]:
    """The week's protocol days of `injury`: its full routines, and its sessions that
    hold an exercise of the stage its routines show that week (Beyer's heavy slow raises,
    not a heel drop 2 x 5), or, for shin splints and plantar heel pain, a calf lift
    serving the problem (that day's calf loading)."""
    routines = [r for r in plan.care if r.injury == injury and r.day in days]
    full = [r for r in routines if not r.lightest]
    done = {r.day for r in full}
    if not full:
        return done
    stage = catalogue.protocols[injury].stage(full[0].stage)
    exercises = {i.exercise for i in stage.items}
    for s in plan.sessions:
        if s.day in days and any(
            p.exercise in exercises
            or (
                injury in ("shin-splints", "plantar-fascia")
                and injury in p.injury_care
                and catalogue[p.exercise].pattern in ("calf", "shin")
            )
            for p in s.main
        ):
            done.add(s.day)
    return done


def routines_back_to_back(plan: Plan, catalogue: Catalogue, injury: str) -> int:
    """The routines of `injury` at a stage that is not daily (any form) with a loading
    day (`loading_days`) the day before or after."""
    loads = loading_days(plan, catalogue, injury)
    return sum(
        (r.day - timedelta(days=1) in loads) + (r.day + timedelta(days=1) in loads)
        for r in plan.care
        if r.injury == injury and r.frequency != "daily"
    )


def loading_days(plan: Plan, catalogue: Catalogue, injury: str) -> set[date]:
    """The plan's days a routine of `injury` keeps a day from: its routines (any form)
    and protocol days; for a calf problem every calf problem's routines and every
    session with a calf lift, as the `care-routine` rule's spacing reads them."""
    if injury not in CALF_PROBLEMS:
        found = {r.day for r in plan.care if r.injury == injury}
        for week in plan.weeks:
            found |= done_days(plan, catalogue, injury, week_days(week.start))
        return found
    found = {r.day for r in plan.care if r.injury in CALF_PROBLEMS and r.frequency != "daily"}
    for s in plan.sessions:
        if any(
            catalogue[p.exercise].pattern in ("calf", "shin") or CALF_PROBLEMS & set(p.injury_care)
            for p in s.main
        ):
            found.add(s.day)
    return found


def week_days(monday: date) -> list[date]:
    return [monday + timedelta(days=n) for n in range(7)]


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else ATHLETES
    catalogue = load_catalogue()
    total: Counter[str] = Counter()
    for number in range(athletes):
        rng = random.Random(2100 + number)
        profile, runs = random_athlete(rng, WEEKS)
        others = [i for i in INJURIES if i != "achilles"]
        problems = ["achilles"] if number % 2 == 0 else [rng.choice(others)]
        if rng.random() < 0.3:
            problems.append(rng.choice([i for i in INJURIES if i not in problems]))
        plan = make_plan(replace(profile, injuries=tuple(problems)), runs, catalogue)
        for injury in problems:
            total["back-to-back"] += routines_back_to_back(plan, catalogue, injury)
            for week in plan.weeks:
                days = week_days(week.start)
                full = [
                    r for r in plan.care if r.injury == injury and r.day in days and not r.lightest
                ]
                if not full:
                    continue
                done = len(done_days(plan, catalogue, injury, days))
                total[f"said other {injury}"] += {said_days(r.why) for r in full} != {done}
                said = {said_days(r.why) for r in full}
                total["weeks"] += 1
                total["done days"] += done
                if said != {done}:
                    total["said other than done"] += 1
                    total["said more"] += any(n is not None and n > done for n in said)
                    total["said fewer"] += any(n is not None and n < done for n in said)
                    total["said none"] += None in said
                total[f"done {done}"] += 1
                total[f"weeks {injury}"] += 1
                total[f"done days {injury}"] += done
    weeks = max(1, total["weeks"])
    print(f"{athletes} athletes, {total['weeks']} problem-weeks with a full routine")
    print(f"  protocol days a week: {total['done days'] / weeks:.2f}")
    print(
        f"  weeks whose routines say other than done: {total['said other than done']} "
        f"(said more {total['said more']}, fewer {total['said fewer']}, "
        f"none {total['said none']})"
    )
    print(
        "  weeks by days done: "
        + ", ".join(f"{n}: {total[f'done {n}']}" for n in range(8) if total[f"done {n}"])
    )
    print(f"  routines beside another loading day: {total['back-to-back']}")
    for injury in sorted(INJURIES):
        weeks_of = max(1, total[f"weeks {injury}"])
        print(
            f"    {injury}: {total[f'weeks {injury}']} weeks, "
            f"{total[f'done days {injury}'] / weeks_of:.2f} protocol days a week, "
            f"said other than done {total[f'said other {injury}']}"
        )


if __name__ == "__main__":
    main()
