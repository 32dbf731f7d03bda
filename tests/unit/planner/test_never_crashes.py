"""Any athlete on any calendar gets a plan: whatever their level, age, kit and owned
weights, problems (several at once), races and priorities, time windows and minutes, the
planner makes a plan without an exception, and the plan passes the rule checks: the
checker finds what the planner reported, and a hard rule falls short only where the
athlete's own calendar leaves no room."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import ALWAYS_AT_HAND, Equipment, Level, Profile, Run, RunKind
from legday.planner import make_plan
from legday.rules import check_plan
from plan_checks import unexplained_hard
from strategies import athletes, runs_for
from thorough import plan_property

PROPERTY = plan_property(200)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@PROPERTY
@given(data=st.data())
def test_any_athlete_gets_a_plan_that_keeps_the_rules(
    catalogue: Catalogue, data: st.DataObject
) -> None:
    profile = data.draw(athletes(max_weeks=10), label="athlete")
    runs = data.draw(runs_for(profile.start, profile.weeks), label="calendar")
    plan = make_plan(profile, runs, catalogue)
    assert list(check_plan(plan, catalogue)) == list(plan.violations)
    assert not unexplained_hard(plan, runs), unexplained_hard(plan, runs)


@pytest.mark.parametrize("seed", range(4))
def test_a_calf_lift_standing_in_keeps_its_achilles_care(catalogue: Catalogue, seed: int) -> None:
    """Found by the property: a plan that starts in a taper (nothing new) for a beginner
    with Achilles and plantar heel pain and a rack of dumbbells. The seated calf raise
    (Achilles care) gave way to its bodyweight stand-in, the towel heel raise, which the
    plantar protocol then dosed, and the dose took the Achilles tag with it: a session
    without Achilles care (`injury-care`)."""
    profile = Profile(
        start=date(2027, 1, 7),
        weeks=1,
        injuries=("achilles", "plantar-fascia"),
        equipment=ALWAYS_AT_HAND | {Equipment.BENCH, Equipment.DUMBBELLS},
        level=Level.BEGINNER,
        minutes=30,
        days=frozenset({4, 6}),
        seed=seed,
    )
    race = Run(
        date(2027, 1, 18), "Cross-country league", RunKind.RACE, None, None, 90, priority="A"
    )
    plan = make_plan(profile, [race], catalogue)
    assert plan.sessions
    assert not [v for v in plan.violations if v.hard]


def test_a_stand_in_keeps_the_weeks_core_in_a_recovery_week(catalogue: Catalogue) -> None:
    """Found by the property: a masters runner with runner's knee and a sore hamstring
    and a barbell. Care made the recovery week's one session's barbell squat a
    bodyweight squat, and the core the bar's load worked had no other work: a recovery
    week brings nothing new, and the athlete had met no plain core exercise. A dead bug
    at two easy sets is the gentler first time (`several-groups`)."""
    profile = Profile(
        start=date(2027, 1, 7),
        weeks=5,
        injuries=("runners-knee", "hamstring"),
        equipment=ALWAYS_AT_HAND | {Equipment.BARBELL},
        level=Level.INTERMEDIATE,
        minutes=60,
        days=frozenset({0, 5}),
        recovery_every=5,
        seed=0,
        age=57,
    )
    plan = make_plan(profile, [], catalogue)
    assert not [v for v in plan.violations if v.hard]


def test_a_race_the_day_after_the_plan_makes_its_last_day_an_eve(catalogue: Catalogue) -> None:
    """Found by the property: a four-week plan ending the day before the A race. Its last
    week's Monday hard run ends after 22:00 (no room), Wednesday holds a hard run and
    Thursday is the race's eve, so one session fits; the planner saw the race, but the
    `frequency` check read only the plan's own days and took Thursday for a free day."""
    profile = Profile(
        start=date(2027, 1, 8),
        weeks=4,
        minutes=30,
        days=frozenset({0, 2, 3, 6}),
        recovery_every=3,
        seed=1,
    )
    runs = [
        Run(date(2027, 2, 1), "Intervals", RunKind.HARD, time(21, 45), time(22, 30), 45),
        Run(date(2027, 2, 3), "Intervals", RunKind.HARD, None, None, 60),
        Run(date(2027, 2, 5), "City Marathon", RunKind.RACE, None, None, 60, priority="A"),
    ]
    plan = make_plan(profile, runs, catalogue)
    assert plan.races == (date(2027, 2, 5),)
    assert not [v for v in plan.violations if v.hard]
