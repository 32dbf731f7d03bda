"""Achilles care every other day (a coach's read of an ultra runner): a session holding
the protocol's lift is that day's care, and no routine comes the day before or after any
calf-loading day (a Monday 18:00 session's heavy slow raises, then a Tuesday 07:20 routine
of them, loaded the tendon twice in 13 hours every week). A recovery or taper week's
tendon dose falls below the week before's; jumps wait while the protocol's stage asks
them to; a busy week takes fewer sessions rather than two back to back."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach_athletes import ultra_runner
from legday.catalogue.loader import load_catalogue
from legday.model import Phase, Plan, Role, Run, Week
from legday.planner import make_plan
from legday.rules.calendar import no_two_days_apart
from strategies import profiles, runs_for, with_problem, work_trip
from thorough import plan_examples

CATALOGUE = load_catalogue()
CALF = frozenset({"calf", "shin"})
PROPERTY = settings(
    max_examples=plan_examples(25),
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
    profile = with_problem(profile, "achilles")
    plan = make_plan(profile, data.draw(runs_for(profile.start, profile.weeks)), CATALOGUE)
    assert not routines_too_close(plan)
    assert not [v for v in plan.violations if v.rule == "care-routine"]


def test_the_ultra_runner_has_no_routine_the_morning_after_his_heavy_raises() -> None:
    profile, runs = ultra_runner()
    plan = make_plan(profile, runs, CATALOGUE)
    assert not routines_too_close(plan)
    assert not [v for v in plan.violations if v.rule == "care-routine"]


def care_sets(plan: Plan, week: Week) -> dict[str, int]:
    """The most sets of each Achilles care exercise in the week: its full routines (a
    race's lightest form aside) and its sessions' lifts for the Achilles."""
    sets: dict[str, int] = {}
    held = [
        p
        for r in plan.care
        if r.injury == "achilles" and r.day in week and not r.lightest
        for p in r.exercises
    ]
    held += [
        p for s in plan.sessions if s.day in week for p in s.main if "achilles" in p.injury_care
    ]
    for p in held:
        sets[p.exercise] = max(sets.get(p.exercise, 0), p.sets)
    return sets


def heavier_easy_weeks(plan: Plan) -> list[tuple[date, str]]:
    """Recovery and taper weeks holding more sets of a care exercise than the week before."""
    found = []
    for before, week in pairwise(plan.weeks):
        if week.phase not in (Phase.RECOVERY, Phase.TAPER):
            continue
        earlier = care_sets(plan, before)
        found += [
            (week.start, exercise)
            for exercise, sets in care_sets(plan, week).items()
            if exercise in earlier and sets > earlier[exercise]
        ]
    return found


@PROPERTY
@given(data=st.data())
def test_recovery_and_taper_weeks_never_load_the_achilles_above_the_week_before(
    data: st.DataObject,
) -> None:
    profile = data.draw(profiles(max_weeks=16))
    profile = with_problem(profile, "achilles")
    plan = make_plan(profile, data.draw(runs_for(profile.start, profile.weeks)), CATALOGUE)
    assert not heavier_easy_weeks(plan)


def test_the_ultra_runners_recovery_week_and_taper_take_a_set_fewer() -> None:
    """His recovery week's Monday routine was 4 x 10 after a week of 4 x 10 (heavier
    than any of its sessions), and his taper kept 9 heavy slow sets. A set fewer than the
    week before, unless that week still held the raise at a first exposure's two sets."""
    profile, runs = ultra_runner()
    plan = make_plan(profile, runs, CATALOGUE)
    assert not heavier_easy_weeks(plan)
    eased = 0
    for before, week in pairwise(plan.weeks):
        now, earlier = care_sets(plan, week), care_sets(plan, before)
        if week.phase in (Phase.RECOVERY, Phase.TAPER) and "heavy-slow-calf-raise" in earlier:
            sets, sets_before = now["heavy-slow-calf-raise"], earlier["heavy-slow-calf-raise"]
            assert sets < sets_before or sets == sets_before == 2, week.start
            eased += sets < sets_before
    assert eased >= 1  # the taper, the last recovery week


