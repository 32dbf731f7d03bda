"""`progression`: anchor lifts move forward over their block, new exercises start gently,
and heavy or explosive work appears where level and kit allow (docs/planner.md)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise

from legday.kit import Kit, kit_of
from legday.model import (
    IMPLEMENTS,
    ExerciseKind,
    Level,
    Phase,
    Prescription,
    Role,
    Session,
)
from legday.progression.loads import Load, heavier_kg
from legday.rules.base import Facts, rule

Found = Iterator[tuple[date | None, str]]

FIRST_SETS = 2  # a new exercise: at most two sets ...
FIRST_RPE = 6  # ... at RPE 6 or less
HEAVY_REPS = 6  # a heavy lift: 3-6 reps with a load ...
HEAVY_RPE = 7  # ... at RPE 7 or more: three reps in reserve at most
# From one exposure of an anchor or accessory to the next, at most this much more:
MOST_SET_RISE = 1
MOST_REP_RISE = 2
MOST_HOLD_RISE = 10  # seconds
MOST_RPE_RISE = 1
HEAVY_PHASES = frozenset({Phase.OFF_SEASON, Phase.BASE})
IN_SEASON = frozenset({Phase.BUILD, Phase.PEAK})


def dose_level(p: Prescription) -> tuple[float, int, int, int]:
    """How far an anchor's dose has come: load first, then the seconds a set spends
    lowering and paused at the bottom (reps times both; hold seconds), then the lowering
    itself, then the pause. A rising load may bring fewer reps and still be more; so may a
    slower lowering (a bodyweight lift past its top reps: 12 reps lowering in 3 s, then 10
    in 4 s, then 9 in 5 s) and, at the slowest lowering, a longer pause (9 reps of 5-1-2,
    then 8 of 5-2-2)."""
    parts = p.tempo.split("-")
    slow = int(parts[0]) if parts[0].isdigit() else 0
    held = int(parts[1]) if len(parts) == 3 and parts[1].isdigit() and slow else 0
    work = p.reps * max(1, slow + held) if p.reps is not None else p.seconds or 0
    return p.load_kg or 0.0, work, slow, held


def a_set_for_reps(before: Prescription, now: Prescription) -> bool:
    """A set more at fewer reps (or seconds) and the same load, with no less work in all:
    a step forward, as care work climbs to its stage's dose (2 x 15, then 3 x 13: the
    weekly climb allows no 3 x 15 yet), not a fall back."""
    if now.load_kg != before.load_kg or now.sets <= before.sets:
        return False
    amount_now = now.reps or now.seconds or 0
    amount_before = before.reps or before.seconds or 0
    return now.sets * amount_now >= before.sets * amount_before


def heavy(p: Prescription) -> bool:
    return p.load_kg is not None and p.reps is not None and p.reps <= HEAVY_REPS


def explosive(p: Prescription) -> bool:
    """Jumps, or a power lift: moved as fast as control allows (Rønnestad & Mujika 2014:
    heavy or explosive work keeps what strength built)."""
    return p.kind is ExerciseKind.PLYOMETRIC or p.role is Role.POWER


@rule("progression", hard=False, summary="anchors progress over each block; new work starts gently")
def progression(facts: Facts) -> Found:
    plan = facts.plan
    anchors: dict[tuple[int, str], list[tuple[Session, Prescription]]] = {}
    for s in plan.sessions:
        for p in s.main:
            if p.new and (p.sets > FIRST_SETS or p.target_rpe > FIRST_RPE):
                yield (
                    s.day,
                    f"{p.exercise} on {s.day} is new but starts at {p.sets} sets at RPE "
                    f"{p.target_rpe}; start with {FIRST_SETS} sets at RPE {FIRST_RPE} or less",
                )
            if p.role is Role.ANCHOR and s.block:
                anchors.setdefault((s.block, p.exercise), []).append((s, p))
    for (block, exercise), seen in anchors.items():
        yield from _moves_forward(block, exercise, seen)
    yield from _heavy_where_allowed(facts)
    kit = kit_of(plan.profile) if plan.profile is not None else None
    yield from _no_jumps(plan.sessions, kit)


def _no_jumps(sessions: tuple[Session, ...], kit: Kit | None) -> Found:
    """No dose jump from one exposure of an anchor or accessory to the next: a set and an
    RPE point more at most, and a load no more than one rise above the last on the
    athlete's rack (when the plan carries its profile)."""
    last: dict[str, Prescription] = {}
    for s in sessions:
        for p in s.main:
            before = last.get(p.exercise)
            last[p.exercise] = p
            if before is None or p.role not in (Role.ANCHOR, Role.ACCESSORY):
                continue
            if (
                p.sets > before.sets + MOST_SET_RISE
                or p.target_rpe > before.target_rpe + MOST_RPE_RISE
            ):
                yield (
                    s.day,
                    f"{p.exercise} jumps from {before.sets} sets at RPE {before.target_rpe} "
                    f"to {p.sets} at RPE {p.target_rpe} on {s.day}",
                )
            was, now = before.load_kg, p.load_kg
            if was is None or now is None or now <= was or p.implement != before.implement:
                continue
            if kit is None:
                continue  # a plan read back without its profile: its rack is unknown
            if now > (heavier_kg(Load(was, p.implement), kit) or was):
                yield s.day, f"{p.exercise} jumps from {was:g} to {now:g} kg on {s.day}"


def _moves_forward(block: int, exercise: str, seen: list[tuple[Session, Prescription]]) -> Found:
    """Never a step back inside the block, and a step forward (load, reps, lowering, a set
    or effort) when its training weeks (taper and race weeks only hold) span two weeks."""
    for (_, before), (s, now) in pairwise(seen):
        if dose_level(now) < dose_level(before) and not a_set_for_reps(before, now):
            yield s.day, f"anchor {exercise} falls back on {s.day} inside block {block}"
    working = [(s, p) for s, p in seen if s.phase not in (Phase.TAPER, Phase.RACE)]
    if working and (working[-1][0].day - working[0][0].day).days >= 7:
        first = working[0][0]
        levels = [dose_level(p) for _, p in working]
        sets = [p.sets for _, p in working]
        # an RPE point more at the same load is a step forward too (effort comes first)
        efforts = [p.target_rpe for _, p in working]
        if max(levels) <= levels[0] and max(sets) <= sets[0] and max(efforts) <= efforts[0]:
            yield first.day, f"anchor {exercise} does not move forward over block {block}"


def _heavy_where_allowed(facts: Facts) -> Found:
    """Heavy lifts for intermediate and advanced runners with weights: in each block of
    the off-season or base, and in every in-season week that lifts (or explosive work)."""
    plan = facts.plan
    weights = plan.equipment is not None and any(i in plan.equipment for i in IMPLEMENTS)
    if plan.level not in (Level.INTERMEDIATE, Level.ADVANCED) or not weights:
        return
    blocks: dict[int, list[Session]] = {}
    for s in plan.sessions:
        if s.block and s.phase in HEAVY_PHASES:
            blocks.setdefault(s.block, []).append(s)
    for block, sessions in blocks.items():
        if not any(heavy(p) for s in sessions for p in s.main):
            yield sessions[0].day, f"block {block} has no heavy lift (3-6 reps with a load)"
    for week, sessions in facts.weeks:
        lifting = [s for s in sessions if s.phase in IN_SEASON]
        if lifting and not any(heavy(p) or explosive(p) for s in lifting for p in s.main):
            yield week.start, f"week of {week.start} has no short heavy or explosive session"
