"""Care near a race (`care-routine`): an A- or B-race week and a taper hold the week
before's stage and dose and bring no new stage or exercise (the week after a race holds
too: test_care_after_races.py), and the last days before a race (three for an A, two
for a B) hold only the lightest form. The athlete is the coach's injured
half-marathoner: Achilles pain and runner's knee, a B race in week 7 and the A race in
week 12."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from bench.athletes import START, random_athlete

from coach_athletes import A_RACE, B_RACE, half_marathoner
from legday.catalogue.loader import load_catalogue
from legday.model import INJURIES, Phase, Plan, Prescription, Run, RunKind
from legday.planner import make_plan
from legday.rules import check_plan

CATALOGUE = load_catalogue()


@pytest.fixture(scope="module")
def plan() -> Plan:
    profile, runs = half_marathoner()
    return make_plan(profile, runs, CATALOGUE)


def _held(plan: Plan) -> list[int]:
    races = [r.day for r in plan.race_days if r.priority in ("A", "B")]
    return [
        index
        for index, week in enumerate(plan.weeks)
        if week.phase in (Phase.RACE, Phase.TAPER) or any(day in week for day in races)
    ]


def _volume(exercises: tuple[Prescription, ...]) -> dict[str, int]:
    return {p.exercise: p.sets * (p.reps or p.seconds or 0) for p in exercises}


def test_the_plan_sees_both_races(plan: Plan) -> None:
    assert {(r.day, r.priority) for r in plan.race_days} == {(B_RACE, "B"), (A_RACE, "A")}
    assert {6, 11} <= set(_held(plan))


def test_a_race_or_taper_week_holds_the_stage_and_dose_of_the_week_before(plan: Plan) -> None:
    for injury in plan.injuries:
        full = {
            (r.day - plan.start).days // 7: r
            for r in plan.care
            if r.injury == injury and not r.lightest and not r.eve
        }
        for week in _held(plan):
            now, before = full.get(week), full.get(week - 1)
            if now is None or before is None:
                continue
            assert now.stage <= before.stage, (injury, week)
            # no new exercise, and none dosed higher
            rise = {
                e: v
                for e, v in _volume(now.exercises).items()
                if v > _volume(before.exercises).get(e, -1)
            }
            assert not rise, (injury, week, rise)


def test_no_new_care_stage_or_exercise_in_a_race_or_taper_week(plan: Plan) -> None:
    held = set(_held(plan))
    seen: set[str] = set()
    events = sorted(
        [(r.day, r.exercises) for r in plan.care] + [(s.day, s.main) for s in plan.sessions],
        key=lambda e: e[0],
    )
    for day, exercises in events:
        week = (day - plan.start).days // 7
        for p in exercises:
            if week in held and set(p.injury_care) & set(plan.injuries):
                assert p.exercise in seen, (day, p.exercise)
            seen.add(p.exercise)
    # the B race's week and the week after keep stage 2 of both routines; stage 3 starts
    # the first week after that which is no recovery week (a recovery week eases care a
    # set, keeping its stage: the month's one now sits apart from the taper, in week 8)
    climbing = next(w for w in plan.weeks[8:] if w.phase is not Phase.RECOVERY)
    for injury in plan.injuries:
        held_weeks = (plan.weeks[6], plan.weeks[7])
        stages = {
            r.stage
            for r in plan.care
            if r.injury == injury and any(r.day in week for week in held_weeks)
        }
        after = {r.stage for r in plan.care if r.injury == injury and r.day in climbing}
        assert stages and max(stages) < max(after), injury


@pytest.mark.parametrize(("race", "days"), [(A_RACE, 3), (B_RACE, 2)])
def test_only_the_lightest_form_in_the_last_days_before_a_race(
    plan: Plan, race: date, days: int
) -> None:
    close = [r for r in plan.care if 0 < (race - r.day).days <= days]
    assert close
    for routine in close:
        assert routine.lightest, (routine.day, routine.injury)
        assert "race" in routine.why


def test_the_care_rule_flags_a_full_routine_in_the_last_days_before_a_race(plan: Plan) -> None:
    assert not [v for v in plan.violations if v.rule == "care-routine"]
    close = next(r for r in plan.care if 0 < (A_RACE - r.day).days <= 3)
    full = next(r for r in plan.care if r.injury == close.injury and not r.lightest)
    loaded = replace(close, lightest=False, exercises=full.exercises)
    care = tuple(loaded if r == close else r for r in plan.care)
    found = check_plan(replace(plan, care=care), CATALOGUE)
    assert any(
        v.rule == "care-routine" and "before a race" in v.message and v.day == close.day
        for v in found
    )


@pytest.mark.parametrize("seed", range(12))
def test_random_racers_care_neither_steps_up_nor_rises_near_a_race(seed: int) -> None:
    rng = random.Random(seed)
    profile, runs = random_athlete(rng, 16)
    injuries = profile.injuries or tuple(rng.sample(list(INJURIES), rng.randint(1, 2)))
    day = START + timedelta(days=rng.randrange(3, 100))
    runs = [*runs, Run(day, "10k race", RunKind.RACE, time(9), time(10), 60)]
    plan = make_plan(replace(profile, injuries=injuries), runs, CATALOGUE)
    held = set(_held(plan))
    most: dict[str, int] = {}
    events = sorted(
        [(r.day, 0, r.exercises) for r in plan.care] + [(s.day, 1, s.main) for s in plan.sessions],
        key=lambda e: (e[0], e[1]),
    )
    for when, _, exercises in events:
        week = (when - plan.start).days // 7
        for p in exercises:
            care = bool(set(p.injury_care) & set(injuries))
            if care and week in held and week > 0:
                assert p.sets <= most.get(p.exercise, 0), (when, p.exercise, p.sets)
            most[p.exercise] = max(most.get(p.exercise, 0), p.sets)
    for race in plan.race_days:
        days = {"A": 3, "B": 2}.get(race.priority, 0)
        close = [r for r in plan.care if 0 < (race.day - r.day).days <= days]
        assert all(r.lightest for r in close), race
