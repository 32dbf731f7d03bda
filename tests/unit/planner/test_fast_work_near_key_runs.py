"""Fast work where the 48-hour rule leaves no day for jumps (issue 13, a coach's read of a
half marathoner, an ultra runner and a track athlete): none of the three had a single foot
contact in whole blocks, and no plan said why.

Jumps still keep 48 h clear of key runs and races (landings included: docs/planner.md
3.5). What changed: a key run's eve may hold a power lift at a primer's dose (two short
sets of fast reps: Harrison et al. 2019), and a block whose drill never came says why in
its weeks' notes."""

from __future__ import annotations

import functools

from coach_athletes import coached_athletes, half_marathoner, track_athlete
from legday.catalogue.loader import load_catalogue
from legday.model import ExerciseKind, Lighter, Phase, Plan, Role
from legday.planner import make_plan
from legday.planner.dose import POWER_REPS, PRIMER_REPS, PRIMER_SETS

CATALOGUE = load_catalogue()
NO_JUMPS = "No jumps in this block"


@functools.cache  # a plan is immutable: several tests read the same one
def _track() -> Plan:
    profile, runs = track_athlete()
    return make_plan(profile, runs, CATALOGUE)


@functools.cache
def _coached_plans() -> tuple[Plan, ...]:
    """Twelve coached athletes' plans, drawn in turn from one seed: the tests read the first
    nine or all twelve."""
    return tuple(make_plan(profile, runs, CATALOGUE) for _, profile, runs in coached_athletes(12))


def test_the_track_season_keeps_fast_work_in_every_meet_week() -> None:
    """Intervals Tuesday and Thursday evening, a meet on Saturday: every day the week
    allows is a key run's eve, which held no fast work at all, so the season's blocks had
    none. Now each meet week's session holds a power lift, and no jumps."""
    plan = _track()
    meet_weeks = [w for w in plan.weeks if "C race" in w.note and w.phase is Phase.BUILD]
    assert len(meet_weeks) >= 5
    for week in meet_weeks:
        sessions = [s for s in plan.sessions if s.day in week]
        assert sessions, week.note
        for s in sessions:
            assert any(p.role is Role.POWER for p in s.main), (s.day, s.why)
            assert not any(p.kind is ExerciseKind.PLYOMETRIC for p in s.main)


def test_a_power_lift_on_a_key_runs_eve_is_a_primer() -> None:
    """Two short sets of fast reps, far from failure: what leaves legs heavy the next day
    is volume and effort, not a few fast reps (Doma et al. 2017). A primer starts at
    PRIMER_REPS and takes a rep more as its lift moves on (a bodyweight speed squat that
    never changed trained nothing new: issue 13), never past a full set's POWER_REPS."""
    plans = [_track(), *_coached_plans()[:9]]
    eves = 0
    first: dict[tuple[int, str], int] = {}
    for number, plan in enumerate(plans):
        for s in plan.sessions:
            if s.lighter is not Lighter.KEY_RUN_EVE:
                continue
            assert not any(p.kind is ExerciseKind.PLYOMETRIC for p in s.main)
            for p in s.main:
                if p.role is Role.POWER:
                    eves += 1
                    assert p.sets <= PRIMER_SETS and (p.reps or 0) <= POWER_REPS, s.why
                    assert p.target_rpe <= 6
                    first.setdefault((number, p.exercise), p.reps or 0)
    assert eves >= 10
    assert all(reps <= PRIMER_REPS for reps in first.values()), first


def test_a_block_without_jumps_says_why() -> None:
    """The track season's blocks of meets: every session is a key run's eve or less than
    48 h before the next meet; the half marathoner's: care for the Achilles holds jumps."""
    plan = _track()
    told = [w for w in plan.weeks if NO_JUMPS in w.note]
    assert told
    assert all("less than 48 h before a key run or race" in w.note for w in told)
    assert all("a power lift" in w.note for w in told)
    for week in told:  # only said of a block that never jumped
        assert not any(
            p.kind is ExerciseKind.PLYOMETRIC
            for s in plan.sessions
            if s.day in week
            for p in s.main
        )
    profile, runs = half_marathoner()
    half = make_plan(profile, runs, CATALOGUE)
    said = [w.note for w in half.weeks if NO_JUMPS in w.note]
    assert said and all("care for your problem holds jumps" in note for note in said)


def test_said_only_of_blocks_that_never_jump() -> None:
    for plan in _coached_plans():
        for week in plan.weeks:
            if NO_JUMPS not in week.note:
                continue
            block = {s.block for s in plan.sessions if s.day in week}
            assert not any(
                p.kind is ExerciseKind.PLYOMETRIC
                for s in plan.sessions
                if s.block in block
                for p in s.main
            ), week.note
