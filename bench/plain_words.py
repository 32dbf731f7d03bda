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
from datetime import date

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


# -- words about the coming weeks -------------------------------------------------------

# Words that promise building up over the coming weeks (the phase's name, "build week",
# and a care stage's own aim, "build tendon strength", are no such promise)
BUILDING = re.compile(
    r"\b(?:build(?:ing)? (?:up|strength)|back to building|over the next weeks|coming weeks"
    r"|weeks ahead|the best time to get stronger)\b",
    re.IGNORECASE,
)
AHEAD_DAYS = 7  # a race this close ahead is what the words should speak of
QUIET_PHASES = (Phase.TAPER, Phase.RECOVERY)


def _race_days(plan: Plan) -> list[date]:
    return sorted({r.day for r in plan.race_days} | set(plan.races))


def _phase_on(plan: Plan, day: date) -> Phase | None:
    return next((w.phase for w in plan.weeks if day in w), None)


def race_blind(plan: Plan) -> Iterator[str]:
    """Words about building up over the coming weeks shown less than a week before a race,
    or in a taper or a recovery week: in a session's or a care routine's why (a race in
    the 7 days after its day), or in a week's note (a race in the week). A care routine's
    first sentence, its stage's aim ("build strength on one leg"), says what the stage is
    for, not what the coming weeks hold: it is not read."""
    races = _race_days(plan)
    texts = [("session", s.day, s.why) for s in plan.sessions]
    texts += [("care", r.day, r.why) for r in plan.care]
    texts += [("week", w.start, w.note) for w in plan.weeks]
    for what, day, text in texts:
        if what == "week":
            week = next(w for w in plan.weeks if w.start == day)
            ahead = any(race in week for race in races)
        else:
            ahead = any(0 < (race - day).days <= AHEAD_DAYS for race in races)
        phase = _phase_on(plan, day)
        if ahead:
            context = "a race ahead"
        elif phase in QUIET_PHASES:
            context = phase.value if phase is not None else ""
        else:
            continue
        if what == "care":  # a stage's own aim ("build strength on one leg") stays
            text = text.partition(". ")[2]
        found = [m[0] for m in BUILDING.finditer(text)]
        if found:  # one finding a text
            yield f"{day} {what} ({context}): {', '.join(found)}"


# -- gym jargon in a beginner's plan -------------------------------------------------------

# Words a runner new to lifting would not know, as the plan's Markdown shows them; each was
# replaced or explained (docs/planner.md 3.19). "hinge" counts where it is no exercise's
# name: a session's title ("Strength: single-leg, hinge, calves") and the week overview.
JARGON = {
    "kickstand": re.compile(r"\bkickstand\b", re.IGNORECASE),
    "block, unexplained": re.compile(r"\bin block \d|\bthis block\b", re.IGNORECASE),
    "hinge in a title": re.compile(r"(?:Strength: |\d{2}' ?;? ?|[A-Z][a-z]{2} )[^|\n—]*\bhinge\b"),
    "eccentric": re.compile(r"\beccentric\b", re.IGNORECASE),
    "dorsiflexion": re.compile(r"dorsiflexion", re.IGNORECASE),
    "adduction, adductors": re.compile(r"\badduct(?:ion|ors)\b", re.IGNORECASE),
    "doming": re.compile(r"\bdoming\b", re.IGNORECASE),
    "proprioception": re.compile(r"propriocep", re.IGNORECASE),
}
TEMPO_X = re.compile(r"tempo \d-\d-X")


def beginners(count: int, seed: int = 7) -> list[tuple[str, Profile, list[Run]]]:
    """The coach's bodyweight beginner and `count` random athletes made beginners."""
    from bench.athletes import random_athlete

    rng = random.Random(seed)
    found = [athlete for athlete in athletes(0) if athlete[0] == "beginner"]
    for n in range(count):
        profile, runs = random_athlete(rng, 16)
        found.append((f"beginner {n}", replace(profile, level=Level.BEGINNER), runs))
    return found


def jargon(plan: Plan, catalogue: Catalogue) -> Iterator[str]:
    """Gym jargon in a beginner's plan as its Markdown shows it (`JARGON`), a jump tempo's
    X that the legend does not explain, and each exercise of the exercise guide that does
    not say what it is (a name such as "Pallof press" or "snap-down" says nothing)."""
    from legday.exports._describe import exercise_guide
    from legday.exports.markdown import plan_to_markdown

    text = plan_to_markdown(plan, catalogue)
    for term, pattern in JARGON.items():
        for found in pattern.finditer(text):
            yield f"{term}: {found[0]}"
    if TEMPO_X.search(text) and "X means" not in text:
        yield "tempo X, unexplained"
    for entry in exercise_guide(plan, catalogue):
        if not getattr(entry, "what", ""):
            yield f"named, not said what it is: {entry.name}"


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
    kinds: Counter[str] = Counter()  # what each check found, by where and what it said
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
            if name in BROKEN_DOWN:
                kinds.update(f"{name}: {_kind(line)}" for line in found)
            if found and name not in examples:
                examples[name] = found[0]
    print(f"{plans} plans, {sessions} sessions")
    for name in ("lower-body prescriptions", "of which one-legged", *CHECKS):
        print(f"  {name:34} {totals[name]:6}  {examples.get(name, '')[:100]}")
    for name, found in kinds.most_common():
        print(f"    {found:5}  {name}")
    terms: Counter[str] = Counter()
    group = beginners(count // 3)
    for _, profile, runs in group:
        terms.update(
            line.split(":")[0] for line in jargon(make_plan(profile, runs, catalogue), catalogue)
        )
    print(f"{len(group)} beginners' plans (Markdown): {sum(terms.values())} jargon words")
    for term, times in terms.most_common():
        print(f"    {times:5}  {term}")


CHECKS = {
    "counted one-legged, is not": wrongly_one_legged,
    "one-legged target missed": one_legged_misses,
    "building words near a race": race_blind,
}


BROKEN_DOWN = ("building words near a race",)


def _kind(line: str) -> str:
    """A finding without its day: where, and what it said."""
    return line.split(" ", 1)[1].lower()


def faults(plan: Plan, catalogue: Catalogue) -> dict[str, list[str]]:
    return {name: list(check(plan)) for name, check in CHECKS.items()}


if __name__ == "__main__":
    sys.path[:0] = [".", "tests"]
    main()
