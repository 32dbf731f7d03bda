"""Care says how often it comes, and comes that often (issue 13: a coach's read found
Achilles care saying "three times a week" over weeks that gave the tendon its dose on one
or two days). Each full routine says the week's protocol days: its full routines, and its
sessions that hold an exercise of the week's stage (Beyer's heavy slow raises, not a heel
drop 2 x 5) or, for shin splints and plantar heel pain, a calf lift serving the problem
(for runner's knee, a knee lift serving it).
And a stage taken every other day or three times a week never loads the sore tissue two
days in a row: no routine beside another of its protocol days (for a calf problem, beside
a session with a calf lift or any calf problem's routine).

A week's routines in the lightest form (the days around a race) are said too: a coach read
"once this week" in a race week, then a second routine that week, the lightest form two
days later; the words said the week had no other day, where the race's days took it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach_athletes import B_RACE, half_marathoner
from legday.care import CALF_PROBLEMS
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import INJURIES, Plan, Prescription
from legday.planner import make_plan
from strategies import profiles, runs_for
from thorough import plan_property

PROPERTY = plan_property(80)
TIMES = {"once": 1, "twice": 2, "three times": 3, "four times": 4, "five times": 5}
TIMES |= {"six times": 6, "every day": 7}
SAID = re.compile(r"(?P<times>" + "|".join(TIMES) + r") this week")
LIGHTEST_SAID = re.compile(r"and (?P<times>" + "|".join(TIMES) + r") in its lightest form")
CALF_PATTERNS = ("calf", "shin")
CALF_COUNTED = ("shin-splints", "plantar-fascia")  # a calf lift for them is their care
# a knee lift tagged for runner's knee is its care (a squat, lunge or step: docs/injury-care.md)
KNEE_COUNTED = {"runners-knee": ("squat", "lunge")}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _said(why: str) -> int:
    found = SAID.search(why)
    assert found is not None, why
    return TIMES[found["times"]]


def _said_lightest(why: str) -> int:
    found = LIGHTEST_SAID.search(why)
    return 0 if found is None else TIMES[found["times"]]


def _calf(catalogue: Catalogue, p: Prescription) -> bool:
    return catalogue[p.exercise].pattern in CALF_PATTERNS


def _protocol_days(plan: Plan, catalogue: Catalogue, injury: str, days: list[date]) -> set[date]:
    full = [r for r in plan.care if r.injury == injury and r.day in days and not r.lightest]
    stage = catalogue.protocols[injury].stage(full[0].stage)
    exercises = {item.exercise for item in stage.items}
    sessions = {
        s.day
        for s in plan.sessions
        if s.day in days
        and any(
            p.exercise in exercises
            or (injury in CALF_COUNTED and injury in p.injury_care and _calf(catalogue, p))
            or (
                injury in p.injury_care
                and catalogue[p.exercise].pattern in KNEE_COUNTED.get(injury, ())
            )
            for p in s.main
        )
    }
    return sessions | {r.day for r in full}


def _loading_days(plan: Plan, catalogue: Catalogue, injury: str) -> set[date]:
    if injury not in CALF_PROBLEMS:  # its routines and its protocol days
        days = {r.day for r in plan.care if r.injury == injury}
        for week in plan.weeks:
            in_week = [week.start + timedelta(days=n) for n in range(7)]
            if any(r.day in in_week and not r.lightest for r in plan.care if r.injury == injury):
                days |= _protocol_days(plan, catalogue, injury, in_week)
        return days
    days = {r.day for r in plan.care if r.injury in CALF_PROBLEMS and r.frequency != "daily"}
    return days | {s.day for s in plan.sessions if any(_calf(catalogue, p) for p in s.main)}


@PROPERTY
@given(data=st.data())
def test_care_says_how_often_it_comes_and_never_two_days_running(
    catalogue: Catalogue, data: st.DataObject
) -> None:
    profile = data.draw(profiles(max_weeks=10), label="profile")
    first = data.draw(st.sampled_from(["achilles", *INJURIES]), label="problem")
    problems = tuple(dict.fromkeys((first, *profile.injuries)))
    runs = data.draw(runs_for(profile.start, profile.weeks), label="calendar")
    plan = make_plan(replace(profile, injuries=problems), runs, catalogue)
    for injury in problems:
        loading = _loading_days(plan, catalogue, injury)
        for week in plan.weeks:
            days = [week.start + timedelta(days=n) for n in range(7)]
            full = [r for r in plan.care if r.injury == injury and r.day in days and not r.lightest]
            if full:
                done = len(_protocol_days(plan, catalogue, injury, days))
                assert {_said(r.why) for r in full} == {done}, (injury, week.start, full[0].why)
                lightest = [r for r in plan.care if r.injury == injury and r.day in days]
                light = sum(r.lightest for r in lightest)
                assert {_said_lightest(r.why) for r in full} == {light}, (injury, week.start)
        for r in plan.care:
            if r.injury != injury or r.frequency == "daily":
                continue
            for beside in (r.day - timedelta(days=1), r.day + timedelta(days=1)):
                assert beside not in loading, (injury, r.day, beside)


def test_the_coachs_race_weeks_say_the_lightest_forms_they_hold(catalogue: Catalogue) -> None:
    """The half marathoner with runner's knee: the week of his B race and the week after
    it hold the stage's dose on one or two days and the lightest form on the others, and
    every full routine says both, and why the stage's dose comes less often (before: "once
    this week ... the week has no other day two days clear of the others", then two
    routines of the lightest form that week)."""
    profile, runs = half_marathoner()
    plan = make_plan(replace(profile, injuries=("runners-knee",)), runs, catalogue)
    raced = (B_RACE - plan.start).days // 7
    for week in (raced, raced + 1):
        days = [plan.start + timedelta(days=7 * week + n) for n in range(7)]
        routines = [r for r in plan.care if r.day in days]
        full = [r for r in routines if not r.lightest]
        light = len(routines) - len(full)
        assert full and light, (week, [(r.day, r.lightest) for r in routines])
        for r in full:
            assert _said_lightest(r.why) == light, r.why
            assert "the days around your race take its lightest form" in r.why, r.why
            assert "no other day two days clear" not in r.why, r.why
