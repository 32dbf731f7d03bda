"""Per-day time windows: a session starts and ends inside its weekday's window, after the run."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.errors import InputError
from legday.model import Profile, Run, RunKind
from legday.planner import make_plan, validate_profile
from legday.planner.days import day_options, start_after
from legday.planner.dose import MAINTENANCE_MINUTES
from legday.planner.season import season
from mini_catalogue import mini_catalogue
from strategies import profiles, runs_for, windows
from thorough import plan_examples

MONDAY = date(2027, 1, 4)
TUESDAY = MONDAY + timedelta(days=1)


def _reasons(profile: Profile, runs: list[Run]) -> dict[date, str]:
    (options,) = day_options(profile, runs, season(profile, runs))
    return options.reasons


def _free(profile: Profile, runs: list[Run]) -> tuple[date, ...]:
    (options,) = day_options(profile, runs, season(profile, runs))
    return options.free


def _clock(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def test_start_is_the_window_opening_or_after_the_run_rounded_to_5_minutes() -> None:
    window = (time(6), time(9))
    early = Run(TUESDAY, "easy", RunKind.EASY, time(5), time(5, 40))
    late = Run(TUESDAY, "easy", RunKind.EASY, time(6, 10), time(6, 52))
    assert start_after([], window) == time(6)
    assert start_after([early], window) == time(6)
    assert start_after([early, late], window) == time(6, 55)
    assert start_after([late]) == time(6, 55)
    assert start_after([]) is None
    strength = Run(TUESDAY, "gym", RunKind.EASY, time(7), time(8), is_strength=True)
    assert start_after([strength], window) == time(6)  # only real runs push the start


def test_a_window_taken_by_the_run_leaves_the_day_out() -> None:
    profile = Profile(start=MONDAY, weeks=1, windows=((1, time(6), time(7)),))
    runs = [Run(TUESDAY, "easy", RunKind.EASY, time(6), time(7))]
    assert _reasons(profile, runs)[TUESDAY] == "your Tuesday window 06:00-07:00 is taken by the run"


def test_a_window_too_short_for_the_session_leaves_the_day_out() -> None:
    profile = Profile(start=MONDAY, weeks=1, minutes=45, windows=((1, time(6), time(6, 30)),))
    reason = _reasons(profile, [])[TUESDAY]
    assert reason == "your Tuesday window 06:00-06:30 is too short for 45 min"


def test_a_run_eating_into_the_window_leaves_too_little_time() -> None:
    profile = Profile(start=MONDAY, weeks=1, minutes=45, windows=((1, time(6), time(7, 30)),))
    runs = [Run(TUESDAY, "easy", RunKind.EASY, time(6), time(6, 50))]
    reason = _reasons(profile, runs)[TUESDAY]
    assert reason == (
        "your Tuesday window 06:00-07:30 leaves too little time after the run for 45 min"
    )
    runs = [Run(TUESDAY, "easy", RunKind.EASY, time(6), time(6, 45))]  # 06:45 + 45 = 07:30: fits
    assert TUESDAY in _free(profile, runs)


def test_a_window_sets_how_late_is_fine_but_never_past_midnight() -> None:
    """Without a window a run ending after 21:30 leaves the day out; a late window allows it."""
    run = Run(TUESDAY, "night jog", RunKind.EASY, time(20, 45), time(21, 40))
    assert TUESDAY not in _free(Profile(start=MONDAY, weeks=1), [run])
    late = Profile(start=MONDAY, weeks=1, windows=((1, time(21), time(23, 30)),))
    assert TUESDAY in _free(late, [run])
    past_midnight = Run(TUESDAY, "midnight run", RunKind.EASY, time(23), time(0, 30))
    assert TUESDAY not in _free(late, [past_midnight])


def test_the_session_starts_in_its_window_and_after_the_run() -> None:
    profile = Profile(
        start=MONDAY,
        weeks=1,
        sessions=3,
        days=frozenset({1, 3, 5}),
        windows=((1, time(6), time(8)), (3, time(17), time(19)), (5, time(9), time(12, 30))),
    )
    runs = [
        Run(TUESDAY, "easy", RunKind.EASY, time(6), time(6, 32)),
        Run(MONDAY + timedelta(days=5), "easy", RunKind.EASY, time(7), time(8)),
    ]
    plan = make_plan(profile, runs, mini_catalogue())
    starts = {s.day.weekday(): s.start for s in plan.sessions}
    assert starts == {1: time(6, 35), 3: time(17), 5: time(9)}


def test_the_planner_refuses_malformed_windows() -> None:
    for windows_ in (
        ((1, time(8), time(6)),),
        ((1, time(6), time(6)),),
        ((7, time(6), time(8)),),
        ((1, time(6), time(8)), (1, time(9), time(10))),
    ):
        with pytest.raises(InputError, match="windows"):
            validate_profile(Profile(start=MONDAY, windows=windows_))


@pytest.mark.slow
@settings(
    max_examples=plan_examples(100),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_no_session_falls_outside_its_window(data: st.DataObject) -> None:
    profile = data.draw(profiles(max_weeks=6))
    profile = replace(profile, windows=data.draw(windows()))
    runs = data.draw(runs_for(profile.start, profile.weeks))
    plan = make_plan(profile, runs, mini_catalogue())
    for s in plan.sessions:
        window = profile.window(s.day.weekday())
        finishes = [f for r in runs if r.day == s.day and r.running and (f := r.finish)]
        if finishes:
            assert s.start is not None and s.start >= max(finishes)
        if window is None:
            continue
        opens, closes = window
        # the length asked for: a C-race week's maintenance session (its why says it is
        # kept short) is asked for MAINTENANCE_MINUTES at most (`frequency`)
        asked = profile.minutes
        if "kept short" in s.why:
            asked = min(profile.minutes, MAINTENANCE_MINUTES)
        assert s.start is not None
        assert opens <= s.start
        assert _clock(s.start) + asked <= _clock(closes)
        assert s.start.minute % 5 == 0
        ends = datetime.combine(s.day, s.start) + timedelta(minutes=asked)
        assert ends.date() == s.day


def test_a_session_the_rules_make_longer_than_its_window_says_so() -> None:
    """Care for two problems in 20 minutes cannot be fitted: the session keeps the rules,
    starts when the window opens, and its `why` says it runs past the window's end."""
    profile = Profile(
        start=date(2027, 1, 4),
        weeks=2,
        minutes=20,
        injuries=("shin-splints", "achilles"),
        windows=tuple((weekday, time(6), time(6, 20)) for weekday in range(7)),
    )
    plan = make_plan(profile, [], mini_catalogue())
    assert plan.sessions
    for s in plan.sessions:
        assert s.start == time(6)
        overruns = _clock(time(6)) + s.minutes > _clock(time(6, 20))
        assert ("runs past your window's end at 06:20" in s.why) == overruns
    assert any(s.minutes > 20 for s in plan.sessions)
