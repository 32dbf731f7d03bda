"""A coach's third read (trail runner, club racer): no load rises on the eve of a hard or
long run, no rise bigger than a small step of the athlete's own kit (kettlebells of 16 and
24 kg: the reps or sets move on instead), and none in a recovery week."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest
from bench.athletes import random_athlete

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.kit import Kit
from legday.model import Equipment, Plan, Prescription, Profile, Run, RunKind
from legday.planner import make_plan

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
    """At most a quarter more, or one 2.5 kg step: a further next weight waits."""
    seen = 0
    for _, _, plan in plans:
        for day, before, now in _rises(plan):
            assert before.load_kg is not None and now.load_kg is not None
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
