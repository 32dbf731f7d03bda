"""Pain monitoring for care routines, after Silbernagel et al. (2007).

Loading a painful tendon is allowed while the pain stays acceptable:

- pain during the exercise at most the protocol's limit (5/10) and settled by the next
  morning: continue, and after `advance_after_weeks` such weeks at a stage, move up;
- more pain than that, or a morning that did not settle: hold the stage; a second such
  session in a row steps back a stage;
- pain of 7/10 or more, or pain that is worse this week than last: stop that routine and
  see a physiotherapist or doctor. A stop for severe pain lasts at least a week, and then
  until the athlete logs the routine again (once a professional has cleared them); it then
  restarts a stage lower.

"Settled" means the next morning's pain is at most 2/10 and no worse than the morning
before. Pure: logs in, a decision with its reason out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from legday.care import CareProtocol

__all__ = ["SEVERE_PAIN", "CareAction", "CareLog", "CareStatus", "care_status"]

SEVERE_PAIN = 7  # at or above: stop and seek advice
SETTLED_MORNING = 2  # next-morning pain at most this counts as settled
WORSE_BY = 2  # a week's average pain this much above the week before is getting worse
WEEK = timedelta(days=7)
ROUTINES_A_WEEK = 3  # logged routines a week that count as the stage's dose done


class CareAction(StrEnum):
    START = "start"
    CONTINUE = "continue"
    ADVANCE = "advance"
    HOLD = "hold"
    STEP_BACK = "step back"
    STOP = "stop"


@dataclass(frozen=True, slots=True)
class CareLog:
    """One care routine done: the worst pain during it, and the next morning's pain when
    the athlete has told us (0-10)."""

    day: date
    stage: int
    pain: int
    morning_pain: int | None = None


@dataclass(frozen=True, slots=True)
class CareStatus:
    stage: int
    action: CareAction
    reason: str
    seek_advice: bool = False


def care_status(protocol: CareProtocol, logs: Sequence[CareLog], today: date) -> CareStatus:
    """The stage to do next and why, from the routines logged before `today`."""
    done = sorted((log for log in logs if log.day < today), key=lambda log: log.day)
    if not done:
        return CareStatus(1, CareAction.START, f"Start {protocol.name} care at stage 1.")
    stage = done[-1].stage
    stop = _stop_reason(done, today)
    if stop:
        return CareStatus(stage, CareAction.STOP, stop, seek_advice=True)
    if _worst(done[-1]) >= SEVERE_PAIN:  # nothing logged since: still stopped, however long
        return CareStatus(stage, CareAction.STOP, _severe(_worst(done[-1])), seek_advice=True)
    if len(done) >= 2 and _worst(done[-2]) >= SEVERE_PAIN:  # logged again after a stop
        back = max(1, done[-2].stage - 1)
        return CareStatus(
            back, CareAction.STEP_BACK, f"Back after a stop: restart at stage {back}."
        )
    last = done[-1]
    trouble = _trouble(last, _morning_before(done), protocol.max_pain)
    if trouble:
        if len(done) >= 2 and _trouble(done[-2], _morning_before(done[:-1]), protocol.max_pain):
            back = max(1, stage - 1)
            return CareStatus(back, CareAction.STEP_BACK, f"{trouble} twice in a row: step back.")
        return CareStatus(stage, CareAction.HOLD, f"{trouble}: stay at stage {stage}.")
    if _ready_to_advance(protocol, done, stage, today) and stage < len(protocol.stages):
        weeks = protocol.advance_after_weeks
        return CareStatus(
            stage + 1,
            CareAction.ADVANCE,
            f"{weeks} weeks at stage {stage} with pain at most {protocol.max_pain}/10 that "
            f"settled by the next morning: move up to stage {stage + 1}.",
        )
    return CareStatus(stage, CareAction.CONTINUE, f"Pain acceptable: continue stage {stage}.")


def _stop_reason(done: Sequence[CareLog], today: date) -> str:
    recent = [log for log in done if log.day >= today - WEEK]
    worst = max((_worst(log) for log in recent), default=0)
    if worst >= SEVERE_PAIN:
        return _severe(worst)
    # "getting worse" compares the last logged week with the one before it, so a stop for
    # it lasts, like one for severe pain, until the routine is logged again
    last = done[-1].day + timedelta(days=1)
    latest = [log for log in done if log.day >= last - WEEK]
    earlier = [log for log in done if last - 2 * WEEK <= log.day < last - WEEK]
    if latest and earlier and _average(latest) >= _average(earlier) + WORSE_BY:
        return (
            "Pain is getting worse from one week to the next: stop this routine and see a "
            "physiotherapist or doctor."
        )
    return ""


def _severe(pain: int) -> str:
    return (
        f"Pain reached {pain}/10: stop this routine and see a physiotherapist or doctor. "
        "Once they clear you, log the routine again to restart a stage lower."
    )


def _trouble(log: CareLog, morning_before: int | None, max_pain: int) -> str:
    if log.pain > max_pain:
        return f"Pain of {log.pain}/10 during the routine is more than {max_pain}/10"
    if log.morning_pain is None:
        return ""
    if log.morning_pain > SETTLED_MORNING or (
        morning_before is not None and log.morning_pain > morning_before
    ):
        return f"The next morning's pain ({log.morning_pain}/10) had not settled"
    return ""


def _morning_before(done: Sequence[CareLog]) -> int | None:
    """The morning pain logged before the last routine's, for "no worse than before"."""
    mornings = [log.morning_pain for log in done[:-1] if log.morning_pain is not None]
    return mornings[-1] if mornings else None


def _ready_to_advance(
    protocol: CareProtocol, done: Sequence[CareLog], stage: int, today: date
) -> bool:
    """`advance_after_weeks` full weeks at this stage, each with at least ROUTINES_A_WEEK
    routines logged (strength days carry their own care and hold none), every routine
    within the pain limit and every reported morning settled."""
    at_stage = [log for log in done if log.stage == stage]
    if not at_stage:
        return False
    span = protocol.advance_after_weeks * WEEK
    if today - at_stage[0].day < span:
        return False
    window = [log for log in at_stage if log.day >= today - span]
    needed = min(protocol.stage(stage).frequency.per_week, ROUTINES_A_WEEK)
    needed *= protocol.advance_after_weeks
    settled = all(
        log.pain <= min(protocol.max_pain, 3)
        and (log.morning_pain is None or log.morning_pain <= SETTLED_MORNING)
        for log in window
    )
    return settled and len({log.day for log in window}) >= needed


def _worst(log: CareLog) -> int:
    return max(log.pain, log.morning_pain or 0)


def _average(logs: Sequence[CareLog]) -> float:
    return sum(_worst(log) for log in logs) / len(logs)
