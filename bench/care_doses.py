"""Count where care work and a session's lifts disagree about one exercise's dose, over
random injured athletes (a coach's read of a runner's-knee plan):

    python bench/care_doses.py [ATHLETES]   # 60 by default

1. ramp: a care exercise's week (routines and sessions together, a session's lift the
   strength plan loads in kg aside: it follows its kg progression) whose largest exposure
   climbs more than a set, or 30 %, above the last week it was done (a dose too small for
   30 % to reach a rep a set may take that rep), or whose first week in the plan goes beyond a first
   time's two sets (a wall sit new at 2 x 30 s on Monday, 4 x 30 s on Wednesday);
2. load words: a lift whose words say bodyweight though it is named for its implement
   ("goblet squat, bodyweight": a goblet squat holds a dumbbell), or whose kg and
   implement disagree with the exercise or the words;
3. new: a "new" label (the tag, or "new to you" in the load words) on an exercise the
   athlete has done before in the plan, in a routine or a session, or whose same week
   holds it (a care exercise) at more than a first time's two sets (a split squat new at
   1 x 10 in a session, 3 x 10 in that week's routine);
4. twice a day: an exercise in two places on one day (a session and a routine, or two
   problems' routines), each dosed as if it were the day's only one.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date, time
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import IMPLEMENTS, Plan, Prescription
from legday.planner import make_plan

MOST_RISE = 0.30  # a care exercise's week on week (docs/injury-care.md)
FIRST_SETS = 2  # a first time's sets
NEW_WORDS = "new to you"
Exposure = tuple[date, time | None, str, Prescription]  # day, start, where, prescription


def exposures(plan: Plan) -> list[Exposure]:
    """Every prescription of the plan's routines and sessions, in the order done."""
    found: list[Exposure] = [
        (r.day, r.start, f"{r.injury} routine", p) for r in plan.care for p in r.exercises
    ]
    found += [(s.day, s.start, "session", p) for s in plan.sessions for p in s.main]
    found.sort(key=lambda e: (e[0], e[1] or time.min))
    return found


def care_exercises(plan: Plan, catalogue: Catalogue) -> set[str]:
    """The exercises the athlete's protocols name, every stage's and the lightest form's."""
    return {
        item.exercise
        for injury in plan.injuries
        if (protocol := catalogue.protocols.get(injury)) is not None
        for item in (*(i for stage in protocol.stages for i in stage.items), *protocol.lightest)
    }


def _amount(p: Prescription) -> int:
    return p.reps if p.reps is not None else p.seconds or 0


def steep_weeks(plan: Plan, catalogue: Catalogue) -> list[str]:
    """Fault 1: each care exercise's week whose largest exposure climbs past the ramp, or
    the week of its first time beyond a first time's sets."""
    care = care_exercises(plan, catalogue)
    done_before = {e for d in plan.strength_days for e in d.exercises}
    first_week: dict[str, int] = {}  # the week of each exercise's first time, kg or not
    weekly: dict[str, dict[int, tuple[int, int, str]]] = {}
    for day, _, where, p in exposures(plan):
        week = (day - plan.start).days // 7
        first_week.setdefault(p.exercise, week)
        # a lift the strength plan loads in kg climbs by its kg; care's own loads count
        if p.exercise not in care or (p.load_kg is not None and not p.care_dose):
            continue
        volume = p.sets * _amount(p)
        was = weekly.setdefault(p.exercise, {}).get(week)
        if was is None or (volume, p.sets) > was[:2]:
            what = f"{p.sets} x {_amount(p)} on {day} ({where})"
            weekly[p.exercise][week] = (volume, p.sets, what)
    steep = []
    for exercise, weeks in weekly.items():
        order = sorted(weeks)
        first = weeks.get(first_week[exercise])
        if exercise not in done_before and first is not None and first[1] > FIRST_SETS:
            steep.append(f"{exercise}: the week of its first time at {first[2]}")
        for before, week in pairwise(order):
            (was, was_sets, what_was), (now, sets, what) = weeks[before], weeks[week]
            least = now - was <= sets  # a rep a set on a dose too small for 30 %
            if (now > was * (1 + MOST_RISE) + 1e-9 and not least) or sets > was_sets + 1:
                steep.append(f"{exercise}: {what_was} -> {what}")
    return steep


def care_loaded(plan: Plan, catalogue: Catalogue) -> set[str]:
    """The exercises the athlete's protocols load with an owned weight: care takes
    whichever one the athlete owns (a kettlebell for heavy slow raises, not "no weight in
    your kit": docs/injury-care.md)."""
    return {
        item.exercise
        for injury in plan.injuries
        if (protocol := catalogue.protocols.get(injury)) is not None
        for stage in protocol.stages
        for item in stage.items
        if item.loaded or any(step.loaded for step in item.steps)
    }


