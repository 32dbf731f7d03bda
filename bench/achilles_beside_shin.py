"""Achilles care beside shin splints (issue 13): one calf dose, and the Achilles one.

Both protocols guard the calf, and both once took a session's calf lift for their own
exercise: at the last stages the shin protocol's one-legged raise for endurance and the
Achilles protocol's heavy slow raise (Beyer et al. 2015, three times a week). Whichever
came last in the profile won, and the Achilles routines kept 48 h from every calf day
the shin work made, so the tendon met its protocol's dose on few days a week. Over
random athletes with both problems (each starting at a random stage of each protocol,
the two problems in either order) this counts, per week:

- Achilles-dose days: a full Achilles routine, or a session that holds an exercise of
  the week's Achilles stage (at the dose the weekly climb allows: `planner/ramp.py`;
  weeks of races, tapers and recovery may owe fewer);
- calf days: days with any calf loading (routines of either problem, sessions with a
  calf or shin lift), and back-to-back pairs of them;
- jumps before the Achilles protocol's last step: sessions with a plyometric drill in a
  week whose Achilles dose is short of the heavy stage's last step (the 6-rep maximum).

    PYTHONHASHSEED=0 .venv/bin/python bench/achilles_beside_shin.py [athletes]   # 60

Run it on two trees (PYTHONPATH=<tree>/src) to compare before and after.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import drawn_athletes, week_doses

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import ExerciseKind, Plan
from legday.planner import CareSchedule, make_plan
from legday.planner.care.schedule import WeekDoses

ATHLETES = 60
WEEKS = 16
CALF_PATTERNS = frozenset({"calf", "shin"})
PROBLEMS = ("achilles", "shin-splints")


def count(plan: Plan, doses: WeekDoses, catalogue: Catalogue) -> Counter[str]:
    found: Counter[str] = Counter()
    protocol = catalogue.protocols["achilles"]
    last = protocol.stages[-1]
    settled = {(i.exercise, i.reps, i.seconds) for i in last.items_in_week(10**3)}
    sessions = {s.day: s for s in plan.sessions}
    calf_days: set[date] = {r.day for r in plan.care if not r.lightest}
    for s in plan.sessions:
        if any(catalogue[p.exercise].pattern in CALF_PATTERNS for p in s.main):
            calf_days.add(s.day)
    for week, frame in enumerate(plan.weeks):
        days = [frame.start + timedelta(days=n) for n in range(7)]
        stage, items = doses.of("achilles", week)
        stage_exercises = {i.exercise for i in items}
        dosed = {
            r.day for r in plan.care if r.injury == "achilles" and not r.lightest and r.day in days
        }
        for day in days:
            s = sessions.get(day)
            if s is None:
                continue
            if any(p.exercise in stage_exercises for p in s.main):
                dosed.add(day)
            calf = [p for p in s.main if catalogue[p.exercise].pattern == "calf"]
            if stage.number == len(protocol.stages) and calf:
                found["heavy-stage sessions with calf work"] += 1
                found["... without the heavy slow raise"] += day not in dosed
                found["... with two calf lifts or more"] += len(calf) > 1
            short = stage.number < len(protocol.stages) or not settled >= {
                (i.exercise, i.reps, i.seconds) for i in items
            }
            if short and any(p.kind is ExerciseKind.PLYOMETRIC for p in s.main):
                found["jumps before the last step"] += 1
        found["weeks"] += 1
        found["achilles-dose days"] += len(dosed)
        found["weeks under three"] += len(dosed) < 3
        found["calf days"] += sum(d in calf_days for d in days)
        found["back-to-back calf days"] += sum(
            d in calf_days and d + timedelta(days=1) in calf_days for d in days
        )
        if stage.number == len(protocol.stages):
            found["heavy-stage weeks"] += 1
            found["heavy-stage achilles-dose days"] += len(dosed)
    return found


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else ATHLETES
    catalogue = load_catalogue()
    total: Counter[str] = Counter()
    for rng, drawn, runs in drawn_athletes(athletes, 1300, WEEKS):
        problems = PROBLEMS if rng.random() < 0.5 else PROBLEMS[::-1]
        profile = replace(drawn, injuries=problems)
        care = CareSchedule({p: rng.randint(1, 3) for p in PROBLEMS}, {})
        plan = make_plan(profile, runs, catalogue, care=care)
        total += count(plan, week_doses(profile, runs, catalogue, care), catalogue)
    weeks, heavy = total["weeks"], max(1, total["heavy-stage weeks"])
    print(f"{athletes} athletes with Achilles and shin splints, {weeks} weeks")
    print(f"  Achilles-dose days a week: {total['achilles-dose days'] / weeks:.2f}")
    print(
        f"  ... in the heavy stage ({heavy} weeks): "
        f"{total['heavy-stage achilles-dose days'] / heavy:.2f}"
    )
    print(f"  weeks under three: {100 * total['weeks under three'] / weeks:.0f}%")
    print(
        f"  calf days a week: {total['calf days'] / weeks:.2f}, "
        f"back-to-back pairs: {total['back-to-back calf days']}"
    )
    for key in (
        "heavy-stage sessions with calf work",
        "... without the heavy slow raise",
        "... with two calf lifts or more",
    ):
        print(f"  {key}: {total[key]}")
    print(
        f"  sessions with jumps before the Achilles last step: "
        f"{total['jumps before the last step']}"
    )


if __name__ == "__main__":
    main()
