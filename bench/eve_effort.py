"""Effort the numbers can keep, and no load step on a key run's eve (issue 13, faults 3, 9
and the care-dosed 4 kg -> 30 kg jump of a coach's sixth read).

A coach found the eve of a tempo run printed a back squat at the heavy day's 57.5 kg for
2 x 6 @ RPE 6 after 3 x 4 @ RPE 7: if 4 reps leave 3 in reserve, 6 leave about 1, so the
lighter day was the harder one (RPE ~9). He also found a care calf raise stepping up on the
eve of a 3 h long run, and a beginner's care-dosed calf raise going from 5 kg to a 30 kg
dumbbell. Each count here reads a plan as he did:

- more reps, lower RPE: a loaded session lift whose reps rise over its last exposure at
  the same load (same exercise and implement) while its target RPE falls (reps in reserve
  that do not add up);
- load steps on eves: a loaded lift, in a session or a care routine, heavier than its last
  exposure on the day before a key run (intervals, tempo, the long run) or a race;
- rises beyond the cap: a load rise past `heavier_kg` (10 % or one owned step), or a far
  step (not `Kit.small_step`) taken without the reps that reach it (`reps_to_reach`).

    PYTHONHASHSEED=0 .venv/bin/python bench/eve_effort.py [athletes]   # 100 by default

Run it on two trees (PYTHONPATH=<tree>/src:<tree>) to compare before and after.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from bench.athletes import drawn_athletes

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.kit import Kit, kit_of
from legday.model import Plan, Prescription, Profile, Run, RunKind
from legday.planner import make_plan
from legday.planner.care.loads import care_step_up
from legday.planner.dose import WAITING_REPS
from legday.progression.loads import Load, heavier_kg, reps_to_reach

BENCH_SEED = 1300  # the athletes' seed (`drawn_athletes`)
Exposure = tuple[date, str, Prescription]  # day, where ("session" or "care"), the lift


def exposures(plan: Plan) -> list[Exposure]:
    """Every loaded lift of the plan in day order, sessions' and care routines' alike."""
    found: list[Exposure] = []
    for s in plan.sessions:
        found += [(s.day, "session", p) for p in s.main if p.load_kg is not None]
    for c in plan.care:
        found += [(c.day, "care", p) for p in c.exercises if p.load_kg is not None]
    return sorted(found, key=lambda e: e[0])


def eves(plan: Plan, runs: Sequence[Run]) -> set[date]:
    """The days before a key run or a race."""
    key_days = {r.day for r in runs if r.key or r.kind is RunKind.RACE}
    key_days |= set(plan.races) | {r.day for r in plan.race_days}
    return {day - timedelta(days=1) for day in key_days}


def effort_slips(plan: Plan) -> Iterator[str]:
    """Session lifts with more reps at the same load and a lower RPE than last time there."""
    at_load: dict[tuple[str, str, float], Prescription] = {}
    for day, where, p in exposures(plan):
        if where != "session" or p.care_dose or p.load_kg is None:
            continue
        key = (p.exercise, p.implement, p.load_kg)
        last = at_load.get(key)
        if last is not None and (p.reps or 0) > (last.reps or 0) and p.target_rpe < last.target_rpe:
            yield (
                f"{day} {p.exercise} {p.load_kg} kg {p.sets}x{p.reps} @ {p.target_rpe}"
                f" after {last.sets}x{last.reps} @ {last.target_rpe}"
            )
        at_load[key] = p


def rises(plan: Plan) -> Iterator[tuple[date, str, Prescription, Prescription]]:
    """(day, where, lift, its last exposure) for each load rise over the last exposure of
    the same dosing: care's (routines and care-dosed session lifts) or the strength plan's.
    A lift care held at its light dose that goes back to its own load is no rise."""
    last: dict[tuple[str, str, bool], Prescription] = {}
    for day, where, p in exposures(plan):
        key = (p.exercise, p.implement, where == "care" or p.care_dose)
        before = last.get(key)
        if before is not None and (before.load_kg or 0.0) < (p.load_kg or 0.0) - 1e-9:
            yield day, where, p, before
        last[key] = p


def eve_steps(plan: Plan, runs: Sequence[Run]) -> Iterator[str]:
    """Load rises on the day before a key run or race."""
    before_key = eves(plan, runs)
    for day, where, p, before in rises(plan):
        if day in before_key:
            yield f"{day} {where} {p.exercise} {before.load_kg} -> {p.load_kg} kg"


def beyond_cap(p: Prescription, before: Prescription, kit: Kit, *, care: bool) -> bool:
    """Whether `p` rose past the cap over `before`: past `heavier_kg`, or a far step taken
    from fewer reps than reach it; for `care` (which holds its protocol's reps) past
    `care_step_up`, a kettlebell rack's step at most."""
    assert p.load_kg is not None and before.load_kg is not None
    if care:
        return p.load_kg > (care_step_up(before.load_kg, p.implement, kit) or before.load_kg)
    cap = heavier_kg(Load(before.load_kg, p.implement), kit)
    if cap is None or p.load_kg > cap + 1e-9:
        return True
    if kit.small_step(before.load_kg, p.load_kg):
        return False
    reach = reps_to_reach(before.load_kg, p.load_kg, p.reps or 1, WAITING_REPS)
    return reach is None or (before.reps or 0) < reach


def capped_out(plan: Plan, profile: Profile) -> Iterator[str]:
    """Load rises beyond the cap."""
    kit = kit_of(profile)
    for day, where, p, before in rises(plan):
        if beyond_cap(p, before, kit, care=where == "care" or p.care_dose):
            was, now = f"{before.load_kg}x{before.reps}", f"{p.load_kg}x{p.reps}"
            yield f"{day} {where} {p.exercise} {was} -> {now}"


def count(plan: Plan, profile: Profile, runs: Sequence[Run], found: Counter[str]) -> None:
    """Tally one plan's faults, and the RPE ceiling."""
    found["more reps, lower RPE"] += len(list(effort_slips(plan)))
    found["load steps on eves"] += len(list(eve_steps(plan, runs)))
    found["load rises beyond the cap"] += len(list(capped_out(plan, profile)))
    found["sets above RPE 8"] += sum(p.target_rpe > 8 for s in plan.sessions for p in s.main)


def main(athletes: int = 100, catalogue: Catalogue | None = None) -> Counter[str]:
    catalogue = catalogue or load_catalogue()
    found: Counter[str] = Counter()
    for _, profile, runs in drawn_athletes(athletes, BENCH_SEED):
        count(make_plan(profile, runs, catalogue), profile, runs, found)
    print(f"{athletes} athletes: " + ", ".join(f"{k} {n}" for k, n in sorted(found.items())))
    return found


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
