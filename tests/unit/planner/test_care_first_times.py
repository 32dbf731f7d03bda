"""A care exercise's first time, in a routine or a session, starts gently (two sets at
the stage's reps or seconds, RPE 6 at most) and the stage's full dose comes later (the
rest of that week holds two sets, then it climbs a set or 30 % a week: `planner.ramp`); and a
session holds an exercise once, however many of its lifts care turns into the same stage
exercise (coach's read: 8 x 30 s of calf-raise holds in one session)."""

from __future__ import annotations

import random
from dataclasses import replace

from bench.athletes import random_athlete
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach_athletes import half_marathoner
from legday.catalogue.loader import load_catalogue
from legday.model import INJURIES, Plan, Prescription
from legday.planner import make_plan
from legday.planner.session import variation
from thorough import plan_examples

CATALOGUE = load_catalogue()


def _exposures(plan: Plan) -> list[tuple[str, Prescription]]:
    """Every exercise done in the plan, in order: (where, prescription); a care exercise
    met first as a session's lift is met all the same."""
    events = [(r.day, r.start, "routine", r.exercises) for r in plan.care]
    events += [(s.day, s.start, "session", s.main) for s in plan.sessions]
    events.sort(key=lambda e: (e[0], e[1].isoformat() if e[1] else ""))
    return [(where, p) for _, _, where, block in events for p in block]


def _first_times(plan: Plan) -> list[tuple[str, Prescription]]:
    """Each movement's first time: the same lift with other kit or a band (a kettlebell
    single-leg deadlift after the single-leg Romanian deadlift) is no new movement
    (`session.variation`, docs/planner.md 3.6)."""
    seen: set[str] = set()
    firsts = []
    for where, p in _exposures(plan):
        lift = CATALOGUE[p.exercise]
        same = any(variation(CATALOGUE[done], lift, CATALOGUE) == "kit" for done in seen)
        if p.exercise not in seen and not same:
            firsts.append((where, p))
        seen.add(p.exercise)
    return firsts


def test_a_care_exercise_starts_with_two_easy_sets() -> None:
    profile, runs = half_marathoner()
    plan = make_plan(profile, runs, CATALOGUE)
    firsts = _first_times(plan)
    in_routines = [p for where, p in firsts if where == "routine"]
    assert len(in_routines) >= 6  # stage after stage, both problems
    for where, p in firsts:
        assert p.sets <= 2 and p.target_rpe <= 6, (where, p.exercise, p.sets)
    # the stage's reps or seconds stand; later weeks climb past the first time's sets
    # (the wall sit's 4 x 30 s came three days after its first 2 x 30 s: a coach's read)
    heel_drop = [p for where, p in _exposures(plan) if p.exercise == "eccentric-heel-drop"]
    assert heel_drop[0].reps == 15 and heel_drop[0].new
    wall_sits = [p for where, p in _exposures(plan) if p.exercise == "wall-sit"]
    assert wall_sits[0].sets == 2 and max(p.sets for p in wall_sits) > 2
    first_week = [
        s.day for s in plan.sessions if "wall-sit" in s.exercise_ids and s.day < plan.weeks[1].start
    ]
    assert first_week  # the sessions of its first week hold it, at two sets
    for day in first_week:
        session = next(s for s in plan.sessions if s.day == day)
        assert all(p.sets <= 2 for p in session.main if p.exercise == "wall-sit")


def test_gentle_first_routines_are_shorter() -> None:
    profile, runs = half_marathoner()
    plan = make_plan(profile, runs, CATALOGUE)
    first = min(r.day for r in plan.care if r.injury == "achilles" and not r.lightest)
    routines = [r for r in plan.care if r.injury == "achilles" and not r.lightest]
    assert routines[0].day == first and routines[0].minutes < routines[1].minutes


@settings(
    max_examples=plan_examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(seed=st.integers(0, 1 << 16), weeks=st.integers(4, 16))
def test_a_session_holds_each_exercise_once(seed: int, weeks: int) -> None:
    rng = random.Random(seed)
    profile, runs = random_athlete(rng, weeks)
    injuries = profile.injuries or tuple(rng.sample(list(INJURIES), rng.randint(1, 2)))
    plan = make_plan(replace(profile, injuries=injuries), runs, CATALOGUE)
    for session in plan.sessions:
        ids = [p.exercise for p in session.main]
        assert len(ids) == len(set(ids)), (session.day, ids)
    for where, p in _first_times(plan):
        assert p.sets <= 2 and p.target_rpe <= 6, (where, p.exercise, p.sets)
