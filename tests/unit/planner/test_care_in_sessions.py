"""A strength session loads a sore area no harder than its care stage (coach's read,
issue 14): an Achilles runner gets no loaded calf work and no jumps while care is at an
early stage; a single-leg calf raise holds one dumbbell, the other hand on a rail; the
week after an A race keeps care to its lightest form; jumps fit a runner with two
interval days and a long run."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

from bench.athletes import random_athlete
from bench.key_runs import jumps_before_key_runs

from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import Equipment, ExerciseKind, Level, RunKind
from legday.planner import make_plan
from legday.planner.care.schedule import expected_stage
from legday.planner.dose import start_load

CATALOGUE = load_catalogue()
KIT = frozenset({Equipment.BODYWEIGHT, Equipment.WALL, Equipment.DUMBBELLS, Equipment.STEP})


def test_achilles_calf_work_stays_at_its_care_stage_and_jumps_wait() -> None:
    profile, runs = random_athlete(random.Random(4), 16)
    profile = replace(profile, injuries=("achilles",), level=Level.INTERMEDIATE, equipment=KIT)
    plan = make_plan(profile, runs, CATALOGUE)
    protocol = CATALOGUE.protocols["achilles"]
    early = 0
    for session in plan.sessions:
        week = (session.day - profile.start).days // 7
        if expected_stage(protocol, None, week).number == len(protocol.stages):
            continue
        early += 1
        for p in session.main:
            assert p.kind is not ExerciseKind.PLYOMETRIC, (session.day, p.exercise)
            if CATALOGUE[p.exercise].pattern == "calf":
                assert p.load_kg is None and p.target_rpe <= 6, (session.day, p)
    assert early >= 6
    assert not [v for v in plan.violations if v.hard]


def test_a_single_leg_calf_raise_holds_one_dumbbell() -> None:
    profile, runs = random_athlete(random.Random(2), 8)
    profile = replace(profile, level=Level.ADVANCED, equipment=KIT)
    plan = make_plan(profile, runs, CATALOGUE)
    loaded = [
        p
        for s in plan.sessions
        for p in s.main
        if p.load_kg and p.unilateral and CATALOGUE[p.exercise].pattern == "calf"
    ]
    assert loaded
    assert all(p.load.startswith("one ") and "rail" in p.load for p in loaded)


def test_a_good_morning_starts_at_half_a_romanian_deadlift() -> None:
    kit = kit_of(replace(random_athlete(random.Random(1), 1)[0], equipment=KIT))
    rdl, gm = CATALOGUE["romanian-deadlift"], CATALOGUE["good-morning"]
    for level in Level:
        full = start_load(rdl, "dumbbells", level, kit) or 0
        assert (start_load(gm, "dumbbells", level, kit) or 0) <= full / 2 + 1


def test_the_week_after_an_a_race_keeps_care_to_its_lightest_form() -> None:
    profile, runs = random_athlete(random.Random(0), 30)
    profile = replace(profile, injuries=("runners-knee",))
    plan = make_plan(profile, runs, CATALOGUE)
    a_races = [r.day for r in plan.race_days if r.priority == "A"]
    assert a_races
    after = {d + timedelta(days=n) for d in a_races for n in range(1, 8)}
    routines = [r for r in plan.care if r.day in after]
    assert routines and all(r.lightest for r in routines)


def test_jumps_fit_a_runner_with_two_interval_days_and_a_long_run() -> None:
    """Runners with two interval days and a long run still jump, never less than 48 h
    before the start of intervals, the long run or a race (`bench.key_runs`). Not every
    such calendar leaves a session day clear of all three, so this looks across the
    random runners with two interval days."""
    runners = jumping = 0
    for seed in range(20):
        profile, runs = random_athlete(random.Random(seed), 16)
        if len({r.day.weekday() for r in runs if r.kind is RunKind.HARD}) < 2:
            continue
        runners += 1
        profile = replace(profile, level=Level.ADVANCED, equipment=KIT, injuries=())
        plan = make_plan(profile, runs, CATALOGUE)
        jumps = [s.day for s in plan.sessions for p in s.main if p.kind is ExerciseKind.PLYOMETRIC]
        jumping += bool(jumps)
        assert not list(jumps_before_key_runs(plan, runs, CATALOGUE))
    assert runners >= 5 and jumping >= 3


def test_an_exercise_first_met_through_care_starts_gently() -> None:
    profile, runs = random_athlete(random.Random(4), 16)
    profile = replace(profile, injuries=("achilles",), level=Level.ADVANCED, equipment=KIT)
    plan = make_plan(profile, runs, CATALOGUE)
    seen: set[str] = set()
    for session in plan.sessions:
        # a care routine before the session was a first exposure too
        seen.update(p.exercise for r in plan.care if r.day < session.day for p in r.exercises)
        for p in session.main:
            if p.exercise not in seen and p.role.value != "care":
                assert p.sets <= 2 and p.target_rpe <= 6, (session.day, p.exercise)
            seen.add(p.exercise)
