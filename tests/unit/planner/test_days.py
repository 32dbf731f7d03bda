"""Day choice is the exact optimum of the documented objective (checked by brute force)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from itertools import combinations, product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legday.model import Profile, Run, RunKind
from legday.planner.days import (
    AFTER_LONG,
    AFTER_RACE,
    BACK_TO_BACK,
    BACK_TO_BACK_MASTERS,
    BEFORE_HARD,
    MASTERS_AFTER_KEY,
    MISSING_OPTIONAL,
    MISSING_REQUIRED,
    TWO_DAYS_BEFORE_RACE,
    DayOptions,
    choose_days,
    day_options,
    gap_cost,
    objective,
)
from legday.planner.season import season
from strategies import profiles, runs_for
from thorough import examples

MONDAY = date(2027, 1, 4)


def _options(profile: Profile, runs: list[Run]) -> list[DayOptions]:
    return day_options(profile, runs, season(profile, runs))


def _brute_force(options: list[DayOptions]) -> int:
    per_week = []
    for opt in options:
        room = max(0, opt.frame.target - len(opt.fixed))
        weeks = [
            tuple(sorted(opt.fixed + extra))
            for size in range(min(room, len(opt.free)) + 1)
            for extra in combinations(opt.free, size)
        ]
        per_week.append(weeks)
    return min(objective(options, list(choice)) for choice in product(*per_week))


@pytest.mark.slow
@settings(max_examples=examples(150), deadline=None)
@given(st.data())
def test_choice_is_optimal_against_brute_force(data: st.DataObject) -> None:
    profile = data.draw(profiles(max_weeks=3))
    profile = replace(profile, age=data.draw(st.sampled_from([None, 35, 50, 67])))
    runs = data.draw(runs_for(profile.start, profile.weeks))
    options = _options(profile, runs)
    chosen = choose_days(options)
    assert objective(options, chosen) == _brute_force(options)


@settings(max_examples=examples(100), deadline=None)
@given(st.data())
def test_never_more_than_target_and_only_allowed_days(data: st.DataObject) -> None:
    profile = data.draw(profiles(max_weeks=6))
    runs = data.draw(runs_for(profile.start, profile.weeks))
    options = _options(profile, runs)
    for opt, week in zip(options, choose_days(options), strict=True):
        assert len(week) <= max(opt.frame.target, len(opt.fixed))
        assert set(week) <= set(opt.free) | set(opt.fixed)


def test_whole_horizon_beats_greedy_week_by_week() -> None:
    """Alone, week 1 would take Sunday (cheapest); but next week only Monday and Wednesday
    are free, and Sunday + Monday would be back to back."""
    profile = Profile(start=MONDAY, weeks=2, sessions=2)
    runs = [Run(MONDAY + timedelta(days=d), "intervals", RunKind.HARD) for d in (0, 1, 3, 5)]
    alone = choose_days(_options(Profile(start=MONDAY, weeks=1, sessions=2), runs))[0]
    assert MONDAY + timedelta(days=6) in alone
    runs += [Run(MONDAY + timedelta(days=d), "tempo", RunKind.HARD) for d in (8, 10, 11, 12, 13)]
    options = _options(profile, runs)
    chosen = choose_days(options)
    week1, week2 = chosen
    assert week2 == (MONDAY + timedelta(days=7), MONDAY + timedelta(days=9))
    assert MONDAY + timedelta(days=6) not in week1  # Sunday would sit next to Monday
    assert objective(options, chosen) == _brute_force(options)


def test_hard_days_and_day_before_race_are_never_chosen() -> None:
    profile = Profile(start=MONDAY, weeks=1, sessions=3)
    runs = [
        Run(MONDAY + timedelta(days=1), "VO2max", RunKind.HARD),
        Run(MONDAY + timedelta(days=6), "10k race", RunKind.RACE),
    ]
    options = _options(profile, runs)
    (week,) = choose_days(options)
    assert MONDAY + timedelta(days=1) not in week
    assert MONDAY + timedelta(days=5) not in week
    assert MONDAY + timedelta(days=6) not in week
    reasons = options[0].reasons
    assert "race" in reasons[MONDAY + timedelta(days=5)]


def test_late_run_leaves_no_room_after_it() -> None:
    profile = Profile(start=MONDAY, weeks=1)
    runs = [Run(MONDAY, "night jog", RunKind.EASY, time(21, 0), time(22, 0))]
    options = _options(profile, runs)
    assert MONDAY not in options[0].free


def test_gap_costs_follow_the_documented_objective() -> None:
    assert gap_cost(1) == BACK_TO_BACK
    assert [gap_cost(g) for g in (2, 3, 4)] == [0, 0, 0]
    assert [gap_cost(g) for g in (5, 6, 7, 12)] == [1, 2, 3, 3]


def test_race_week_session_comes_before_the_race() -> None:
    """A midweek race: the light session may not land on the days after it."""
    from legday.planner import make_plan
    from mini_catalogue import mini_catalogue

    race = MONDAY + timedelta(days=1)  # Tuesday
    runs = [Run(race, "City Marathon", RunKind.RACE, time(9), time(12), 200)]
    plan = make_plan(Profile(start=MONDAY - timedelta(days=21), weeks=5), runs, mini_catalogue())
    race_week = next(w for w in plan.weeks if race in w)
    assert all(
        not (race_week.start <= s.day) or s.day < race for s in plan.sessions if s.day in race_week
    )
    reasons = day_options(plan.profile, runs, season(plan.profile, runs))  # type: ignore[arg-type]
    after = [o.reasons.get(MONDAY + timedelta(days=3), "") for o in reasons]
    assert any("after this week's race" in r for r in after)


WEDNESDAY = MONDAY + timedelta(days=2)
LATE = Run(WEDNESDAY, "Late easy", RunKind.EASY, time(21), time(22, 30), 90)
INTERVALS = Run(WEDNESDAY, "Intervals", RunKind.HARD, time(7), time(8), 60)


def _reason(runs: list[Run], races: tuple[date, ...] = ()) -> str:
    profile = Profile(start=MONDAY, weeks=1, races=races)
    return _options(profile, runs)[0].reasons.get(WEDNESDAY, "")


def test_a_closed_day_names_the_first_reason_that_applies() -> None:
    """When several rules close a day the note names the strongest: the day's hard run,
    then the eve of a race, then race day, then a run ending too late."""
    tomorrow, today = (WEDNESDAY + timedelta(days=1),), (WEDNESDAY,)
    assert _reason([LATE, INTERVALS], races=tomorrow) == "hard run (Intervals)"
    assert _reason([LATE], races=tomorrow + today) == "the day before a race"
    assert _reason([LATE], races=today) == "race day"
    assert _reason([LATE]) == "the run ends too late to fit strength after it"
    assert _reason([]) == ""


def test_day_costs_add_up_around_hard_and_long_runs() -> None:
    """The day before a hard run costs BEFORE_HARD, the day after a long run AFTER_LONG;
    a day that is both costs both."""
    thursday = WEDNESDAY + timedelta(days=1)
    runs = [
        Run(WEDNESDAY - timedelta(days=1), "Long run", RunKind.LONG, time(9), time(11), 120),
        Run(thursday, "Tempo", RunKind.HARD, time(18), time(19), 60),
    ]
    options = _options(Profile(start=MONDAY, weeks=1), runs)[0]
    assert options.cost[WEDNESDAY] == BEFORE_HARD + AFTER_LONG


def test_key_run_eves_rank_between_the_optional_session_and_back_to_back() -> None:
    """Dropping the optional third session beats lifting the day before a key run, which
    beats two sessions on consecutive days; nothing outranks the floor."""
    assert MISSING_OPTIONAL < BEFORE_HARD < BACK_TO_BACK < BACK_TO_BACK_MASTERS
    assert TWO_DAYS_BEFORE_RACE < MISSING_OPTIONAL and BEFORE_HARD < AFTER_RACE
    assert 2 * BACK_TO_BACK_MASTERS < MISSING_REQUIRED


def _key_run_week(age: int | None = None) -> list[DayOptions]:
    """Intervals Tuesday and Thursday, the long run Sunday: Monday, Wednesday and Saturday
    are eves, Friday is free of them."""
    runs = [Run(MONDAY + timedelta(days=d), "Intervals", RunKind.HARD) for d in (1, 3)]
    runs.append(Run(MONDAY + timedelta(days=6), "Long run", RunKind.LONG))
    return _options(Profile(start=MONDAY, weeks=1, sessions=3, age=age), runs)


def test_a_key_runs_eve_is_taken_only_for_the_floor() -> None:
    options = _key_run_week()
    (week,) = choose_days(options)
    eves = {MONDAY, MONDAY + timedelta(days=2), MONDAY + timedelta(days=5)}
    assert options[0].before_key == eves
    assert len(week) == 2  # the floor; a third session would be a second eve
    assert MONDAY + timedelta(days=4) in week
    assert len(eves & set(week)) == 1


def test_masters_pay_more_for_the_day_after_a_key_run_and_for_consecutive_days() -> None:
    """Intervals on Tuesday, the long run on Saturday: Wednesday is free of costs for a
    35-year-old, but follows the intervals; a masters athlete lifts Thursday instead."""
    runs = [
        Run(MONDAY + timedelta(days=1), "Intervals", RunKind.HARD),
        Run(MONDAY + timedelta(days=5), "Long run", RunKind.LONG),
    ]
    wednesday, thursday, sunday = (MONDAY + timedelta(days=d) for d in (2, 3, 6))
    young, masters = (
        _options(Profile(start=MONDAY, weeks=1, sessions=2, age=age), runs)[0] for age in (35, 55)
    )
    assert young.cost.get(wednesday, 0) == 0
    assert masters.cost[wednesday] == MASTERS_AFTER_KEY
    assert masters.cost[sunday] == AFTER_LONG + MASTERS_AFTER_KEY
    assert (young.back_to_back, masters.back_to_back) == (BACK_TO_BACK, BACK_TO_BACK_MASTERS)
    assert choose_days([young]) == [(wednesday, sunday)]
    assert choose_days([masters]) == [(thursday, sunday)]
    pair = MASTERS_AFTER_KEY + BACK_TO_BACK_MASTERS  # Wednesday, then Thursday
    assert objective([masters], [(wednesday, thursday)]) == pair


def test_sessions_keep_their_weekdays_week_to_week_when_the_calendar_allows() -> None:
    """A beginner whose weeks all look alike (run-walks on Tue, Thu and Sat) lifts on the
    same weekdays every week, not Mon/Fri, then Tue/Sat, then Wed/Sun."""
    runs = [
        Run(MONDAY + timedelta(weeks=week, days=day), "Run-walk", RunKind.EASY)
        for week in range(3)
        for day in (1, 3, 5)
    ]
    profile = Profile(start=MONDAY, weeks=3, recovery_every=6)
    chosen = choose_days(_options(profile, runs))
    weekdays = [tuple(d.weekday() for d in week) for week in chosen]
    assert len(weekdays[0]) == 2
    assert weekdays == [weekdays[0]] * 3, weekdays
