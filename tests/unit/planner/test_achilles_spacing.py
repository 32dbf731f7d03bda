"""Achilles care every other day (a coach's read of an ultra runner): a session holding
the protocol's lift is that day's care, and no routine comes the day before or after any
calf-loading day (a Monday 18:00 session's heavy slow raises, then a Tuesday 07:20 routine
of them, loaded the tendon twice in 13 hours every week). A recovery or taper week's
tendon dose falls below the week before's; jumps wait while the protocol's stage asks
them to; a busy week takes fewer sessions rather than two back to back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach_athletes import ultra_runner
from legday.catalogue.loader import load_catalogue
from legday.model import Plan
from legday.planner import make_plan
from strategies import profiles, runs_for

CATALOGUE = load_catalogue()
CALF = frozenset({"calf", "shin"})
PROPERTY = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def calf_session_days(plan: Plan) -> set[date]:
    """The days a session loads the calf: a lift of its movement or the Achilles' care."""
    return {
        s.day
        for s in plan.sessions
        if any("achilles" in p.injury_care or CATALOGUE[p.exercise].pattern in CALF for p in s.main)
    }


def routines_too_close(plan: Plan) -> list[tuple[date, date]]:
    """Each Achilles routine with a calf-loading day (session or routine) next to it."""
    routines = {r.day for r in plan.care if r.injury == "achilles"}
    loading = routines | calf_session_days(plan)
    return sorted(
        (day, other) for day in routines for other in loading if 0 < abs((other - day).days) < 2
    )


@PROPERTY
@given(data=st.data())
def test_no_achilles_routine_the_day_beside_another_calf_loading_day(
    data: st.DataObject,
) -> None:
    profile = data.draw(profiles(max_weeks=12))
    profile = replace(profile, injuries=tuple(dict.fromkeys(("achilles", *profile.injuries))))
    plan = make_plan(profile, data.draw(runs_for(profile.start, profile.weeks)), CATALOGUE)
    assert not routines_too_close(plan)
    assert not [v for v in plan.violations if v.rule == "care-routine"]


def test_the_ultra_runner_has_no_routine_the_morning_after_his_heavy_raises() -> None:
    profile, runs = ultra_runner()
    plan = make_plan(profile, runs, CATALOGUE)
    assert not routines_too_close(plan)
    assert not [v for v in plan.violations if v.rule == "care-routine"]
