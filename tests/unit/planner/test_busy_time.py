"""Busy time (`no-overlap`): a session goes in a gap between the day's timed events."""

from __future__ import annotations

from datetime import date, time, timedelta

from legday.model import Profile, Run, RunKind
from legday.planner import make_plan
from legday.planner.days import EVENING, busy_reason, clear_start, day_options
from legday.planner.season import season
from legday.rules import check_plan
from mini_catalogue import mini_catalogue

MONDAY = date(2027, 1, 4)
FRIDAY = MONDAY + timedelta(days=4)


def busy(title: str, begins: time, ends: time, day: date = FRIDAY) -> Run:
    return Run(day, title, RunKind.REST, begins, ends, busy=True)


def easy(begins: time, ends: time, day: date = FRIDAY) -> Run:
    return Run(day, "Easy 8 km", RunKind.EASY, begins, ends)


def test_a_day_with_nothing_timed_starts_in_the_evening() -> None:
    """The planner asks only on busy days (others keep "any time"); the answer is sane."""
    assert clear_start([], None, 45) == EVENING


def test_the_evening_is_kept_when_the_busy_time_is_earlier() -> None:
    assert clear_start([busy("Swim", time(7), time(7, 40))], None, 45) == EVENING


def test_a_ride_at_the_usual_time_moves_the_session_after_it() -> None:
    ride = busy("Bike", time(18), time(19, 10))
    assert clear_start([ride], None, 45) == time(19, 10)
    # rounded up to a 5-minute mark
    assert clear_start([busy("Bike", time(18), time(19, 12))], None, 45) == time(19, 15)


def test_between_two_events_when_the_gap_holds_the_session() -> None:
    events = [busy("Bike", time(17, 30), time(18, 30)), busy("Meeting", time(19, 15), time(20))]
    assert clear_start(events, None, 45) == time(18, 30)  # 18:30-19:15 holds 45 min
    assert clear_start(events, None, 50) == time(20)  # 45 min is too little for 50


def test_edges_may_touch() -> None:
    events = [busy("Swim", time(17), time(18)), busy("Dinner", time(18, 45), time(20))]
    assert clear_start(events, None, 45) == time(18)  # 18:00-18:45 sits between them


def test_before_the_evening_when_the_evening_is_full() -> None:
    """Busy from 17:00 to the end of the day: the first gap from 06:00 on."""
    events = [busy("Swim", time(6), time(6, 50)), busy("Gala", time(17), time(23, 30))]
    assert clear_start(events, None, 45) == time(6, 50)


def test_after_the_run_and_clear_of_what_follows() -> None:
    """`run-first` sets the earliest start; busy time after the run pushes it later."""
    day = [easy(time(6), time(6, 45)), busy("Bike commute", time(7, 15), time(8))]
    assert clear_start(day, None, 45) == time(8)
    day = [easy(time(6), time(6, 45)), busy("Bike commute", time(7, 30), time(8))]
    assert clear_start(day, None, 45) == time(6, 45)
    # busy time before the run changes nothing
    day = [busy("Swim", time(5), time(5, 45)), easy(time(6), time(6, 45))]
    assert clear_start(day, None, 45) == time(6, 45)


def test_no_later_than_the_latest_start_without_a_window() -> None:
    assert clear_start([busy("Shift", time(6), time(21, 40))], None, 45) is None
    assert clear_start([busy("Shift", time(6), time(21, 30))], None, 45) == time(21, 30)


def test_an_event_past_midnight_holds_the_rest_of_the_day() -> None:
    overnight = busy("Night shift", time(20), time(4))
    assert clear_start([overnight], None, 45) == EVENING
    overnight = busy("Night shift", time(17), time(4))
    assert clear_start([overnight], None, 45) == time(6)


def test_inside_the_window() -> None:
    window = (time(17), time(20))
    assert clear_start([busy("Bike", time(17), time(18))], window, 45) == time(18)
    assert clear_start([busy("Bike", time(17, 30), time(19, 30))], window, 45) is None
    # the window's asked minutes end by its close; a longer session may run past it
    assert clear_start([busy("Bike", time(17), time(19))], window, 60, asked=45) == time(19)
    assert clear_start([busy("Bike", time(17), time(19))], window, 60) == time(19)
    assert clear_start([busy("Bike", time(17), time(19, 30))], window, 60, asked=45) is None


