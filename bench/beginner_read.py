"""A coach's read of a beginner's 10-week plan (bodyweight and a band), counted over
random beginners: how varied the whys are, how the quad work holds up after the first
block, whether the kit the athlete owns is used, how the anchors progress, how often a
landing drill comes, and wordings such as "week 1 of 1".

    PYTHONHASHSEED=0 .venv/bin/python bench/beginner_read.py [ATHLETES] [WEEKS]   # 120, 10

Random athletes of `bench/athletes.py` made beginners without weights: bodyweight, a
wall and a band, for a third of them a mat or a step besides; no problems to care for
(care takes anchor slots and says its own words). Run it on two trees
(PYTHONPATH=<tree>/src) to compare before and after; docs/planner.md 3.21 quotes it.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from athletes import drawn_athletes, random_athlete

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import (
    Equipment,
    ExerciseKind,
    Level,
    Muscle,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
)
from legday.planner import make_plan

# the kit each beginner owns besides a band, now and then
EXTRA_KIT = (Equipment.MAT, Equipment.STEP)
# an anchor's slot: a lift taking over its slot is a new variation
SLOTS = {"squat": 0, "lunge": 0, "hinge": 1, "bridge": 1, "calf": 2}
# the wording of a one-week block a runner cannot make sense of
OF_ONE = re.compile(r"\b(?:week|block) 1 of 1\b")
# a why's clauses this common in a plan say nothing about the day
COMMON = 0.75
AFTER_WEEK = 3  # the coach's "after week 3"


def beginner(rng: random.Random, weeks: int) -> tuple[Profile, list[Run]]:
    """A random athlete of `bench/athletes.py` as a beginner with bodyweight and a band."""
    profile, runs = random_athlete(rng, weeks)
    kit = {Equipment.BODYWEIGHT, Equipment.WALL, Equipment.BAND}
    if rng.random() < 1 / 3:
        kit.add(rng.choice(EXTRA_KIT))
    return (
        replace(profile, level=Level.BEGINNER, equipment=frozenset(kit), injuries=()),
        runs,
    )


def clauses(why: str) -> list[str]:
    """A why's clauses, the weekday's taken off the first ("Tuesday: a day without
    running" and "Thursday: a day without running" say the same)."""
    parts = why.removesuffix(".").split("; ")
    parts[0] = parts[0].partition(": ")[2]
    return parts


def why_figures(plan: Plan, found: Counter[str]) -> None:
    sessions = plan.sessions
    found["sessions"] += len(sessions)
    found["distinct whys"] += len({s.why for s in sessions})
    said = [set(clauses(s.why)) for s in sessions]
    counts = Counter(c for one in said for c in one)
    common = {c for c, n in counts.items() if n >= COMMON * len(sessions)}
    found["clauses said"] += sum(len(one) for one in said)
    found["  in 3/4 or more of the plan's sessions"] += sum(len(one & common) for one in said)
    found["plans with a clause in every session"] += any(
        n == len(sessions) for n in counts.values()
    )
    found["whys the same but for the weekday"] += len(sessions) - len(
        {tuple(clauses(s.why)) for s in sessions}
    )
    texts = [s.why for s in sessions] + [w.note for w in plan.weeks]
    found['"week 1 of 1" and the like'] += sum(bool(OF_ONE.search(t)) for t in texts)


def quad_figures(plan: Plan, catalogue: Catalogue, found: Counter[str]) -> None:
    """Per training block after the first weeks: its distinct quad exercises, and whether
    its squat slot holds a lift led by the quads (a squat or split squat, not the lateral
    lunge, which leads with the inner thighs)."""
    blocks: dict[int, list[set[str]]] = {}
    for s in plan.sessions:
        if s.block and (s.day - plan.start).days // 7 >= AFTER_WEEK and s.lighter is None:
            quads = {
                p.exercise
                for p in s.main
                if p.kind is ExerciseKind.STRENGTH and Muscle.QUADS in p.muscles
            }
            anchors = {
                p.exercise
                for p in s.main
                if p.role is Role.ANCHOR and SLOTS.get(catalogue[p.exercise].pattern) == 0
            }
            blocks.setdefault(s.block, [set(), set()])
            blocks[s.block][0].update(quads)
            blocks[s.block][1].update(anchors)
    for quads, anchors in blocks.values():
        found["blocks after week 3"] += 1
        found["  distinct quad exercises"] += len(quads)
        found["  with one quad exercise or none"] += len(quads) <= 1
        led = any(catalogue[e].muscles[0] is Muscle.QUADS for e in anchors)
        found["  without a quad-led squat or split-squat anchor"] += not led


def kit_figures(plan: Plan, catalogue: Catalogue, found: Counter[str]) -> None:
    profile = plan.profile
    assert profile is not None
    owned = profile.equipment - {Equipment.BODYWEIGHT, Equipment.WALL}
    used = {e for s in plan.sessions for p in s.main for e in catalogue[p.exercise].equipment}
    found["kit owned (band, mat, step)"] += len(owned)
    found["  used in the main work"] += len(owned & used)
    band = [
        any(Equipment.BAND in catalogue[p.exercise].equipment for p in s.main)
        for s in plan.sessions
    ]
    found["  sessions with the band"] += sum(band)
    anchored = [
        any(
            p.role is Role.ANCHOR and Equipment.BAND in catalogue[p.exercise].equipment
            for p in s.main
        )
        for s in plan.sessions
    ]
    found["  sessions with a banded anchor"] += sum(anchored)


def progress_figures(plan: Plan, catalogue: Catalogue, found: Counter[str]) -> None:
    """How each anchor slot moved from one exposure to the next: a harder variation (a
    catalogue progression of the lift before), another lift, load, reps, tempo (a slower
    lowering or longer pause), sets or effort; one kind counted per step, in that order."""
    last: dict[int, Prescription] = {}
    for s in plan.sessions:
        if s.lighter is not None:
            continue
        for p in s.main:
            slot = SLOTS.get(catalogue[p.exercise].pattern)
            if p.role is not Role.ANCHOR or slot is None:
                continue
            before = last.get(slot)
            last[slot] = p
            if before is None:
                continue
            b = before
            if p.exercise in catalogue[b.exercise].progressions:
                kind = "harder variation"
            elif p.exercise != b.exercise:
                kind = "another lift"
            elif (p.load_kg or 0) > (b.load_kg or 0):
                kind = "load"
            elif (p.reps or 0) > (b.reps or 0) or (p.seconds or 0) > (b.seconds or 0):
                kind = "reps"
            elif _slower(p.tempo, b.tempo):
                kind = "tempo"
            elif p.sets > b.sets:
                kind = "sets"
            elif p.target_rpe > b.target_rpe:
                kind = "effort"
            else:
                continue
            found[f"  by {kind}"] += 1
            found["anchor steps forward"] += 1


def _slower(now: str, before: str) -> bool:
    def parts(tempo: str) -> tuple[int, int]:
        bits = tempo.split("-")
        if len(bits) != 3 or not bits[0].isdigit() or not bits[1].isdigit():
            return 0, 0
        return int(bits[0]), int(bits[1])

    return parts(now) > parts(before)


def jump_figures(plan: Plan, catalogue: Catalogue, found: Counter[str]) -> None:
    landing = [
        any(
            p.kind is ExerciseKind.PLYOMETRIC and catalogue[p.exercise].landing == "stick"
            for p in s.main
        )
        for s in plan.sessions
    ]
    found["  sessions with a landing drill"] += sum(landing)
    found["  plans with a landing drill once at most"] += sum(landing) <= 1
    found["  plans with none"] += not any(landing)


FIGURES = (
    "plans",
    "sessions",
    "distinct whys",
    "whys the same but for the weekday",
    "clauses said",
    "  in 3/4 or more of the plan's sessions",
    "plans with a clause in every session",
    '"week 1 of 1" and the like',
    "blocks after week 3",
    "  distinct quad exercises",
    "  with one quad exercise or none",
    "  without a quad-led squat or split-squat anchor",
    "kit owned (band, mat, step)",
    "  used in the main work",
    "  sessions with the band",
    "  sessions with a banded anchor",
    "anchor steps forward",
    "  by harder variation",
    "  by another lift",
    "  by load",
    "  by reps",
    "  by tempo",
    "  by sets",
    "  by effort",
    "  sessions with a landing drill",
    "  plans with a landing drill once at most",
    "  plans with none",
    "hard violations",
)


def count(plan: Plan, catalogue: Catalogue, found: Counter[str]) -> None:
    found["plans"] += 1
    why_figures(plan, found)
    quad_figures(plan, catalogue, found)
    kit_figures(plan, catalogue, found)
    progress_figures(plan, catalogue, found)
    jump_figures(plan, catalogue, found)
    found["hard violations"] += sum(v.hard for v in plan.violations)


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    weeks = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    catalogue = load_catalogue()
    found: Counter[str] = Counter()
    for _, profile, runs in drawn_athletes(athletes, 1310, kind=lambda rng: beginner(rng, weeks)):
        count(make_plan(profile, runs, catalogue), catalogue, found)
    print(f"{athletes} beginners with a band, {weeks} weeks")
    for name in FIGURES:
        print(f"  {name}: {found[name]}")


if __name__ == "__main__":
    main()
