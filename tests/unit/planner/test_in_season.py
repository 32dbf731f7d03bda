"""In season every lifting week keeps a session, 48-72 h clear of its races where the
week allows (Rønnestad & Mujika 2014: one session a week keeps strength)."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from legday.model import Phase, Plan, Profile, Run, RunKind
from legday.planner import make_plan
from legday.planner.days import AFTER_RACE, TWO_DAYS_BEFORE_RACE, Calendar, day_options
from legday.planner.season import season
from mini_catalogue import mini_catalogue

MONDAY = date(2027, 4, 5)
CATALOGUE = mini_catalogue()


def _day(week: int, weekday: int) -> date:
    return MONDAY + timedelta(weeks=week, days=weekday)


def _track_season(priority: str, weeks: int = 10) -> tuple[Profile, list[Run]]:
    """A meet every Saturday afternoon, intervals Tuesday and Thursday evening, easy
    morning runs Monday, Wednesday and Friday."""
    runs = []
    for week in range(weeks):
        runs += [
            Run(_day(week, d), "Intervals", RunKind.HARD, time(18), time(19, 15), 75)
            for d in (1, 3)
        ]
        runs += [
            Run(_day(week, d), "Easy run", RunKind.EASY, time(7), time(7, 40), 40)
            for d in (0, 2, 4)
        ]
        runs.append(
            Run(
                _day(week, 5),
                "Track meet",
                RunKind.RACE,
                time(14),
                time(16),
                120,
                priority=priority,
            )
        )
    return Profile(start=MONDAY, weeks=weeks), runs


def _days_in(plan: Plan, index: int) -> list[date]:
    return [s.day for s in plan.sessions if s.day in plan.weeks[index]]


@pytest.mark.parametrize("priority", ["C", "B"])
def test_a_track_season_keeps_its_strength(priority: str) -> None:
    """Ten weekly meets: only the recovery weeks (`recovery-week`, a hard rule) go without
    strength; every other week lifts on Monday or Wednesday, two or three days clear of
    the meets, never the day before or after one."""
    profile, runs = _track_season(priority)
    plan = make_plan(profile, runs, CATALOGUE)
    lifting = [i for i, week in enumerate(plan.weeks) if week.phase is not Phase.RECOVERY]
    assert len(lifting) >= 8
    for index in lifting:
        days = _days_in(plan, index)
        assert days, plan.weeks[index].note
        assert {d.weekday() for d in days} <= {0, 2}  # 48-72 h clear of Saturday's meet
    assert not [v for v in plan.violations if v.hard]


def test_the_day_after_a_race_and_two_days_before_one_cost_more() -> None:
    profile, runs = _track_season("C", weeks=2)
    calendar = Calendar.read(profile, runs)
    sunday, thursday = _day(0, 6), _day(1, 3)
    assert calendar.costs[sunday] == AFTER_RACE
    # two days before the meet, and the intervals on it: the day is closed anyway
    assert thursday in calendar.closed
    monday, wednesday = _day(1, 0), _day(1, 2)
    assert calendar.costs[wednesday] < calendar.costs[sunday]
    assert calendar.costs[monday] < calendar.costs[sunday]
    free = Profile(start=MONDAY, weeks=1)
    race = Run(_day(0, 5), "club 5K", RunKind.RACE, priority="C")
    assert Calendar.read(free, [race]).costs[_day(0, 3)] == TWO_DAYS_BEFORE_RACE


def test_a_tune_up_early_in_the_week_leaves_room_48_hours_after_it() -> None:
    """A B race on Tuesday: Monday is its eve and Wednesday the day after; the week's one
    light session goes later in the week, not nowhere. After an A race the week rests."""
    goal = Run(_day(12, 6), "City Marathon", RunKind.RACE, minutes=220)
    tune_up = Run(_day(1, 1), "Park 10K", RunKind.RACE, priority="B")
    profile = Profile(start=MONDAY, weeks=3, recovery_every=6)
    plan = make_plan(profile, [tune_up, goal], CATALOGUE)
    assert plan.weeks[1].phase is Phase.RACE
    days = _days_in(plan, 1)
    assert len(days) == 1 and days[0] >= tune_up.day + timedelta(days=2)
    options = day_options(profile, [tune_up, goal], season(profile, [tune_up, goal]))
    assert "recovery first" in options[1].reasons[tune_up.day + timedelta(days=1)]
    goal_week = Profile(start=MONDAY, weeks=2, races=(_day(1, 1),))
    options = day_options(goal_week, [], season(goal_week, []))
    assert not options[1].free  # an A race on Tuesday: the rest of its week is recovery