def test_the_reason_names_the_busy_time_and_the_minutes() -> None:
    ride = busy("Bike: Endurance ride", time(17, 30), time(19, 30))
    window = (time(17), time(20))
    assert busy_reason([ride], window, 45) == (
        "busy: Bike: Endurance ride 17:30-19:30 leaves no 45-min gap in your window 17:00-20:00"
    )
    assert busy_reason([ride], None, 45) == ""
    full = busy("Gala", time(5), time(23))
    assert busy_reason([full], None, 45) == "busy: Gala 05:00-23:00 leaves no 45-min gap"


def test_a_day_without_a_gap_is_closed_with_the_reason() -> None:
    profile = Profile(start=MONDAY, weeks=1, windows=((4, time(17), time(19)),))
    runs = [busy("Swim", time(17, 30), time(18, 30))]
    (options,) = day_options(profile, runs, season(profile, runs))
    assert FRIDAY not in options.free
    assert options.reasons[FRIDAY] == (
        "busy: Swim 17:30-18:30 leaves no 45-min gap in your window 17:00-19:00"
    )


def test_the_week_note_says_why_the_busy_days_are_out() -> None:
    """Every day but Friday is busy all evening and beyond: one session fits, and the
    week's note names the busy days."""
    profile = Profile(start=MONDAY, weeks=1, sessions=2)
    runs = [
        busy("Late shift", time(5), time(23, 59), MONDAY + timedelta(days=d))
        for d in range(7)
        if d != 4
    ]
    plan = make_plan(profile, runs, mini_catalogue())
    assert [s.day for s in plan.sessions] == [FRIDAY]
    assert "Mon busy: Late shift 05:00-23:59 leaves no 45-min gap" in plan.weeks[0].note


def test_the_planned_session_sits_clear_of_the_ride_and_says_so() -> None:
    profile = Profile(start=MONDAY, weeks=1, sessions=2, days=frozenset({4}))
    runs = [busy("Bike: Endurance ride 60 min", time(18), time(19))]
    plan = make_plan(profile, runs, mini_catalogue())
    (session,) = plan.sessions
    assert session.day == FRIDAY and session.start == time(19)
    assert "a day without running" in session.why  # busy time is not a run
    assert "clear of your Bike: Endurance ride 60 min 18:00-19:00" in session.why
    assert not [v for v in check_plan(plan) if v.rule in ("no-overlap", "run-first")]
    assert runs[0] in plan.runs  # the plan keeps the busy time, so a check sees it


def test_busy_time_is_not_a_run_for_the_warm_up() -> None:
    """The jog is only shortened after a real run, never after a swim."""
    profile = Profile(start=MONDAY, weeks=1, days=frozenset({4}))
    swim = busy("Swim", time(17), time(17, 55))
    after_swim = make_plan(profile, [swim], mini_catalogue()).sessions[0]
    untimed = make_plan(profile, [], mini_catalogue()).sessions[0]
    assert after_swim.warmup == untimed.warmup


def test_a_session_longer_than_its_gap_moves_to_a_later_one() -> None:
    """Care for two problems in 20 minutes takes longer than 20: the gap of 25 minutes
    the day was chosen for cannot hold it, so it goes after the next event."""
    profile = Profile(
        start=MONDAY,
        weeks=1,
        minutes=20,
        days=frozenset({4}),
        injuries=("shin-splints", "achilles"),
    )
    runs = [
        busy("Meeting", time(17), time(18)),
        busy("Call", time(18, 25), time(19)),
    ]
    (session,) = make_plan(profile, runs, mini_catalogue()).sessions
    assert session.minutes > 25
    assert session.start == time(19)


def test_a_day_whose_only_gap_is_too_short_for_the_session_is_closed() -> None:
    """The 25-minute gap fits the 20 minutes asked but not the session the rules make;
    no later gap exists, so the day is closed and the week says why."""
    profile = Profile(
        start=MONDAY,
        weeks=1,
        minutes=20,
        days=frozenset({4}),
        injuries=("shin-splints", "achilles"),
        windows=((4, time(17), time(18)),),
    )
    runs = [busy("Meeting", time(17, 25), time(18))]
    plan = make_plan(profile, runs, mini_catalogue())
    assert plan.sessions == ()
    assert "Fri busy: Meeting 17:25-18:00 leaves no" in plan.weeks[0].note
    free = make_plan(profile, [], mini_catalogue())
    assert len(free.sessions) == 1 and free.sessions[0].minutes > 25
