"""`recovery-week`: no `recovery_every` weeks in a row with strength. A recovery week holds
none (a coach's read: beginners', masters' and in-season recovery weeks kept one light
session); SPEC's own exception is a week whose only races are C races, which keeps one
short maintenance session (`frequency`). An A or B race's week with its one light session
lifts, wherever it falls."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from tests.unit.rules.test_rules import CATALOGUE, MAIN, MONDAY, good_plan, session

from legday.model import Phase, Plan, Prescription, Race, Week
from legday.rules import check_plan

RECOVERY_MONDAY = MONDAY + timedelta(days=21)  # good_plan's fourth week, its recovery week


def _light(sets: int = 2, rpe: int = 6) -> tuple[Prescription, ...]:
    """MAIN at `sets` and `rpe`, care work aside (it keeps its protocol's dose)."""
    return tuple(p if p.injury_care else replace(p, sets=sets, target_rpe=rpe) for p in MAIN)


def _with_recovery_session(plan: Plan, sets: int, rpe: int, extra: int = 0) -> Plan:
    days = [RECOVERY_MONDAY + timedelta(days=2 * n) for n in range(1 + extra)]
    added = [session(day, _light(sets, rpe)) for day in days]
    return replace(plan, sessions=(*plan.sessions, *added))


def _with_race(plan: Plan, day_offset: int, priority: str) -> Plan:
    race = Race(MONDAY + timedelta(days=day_offset), priority, f"{priority} race")
    return replace(plan, race_days=(*plan.race_days, race))


def _broken(plan: Plan) -> list[str]:
    return [v.message for v in check_plan(plan, CATALOGUE) if v.rule == "recovery-week"]


def test_one_light_session_breaks_the_recovery_week() -> None:
    """For everyone, a beginner's, a masters athlete's and a racer's in season alike."""
    assert _broken(good_plan()) == []
    assert _broken(_with_recovery_session(good_plan(), sets=2, rpe=6))
    assert _broken(_with_recovery_session(good_plan(), sets=1, rpe=5))


def test_a_c_race_week_keeps_one_light_session() -> None:
    """SPEC's `frequency`: a week whose only race is a C race still gets one short session,
    a recovery week too; no more than one, and a light one."""
    plan = _with_race(good_plan(), 26, "C")  # Saturday of the recovery week
    assert _broken(_with_recovery_session(plan, sets=2, rpe=6)) == []
    assert _broken(_with_recovery_session(plan, sets=3, rpe=6))
    assert _broken(_with_recovery_session(plan, sets=2, rpe=7))
    assert _broken(_with_recovery_session(plan, sets=2, rpe=6, extra=1))
    # a B race beside the C race: the week is no C-race week
    assert _broken(_with_recovery_session(_with_race(plan, 27, "B"), sets=2, rpe=6))


def test_care_keeps_its_own_dose_in_the_c_race_weeks_light_session() -> None:
    plan = _with_recovery_session(_with_race(good_plan(), 26, "C"), sets=2, rpe=6)
    last = plan.sessions[-1]
    cared = tuple(replace(p, sets=3) if p.injury_care else p for p in last.main)
    plan = replace(plan, sessions=(*plan.sessions[:-1], replace(last, main=cared)))
    assert _broken(plan) == []


def _season(phases: str, races: dict[int, str], every: int = 4) -> Plan:
    """A plan of one week per letter: `b` a build week with two sessions, `X` an A or B
    race's week with one light session, `T` a taper with two, `R` a recovery week without
    strength; `races` gives each race's week and priority (on its Saturday)."""
    kinds = {"b": Phase.BUILD, "X": Phase.RACE, "T": Phase.TAPER, "R": Phase.RECOVERY}
    weeks, sessions = [], []
    for index, letter in enumerate(phases):
        start = MONDAY + timedelta(weeks=index)
        weeks.append(Week(start, kinds[letter], "", 0))
        if letter in "bT":
            sessions += [session(start), session(start + timedelta(days=3))]
        elif letter == "X":
            sessions.append(session(start, _light(), phase=Phase.RACE))
    race_days = tuple(
        Race(MONDAY + timedelta(weeks=week, days=5), priority) for week, priority in races.items()
    )
    plan = good_plan()
    return replace(
        plan,
        end=MONDAY + timedelta(weeks=len(phases), days=-1),
        weeks=tuple(weeks),
        sessions=tuple(sessions),
        race_days=race_days,
        recovery_every=every,
    )


def test_a_light_race_week_is_no_recovery_week() -> None:
    """SPEC asks for a whole week without strength about once a month: an A or B race's
    week with its one light session lifts, even between two ordinary lifting weeks (it
    once stood in for the month's recovery week, and a whole week off then came only
    every 2 x `recovery_every` weeks)."""
    assert _broken(_season("bbbXbbbR", {3: "B"}))
    assert _broken(_season("bbXbbbR", {2: "A"}))
    assert _broken(_season("bbbRbbbR", {})) == []
    # with recovery weeks around it, the race week is one more lifting week
    assert _broken(_season("bbbRbXbR", {5: "B"})) == []
    assert _broken(_season("bbRbbXbR", {5: "B"}))
    # a recovery week on the race week holds no session, as any other
    assert _broken(_season("bbbRbbbR", {3: "B", 7: "A"})) == []
