"""Care's stage governs the session's lifts of the movements it guards: while runner's
knee care is short of its last stage, no knee-bending lift (squat, lunge) carries added
load unless it is the stage's own exercise (a lunge becomes the wall sit, or stays
unloaded in a shallow range); while Achilles care is early, no calf lift beyond the
stage is loaded; and a week of hill repeats says, once, to talk them over with a
physio while the tendon is irritable."""

from __future__ import annotations

import functools
import random
from dataclasses import replace
from datetime import time, timedelta

import pytest
from bench.athletes import START, random_athlete

from legday.catalogue.loader import load_catalogue
from legday.model import Equipment, Plan, Run, RunKind
from legday.planner import make_plan
from legday.planner.care.guards import GUARDED_PATTERNS
from legday.planner.care.schedule import CareSchedule, expected_stage

CATALOGUE = load_catalogue()
LOADED = frozenset({Equipment.DUMBBELLS, Equipment.KETTLEBELL, Equipment.BARBELL})


@functools.cache  # a plan is immutable: several tests read the same one
def _plan(seed: int, injury: str, stage: int = 1) -> Plan:
    rng = random.Random(seed)
    profile, runs = random_athlete(rng, 10)
    profile = replace(profile, injuries=(injury,), equipment=profile.equipment | LOADED)
    return make_plan(profile, runs, CATALOGUE, care=CareSchedule({injury: stage}, {}))


def _loaded_beyond_stage(plan: Plan, injury: str) -> list[tuple[str, str, float]]:
    protocol = CATALOGUE.protocols[injury]
    care = CareSchedule({injury: 1}, {})
    guarded = GUARDED_PATTERNS[injury]
    found = []
    for session in plan.sessions:
        week = (session.day - plan.start).days // 7
        stage = expected_stage(protocol, care, week)
        if stage.number >= len(protocol.stages):
            continue
        own = {i.exercise for s in protocol.stages[: stage.number] for i in s.items}
        for p in session.main:
            exercise = CATALOGUE[p.exercise]
            if exercise.pattern in guarded and p.load_kg and p.exercise not in own:
                found.append((str(session.day), p.exercise, p.load_kg))
    return found


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("injury", ["runners-knee", "achilles"])
def test_no_loaded_guarded_lift_beyond_an_early_stage(seed: int, injury: str) -> None:
    plan = _plan(seed, injury)
    assert not _loaded_beyond_stage(plan, injury)
    assert not [v for v in plan.violations if v.hard]


def test_a_knee_lift_that_stays_says_how_shallow() -> None:
    shallow = [
        p
        for seed in range(8)
        for s in _plan(seed, "runners-knee").sessions
        for p in s.main
        if "half way down at most" in p.load
    ]
    assert shallow
    assert all(p.load_kg is None and p.sets <= 2 for p in shallow)


def _hill_runner(injury: str, stage: int) -> Plan:
    rng = random.Random(3)
    profile, runs = random_athlete(rng, 8)
    runs = [r for r in runs if r.kind is not RunKind.HARD]
    runs += [
        Run(START + timedelta(weeks=w, days=2), "Hill repeats 8 x 60s", RunKind.HARD, time(18))
        for w in range(8)
    ]
    profile = replace(profile, injuries=(injury,))
    return make_plan(profile, runs, CATALOGUE, care=CareSchedule({injury: stage}, {}))


def test_an_achilles_runner_with_hill_repeats_is_told_to_ask_a_physio() -> None:
    plan = _hill_runner("achilles", 1)
    told = [r for r in plan.care if "physio" in r.why and "Hill repeats" in r.why]
    weeks = {(r.day - plan.start).days // 7 for r in told}
    assert told and len(told) == len(weeks)  # once a week at most
    assert not any("hill work" in r.why for r in _hill_runner("achilles", 3).care)
    assert not any("hill work" in r.why for r in _hill_runner("runners-knee", 1).care)
