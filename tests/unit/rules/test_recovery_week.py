"""`recovery-week`: a recovery week holds no strength, or in season one light session
(every exercise at most 2 sets at RPE 6, care for the athlete's problems aside)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from tests.unit.rules.test_rules import CATALOGUE, MAIN, MONDAY, good_plan, session

from legday.model import Phase, Plan
from legday.rules import check_plan


def _with_recovery_session(plan: Plan, sets: int, rpe: int, extra: int = 0) -> Plan:
    main = tuple(p if p.injury_care else replace(p, sets=sets, target_rpe=rpe) for p in MAIN)
    added = [session(MONDAY + timedelta(days=21 + 2 * n), main) for n in range(1 + extra)]
    return replace(plan, sessions=(*plan.sessions, *added))


def _broken(plan: Plan) -> list[str]:
    return [v.message for v in check_plan(plan, CATALOGUE) if v.rule == "recovery-week"]


def test_one_light_session_keeps_the_recovery_week() -> None:
    assert _broken(_with_recovery_session(good_plan(), sets=2, rpe=6)) == []


def test_care_keeps_its_own_dose_in_the_light_session() -> None:
    plan = _with_recovery_session(good_plan(), sets=2, rpe=6)
    last = plan.sessions[-1]
    cared = tuple(replace(p, sets=3) if p.injury_care else p for p in last.main)
    plan = replace(plan, sessions=(*plan.sessions[:-1], replace(last, main=cared)))
    assert _broken(plan) == []


def test_a_heavier_session_or_a_second_one_breaks_it() -> None:
    assert _broken(_with_recovery_session(good_plan(), sets=3, rpe=6))
    assert _broken(_with_recovery_session(good_plan(), sets=2, rpe=7))
    assert _broken(_with_recovery_session(good_plan(), sets=2, rpe=6, extra=1))


def test_a_race_week_with_one_light_session_is_no_recovery_week() -> None:
    """SPEC asks for a whole week without strength about once a month: an A or B race's
    week with its one light session lifts, and stood in for the recovery week until a
    10K runner's three tune-ups left a 12-week plan without any (issue 13)."""
    plan = _with_recovery_session(good_plan(), sets=2, rpe=6)
    weeks = (*plan.weeks[:3], replace(plan.weeks[3], phase=Phase.RACE, note="race week"))
    assert _broken(replace(plan, weeks=weeks))