def one_session_weeks(plan: Plan) -> list[Week]:
    """The weeks whose calendar leaves no two days 48 h apart (`no_two_days_apart`)."""
    assert plan.profile is not None
    by_day: dict[date, list[Run]] = {}
    for run in plan.runs:
        by_day.setdefault(run.day, []).append(run)
    return [
        week
        for week in plan.weeks
        if no_two_days_apart(
            [week.start + timedelta(days=n) for n in range(7)],
            by_day,
            plan.blocked,
            plan.profile.days,
        )
    ]


@PROPERTY
@given(data=st.data())
def test_a_trip_week_takes_one_session_not_two_back_to_back(data: st.DataObject) -> None:
    profile = data.draw(profiles(max_weeks=8))
    profile = with_problem(profile, "achilles")
    runs = data.draw(runs_for(profile.start, profile.weeks, busy=False))
    away = data.draw(st.integers(0, profile.weeks - 1)) * 7 + data.draw(st.integers(0, 2))
    runs += [work_trip(profile.start + timedelta(days=away + n)) for n in range(3)]
    plan = make_plan(profile, runs, CATALOGUE)
    for week in one_session_weeks(plan):
        days = [s.day for s in plan.sessions if s.day in week]
        assert len(days) <= 1, (week.start, days)
    flagged = {v.day for v in plan.violations if v.rule == "frequency" and "only" in v.message}
    # a week the planner gave one session for it is no short week (a week no day fits
    # at all, a short window closing the only open day, is reported as before)
    one = [w for w in plan.weeks if sum(s.day in w for s in plan.sessions) == 1]
    assert not [w for w in one if "no two days 48 h apart" in w.note and w.start in flagged]


def test_the_ultra_runners_trip_week_lifts_once_clear_of_the_long_runs_eve() -> None:
    """His trip week (Mon-Wed away) had sessions Thursday and Friday, the eve of his
    150-min long run, flagged by the plan's own `spacing` check."""
    profile, runs = ultra_runner()
    plan = make_plan(profile, runs, CATALOGUE)
    trip_week = plan.weeks[4]
    assert [s.day.strftime("%a") for s in plan.sessions if s.day in trip_week] == ["Thu"]
    assert "no two days 48 h apart" in trip_week.note
    assert not [v for v in plan.violations if v.rule in ("spacing", "frequency")]


JUMPS_WAIT = "jumps wait for it"


def early_jumps(plan: Plan) -> list[date]:
    """Sessions with jumps while the Achilles' heavy raises still climb (the protocol's
    last step, its 6-rep maximum, not reached), or whose why says jumps wait."""
    stage_of = {r.day: (r.stage, r.why) for r in plan.care if r.injury == "achilles"}
    found = []
    for s in plan.sessions:
        jumps = any(p.role is Role.PLYOMETRIC for p in s.main)
        if jumps and JUMPS_WAIT in s.why:
            found.append(s.day)
        six_rep = any(p.exercise == "heavy-slow-calf-raise" and (p.reps or 0) <= 6 for p in s.main)
        if jumps and not six_rep and stage_of:
            found.append(s.day)
    return found


@PROPERTY
@given(data=st.data())
def test_jumps_wait_while_the_achilles_climbs_and_the_why_agrees(data: st.DataObject) -> None:
    profile = data.draw(profiles(max_weeks=16))
    profile = with_problem(profile, "achilles")
    plan = make_plan(profile, data.draw(runs_for(profile.start, profile.weeks)), CATALOGUE)
    said = [s.day for s in plan.sessions if JUMPS_WAIT in s.why]
    jumped = [s.day for s in plan.sessions if any(p.role is Role.PLYOMETRIC for p in s.main)]
    assert not set(said) & set(jumped)
    assert not early_jumps(plan)


def test_the_ultra_runner_does_no_pogo_hops_in_his_second_week_of_heavy_raises() -> None:
    profile, runs = ultra_runner()
    plan = make_plan(profile, runs, CATALOGUE)
    assert not early_jumps(plan)
    assert not [s for s in plan.sessions if any(p.role is Role.PLYOMETRIC for p in s.main)]
