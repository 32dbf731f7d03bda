"""Count what a coach's read of a couch-to-5K beginner's and a trail runner's plans found
(issue 13: items 1, 3 and 9, and the seed's "variety and fun"), over random athletes.

    python bench/beginner_trail.py [ATHLETES]   # 150 by default, 16 weeks each

- one-set companions: an accessory or balance exercise at one set in a full training
  session, past its first exposure (1 x 10 trains nothing);
- beginners' stalled weeks: a training week 9-12 in which no anchor moves past every dose
  the athlete has done of it before (reps, sets, tempo or a harder variation);
- trail and ultra runners with a step or box whose block has no step-up, step-down or
  eccentric lowering-to-a-box anchor (downhill running);
- identical repeats: two sessions in a row (within a week, or the same slot of the week
  before) with the same exercises at the same doses, outside the weeks that hold on
  purpose (recovery, taper, race, post-race).

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after; the
figures in docs/planner.md (section 3.17) came from it. The predicates are shared with
tests/unit/planner/test_beginner_trail.py.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import replace
from datetime import time, timedelta
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from bench.athletes import START, drawn_athletes, random_athlete

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import (
    Equipment,
    Level,
    Lighter,
    Phase,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
    RunKind,
    Session,
)
from legday.planner import make_plan
from legday.rules.progression import dose_level

WEEKS = 16
# weeks whose sessions hold their doses on purpose
HOLDING = frozenset({Phase.RECOVERY, Phase.TAPER, Phase.RACE, Phase.POST_RACE, Phase.BLOCKED})
HOLDING_DAYS = frozenset({Lighter.BACK_FROM_RACE})
LATE_WEEKS = range(8, 12)  # a beginner's weeks 9-12 (0-based)
# what a downhill-minded anchor looks like, by the catalogue's ids
DOWNHILL_WORDS = ("step-up", "step-down", "lower-to-box", "single-leg-box", "eccentric")
KINDS = {"lunge": "squat", "bridge": "hinge"}  # an anchor's kind by its pattern
TRAIL_TITLES = ("Trail 50K", "Mountain trail race 30 km", "Ultra 80 km", "Sky trail half")


def training(s: Session) -> bool:
    """A full session of a week that trains (not one that holds on purpose)."""
    return s.lighter is None and s.phase not in HOLDING


def one_set_companions(plan: Plan) -> list[tuple[Session, Prescription]]:
    """Accessories and balance work at one set in full training sessions, past their first
    exposure (care keeps its protocol's dose)."""
    return [
        (s, p)
        for s in plan.sessions
        if training(s)
        for p in s.main
        if p.role in (Role.ACCESSORY, Role.BALANCE)
        and not p.injury_care
        and not p.new
        and p.sets < 2
    ]


def missing_anchors(plan: Plan) -> tuple[int, int]:
    """Full training sessions, and those missing one of their block's anchors (the lifts
    that are anchors in most of the block's full sessions)."""
    blocks: dict[int, list[Session]] = {}
    for s in plan.sessions:
        if training(s) and s.block:
            blocks.setdefault(s.block, []).append(s)
    counted = missing = 0
    for held in blocks.values():
        seen = Counter(p.exercise for s in held for p in s.main if p.role is Role.ANCHOR)
        anchors = {e for e, n in seen.items() if 2 * n > len(held)}
        for s in held:
            counted += 1
            missing += not anchors <= {p.exercise for p in s.main}
    return counted, missing


def _beyond(p: Prescription, before: list[Prescription]) -> bool:
    """Whether `p` is past every earlier dose of its exercise: no earlier one had as much
    work (load, seconds lowering, lowering, pause) and as many sets."""
    return not any(
        dose_level(q) >= dose_level(p) and q.sets >= p.sets and q.target_rpe >= p.target_rpe
        for q in before
    )


def stalled(plan: Plan, catalogue: Catalogue) -> tuple[int, list[int], int, list[str]]:
    """A beginner's training weeks 9-12 with sessions, and those (0-based) in which no
    anchor goes past every dose done of it before; the anchor patterns (squat, hinge,
    calf) of those weeks, and those none of whose lifts ever does in them (a lift new in
    them is a harder variation: it goes past)."""
    done: dict[str, list[Prescription]] = {}
    counted, weeks = 0, []
    moved: dict[str, bool] = {}

    def kind(exercise: str) -> str:
        pattern = catalogue[exercise].pattern
        return KINDS.get(pattern, pattern)

    def kinds_done(exercise: str) -> list[str]:
        # the anchors of its kind done before: a lift new to these weeks goes past them
        # only when it is none of theirs' easier variations
        return [
            q
            for q, ps in done.items()
            if any(p.role is Role.ANCHOR for p in ps) and kind(q) == kind(exercise)
        ]

    for index, week in enumerate(plan.weeks):
        end = week.start + timedelta(days=7)
        held = [s for s in plan.sessions if week.start <= s.day < end]
        if index in LATE_WEEKS and week.phase not in HOLDING and held:
            counted += 1
            anchors = [p for s in held for p in s.main if p.role is Role.ANCHOR]
            beyond = {
                p.exercise
                for p in anchors
                if _beyond(p, done.get(p.exercise, []))
                and not any(_easier(catalogue, p.exercise, q) for q in kinds_done(p.exercise))
            }
            for p in anchors:
                moved[kind(p.exercise)] = moved.get(kind(p.exercise), False) or p.exercise in beyond
            if not beyond:
                weeks.append(index)
        for s in held:
            for p in s.main:
                done.setdefault(p.exercise, []).append(p)
    return counted, weeks, len(moved), [kind for kind, yes in moved.items() if not yes]


def _easier(catalogue: Catalogue, exercise: str, than: str) -> bool:
    """Whether `than` is reached from `exercise` by its harder variations (`progressions`)."""
    seen, reach = set(), [exercise]
    while reach:
        for step in catalogue[reach.pop()].progressions:
            if step == than:
                return True
            if step not in seen and step in catalogue:
                seen.add(step)
                reach.append(step)
    return False


def signature(s: Session) -> tuple[tuple[object, ...], ...]:
    """A session's exercises and doses."""
    return tuple(
        sorted(
            (p.exercise, p.sets, p.reps, p.seconds, p.tempo, p.load_kg, p.target_rpe)
            for p in s.main
        )
    )


def repeat_pairs(plan: Plan) -> tuple[int, list[tuple[Session, Session]]]:
    """Pairs of sessions in a row (consecutive, or the same slot of consecutive weeks),
    both in weeks that train and neither holding on purpose (the weeks back after a long
    race), and those that repeat in every exercise and dose."""
    usable = [s for s in plan.sessions if s.phase not in HOLDING and s.lighter not in HOLDING_DAYS]
    pairs = list(pairwise(usable))
    by_week: dict[int, list[Session]] = {}
    for s in usable:
        by_week.setdefault((s.day - plan.start).days // 7, []).append(s)
    for week, held in by_week.items():
        for a, b in zip(by_week.get(week - 1, []), held, strict=False):
            if (a, b) not in pairs:
                pairs.append((a, b))
    return len(pairs), [(a, b) for a, b in pairs if signature(a) == signature(b)]


def downhill_blocks(plan: Plan) -> tuple[int, list[int]]:
    """The blocks of a plan (full training sessions only), and those without a step-up,
    step-down or lowering-to-a-box anchor."""
    blocks: dict[int, set[str]] = {}
    for s in plan.sessions:
        if training(s) and s.block:
            anchors = {p.exercise for p in s.main if p.role is Role.ANCHOR}
            blocks.setdefault(s.block, set()).update(anchors)
    missing = [
        b
        for b, anchors in blocks.items()
        if not any(word in a for a in anchors for word in DOWNHILL_WORDS)
    ]
    return len(blocks), missing


def beginner(rng: random.Random) -> tuple[Profile, list[Run]]:
    """A random athlete as a beginner (bodyweight or a little kit)."""
    profile, runs = random_athlete(rng, WEEKS)
    kit = {Equipment.BODYWEIGHT}
    if rng.random() < 0.4:
        kit |= set(rng.sample([Equipment.MAT, Equipment.BAND, Equipment.STEP], 1))
    return replace(profile, level=Level.BEGINNER, equipment=frozenset(kit)), runs


def trail_runner(rng: random.Random) -> tuple[Profile, list[Run]]:
    """A random athlete training for a trail race or an ultra, with a step or a box: the
    event given in the profile, or only in the goal race's title."""
    profile, runs = random_athlete(rng, WEEKS)
    race_day = START + timedelta(weeks=rng.randint(10, 15), days=5)
    runs = [r for r in runs if r.kind is not RunKind.RACE and r.day != race_day]
    title = rng.choice(TRAIL_TITLES)
    runs.append(Run(race_day, title, RunKind.RACE, time(7), time(13), 360, priority="A"))
    kit = profile.equipment | {rng.choice([Equipment.STEP, Equipment.BOX])}
    event = rng.choice(["trail", "ultra", None])
    return replace(profile, equipment=kit, event=event), runs


def main() -> None:
    athletes = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    catalogue = load_catalogue()
    found: Counter[str] = Counter()
    for _, profile, runs in drawn_athletes(athletes, 1309, WEEKS, one_stream=True):
        plan = make_plan(profile, runs, catalogue)
        found["full sessions (all athletes)"] += sum(training(s) for s in plan.sessions)
        ones = one_set_companions(plan)
        found["  one-set accessories/balance, past the first exposure"] += len(ones)
        found["  sessions holding one"] += len({s.day for s, _ in ones})
        counted, missing = missing_anchors(plan)
        found["  missing one of their block's anchors"] += missing
        found["  with two or more one-set accessories/balance"] += sum(
            n >= 2 for n in Counter(s.day for s, _ in ones).values()
        )
        for v in plan.violations:
            if v.rule in ("variety", "progression", "several-groups", "balance"):
                found[f"{'hard' if v.hard else 'soft'} findings: {v.rule}"] += 1
        pairs, same = repeat_pairs(plan)
        found["sessions in a row (all athletes)"] += pairs
        found["  identical in every exercise and dose"] += len(same)
    for _, profile, runs in drawn_athletes(athletes, 1310, kind=beginner, one_stream=True):
        plan = make_plan(profile, runs, catalogue)
        counted, weeks, anchors, still = stalled(plan, catalogue)
        found["beginners' training weeks 9-12"] += counted
        found["  in which no anchor moves past what was done"] += len(weeks)
        found["beginners' anchor patterns in weeks 9-12"] += anchors
        found["  never moving past what was done"] += len(still)
        found["beginners' full sessions"] += sum(training(s) for s in plan.sessions)
        ones = one_set_companions(plan)
        found["  with a one-set accessory/balance"] += len({s.day for s, _ in ones})
        found["  with two or more"] += sum(n >= 2 for n in Counter(s.day for s, _ in ones).values())
        found["  missing one of their block's anchors"] += missing_anchors(plan)[1]
        pairs, same = repeat_pairs(plan)
        found["beginners' sessions in a row"] += pairs
        found["  identical"] += len(same)
    for _, profile, runs in drawn_athletes(athletes, 1311, kind=trail_runner, one_stream=True):
        plan = make_plan(profile, runs, catalogue)
        blocks, missing = downhill_blocks(plan)
        label = "event in profile" if profile.event else "event in race title"
        found[f"trail/ultra blocks ({label})"] += blocks
        found["  without a downhill anchor"] += len(missing)
        found[f"  ... {label}"] += len(missing)
        downhill = [
            s
            for s in plan.sessions
            if any(
                p.role is Role.ANCHOR and any(word in p.exercise for word in DOWNHILL_WORDS)
                for p in s.main
            )
        ]
        found["trail/ultra sessions with a downhill anchor"] += len(downhill)
        found["  whose why says what it is for"] += sum("downhill" in s.why for s in downhill)
    for key, value in found.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
