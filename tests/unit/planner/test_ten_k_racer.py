"""A running coach's read of 10K racers' plans (issue 13, points 3-5; bench/racer_read.py).

The coach found, for an intermediate racer with key runs on Tuesday, Thursday and Sunday
(dumbbells up to 16 kg, a kettlebell): no jumps in 12 weeks, power stand-ins that never
moved on, "heavy" lunges at 8 kg with 14 kg owned, a why saying "4 reps" beside a 3 x 8,
and two lunges in one session. These tests hold what changed, and that jumps still keep
48 h clear of every key run and race.
"""

from __future__ import annotations

import functools
import random
from datetime import date, time, timedelta
from itertools import pairwise

from bench.key_runs import jumps_before_key_runs
from bench.racer_read import (
    heavy_words,
    light_heavy_lifts,
    racer,
    stuck_stand_ins,
    variants_twice,
)

from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import (
    Equipment,
    ExerciseKind,
    Level,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
    RunKind,
)
from legday.planner import make_plan
from legday.planner.days import clear_start
from legday.planner.dose import (
    POWER_MOST_REPS,
    POWER_MOST_SETS,
    Dose,
    power_climb,
    primer,
    start_load,
)
from legday.planner.pools import variants_of
from legday.planner.words import how_it_builds

CATALOGUE = load_catalogue()
START = date(2027, 1, 4)
RACERS = 24


def coach_racer(level: Level = Level.INTERMEDIATE) -> tuple[Profile, list[Run]]:
    """The coach's racer: intervals Tuesday and Thursday at 18:30, the long run Sunday at
    08:00, an easy run on Mondays; dumbbells 2-16 kg and kettlebells of 12 and 16 kg."""
    runs = []
    for week in range(12):
        monday = START + timedelta(weeks=week)
        runs += [
            Run(monday, "Easy", RunKind.EASY, time(7), None, 40),
            Run(monday + timedelta(days=1), "Intervals", RunKind.HARD, time(18, 30), None, 60),
            Run(monday + timedelta(days=3), "Tempo", RunKind.HARD, time(18, 30), None, 50),
            Run(monday + timedelta(days=6), "Long run", RunKind.LONG, time(8), None, 90),
        ]
    profile = Profile(
        start=START,
        weeks=12,
        level=level,
        equipment=frozenset(
            {Equipment.BODYWEIGHT, Equipment.WALL, Equipment.DUMBBELLS, Equipment.KETTLEBELL}
        ),
        minutes=45,
        recovery_every=4,
        seed=7,
        dumbbells_kg=tuple(float(kg) for kg in range(2, 17, 2)),
        kettlebells_kg=(12.0, 16.0),
        event="10k",
    )
    return profile, runs


@functools.cache
def _racers() -> tuple[tuple[Profile, list[Run], Plan], ...]:
    rng = random.Random(1345)
    found = []
    for _ in range(RACERS):
        profile, runs = racer(rng)
        found.append((profile, runs, make_plan(profile, runs, CATALOGUE)))
    return tuple(found)


def test_the_coach_racer_jumps_in_a_morning_clear_of_the_long_run() -> None:
    """Every evening of the week is less than 48 h before a key run; a Friday morning
    session is 48 h or more before Sunday's long run, so the block's jumps go there."""
    profile, runs = coach_racer()
    plan = make_plan(profile, runs, CATALOGUE)
    jumping = [s for s in plan.sessions if any(p.role is Role.PLYOMETRIC for p in s.main)]
    assert len({s.block for s in jumping}) >= 2
    assert all(s.start is not None and s.start <= time(8) for s in jumping)
    assert not list(jumps_before_key_runs(plan, runs, CATALOGUE))


def test_jumps_keep_48_h_from_key_runs_and_rpe_stays_at_8() -> None:
    """Over random 10K racers: no jumps less than 48 h before a key run or race, no RPE
    above 8, no hard findings; and nearly every plan jumps (before: 18 of 80 never did)."""
    plans = _racers()
    for _, runs, plan in plans:
        assert not list(jumps_before_key_runs(plan, runs, CATALOGUE))
        assert all(p.target_rpe <= 8 for s in plan.sessions for p in s.main)
        assert not [v for v in plan.violations if v.hard]
    jumping = [
        plan
        for _, _, plan in plans
        if any(p.kind is ExerciseKind.PLYOMETRIC for s in plan.sessions for p in s.main)
    ]
    assert len(jumping) >= RACERS - 1


def test_the_racers_whys_stand_ins_and_sessions_read_true() -> None:
    """Power stand-ins move on, "heavy lifts: N reps" names the lifts it means, and the
    time a session fills goes to no second variant of a lift it holds (companions chosen
    for the week's groups still may: 110 sessions of 1,333 in 80 plans, from 333)."""
    plans = _racers()
    for _, runs, plan in plans:
        assert not list(stuck_stand_ins(plan, runs, CATALOGUE))
        assert not list(heavy_words(plan, runs, CATALOGUE))
    twice = sum(len(list(variants_twice(plan, runs, CATALOGUE))) for _, runs, plan in plans)
    assert twice <= 45  # of about 400 sessions; before: 97
    light = sum(bool(list(light_heavy_lifts(plan, runs, CATALOGUE))) for _, runs, plan in plans)
    assert light <= RACERS // 4  # before: 27 of 80 plans held a heavy anchor below 60 %


