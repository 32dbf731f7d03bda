"""Heavy calf and Achilles work before an ultra runner's key runs (issue 13).

A coach read an ultra runner's plan and found the week's heavy slow calf raises in the
evening about 13 h before the Saturday long run. Over random ultra and trail runners
with a calf problem at a loaded stage (Achilles, insertional Achilles or plantar heel
pain; some with a second problem), owning random weights, this counts the sessions and
full routines that hold loaded calf work (a calf lift with a weight: care's heavy slow,
seated and towel raises, or a calf lift the strength plan loads in kg), and those that
start less than 48 h before a key run or race (intervals, the long run, a race):

- care's loaded calf work there at the week's full dose (`WeekDoses`: each loaded item at
  its planned sets, when a set fewer is possible), and at any dose;
- the strength plan's own loaded calf lifts there;
- how close the closest full dose came, and those within 24 h (the coach's 13 h).

A routine starts at its planned start, else where the exports show it (after the day's
last timed run, else 18:00); a session at its start, else at its day's last minute; a key
run at its start, else at its day's first minute (bench/key_runs.py).

    PYTHONHASHSEED=0 .venv/bin/python bench/heavy_calf_ultra.py [athletes]   # 40

Run it on two trees (PYTHONPATH=<tree>/src:<tree>/bench) to compare before and after:
it reads only what both have.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import drawn_athletes, with_problems
from key_runs import CLEAR_BEFORE_KEY_RUN, UNTIMED_SESSION, key_starts

import legday.planner
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import Equipment, Plan, Prescription, Profile, Run
from legday.planner import CareSchedule, make_plan
from legday.planner.care.schedule import WeekDoses
from legday.planner.season import race_priorities, season

ATHLETES = 40
WEEKS = 16
SHOWN_START = time(18, 0)  # an untimed routine on a day without a timed run, as exported
LOADED_STAGES = {"achilles": 3, "achilles-insertional": 3, "plantar-fascia": 2}
DUMBBELLS = ((4.0, 6.0, 8.0, 10.0), (5.0, 7.5, 10.0, 12.5, 15.0), (2.0, 4.0))
KETTLEBELLS = ((8.0, 12.0, 16.0), (12.0, 16.0, 20.0, 24.0), (16.0,))


def doses_of(
    profile: Profile, runs: list[Run], catalogue: Catalogue, care: CareSchedule
) -> WeekDoses:
    """Each problem's stage and items week by week, as the planner of this tree makes them
    (its held and eased weeks, and where the tree has them the weeks care restarts in
    after an A race)."""
    frames = season(profile, runs, race_priorities(profile, runs))
    care = replace(
        care,
        holds=legday.planner._care_holds(frames),
        eases=legday.planner._care_eases(frames),
    )
    restarts = getattr(legday.planner, "_care_restarts", None)
    if restarts is not None:
        weeks = restarts(frames)
        care = replace(care, holds=care.holds | weeks.keys(), restarts=weeks)
    return WeekDoses(profile, catalogue, care)


def loaded(p: Prescription, catalogue: Catalogue) -> bool:
    """A calf lift with a weight: kilograms, or an improvised load for an athlete who
    owns none (words other than bodyweight)."""
    calf = catalogue[p.exercise].pattern == "calf"
    return calf and (p.load_kg is not None or not p.load.startswith("bodyweight"))


def planned_sets(doses: WeekDoses, catalogue: Catalogue, week: int) -> dict[str, int]:
    """The week's loaded calf care items, by exercise, with their planned sets."""
    found: dict[str, int] = {}
    for injury in doses.by_problem:
        for item in doses.of(injury, week)[1]:
            if item.loaded and catalogue[item.exercise].pattern == "calf":
                found[item.exercise] = max(found.get(item.exercise, 0), item.sets)
    return found


