"""A knee or calf problem's care comes three days a week, a day apart from the sessions
that load the same tissue: the week's sessions leave it a free day (`days.care_room`).
A coach read runner's knee and shin care on the two strength days only, nine training
weeks of twelve: Tuesday and Friday sessions around a Thursday fartlek and a Sunday long
run left no free day two clear of them, while Monday and Wednesday stood empty."""

from __future__ import annotations

import functools
import random
from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from bench.athletes import random_athlete

from legday.care import CALF_PROBLEMS, KNEE_PROBLEMS
from legday.catalogue.loader import load_catalogue
from legday.model import HARD_RUN_KINDS, Level, Plan, Profile, Run, RunKind
from legday.planner import make_plan
from legday.planner.days import CARE_ROOM, care_room

CATALOGUE = load_catalogue()
START = date(2027, 1, 4)


def test_no_cost_without_knee_or_calf_care() -> None:
    assert care_room((1, 4), None) == 0


def test_a_week_of_three_sessions_is_its_care_days() -> None:
    assert care_room((0, 2, 4), (1, 3, 5)) == 0


def test_tuesday_and_friday_around_thursday_and_sunday_key_runs_leave_no_room() -> None:
    open_days = (0, 1, 2, 4, 5)  # Thu fartlek and Sun long run are closed
    assert care_room((1, 4), open_days) == CARE_ROOM
    assert care_room((0, 4), open_days) == 0  # Wednesday is two clear of both


def _runner(weeks: int) -> tuple[Profile, list[Run]]:
    """Athlete 4 of the coach's read: easy Tue and Sat, fartlek Thu, long Sun."""
    pattern = {
        1: ("Easy run 40 min", RunKind.EASY),
        3: ("Fartlek 8 x 1 min", RunKind.HARD),
        5: ("Easy run 35 min", RunKind.EASY),
        6: ("Long run 75 min", RunKind.LONG),
    }
    runs = [
        Run(
            START + timedelta(days=7 * w + d),
            title,
            kind,
            start=time(18 if d < 5 else 9),
            minutes=75 if kind is RunKind.LONG else 40,
        )
        for w in range(weeks)
        for d, (title, kind) in pattern.items()
    ]
    profile = Profile(
        start=START,
        weeks=weeks,
        injuries=("runners-knee", "shin-splints"),
        level=Level.INTERMEDIATE,
        minutes=40,
        dumbbells_kg=(2, 4, 6, 8, 10, 12),
    )
    return profile, runs


def _care_days(plan: Plan, injury: str, days: set[date]) -> set[date]:
    routines = {r.day for r in plan.care if r.injury == injury and r.day in days}
    sessions = {
        s.day
        for s in plan.sessions
        if s.day in days and any(injury in p.injury_care for p in s.main)
    }
    return routines | sessions


def test_knee_and_shin_care_three_days_in_every_training_week() -> None:
    profile, runs = _runner(12)
    plan = make_plan(profile, runs, CATALOGUE)
    for week in plan.weeks:
        days = {week.start + timedelta(days=n) for n in range(7)}
        if not any(s.day in days for s in plan.sessions):
            continue
        for injury in profile.injuries:
            assert len(_care_days(plan, injury, days)) >= 3, (week.start, injury)


@functools.cache
def _random_plan(seed: int) -> tuple[Plan, list[Run], tuple[str, ...]]:
    rng = random.Random(4100 + seed)
    profile, runs = random_athlete(rng, 8)
    problems = tuple(rng.sample(sorted(CALF_PROBLEMS | KNEE_PROBLEMS), 1))
    profile = replace(profile, injuries=problems)
    return make_plan(profile, runs, CATALOGUE), runs, problems


@pytest.mark.parametrize("seed", range(12))
def test_two_session_weeks_leave_care_a_day_where_the_calendar_has_one(seed: int) -> None:
    """Property over random knee or calf athletes: a training week of fewer than three
    sessions leaves a day with no hard run, long run or race two clear of every session,
    whenever the week's other choices of days would have (all but a rare week)."""
    plan, runs, _ = _random_plan(seed)
    hard = {r.day for r in runs if r.kind in HARD_RUN_KINDS}
    crowded = 0
    for week in plan.weeks:
        days = [week.start + timedelta(days=n) for n in range(7)]
        sessions = [(s.day - week.start).days for s in plan.sessions if s.day in days]
        if not sessions or len(sessions) >= 3:
            continue
        open_days = tuple(n for n, d in enumerate(days) if d not in hard)
        crowded += care_room(sessions, open_days) > 0
    assert crowded <= 1
