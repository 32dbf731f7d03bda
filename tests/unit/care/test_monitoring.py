"""Pain monitoring after Silbernagel et al. (2007): acceptable pain continues and, after
settled weeks, advances; more pain holds then steps back; severe or worsening pain stops
the routine with advice to see a professional."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from legday.care.loader import load_protocols
from legday.care.monitoring import SEVERE_PAIN, CareAction, CareLog, care_status
from legday.catalogue.loader import load_catalogue

ACHILLES = load_protocols(load_catalogue())["achilles"]
START = date(2027, 3, 1)


def daily(days: int, stage: int, pain: int, morning: int | None = 1) -> list[CareLog]:
    return [CareLog(START + timedelta(days=n), stage, pain, morning) for n in range(days)]


def test_nothing_logged_starts_at_stage_one() -> None:
    status = care_status(ACHILLES, [], START)
    assert (status.stage, status.action) == (1, CareAction.START)


def test_settled_weeks_move_up_a_stage() -> None:
    days = 7 * ACHILLES.advance_after_weeks
    status = care_status(ACHILLES, daily(days, 1, 2), START + timedelta(days=days))
    assert (status.stage, status.action) == (2, CareAction.ADVANCE)
    assert f"{ACHILLES.advance_after_weeks} weeks at stage 1" in status.reason


def test_acceptable_pain_before_two_weeks_continues() -> None:
    status = care_status(ACHILLES, daily(9, 1, 4), START + timedelta(days=9))
    assert (status.stage, status.action) == (1, CareAction.CONTINUE)


def test_missed_days_do_not_count_as_a_settled_week() -> None:
    logs = daily(14, 1, 1)[::3]
    status = care_status(ACHILLES, logs, START + timedelta(days=14))
    assert status.action is CareAction.CONTINUE


def test_rising_pain_holds_then_steps_back_then_stops_with_advice() -> None:
    logs = daily(10, 2, 2)
    day = START + timedelta(days=10)
    logs.append(CareLog(day, 2, 6, 2))
    held = care_status(ACHILLES, logs, day + timedelta(days=1))
    assert (held.stage, held.action) == (2, CareAction.HOLD)
    logs.append(CareLog(day + timedelta(days=1), 2, 6, 3))
    back = care_status(ACHILLES, logs, day + timedelta(days=2))
    assert (back.stage, back.action) == (1, CareAction.STEP_BACK)
    logs.append(CareLog(day + timedelta(days=2), 1, SEVERE_PAIN, 5))
    stopped = care_status(ACHILLES, logs, day + timedelta(days=3))
    assert stopped.action is CareAction.STOP and stopped.seek_advice
    assert "physiotherapist or doctor" in stopped.reason


def test_an_unsettled_morning_holds() -> None:
    logs = [*daily(3, 1, 2, 1), CareLog(START + timedelta(days=3), 1, 2, 4)]
    status = care_status(ACHILLES, logs, START + timedelta(days=4))
    assert status.action is CareAction.HOLD
    assert "next morning" in status.reason


def test_pain_worse_week_on_week_stops() -> None:
    logs = daily(7, 1, 1, 1) + [
        CareLog(START + timedelta(days=7 + n), 1, 4, 2 if n % 2 else 1) for n in range(7)
    ]
    status = care_status(ACHILLES, logs, START + timedelta(days=14))
    assert status.action is CareAction.STOP and status.seek_advice


@given(
    st.lists(
        st.tuples(st.integers(0, 27), st.integers(1, 3), st.integers(0, 10), st.integers(0, 10)),
        max_size=40,
    )
)
def test_severe_pain_in_the_last_week_always_stops(
    entries: list[tuple[int, int, int, int]],
) -> None:
    logs = [CareLog(START + timedelta(days=d), s, p, m) for d, s, p, m in entries]
    today = START + timedelta(days=28)
    status = care_status(ACHILLES, logs, today)
    recent = [log for log in logs if log.day >= today - timedelta(days=7)]
    if any(max(log.pain, log.morning_pain or 0) >= SEVERE_PAIN for log in recent):
        assert status.action is CareAction.STOP and status.seek_advice
    assert 1 <= status.stage <= len(ACHILLES.stages)
    if status.action is CareAction.ADVANCE:
        assert all(log.pain <= ACHILLES.max_pain for log in logs[-3:])


def test_a_stop_for_severe_pain_lasts_until_the_routine_is_logged_again() -> None:
    logs = [*daily(5, 2, 2), CareLog(START + timedelta(days=5), 2, 8, 6)]
    months_later = START + timedelta(days=90)
    assert care_status(ACHILLES, logs, months_later).action is CareAction.STOP
    logs.append(CareLog(months_later, 2, 2, 1))
    back = care_status(ACHILLES, logs, months_later + timedelta(days=1))
    assert (back.stage, back.action) == (1, CareAction.STEP_BACK)


def test_a_daily_stage_moves_up_on_three_logged_routines_a_week() -> None:
    weeks = ACHILLES.advance_after_weeks
    logs = [log for log in daily(7 * weeks + 1, 1, 2) if log.day.weekday() in (0, 2, 4)]
    status = care_status(ACHILLES, logs, START + timedelta(days=7 * weeks + 1))
    assert status.action is CareAction.ADVANCE


def test_a_stop_for_pain_getting_worse_is_not_lifted_by_time_alone() -> None:
    logs = daily(7, 1, 1, 1) + [
        CareLog(START + timedelta(days=7 + n), 1, 4, 2 if n % 2 else 1) for n in range(7)
    ]
    weeks_later = START + timedelta(days=60)
    status = care_status(ACHILLES, logs, weeks_later)
    assert status.action is CareAction.STOP and status.seek_advice