def test_a_power_lift_takes_the_next_weight_by_small_steps_only() -> None:
    kit = kit_of(coach_racer()[0])
    plan = Dose(3, 5, None, 6, "2-1-1")

    def climbed(implement: str, sessions: int, *, may_rise: bool = True) -> tuple[int, float]:
        dose, kg, _ = power_climb(
            plan, 12.0, implement, kit, done=9, at_load=(12.0, sessions), may_rise=may_rise
        )
        assert kg is not None
        return dose.sets, kg

    assert climbed("dumbbells", 3) == (3, 14.0)  # three sessions at 12 kg: the next pair
    assert climbed("dumbbells", 2) == (3, 12.0)  # not yet
    assert climbed("dumbbells", 5, may_rise=False) == (3, 12.0)  # the logbook's pace
    # a 12 kg bell with 16 kg the next: too far a step, the sets climb instead
    assert climbed("kettlebell", 6) == (4, 12.0)


def test_a_bodyweight_power_lift_climbs_by_sets_then_reps() -> None:
    profile, _ = coach_racer()
    kit = kit_of(profile)
    plan = Dose(3, 5, None, 6, "2-1-1")
    doses = [
        power_climb(plan, None, "", kit, done=done, at_load=None, may_rise=True)[0]
        for done in range(0, 30, 3)
    ]
    assert [d.sets for d in doses][:3] == [3, 4, 4]
    assert max(d.sets for d in doses) == POWER_MOST_SETS
    assert max(d.reps or 0 for d in doses) == POWER_MOST_REPS
    assert all(a.sets <= b.sets and (a.reps or 0) <= (b.reps or 0) for a, b in pairwise(doses))
    masters = power_climb(plan, None, "", kit, done=30, at_load=None, may_rise=True, most_sets=3)
    assert masters[0].sets == 3
    held = power_climb(plan, None, "", kit, done=30, at_load=None, may_rise=True, grow=False)
    assert held[0] == plan
    # an eve's primer: two sets, a rep more a step, never past a full set's
    assert primer(plan) == plan._replace(sets=2, reps=3)
    assert primer(plan, 1).reps == 4 and primer(plan, 9).reps == 5


def test_a_session_starts_by_a_time_when_asked() -> None:
    """`clear_start` with `by`: at that time when free, else the first gap before it and
    after the day's run; None when the run ends after it."""
    easy = Run(START, "Easy", RunKind.EASY, time(6), time(6, 40), 40)
    assert clear_start([], None, 45, 45, time(7, 30)) == time(7, 30)
    assert clear_start([easy], None, 45, 45, time(7, 30)) == time(7, 30)
    assert clear_start([easy], None, 45, 45, time(6, 30)) is None


def test_variants_are_steps_of_one_ladder() -> None:
    lunge = CATALOGUE["forward-lunge"]
    variants = variants_of(lunge, CATALOGUE)
    assert {"reverse-lunge", "dumbbell-reverse-lunge", "kettlebell-reverse-lunge"} <= variants
    assert "dumbbell-step-up" not in variants and "lateral-lunge" not in variants
    # a tendon protocol's straight- and bent-knee heel drops share only a harder step
    assert "bent-knee-eccentric-heel-drop" not in variants_of(
        CATALOGUE["eccentric-heel-drop"], CATALOGUE
    )
    assert not variants_of(CATALOGUE["speed-squat"], CATALOGUE)


def test_the_heavy_clause_names_its_lifts_beside_a_lift_at_more_reps() -> None:
    def lift(exercise: str, reps: int, kg: float) -> Prescription:
        e = CATALOGUE[exercise]
        return Prescription(
            exercise=exercise,
            sets=3,
            reps=reps,
            seconds=None,
            per_side=True,
            load="",
            tempo="3-1-1",
            target_rpe=7,
            muscles=e.muscles,
            unilateral=e.unilateral,
            balance=e.balance,
            role=Role.ANCHOR,
            load_kg=kg,
            implement="dumbbells",
        )

    both = [("forward lunge", lift("forward-lunge", 4, 12.0))]
    assert how_it_builds(both).startswith("heavy lifts: 4 reps")
    both.append(("single-leg romanian deadlift", lift("single-leg-romanian-deadlift", 8, 14.0)))
    assert how_it_builds(both).startswith("heavy lifts (forward lunge): 4 reps")


def test_lunges_start_at_a_real_load_and_care_where_it_did() -> None:
    profile, _ = coach_racer()
    kit = kit_of(profile)
    lunge = CATALOGUE["dumbbell-reverse-lunge"]
    assert start_load(lunge, "dumbbells", Level.INTERMEDIATE, kit) == 8.0
    assert start_load(lunge, "dumbbells", Level.INTERMEDIATE, kit, care=True) == 6.0
