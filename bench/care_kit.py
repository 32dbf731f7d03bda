"""Count the faults a coach and physio found in injury-care loads, over random care athletes
who list the weights they own (issue 13, care loads):

    python bench/care_kit.py [ATHLETES]   # 60 by default

1. kit ignored: care work whose words improvise a load ("a backpack with books", "no
   weight in your kit") or ask for a weight without naming its kg, though the athlete
   owns dumbbells or kettlebells; or a kg the athlete's kit cannot make;
2. effort words against the RPE: words that imply an effort other than the target RPE
   ("a weight you can lift 15 times and no more" for 15 reps is RPE 10, not 6; an RPE
   or reps in reserve in the words that is not the prescription's);
3. the Achilles stage follows the calendar: a plan whose Achilles care has no test the
   athlete can do, or a planned stage change whose routines (the last full one before
   the new stage, or its first) do not say what to pass to move on; and insertional
   Achilles pain given heel drops or raises below step level (before the
   `achilles-insertional` id existed, such an athlete could only choose `achilles`).
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import random_athlete

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import INJURIES, Equipment, Plan, Prescription
from legday.planner import CareSchedule, make_plan

INSERTIONAL = "achilles-insertional"
ACHILLES = ("achilles", INSERTIONAL)
PROBLEMS = ("achilles", INSERTIONAL, "plantar-fascia", "runners-knee", "hamstring", "shin-splints")
# exercises that take the heel below the forefoot, off a step: they compress an inserting
# tendon against the heel bone (Jonsson et al. 2008)
BELOW_LEVEL = frozenset(
    {
        "calf-raise-on-step",
        "eccentric-heel-drop",
        "bent-knee-eccentric-heel-drop",
        "heavy-slow-calf-raise",
        "towel-calf-raise",
    }
)
IMPROVISED = re.compile(r"backpack|books|no weight in your kit", re.IGNORECASE)
ASKS_FOR_WEIGHT = re.compile(
    r"a weight|rep maximum|\d+\s*RM\b|heavier|backpack|lift \d+ times", re.IGNORECASE
)
# words that fix the effort: a rep maximum, a reps-in-reserve count, an RPE
REP_MAXIMUM = re.compile(
    r"(\d+)-rep maximum|(\d+)\s*RM\b|lift (\d+) times|(\d+) (?:slow )?reps are all you can do",
    re.IGNORECASE,
)
IN_RESERVE = re.compile(r"(\d+) (?:reps? )?left in reserve|about (\d+) more (?:times|reps)")
RPE = re.compile(r"RPE (\d+)")
TEST_WORDS = re.compile(r"\btest\b", re.IGNORECASE)
MOVE_ON_WORDS = re.compile(r"move on to stage (\d+)", re.IGNORECASE)


def care_athlete(rng: random.Random, weeks: int) -> tuple[Plan, dict[str, int]]:
    """A random athlete with one or two problems, an owned kit, and care starting at a
    random stage; with the problems as the planner knows them (before the insertional
    id existed, `achilles`)."""
    profile, runs = random_athlete(rng, weeks)
    problems = tuple(dict.fromkeys(rng.sample(PROBLEMS, rng.randint(1, 2))))
    if "achilles" in problems and INSERTIONAL in problems:
        problems = (INSERTIONAL,)
    equipment = set(profile.equipment) - {Equipment.DUMBBELLS, Equipment.KETTLEBELL}
    equipment -= {Equipment.BARBELL}
    dumbbells: tuple[float, ...] = ()
    kettlebells: tuple[float, ...] = ()
    plates: tuple[float, ...] = ()
    kit = rng.choice(["dumbbells", "kettlebells", "both", "barbell", "none", "dumbbells"])
    if kit in ("dumbbells", "both"):
        equipment.add(Equipment.DUMBBELLS)
        rack = [2.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 12.5, 14.0, 16.0, 20.0, 22.5, 24.0]
        dumbbells = tuple(sorted(rng.sample(rack, rng.randint(1, 5))))
    if kit in ("kettlebells", "both"):
        equipment.add(Equipment.KETTLEBELL)
        kettlebells = tuple(sorted(rng.sample([8.0, 12.0, 16.0, 20.0, 24.0], rng.randint(1, 3))))
    if kit == "barbell":
        equipment.add(Equipment.BARBELL)
        plates = tuple(sorted(rng.sample([1.25, 2.5, 5.0, 10.0, 20.0], rng.randint(2, 4))))
    equipment |= {Equipment.STEP, Equipment.BENCH, Equipment.WALL}
    known = tuple(dict.fromkeys(p if p in INJURIES else "achilles" for p in problems))
    profile = replace(
        profile,
        injuries=known,
        equipment=frozenset(equipment),
        dumbbells_kg=dumbbells,
        kettlebells_kg=kettlebells,
        plates_kg=plates,
    )
    catalogue = CATALOGUE
    stages = {
        p: rng.randint(1, len(catalogue.protocols[p].stages))
        for p in known
        if p in catalogue.protocols
    }
    plan = make_plan(profile, runs, catalogue, care=CareSchedule(stages, {}))
    return plan, {p: stages.get(p, 1) for p in known} | {"insertional": INSERTIONAL in problems}


def prescriptions(plan: Plan) -> Iterator[tuple[date, str, Prescription]]:
    for r in plan.care:
        for p in r.exercises:
            yield r.day, f"{r.injury} routine", p
    for s in plan.sessions:
        for p in s.main:
            yield s.day, "session", p


def _owns_weights(plan: Plan) -> bool:
    kit = kit_of(plan.profile) if plan.profile is not None else None
    return kit is not None and bool(kit.dumbbells or kit.kettlebell)


def kit_ignored(plan: Plan, _: dict[str, int]) -> list[str]:
    """Fault 1."""
    assert plan.profile is not None
    kit = kit_of(plan.profile)
    owns = _owns_weights(plan)
    found = []
    for day, where, p in prescriptions(plan):
        what = f"{p.exercise} on {day} ({where}): {p.load!r}"
        cared = where != "session" or p.injury_care
        if owns and cared and IMPROVISED.search(p.load):
            found.append(f"improvised though weights are owned: {what}")
        elif owns and cared and p.load_kg is None and ASKS_FOR_WEIGHT.search(p.load):
            found.append(f"a weight asked for without its kg: {what}")
        elif p.load_kg is not None and p.load_kg not in kit.loads(p.implement):
            found.append(f"{p.load_kg:g} kg {p.implement} not owned: {what}")
    return found


def implied_rpe(p: Prescription) -> list[int]:
    """The efforts the words imply: by a rep maximum against the reps, by reps in
    reserve, by an RPE named."""
    implied = []
    if p.reps is not None:
        for match in REP_MAXIMUM.finditer(p.load):
            most = int(next(g for g in match.groups() if g))
            implied.append(10 - max(0, most - p.reps))
    for match in IN_RESERVE.finditer(p.load):
        implied.append(10 - int(next(g for g in match.groups() if g)))
    implied += [int(m.group(1)) for m in RPE.finditer(p.load)]
    return implied


def effort_against_rpe(plan: Plan, _: dict[str, int]) -> list[str]:
    """Fault 2."""
    return [
        f"{p.exercise} on {day} ({where}) at RPE {p.target_rpe}, {p.sets} x {p.reps}: {p.load!r}"
        for day, where, p in prescriptions(plan)
        if any(rpe != p.target_rpe for rpe in implied_rpe(p))
    ]


def stage_by_calendar(plan: Plan, facts: dict[str, int]) -> list[str]:
    """Fault 3: Achilles care with no test to do, a stage change without its criterion,
    and insertional pain taken below step level."""
    found = []
    routines = [r for r in plan.care if r.injury in ACHILLES]
    if routines and not any(TEST_WORDS.search(r.why) for r in routines):
        found.append(f"no test in any of {len(routines)} Achilles routines")
    full = [r for r in routines if not r.lightest]
    for before, after in pairwise(full):
        said = [int(n) for n in MOVE_ON_WORDS.findall(before.why + after.why)]
        if after.stage > before.stage and after.stage not in said:
            found.append(f"stage {after.stage} from {after.day} without a criterion")
    if facts.get("insertional"):
        found += [
            f"{p.exercise} below step level on {day} ({where})"
            for day, where, p in prescriptions(plan)
            if p.exercise in BELOW_LEVEL
        ]
    return found


FAULTS: dict[str, Callable[[Plan, dict[str, int]], list[str]]] = {
    "care loads that ignore the owned kit": kit_ignored,
    "effort words against the RPE": effort_against_rpe,
    "Achilles stage by the calendar, insertional below step level": stage_by_calendar,
}
CATALOGUE: Catalogue = load_catalogue()


def _kind(fault: str) -> str:
    """A fault's kind, for the breakdown: where it was found, or what it was."""
    for kind in (
        "improvised",
        "without its kg",
        "not owned",
        "no test",
        "without a criterion",
        "below step level",
    ):
        if kind in fault:
            return kind
    return "in a session" if "(session)" in fault else "in a routine"


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    counts: Counter[str] = Counter()
    kinds: Counter[tuple[str, str]] = Counter()
    plans: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for number in range(athletes):
        plan, facts = care_athlete(random.Random(4100 + number), 16)
        for name, find in FAULTS.items():
            found = find(plan, facts)
            counts[name] += len(found)
            for f in found:
                kinds[(name, _kind(f))] += 1
            plans[name] += bool(found)
            examples.setdefault(name, [])
            if found and len(examples[name]) < 3:
                examples[name].append(f"{found[0]} [{', '.join(plan.injuries)}]")
    print(f"{athletes} random care athletes of 16 weeks, owned kits, random starting stages:")
    for name in FAULTS:
        print(f"  {name}: {counts[name]} in {plans[name]} plans")
        for (of, kind), n in sorted(kinds.items()):
            if of == name:
                print(f"    {kind}: {n}")
        for example in examples[name]:
            print(f"    e.g. {example}")


if __name__ == "__main__":
    main()