def load_word_faults(plan: Plan, catalogue: Catalogue) -> list[str]:
    """Fault 2: load words, kg and implement that disagree with the exercise or each other
    (an exercise care loads may hold any implement the athlete owns)."""
    faults = []
    loaded = care_loaded(plan, catalogue)
    for day, _, where, p in exposures(plan):
        exercise = catalogue.get(p.exercise)
        if exercise is None:
            continue
        implements = [e.value for e in exercise.equipment if e.value in IMPLEMENTS]
        if p.exercise in loaded and p.load_kg is not None:
            implements = [*implements, *IMPLEMENTS]
        says_bodyweight = p.load.startswith("bodyweight")
        what = f"{p.exercise} on {day} ({where}): {p.load_kg} kg {p.implement!r}, {p.load!r}"
        if implements and says_bodyweight:
            faults.append(f"named for a {implements[0]}, bodyweight: {what}")
        elif p.load_kg is not None and (says_bodyweight or not p.implement):
            faults.append(f"kg without an implement in words: {what}")
        elif p.load_kg is not None and implements and p.implement not in implements:
            faults.append(f"another implement: {what}")
        elif p.load_kg is None and p.implement:
            faults.append(f"an implement without kg: {what}")
    return faults


def _labelled_new(p: Prescription) -> bool:
    return p.new or NEW_WORDS in p.load


def new_after_done(plan: Plan) -> list[str]:
    """Fault 3: "new" on an exercise done before in the plan (a routine or a session)."""
    seen = {e for d in plan.strength_days for e in d.exercises}
    faults = []
    for day, _, where, p in exposures(plan):
        if _labelled_new(p) and p.exercise in seen:
            faults.append(f"{p.exercise} new on {day} ({where}), done before")
        seen.add(p.exercise)
    return faults


def new_outgrown(plan: Plan, catalogue: Catalogue) -> list[str]:
    """Fault 3: "new" on a care exercise its week holds at more than a first time's sets
    (a strength lift may climb a set an exposure from its first time: `progression`)."""
    care = care_exercises(plan, catalogue)
    found = exposures(plan)
    most: Counter[tuple[str, int]] = Counter()
    for day, _, _, p in found:
        key = (p.exercise, (day - plan.start).days // 7)
        most[key] = max(most[key], p.sets)
    return [
        f"{p.exercise} new on {day} ({where}), {sets} sets that week"
        for day, _, where, p in found
        if _labelled_new(p)
        and p.exercise in care
        and (sets := most[(p.exercise, (day - plan.start).days // 7)]) > FIRST_SETS
    ]


def twice_a_day(plan: Plan) -> list[str]:
    """Fault 4: one exercise in two of a day's blocks (a session, routines)."""
    places: dict[tuple[date, str], list[str]] = {}
    for day, _, where, p in exposures(plan):
        places.setdefault((day, p.exercise), []).append(f"{where} {p.sets} x {_amount(p)}")
    return [f"{e} on {d}: {', '.join(w)}" for (d, e), w in places.items() if len(w) > 1]


FAULTS = {
    "weekly dose jumps past the ramp": steep_weeks,
    "load words that disagree with the implement or load": load_word_faults,
    "new labels on exercises done before": lambda p, c: new_after_done(p),
    "new labels on care exercises their week outgrows": new_outgrown,
    "an exercise twice in a day": lambda p, c: twice_a_day(p),
}


def faults(plan: Plan, catalogue: Catalogue) -> Iterator[tuple[str, list[str]]]:
    for name, find in FAULTS.items():
        yield name, find(plan, catalogue)


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    catalogue = load_catalogue()
    counts: Counter[str] = Counter()
    plans: Counter[str] = Counter()
    examples: dict[str, str] = {}
    injured = 0
    number = 0
    while injured < athletes:
        profile, runs = random_athlete(random.Random(1300 + number), 16)
        number += 1
        if not profile.injuries:
            continue
        injured += 1
        plan = make_plan(profile, runs, catalogue)
        for name, found in faults(plan, catalogue):
            counts[name] += len(found)
            plans[name] += bool(found)
            if found:
                examples.setdefault(name, f"{found[0]} [{', '.join(profile.injuries)}]")
    print(f"{injured} random injured athletes of 16 weeks:")
    for name in FAULTS:
        print(f"  {name}: {counts[name]} in {plans[name]} plans")
        if name in examples:
            print(f"    e.g. {examples[name]}")


if __name__ == "__main__":
    main()
