"""Pain past the protocol's limit holds the stage once and steps back when it comes
twice in a row; pain that stops the routine sends the athlete to a professional."""

from __future__ import annotations

from datetime import date, timedelta

from legday.care.monitoring import CareAction, CareLog, care_status
from legday.catalogue.loader import load_catalogue

PROTOCOL = load_catalogue().protocols["achilles"]
DAY = date(2027, 2, 1)


def test_pain_past_the_limit_holds_then_steps_back() -> None:
    over = PROTOCOL.max_pain + 1
    once = [CareLog(DAY, 2, 3), CareLog(DAY + timedelta(days=2), 2, over)]
    held = care_status(PROTOCOL, once, DAY + timedelta(days=3))
    assert held.action is CareAction.HOLD and held.stage == 2
    assert "stay at stage 2" in held.reason
    twice = [*once, CareLog(DAY + timedelta(days=4), 2, over)]
    back = care_status(PROTOCOL, twice, DAY + timedelta(days=5))
    assert back.action is CareAction.STEP_BACK and back.stage == 1
    assert "twice in a row: step back" in back.reason


def test_severe_pain_stops_and_sends_to_a_professional() -> None:
    logs = [CareLog(DAY, 2, 3), CareLog(DAY + timedelta(days=2), 1, 8)]
    stopped = care_status(PROTOCOL, logs, DAY + timedelta(days=3))
    assert stopped.action is CareAction.STOP and stopped.seek_advice
