"""A coach's third read (trail runner, club racer): no load rises on the eve of a hard or
long run, no rise bigger than a small step of the athlete's own kit unless the reps at the
lighter weight put the far one within reach (kettlebells of 16 and 24 kg: the reps move on
first), none in a recovery week, and a step back after a long race, a tune-up as a goal."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from bench.athletes import random_athlete

from coach_athletes import with_tune_up_and_goal
from legday.care import AFTER_LONG_RACE_DAYS, LONG_RACE_MINUTES, race_minutes
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.kit import Kit
from legday.model import (
    Equipment,
    ExerciseKind,
    Phase,
    Plan,
    Prescription,
    Profile,
    Run,
    RunKind,
)
from legday.planner import make_plan
from legday.planner.dose import WAITING_REPS
from legday.progression.loads import reps_to_reach

ATHLETES = 24
WEEKS = 12
# Racks with wide gaps, as a coach meets them: the step from 16 to 24 kg is half as much again.
KETTLEBELLS = ((12.0, 16.0, 24.0), (8.0, 16.0, 24.0), ())
DUMBBELLS = ((4.0, 8.0, 12.0, 20.0), ())


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def plans(catalogue: Catalogue) -> list[tuple[Profile, list[Run], Plan]]:
    """Random athletes without problems to care for, some with gappy racks of weights."""
    rng = random.Random(3021)
    found = []
    for _ in range(ATHLETES):
        profile, runs = random_athlete(rng, WEEKS)
        profile = replace(
            profile,
            injuries=(),
            equipment=profile.equipment | {Equipment.KETTLEBELL},
            kettlebells_kg=rng.choice(KETTLEBELLS),
            dumbbells_kg=rng.choice(DUMBBELLS),
        )
        found.append((profile, runs, make_plan(profile, runs, catalogue)))
    return found


def _rises(plan: Plan) -> list[tuple[date, Prescription, Prescription]]:
    """Every load rise: the day, the lift's previous prescription and this one."""
    last: dict[str, Prescription] = {}
    found = []
    for s in plan.sessions:
        for p in s.main:
            before = last.get(p.exercise)
            last[p.exercise] = p
            if (
                before is not None
                and p.load_kg is not None
                and before.load_kg is not None
                and p.implement == before.implement
                and p.load_kg > before.load_kg
            ):
                found.append((s.day, before, p))
    return found


def test_no_load_rises_on_the_eve_of_a_hard_or_long_run(
    plans: list[tuple[Profile, list[Run], Plan]],
) -> None:
    for _, runs, plan in plans:
        key = {r.day for r in runs if r.kind in (RunKind.HARD, RunKind.LONG)}
        for day, before, now in _rises(plan):
            assert day + timedelta(days=1) not in key, (
                day,
                now.exercise,
                before.load_kg,
                now.load_kg,
            )


def test_a_load_rises_by_a_small_step_only(plans: list[tuple[Profile, list[Run], Plan]]) -> None:
    """At most a quarter more, or one 2.5 kg step: a further next weight waits until the
    reps at the old one put it within reach (`reps_to_reach`, WAITING_REPS at most; then
    it comes, reps back down)."""
    seen = 0
    for _, _, plan in plans:
        for day, before, now in _rises(plan):
            assert before.load_kg is not None and now.load_kg is not None
            if not Kit.small_step(before.load_kg, now.load_kg):
                assert before.reps is not None and now.reps is not None
                assert now.reps < before.reps
                reach = reps_to_reach(before.load_kg, now.load_kg, now.reps, WAITING_REPS)
                assert reach is not None and reach <= before.reps, (day, now.exercise)
                continue
            assert Kit.small_step(before.load_kg, now.load_kg), (
                day,
                now.exercise,
                before.load_kg,
                now.load_kg,
            )
            seen += 1
    assert seen  # loads still rise where the rack allows a small step


def test_small_step() -> None:
    assert not Kit.small_step(16.0, 24.0)
    assert Kit.small_step(16.0, 20.0)
    assert Kit.small_step(4.0, 6.0)
    assert Kit.small_step(10.0, 12.5)
    assert not Kit.small_step(8.0, 12.0)


def _long_races(plan: Plan, runs: list[Run]) -> list[date]:
    """The A and B races of two hours or more (care's LONG_RACE_MINUTES)."""
    by_day: dict[date, list[Run]] = {}
    for run in runs:
        by_day.setdefault(run.day, []).append(run)
    return [
        race.day
        for race in plan.race_days
        if race.priority != "C"
        and race_minutes(race.day, by_day.get(race.day, ())) >= LONG_RACE_MINUTES
    ]


@pytest.fixture(scope="module")
def racers(catalogue: Catalogue) -> list[tuple[Profile, list[Run], Plan]]:
    """Random athletes with a long tune-up (a 50K trail, B) before their goal race."""
    rng = random.Random(2606)
    found = []
    for _ in range(ATHLETES // 2):
        profile, runs = random_athlete(rng, WEEKS)
        weekday = rng.choice([2, 5, 6])
        runs, _, _ = with_tune_up_and_goal(
            runs, profile.start, weekday, ("Trail 50K", 330), ("Ultra 100K", 900), time(7)
        )
        profile = replace(profile, injuries=())
        found.append((profile, runs, make_plan(profile, runs, catalogue)))
    return found


def test_a_long_race_is_followed_by_a_step_back(
    racers: list[tuple[Profile, list[Run], Plan]],
) -> None:
    """No session in the AFTER_LONG_RACE_DAYS after a race of two hours or more, B as A;
    to the end of the next week only light ones: nothing new, no jumps, no load rise."""
    rises = {(day, now.exercise) for _, _, plan in racers for day, _, now in _rises(plan)}
    seen = 0
    for profile, runs, plan in racers:
        for race in _long_races(plan, runs):
            week = (race - profile.start).days // 7
            for s in plan.sessions:
                after = (s.day - race).days
                if after <= 0 or (s.day - profile.start).days // 7 > week + 1:
                    continue
                seen += 1
                assert after > AFTER_LONG_RACE_DAYS, (race, s.day)
                for p in s.main:
                    assert not p.new, (race, s.day, p.exercise)
                    assert p.kind is not ExerciseKind.PLYOMETRIC, (race, s.day, p.exercise)
                    assert (s.day, p.exercise) not in rises, (race, s.day, p.exercise)
    assert seen


def test_no_load_rises_in_a_recovery_week(plans: list[tuple[Profile, list[Run], Plan]]) -> None:
    for _, _, plan in plans:
        for day, before, now in _rises(plan):
            phase = next(s.phase for s in plan.sessions if s.day == day)
            assert phase is not Phase.RECOVERY, (day, now.exercise, before.load_kg, now.load_kg)
