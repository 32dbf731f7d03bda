"""The heaviest calf work 48 h clear of key runs (issue 13).

Main keeps jumps and sets above RPE 7 out of the 48 h before a key run or race, by the
clock (bench/key_runs.py). Care's heavy calf work was outside that rule: the Achilles
protocol's heavy slow raises and seated raises with a weight, the plantar protocol's
loaded one-legged towel raises. A coach found the week's heaviest calf day 25 h before
the long run. Over random athletes whose care is at a loaded calf stage this counts the
routines and sessions holding that work at the week's full dose (`week_doses`: every
loaded item at its sets as planned, before the weekly climb, when a set fewer is
possible) that start less than 48 h before a key run or race, and those at any dose;
and the weeks whose every day with that work is less than 48 h before one (they can
only hold its lighter form).

A routine starts at its planned start, else where the exports put it (after the day's
last timed run, else 18:00); a session at its start, else at its day's last minute; a key
run at its start, else at its day's first minute (bench/key_runs.py).

    PYTHONHASHSEED=0 .venv/bin/python bench/heavy_calf_key_runs.py [athletes]   # 80

Run it on two trees (PYTHONPATH=<tree>/src) to compare before and after.
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import drawn_athletes, week_doses, with_problems
from key_runs import CLEAR_BEFORE_KEY_RUN, UNTIMED_SESSION, key_starts

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import Plan, Prescription, Run
from legday.planner import CareSchedule, make_plan
from legday.planner.care.schedule import WeekDoses

ATHLETES = 80
WEEKS = 16
SHOWN_START = time(18, 0)  # an untimed routine on a day without a timed run, as exported
LOADED_CALF_STAGES = {"achilles": 3, "plantar-fascia": 2}


def heavy_sets(doses: WeekDoses, catalogue: Catalogue, week: int) -> dict[str, int]:
    """The week's loaded calf care items (a load beyond body weight), by exercise, with
    their planned sets."""
    found: dict[str, int] = {}
    for injury in doses.by_problem:
        _, items = doses.of(injury, week)
        for item in items:
            if item.loaded and catalogue[item.exercise].pattern == "calf":
                found[item.exercise] = max(found.get(item.exercise, 0), item.sets)
    return found


def routine_start(plan: Plan, day_runs: list[Run], planned: time | None) -> time:
    ends = [r.finish for r in day_runs if r.running and r.finish is not None]
    return planned or (max(ends) if ends else SHOWN_START)


def count(plan: Plan, runs: list[Run], doses: WeekDoses, catalogue: Catalogue) -> Counter[str]:
    found: Counter[str] = Counter()
    starts = key_starts(plan, runs)
    events: list[tuple[datetime, tuple[Prescription, ...], str]] = []
    for r in plan.care:
        if not r.lightest:
            day_runs = [x for x in plan.runs if x.day == r.day]
            at = datetime.combine(r.day, routine_start(plan, day_runs, r.start))
            events.append((at, r.exercises, "routine"))
    for s in plan.sessions:
        events.append((datetime.combine(s.day, s.start or UNTIMED_SESSION), s.main, "session"))
    by_week: dict[int, list[bool]] = {}  # within 48 h, by week
    for at, exercises, what in events:
        week = (at.date() - plan.start).days // 7
        heavy = heavy_sets(doses, catalogue, week)
        held = [p for p in exercises if p.exercise in heavy]
        if not held:
            continue
        near = any(at < k < at + CLEAR_BEFORE_KEY_RUN for k in starts)
        by_week.setdefault(week, []).append(near)
        found[f"{what}s with loaded calf work"] += 1
        ahead = [k for k in starts if at < k < at + CLEAR_BEFORE_KEY_RUN]
        if not ahead:
            continue
        hours = (ahead[0] - at) / timedelta(hours=1)
        found[f"{what}s within 48 h"] += 1
        # the full dose: every loaded item at its planned sets, one of them above one set
        # (a lighter form takes a set off each, down to one)
        full = all(p.sets >= heavy[p.exercise] for p in held)
        if full and any(heavy[p.exercise] > 1 for p in held):
            found[f"{what}s within 48 h at the full dose"] += 1
            found[f"closest full dose, hours: {int(hours) // 6 * 6}-{int(hours) // 6 * 6 + 5}"] += 1
    for days in by_week.values():
        found["weeks with loaded calf work"] += 1
        found["weeks with loaded calf work, every day of it within 48 h"] += all(days)
    return found


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else ATHLETES
    catalogue = load_catalogue()
    total: Counter[str] = Counter()
    for rng, drawn, runs in drawn_athletes(athletes, 3300, WEEKS):
        profile = with_problems(rng, drawn, list(LOADED_CALF_STAGES))
        care = CareSchedule({p: LOADED_CALF_STAGES.get(p, 1) for p in profile.injuries}, {})
        plan = make_plan(profile, runs, catalogue, care=care)
        total += count(plan, runs, week_doses(profile, runs, catalogue, care), catalogue)
    print(f"{athletes} athletes at a loaded calf stage (Achilles heavy slow, plantar loaded)")
    for key in sorted(total):
        print(f"  {key}: {total[key]}")


if __name__ == "__main__":
    main()
