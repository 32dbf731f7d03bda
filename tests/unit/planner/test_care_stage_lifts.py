"""Strength sessions stay within reach of the care stage, and an injured athlete's lifts
start with a weight to climb to (a coach and physio's read, issue 13 and injury care):

1. a session's lift of a movement a problem's care guards runs at most one stage ahead of
   the care (`HELD_REACH`), and then only held (two easy sets, unloaded or as light as it
   starts): a lateral step-down, the knee's last stage, came "shallow" in a stage-1
   session, and a hamstring's single-leg Romanian deadlift beside its bridge holds;
2. an injured athlete's lift never starts at the heaviest weight they own while a lighter
   one is owned: a single-leg Romanian deadlift started at 10 kg with 6, 8 and 10 kg
   dumbbells, only its reps rose, and a block sat at 2 x 12.

Counted as `bench/care_stage_lifts.py` counts them.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import islice

import pytest
from bench.athletes import week_doses
from bench.care_stage_lifts import ahead_of_stage, injured_athletes
from bench.knee_care import cases
from hypothesis import given
from hypothesis import strategies as st

from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import Equipment, Level, Profile
from legday.planner import make_plan
from legday.planner.care.guards import HELD_REACH, stages_ahead
from legday.planner.dose import start_load
from legday.planner.pools import athlete_pools

CATALOGUE = load_catalogue()
KNEE = "runners-knee"


def _beyond(count: int, seed: int) -> list[str]:
    found = []
    for profile, runs, care in islice(injured_athletes(count, seed), count):
        plan = make_plan(profile, runs, CATALOGUE, care=care)
        doses = week_doses(profile, runs, CATALOGUE, care)
        found += [
            f"{profile.injuries} {injury} stage {stage}: {p.exercise}"
            for kind, injury, stage, p in ahead_of_stage(plan, profile, CATALOGUE, doses)
            if kind == "beyond"
        ]
    return found


def test_stages_ahead_reads_the_protocol_and_the_catalogue() -> None:
    """A lateral step-down is the knee's last stage, two past the wall sit; a pistol squat
    is harder than its single-leg box squat; a split squat is the next stage's; a goblet
    squat is at least the wall sit it grew from."""
    knee = CATALOGUE.protocols[KNEE]
    assert stages_ahead(knee, 1, "lateral-step-down", CATALOGUE) == 2
    assert stages_ahead(knee, 1, "pistol-squat", CATALOGUE) == 2
    assert stages_ahead(knee, 1, "split-squat", CATALOGUE) == HELD_REACH
    assert stages_ahead(knee, 1, "goblet-squat", CATALOGUE) <= 0
    hamstring = CATALOGUE.protocols["hamstring"]
    assert stages_ahead(hamstring, 1, "weighted-single-leg-romanian-deadlift", CATALOGUE) == 2


@given(st.integers(min_value=0, max_value=10_000))
def test_no_session_lift_runs_two_stages_ahead_of_care(seed: int) -> None:
    """A random injured athlete, half of them starting at a logbook's stage: no guarded
    lift of a session is as hard as an exercise two or more stages past the care's."""
    assert not _beyond(1, seed)


@pytest.mark.slow
def test_no_session_lift_runs_two_stages_ahead_of_care_over_many_athletes() -> None:
    """Over 200 random injured athletes (before: 208 lifts of 34 athletes)."""
    assert not _beyond(200, 1313)


def test_the_bodyweight_knee_runner_meets_no_step_down_at_the_wall_sit_stage() -> None:
    """The coach's half-marathoner with runner's knee and no weights: his first sessions
    held a lateral step-down "shallow" at stage 1; now an easier lift within one stage."""
    _, profile, runs = next(c for c in cases() if c[0] == "bodyweight")
    plan = make_plan(profile, runs, CATALOGUE)
    doses = week_doses(profile, runs, CATALOGUE)
    early = [
        p.exercise
        for s in plan.sessions
        if doses.of(KNEE, (s.day - plan.start).days // 7)[0].number == 1
        for p in s.main
    ]
    assert early
    assert "lateral-step-down" not in early
    assert "forward-step-down" not in early


def test_the_knee_runners_single_leg_deadlift_starts_below_his_heaviest_dumbbells() -> None:
    """The coach's runner with 6, 8 and 10 kg dumbbells: the single-leg Romanian
    deadlift starts at 8 kg (before: 10 kg, and only its reps rose) and reaches 10 kg."""
    _, profile, runs = next(c for c in cases() if c[0] == "dumbbells 6-10 kg")
    plan = make_plan(profile, runs, CATALOGUE)
    loads = [
        p.load_kg
        for s in plan.sessions
        for p in s.main
        if p.exercise == "single-leg-romanian-deadlift" and p.load_kg is not None
    ]
    assert loads[0] == 8.0
    assert 10.0 in loads


@given(
    st.sampled_from([(6.0, 8.0, 10.0), (4.0, 6.0), (8.0, 12.0), (5.0, 7.5, 10.0, 12.5)]),
    st.sampled_from(list(Level)),
    st.sampled_from(["runners-knee", "hamstring", "achilles", "shin-splints"]),
)
def test_an_injured_athletes_lifts_start_below_the_top_of_their_rack(
    owned: tuple[float, ...], level: Level, injury: str
) -> None:
    """Every loaded lift's first load, for an athlete whose care runs, is below the
    heaviest weight they own; a healthy athlete's may be the top."""
    profile = Profile(
        start=cases()[0][1].start,
        injuries=(injury,),
        equipment=frozenset({Equipment.BODYWEIGHT, Equipment.DUMBBELLS}),
        dumbbells_kg=owned,
        level=level,
    )
    kit = kit_of(profile)
    pools = athlete_pools(CATALOGUE, profile, kit, "")
    starts = [
        kg for e, kg in pools.start_loads.items() if kg and pools.implements[e] == "dumbbells"
    ]
    assert starts and max(starts) < owned[-1]
    exercise = CATALOGUE["single-leg-romanian-deadlift"]
    top = start_load(exercise, "dumbbells", Level.ADVANCED, kit)
    assert top == owned[-1] or top == kit.at_most("dumbbells", 14.0)
    assert start_load(exercise, "dumbbells", Level.ADVANCED, kit, room=True) != owned[-1]
    healthy = athlete_pools(CATALOGUE, replace(profile, injuries=()), kit, "")
    assert healthy.start_loads == {
        e: start_load(CATALOGUE[e], healthy.implements[e], level, kit) for e in healthy.start_loads
    }
