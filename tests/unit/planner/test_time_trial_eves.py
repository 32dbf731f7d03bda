"""A time trial (`Run.all_out`) keeps its eve free of strength like a race, and stays a
hard run: no race week, no taper. parkrun's eve only costs a little, as any hard run's."""

from __future__ import annotations

from datetime import date, timedelta

from legday.model import Phase, Plan, Profile, Run, RunKind
from legday.planner import make_plan
from legday.planner.days import BEFORE_HARD, Calendar
from legday.rules import check_plan
from mini_catalogue import mini_catalogue

MONDAY = date(2027, 1, 4)
CATALOGUE = mini_catalogue()


def _day(week: int, weekday: int) -> date:
    return MONDAY + timedelta(weeks=week, days=weekday)


def _plan(runs: list[Run], weeks: int = 3) -> Plan:
    return make_plan(Profile(start=MONDAY, weeks=weeks, recovery_every=6), runs, CATALOGUE)


def test_the_eve_of_a_time_trial_is_closed_with_a_reason() -> None:
    trial = Run(_day(0, 3), "Control 3000 m", RunKind.HARD, all_out=True)
    calendar = Calendar.read(Profile(start=MONDAY), [trial])
    assert calendar.closed[trial.day - timedelta(days=1)] == (
        "the day before the time trial (Control 3000 m): fresh legs for an all-out effort"
    )
    assert calendar.closed[trial.day] == "hard run (Control 3000 m)"
    assert trial.day not in calendar.races


def test_a_plain_hard_run_or_parkrun_only_makes_its_eve_cost_more() -> None:
    for title in ("parkrun", "Tempo 20 min"):
        run = Run(_day(0, 5), title, RunKind.HARD)
        calendar = Calendar.read(Profile(start=MONDAY), [run])
        eve = run.day - timedelta(days=1)
        assert eve not in calendar.closed
        assert calendar.costs[eve] == BEFORE_HARD


def test_weekly_time_trials_keep_their_eves_free_and_the_notes_say_why() -> None:
    trials = [Run(_day(w, 3), "Zeitlauf 3000 m", RunKind.HARD, all_out=True) for w in range(3)]
    plan = _plan(trials)
    eves = {t.day - timedelta(days=1) for t in trials}
    assert plan.sessions and not eves & {s.day for s in plan.sessions}
    for week in plan.weeks:
        assert "Kept free: Wed the day before the time trial (Zeitlauf 3000 m)" in week.note
        assert week.phase is not Phase.RACE and week.phase is not Phase.TAPER
    assert len(plan.sessions) >= 2 * len(plan.weeks)  # no race week: the weeks lift on
    assert not [v for v in check_plan(plan, CATALOGUE) if v.rule == "not-day-before-race"]


def test_the_same_calendar_without_the_flag_may_lift_on_the_eve() -> None:
    """The flag is what closes the eve: without it the planner only pays a small cost, and
    with a tight week (training days Wed, Thu, Sat) it takes the eve."""
    runs = [Run(_day(w, 3), "Zeitlauf 3000 m", RunKind.HARD) for w in range(2)]
    profile = Profile(start=MONDAY, weeks=2, recovery_every=6, days=frozenset({2, 3, 5}))
    plain = make_plan(profile, runs, CATALOGUE)
    assert {_day(w, 2) for w in range(2)} <= {s.day for s in plain.sessions}
    trials = [Run(r.day, r.title, r.kind, all_out=True) for r in runs]
    flagged = make_plan(profile, trials, CATALOGUE)
    assert not {_day(w, 2) for w in range(2)} & {s.day for s in flagged.sessions}
    for week in flagged.weeks:
        assert "Wed the day before the time trial (Zeitlauf 3000 m)" in week.note


def test_parkrun_runners_keep_their_fridays() -> None:
    parkruns = [Run(_day(w, 5), "parkrun", RunKind.HARD) for w in range(3)]
    profile = Profile(start=MONDAY, weeks=3, recovery_every=6, days=frozenset({1, 4}))
    plan = make_plan(profile, parkruns, CATALOGUE)
    assert {_day(w, 4) for w in range(3)} <= {s.day for s in plan.sessions}
