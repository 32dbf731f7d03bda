"""`care-routine`: each problem's care gets its protocol's weekly dose, on the right days.

A week's care days are its routines and its strength sessions that hold care exercises
for the problem (the seed's `injury-care`). The dose a week owes is the frequency of its
routines (daily: every day that may hold care; otherwise three days), or fewer when the
week has fewer days that may hold care: not a race day, not the eve of an A race, and a
hard-run day only for a daily protocol's lightest form.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from legday.care import (
    Frequency,
    closed_to_care,
    days_after_races,
    days_before_races,
    leaves_no_time,
    no_room_for_care,
    unsure_day,
)
from legday.model import HARD_RUN_KINDS, CareRoutine, Plan, Race, Run, Session
from legday.rules.base import Facts, rule

Found = Iterator[tuple[date | None, str]]


@rule(
    "care-routine",
    hard=True,
    summary="each problem's care protocol at its weekly dose, on days that may hold it",
)
def care_routine(facts: Facts) -> Found:
    plan = facts.plan
    yield from _placement(facts)
    if not plan.care:
        return
    sessions = {s.day: s for s in plan.sessions}
    for injury in sorted({r.injury for r in plan.care}):
        routines = [r for r in plan.care if r.injury == injury]
        caring = {day for day, s in sessions.items() if _cares(s, injury)}
        by_week: dict[int, list[CareRoutine]] = {}
        for r in routines:
            by_week.setdefault((r.day - plan.start).days // 7, []).append(r)
        latest: CareRoutine | None = None  # a week without routines owes the last dose
        for index, week in enumerate(plan.weeks):
            in_week = by_week.get(index, [])
            latest = in_week[0] if in_week else latest
            if latest is not None:
                yield from _dose(facts, injury, in_week, latest, week.start, caring)


def _placement(facts: Facts) -> Found:
    plan = facts.plan
    closed = _closed(plan)
    strength = {s.day for s in plan.sessions}
    after_a_race = days_after_races(plan.race_days, facts.runs_by_day)
    before_a_race = days_before_races(plan.race_days)
    for routine in plan.care:
        day, label = routine.day, _label(routine)
        if day in closed:
            yield day, f"{label} on {closed[day]}"
        if day in strength:
            yield day, f"{label} on a strength day: the session's own care already loads it"
        if no_room_for_care(facts.runs_by_day.get(day, ())):
            yield day, f"{label} on a day your busy time fills (a trip, meetings back to back)"
        if day in after_a_race and not routine.lightest:
            yield day, f"{label} in the days after a race, not in its lightest form"
        if day in before_a_race and not routine.lightest:
            yield day, f"{label} in the last days before a race, not in its lightest form"
        hard = _hard_runs(facts, day)
        if hard and not routine.lightest:
            yield day, f"{label} on a hard-run day, not in its lightest form"
        if hard and routine.lightest and not routine.on_hard_days:
            yield day, f"{label} on a hard-run day, though the protocol does not load daily"
        ends = [r.finish for r in hard if r.finish is not None]
        if ends and routine.start is not None and routine.start < max(ends):
            yield day, f"{label} starts before the run ends (run first)"


def _dose(
    facts: Facts,
    injury: str,
    in_week: list[CareRoutine],
    latest: CareRoutine,
    monday: date,
    caring: set[date],
) -> Found:
    """The week's care days against the dose of its routines (`latest`: this week's, or
    the last week's that had any); `caring`: days whose session holds care for it."""
    days = [monday + timedelta(days=n) for n in range(7)]
    frequency = latest.frequency
    strength = facts.derived(_strength_days)
    free = facts.derived(_free_for_care)
    hard = facts.derived(_hard_run_days)
    cared = {d for d in days if d in caring} | {r.day for r in in_week}
    open_days = [
        d
        for d in days
        if d in free
        and (d in caring or d not in strength)
        and ((in_week and latest.on_hard_days) or d in caring or d not in hard)
    ]
    # a week without routines may be one whose stage the sessions' own care covers (three
    # a week): it owes that much, whatever the stage before it asked
    dose = Frequency(frequency).per_week if frequency in Frequency._value2member_map_ else 3
    per_week = dose if in_week else min(dose, 3)
    owed = min(per_week, len(open_days))
    if len(cared) < owed:
        yield (
            monday,
            f"{injury} care on {len(cared)} day(s) in the week of {monday:%d %b}; "
            f"its {frequency} protocol needs {owed}",
        )


def _strength_days(facts: Facts) -> frozenset[date]:
    return frozenset(s.day for s in facts.plan.sessions)


def _free_for_care(facts: Facts) -> frozenset[date]:
    """The plan's days that may hold a routine whatever the problem: not closed (a race,
    the eve of an A race, blocked), no unsure entry, no run that ends late, not a day
    busy time fills (a trip)."""
    plan = facts.plan
    closed = _closed(plan)
    days = (week.start + timedelta(days=n) for week in plan.weeks for n in range(7))
    return frozenset(
        d
        for d in days
        if d <= plan.end and d not in closed and _room_for_care(facts.runs_by_day.get(d, ()))
    )


def _room_for_care(entries: Sequence[Run]) -> bool:
    """Whether a day's calendar entries leave a routine room (a day without any does)."""
    return not entries or not (
        unsure_day(entries) or leaves_no_time(entries) or no_room_for_care(entries)
    )


def _hard_run_days(facts: Facts) -> frozenset[date]:
    return frozenset(
        day
        for day, runs in facts.runs_by_day.items()
        if any(r.running and r.kind in HARD_RUN_KINDS for r in runs)
    )


def _closed(plan: Plan) -> dict[date, str]:
    races = [*plan.race_days, *(Race(day, "B") for day in plan.races)]  # plain dates too
    return closed_to_care(races, plan.blocked)


def _hard_runs(facts: Facts, day: date) -> list[Run]:
    return [r for r in facts.runs_by_day.get(day, ()) if r.running and r.kind in HARD_RUN_KINDS]


def _cares(session: Session, injury: str) -> bool:
    return any(injury in p.injury_care for p in session.main)


def _label(routine: CareRoutine) -> str:
    return f"{routine.injury} care routine"
