"""Care after a race (`care-routine`): the days after any race hold only the lightest
form (an A race seven, a B race three, a C race one, a race of two hours or more five),
and the week after an A or B race holds the race week's stage and dose: legs sore from
racing are no legs for heavy slow calf raises or loaded knee bending."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from bench.athletes import START, random_athlete

from coach_athletes import B_RACE, half_marathoner
from legday.care import days_after_races
from legday.catalogue.loader import load_catalogue
from legday.model import INJURIES, Plan, Prescription, Race, Run, RunKind
from legday.planner import make_plan
from legday.planner.care.schedule import CareSchedule
from legday.rules import check_plan

CATALOGUE = load_catalogue()


def _volume(exercises: tuple[Prescription, ...]) -> int:
    return sum(p.sets * (p.reps or p.seconds or 0) for p in exercises)


def _trail_racer() -> tuple[Plan, date]:
    """An Achilles and runner's-knee athlete already at stage 3, a 30K trail B race (four
    and a half hours) on a Saturday in week 5."""
    profile, runs = half_marathoner()
    race = START + timedelta(weeks=4, days=5)
    runs = [r for r in runs if r.day != race]
    runs.append(Run(race, "B race - Ridge Trail 30K", RunKind.RACE, time(9), time(13, 30)))
    profile = replace(profile, race_priorities=((race, "B"),), weeks=10)
    care = CareSchedule({"achilles": 3, "runners-knee": 3}, {})
    return make_plan(profile, runs, CATALOGUE, care=care), race


def test_a_long_b_race_is_followed_by_five_days_of_the_lightest_care_only() -> None:
    plan, race = _trail_racer()
    after = [r for r in plan.care if 0 < (r.day - race).days <= 5]
    assert after
    assert all(r.lightest and "after your race" in r.why for r in after)
    assert not [v for v in plan.violations if v.hard]


def test_the_week_after_a_b_race_holds_the_race_weeks_stage_and_dose() -> None:
    plan, race = _trail_racer()
    raced = (race - plan.start).days // 7
    for injury in plan.injuries:
        full = {}
        for r in plan.care:
            if r.injury == injury and not r.lightest:
                full[(r.day - plan.start).days // 7] = r
        before = max((w for w in full if w < raced + 1), default=None)
        after = full.get(raced + 1)
        if before is None or after is None:
            continue
        assert after.stage <= full[before].stage, injury
        assert _volume(after.exercises) <= _volume(full[before].exercises), injury


def test_an_80_minute_b_race_takes_three_light_days() -> None:
    profile, runs = half_marathoner()
    plan = make_plan(profile, runs, CATALOGUE)
    after = [r for r in plan.care if 0 < (r.day - B_RACE).days <= 3]
    assert after and all(r.lightest for r in after)
    later = [r for r in plan.care if 3 < (r.day - B_RACE).days <= 14]
    assert any(not r.lightest for r in later)  # care goes on: only the first days rest


def test_the_rule_flags_a_full_routine_the_day_after_a_race() -> None:
    plan, race = _trail_racer()
    light = next(r for r in plan.care if r.day > race)
    full = next(r for r in plan.care if r.injury == light.injury and not r.lightest)
    loaded = replace(light, lightest=False, exercises=full.exercises)
    care = tuple(loaded if r == light else r for r in plan.care)
    found = check_plan(replace(plan, care=care), CATALOGUE)
    assert any(
        v.rule == "care-routine" and "after a race" in v.message and v.day == light.day
        for v in found
    )


def test_days_after_races_by_priority_and_length() -> None:
    monday = date(2027, 3, 1)
    races = [Race(monday, "C"), Race(monday + timedelta(days=14), "B")]
    long_c = Run(monday, "Club marathon", RunKind.RACE, time(9), None, 200)
    days = days_after_races(races, {monday: [long_c]})
    assert len([d for d in days if d < monday + timedelta(days=14)]) == 5
    assert len([d for d in days if d > monday + timedelta(days=14)]) == 3


@pytest.mark.parametrize("seed", range(10))
def test_random_racers_rest_their_care_after_a_race(seed: int) -> None:
    rng = random.Random(500 + seed)
    profile, runs = random_athlete(rng, 16)
    injuries = profile.injuries or tuple(rng.sample(list(INJURIES), rng.randint(1, 2)))
    day = START + timedelta(days=rng.randrange(20, 90))
    runs = [*runs, Run(day, "Trail race", RunKind.RACE, time(9), time(12, 30))]
    plan = make_plan(replace(profile, injuries=injuries), runs, CATALOGUE)
    assert not [v for v in plan.violations if v.rule == "care-routine"]
    by_day: dict[date, list[Run]] = {}
    for run in runs:
        by_day.setdefault(run.day, []).append(run)
    light = days_after_races(plan.race_days, by_day)
    assert all(r.lightest for r in plan.care if r.day in light)
    for race in (r for r in plan.race_days if r.priority in ("A", "B")):
        week = (race.day - plan.start).days // 7
        for injury in injuries:
            stages = {
                (r.day - plan.start).days // 7: r.stage for r in plan.care if r.injury == injury
            }
            if week in stages and week + 1 in stages:
                assert stages[week + 1] <= stages[week], (race, injury)