SHOWN = (
    "days with loaded calf work",
    "  ... less than 48 h before a key run",
    "  ... less than 24 h before a key run",
    "care's loaded calf work <48 h, any dose",
    "care's loaded calf work <48 h, week's full dose",
    "  ... of them less than 24 h before",
    "strength plan's loaded calf lift <48 h",
    "  ... the stage's loaded calf exercise, at its sets when clear of key runs",
    "  ... at RPE 8 or more",
)


def count(plan: Plan, runs: list[Run], doses: WeekDoses, catalogue: Catalogue) -> Counter[str]:
    found: Counter[str] = Counter()
    starts = key_starts(plan, runs)
    events: list[tuple[datetime, tuple[Prescription, ...]]] = []
    for r in plan.care:
        if not r.lightest:
            ends = [x.finish for x in plan.runs if x.day == r.day and x.running and x.finish]
            at = r.start or (max(ends) if ends else SHOWN_START)
            events.append((datetime.combine(r.day, at), r.exercises))
    for s in plan.sessions:
        events.append((datetime.combine(s.day, s.start or UNTIMED_SESSION), s.main))
    clear_sets: dict[str, int] = {}  # a strength plan's calf lift's sets, last time clear
    for at, exercises in sorted(events, key=lambda e: e[0]):
        heavy = [p for p in exercises if loaded(p, catalogue)]
        if not heavy:
            continue
        week = (at.date() - plan.start).days // 7
        planned = planned_sets(doses, catalogue, week)
        care = [p for p in heavy if p.exercise in planned and (p.load_kg is None or p.care_dose)]
        own = [p for p in heavy if p not in care]
        found["days with loaded calf work"] += 1
        ahead = [k for k in starts if at < k < at + CLEAR_BEFORE_KEY_RUN]
        if not ahead:
            clear_sets.update((p.exercise, p.sets) for p in own)
            continue
        hours = (ahead[0] - at) / timedelta(hours=1)
        found["  ... less than 48 h before a key run"] += 1
        found["  ... less than 24 h before a key run"] += hours < 24
        if own:
            found["strength plan's loaded calf lift <48 h"] += 1
            found["  ... the stage's loaded calf exercise, at its sets when clear of key runs"] += (
                any(
                    p.exercise in planned and p.sets >= clear_sets.get(p.exercise, p.sets) > 1
                    for p in own
                )
            )
            found["  ... at RPE 8 or more"] += any(p.target_rpe > 7 for p in own)
        if not care:
            continue
        found["care's loaded calf work <48 h, any dose"] += 1
        full = all(p.sets >= planned[p.exercise] for p in care)
        if full and any(planned[p.exercise] > 1 for p in care):
            found["care's loaded calf work <48 h, week's full dose"] += 1
            found["  ... of them less than 24 h before"] += hours < 24
    return found


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else ATHLETES
    catalogue = load_catalogue()
    total: Counter[str] = Counter()
    for rng, drawn, runs in drawn_athletes(athletes, 4400, WEEKS):
        profile = with_problems(rng, drawn, list(LOADED_STAGES))
        care = CareSchedule({p: LOADED_STAGES.get(p, 1) for p in profile.injuries}, {})
        dumbbells = rng.choice(DUMBBELLS) if rng.random() < 0.5 else ()
        kettlebells = rng.choice(KETTLEBELLS) if rng.random() < 0.5 else ()
        owned = {Equipment.DUMBBELLS} if dumbbells else set()
        owned |= {Equipment.KETTLEBELL} if kettlebells else set()
        profile = replace(
            profile,
            event=rng.choice(["ultra", "ultra", "trail"]),
            equipment=profile.equipment | owned,
            dumbbells_kg=dumbbells,
            kettlebells_kg=kettlebells,
            body_kg=float(rng.randint(50, 85)),
        )
        plan = make_plan(profile, runs, catalogue, care=care)
        total += count(plan, runs, doses_of(profile, runs, catalogue, care), catalogue)
    print(f"{athletes} ultra and trail runners at a loaded calf stage, {WEEKS} weeks")
    for key in SHOWN:
        print(f"  {key}: {total[key]}")


if __name__ == "__main__":
    main()
