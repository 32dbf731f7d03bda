"""Care restarts gently after an A race (issue 13).

A race leaves the legs sore and the tendon tired; the first week back is no week for the
season's heaviest calf dose. The days after an A race take only the lightest form, and
the week after it used to repeat the race week's dose, with the next week back at the
full progression: a coach's read found the heaviest calf raises of the season in the
first days care came back. Over random athletes with a goal race (a half marathon or a
marathon in weeks 4-10) and care at the Achilles heavy slow stage or the plantar loaded
stage, or at any stage of another problem, this counts, per race and care exercise:

- a protocol exercise's heaviest dose at care's dose in the three weeks before the race
  (for work loaded in kilograms, the most kilograms, then the most sets; for body-weight
  work, sets x reps or seconds), against its doses in the weeks after the race's days of
  lightest care. A load improvised where no weight is owned is left out: its words name
  no weight and no rep maximum, so neither its reps (a dose climbing back cuts them) nor
  its volume (an earlier step has more reps at a lighter load) says how heavy it is;
- "at full dose right after": the first of those two weeks holds it at least as heavy;
- "not back within three weeks": the third week after still holds it lighter than before
  (the restart should take about two weeks, not stall).

    PYTHONHASHSEED=0 .venv/bin/python bench/care_after_a_race.py [athletes]   # 80

Run it on two trees (PYTHONPATH=<tree>/src) to compare before and after.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import START, drawn_athletes

from legday.catalogue.loader import load_catalogue
from legday.model import INJURIES, Plan, Prescription, Run, RunKind
from legday.planner import CareSchedule, make_plan

ATHLETES = 80
WEEKS = 16
LIGHTEST_DAYS = 7  # the days after an A race that take only the lightest form
STAGES = {"achilles": 3, "plantar-fascia": 3}


def heaviness(p: Prescription) -> tuple[float, int] | None:
    """How heavy a dose is, comparable for one exercise: work loaded in kilograms by its
    kilograms, then its sets; body-weight work by its volume; None for an improvised load
    (not comparable)."""
    if p.load_kg is not None:
        return (p.load_kg, p.sets)
    if not p.load.startswith("bodyweight"):
        return None
    return (0, p.sets * (p.reps or p.seconds or 0))


def doses(plan: Plan, first: date, last: date) -> dict[str, tuple[float, int]]:
    """Each protocol exercise's heaviest dose from `first` to `last`, in full routines and
    in sessions (an exercise some full routine of the plan holds)."""
    protocol = {p.exercise for r in plan.care if not r.lightest for p in r.exercises}
    found: dict[str, tuple[float, int]] = {}
    held = [r.exercises for r in plan.care if first <= r.day <= last and not r.lightest]
    held += [s.main for s in plan.sessions if first <= s.day <= last]
    for exercises in held:
        for p in exercises:
            # care's own dose, not a lift the strength plan progresses
            dose = heaviness(p)
            if p.exercise in protocol and p.care_dose and dose is not None:
                found[p.exercise] = max(found.get(p.exercise, (-999, 0)), dose)
    return found


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else ATHLETES
    catalogue = load_catalogue()
    total: Counter[str] = Counter()
    for rng, profile, runs in drawn_athletes(athletes, 4400, WEEKS):
        runs = [r for r in runs if r.kind is not RunKind.RACE]
        race = START + timedelta(weeks=rng.randint(4, 10), days=rng.randrange(7))
        long = rng.random() < 0.5
        title, minutes = ("Marathon", 200) if long else ("Half marathon", 100)
        runs = [r for r in runs if r.day != race]
        runs.append(Run(race, title, RunKind.RACE, time(9), None, minutes, priority="A"))
        problem = rng.choice([*STAGES, rng.choice(list(INJURIES))])
        care = CareSchedule({problem: STAGES.get(problem, rng.randint(1, 3))}, {})
        plan = make_plan(replace(profile, injuries=(problem,)), runs, catalogue, care=care)
        back = race + timedelta(days=LIGHTEST_DAYS + 1)
        before = doses(plan, race - timedelta(days=21), race - timedelta(days=1))
        first_week = doses(plan, back, back + timedelta(days=6))
        third_week = doses(plan, back + timedelta(days=14), back + timedelta(days=20))
        for exercise, heaviest in before.items():
            total["race and care exercise"] += 1
            if exercise in first_week:
                total["... back in the first week"] += 1
                total["... at full dose right after"] += first_week[exercise] >= heaviest
            if exercise in third_week:
                total["... in the third week"] += 1
                total["... not back within three weeks"] += third_week[exercise] < heaviest
    print(f"{athletes} athletes with an A race and care")
    for key in sorted(total, key=lambda k: (not k.startswith("race"), k)):
        print(f"  {key}: {total[key]}")


if __name__ == "__main__":
    main()
