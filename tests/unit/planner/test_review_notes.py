"""What a coach's read of plans found in their words: a rest day is no run before the
session, and a race week that is also the month's recovery week names its race."""

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


def test_a_race_week_made_the_recovery_week_names_the_race() -> None:
    race = Run(date(2027, 1, 31), "City Marathon", RunKind.RACE, time(9), minutes=210)
    plan = make_plan(Profile(start=MONDAY, weeks=4), [race], load_catalogue())
    last = plan.weeks[-1]
    assert last.phase is Phase.RECOVERY
    assert "City Marathon" in last.note and "no strength" in last.note
