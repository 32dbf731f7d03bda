"""What a coach's read of plans found in their words: a rest day is no run before the
session, and a race week that is also the month's step back names its race."""

from __future__ import annotations

from datetime import date, time

from legday.catalogue.loader import load_catalogue
from legday.model import Phase, Profile, Run, RunKind
from legday.planner import make_plan

MONDAY = date(2027, 1, 4)


def test_a_session_on_a_rest_day_is_not_after_a_run() -> None:
    rest = [Run(date(2027, 1, d), "Rest day / foam roll", RunKind.REST) for d in range(4, 11)]
    plan = make_plan(Profile(start=MONDAY, weeks=1), rest, load_catalogue())
    assert plan.sessions
    for session in plan.sessions:
        assert "a day without running" in session.why
        assert session.warmup[0].exercise == "light-jog"


def test_a_race_week_due_for_recovery_is_the_step_back_and_names_the_race() -> None:
    """The fourth week, due for recovery, holds an A race, after a peak and a taper: no
    other week will do (the taper would come after two lifting weeks only, and the race
    week's one light session would make four weeks in a row with strength), so the race
    week is the recovery week, without strength, and its note names the race (issue 13)."""
    race = Run(date(2027, 1, 31), "City Marathon", RunKind.RACE, time(9), minutes=210)
    plan = make_plan(Profile(start=MONDAY, weeks=4), [race], load_catalogue())
    last = plan.weeks[-1]
    assert last.phase is Phase.RECOVERY
    assert "the A race (City Marathon) is the week's effort" in last.note
    assert not [s for s in plan.sessions if s.day in last]
    assert not [v for v in plan.violations if v.rule == "recovery-week"]
