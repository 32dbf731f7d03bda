"""`care-routine`: each problem's care gets its protocol's weekly dose, on the right days.

A week's care days are its routines and its strength sessions that hold care exercises
for the problem (the seed's `injury-care`). The dose a week owes is the frequency of its
routines (daily: every day that may hold care; otherwise three days), or fewer when the
week has fewer days that may hold care: not a race day, not the eve of an A race, and a
hard-run day only for a daily protocol's lightest form.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import date, timedelta

from legday.care import (
    CALF_PROBLEMS,
    KNEE_PROBLEMS,
    Frequency,
    closed_to_care,
    days_after_races,
    days_before_races,
    leaves_no_time,
    loads_the_knee,
    no_room_for_care,
    unsure_day,
)
from legday.model import HARD_RUN_KINDS, CareRoutine, Plan, Prescription, Race, Run, Session
from legday.rules.base import Facts, rule

Found = Iterator[tuple[date | None, str]]
CALF_PATTERNS = frozenset({"calf", "shin"})  # the movements that load the calf's tendon


@rule(
    "care-routine",
    hard=True,
    summary="each problem's care protocol at its weekly dose, on days that may hold it",
)
def care_routine(facts: Facts) -> Found:
    plan = facts.plan
    yield from _placement(facts)
    yield from _spacing(facts)
    if not plan.care:
        return
    sessions = {s.day: s for s in plan.sessions}
    for injury in sorted({r.injury for r in plan.care}):
        routines = [r for r in plan.care if r.injury == injury]
        caring = {day for day, s in sessions.items() if _cares(s, injury)}
        loading = _loading_days(facts, injury, caring)  # the same for every week
        by_week: dict[int, list[CareRoutine]] = {}
        for r in routines:
            by_week.setdefault((r.day - plan.start).days // 7, []).append(r)
        latest: CareRoutine | None = None  # a week without routines owes the last dose
        for index, week in enumerate(plan.weeks):
            in_week = by_week.get(index, [])
            latest = in_week[0] if in_week else latest
            if latest is not None:
                yield from _dose(facts, injury, in_week, latest, week.start, caring, loading)


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
    loading: Collection[date],
) -> Found:
    """The week's care days against the dose of its routines (`latest`: this week's, or
    the last week's that had any); `caring`: days whose session holds care for it;
    `loading`: the plan's days that load what its care loads (`_loading_days`)."""
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
    if not (in_week and frequency == Frequency.DAILY.value):
        # every other day (or a week without routines, which owes at most three): a week
        # is short only while a day two clear of every loading day could still take a
        # routine (a week of back-to-back openings takes fewer)
        gap = Frequency.EVERY_OTHER_DAY.min_gap_days
        addable = [d for d in open_days if d not in cared and _clear_of(loading, d, gap)]
        owed = min(owed, len(cared) + len(addable))
    if len(cared) < owed:
        yield (
            monday,
            f"{injury} care on {len(cared)} day(s) in the week of {monday:%d %b}; "
            f"its {frequency} protocol needs {owed}",
        )


def _clear_of(loading: Collection[date], day: date, gap: int) -> bool:
    """Whether `day` is at least `gap` days from every loading day: none lies closer, on
    either side (the days around it are looked up, not the whole season's)."""
    return not any(day + timedelta(days=n) in loading for n in range(1 - gap, gap))


def _loading_days(facts: Facts, injury: str, caring: set[date]) -> Collection[date]:
    """The plan's days that load what `injury`'s care loads: its routines and the
    sessions that hold its care, and for a calf problem every calf problem's routine and
    every session with a calf lift."""
    if injury in CALF_PROBLEMS:
        return facts.derived(_calf_days)
    own = caring | {r.day for r in facts.plan.care if r.injury == injury}
    knee_work = facts.derived(_knee_routine_days)
    if injury in KNEE_PROBLEMS or any(
        r.injury == injury and r.day in knee_work for r in facts.plan.care
    ):
        own |= facts.derived(_knee_days)
    return own


def _calf_days(facts: Facts) -> frozenset[date]:
    """The days that load the calf and its tendon: calf problems' routines (not a daily
    stage's), and sessions
    holding a calf problem's care or a lift of the calf's movement."""
    plan = facts.plan
    # a daily stage's routine (the plantar stretch) is no day to keep clear of: it comes
    # every day, and an every-other-day protocol beside it could never be spaced
    days = {
        r.day
        for r in plan.care
        if r.injury in CALF_PROBLEMS and r.frequency != Frequency.DAILY.value
    }
    for session in plan.sessions:
        if any(_calf_lift(facts, p) for p in session.main):
            days.add(session.day)
    return frozenset(days)


def _calf_lift(facts: Facts, p: Prescription) -> bool:
    if CALF_PROBLEMS & set(p.injury_care):
        return True
    exercise = facts.catalogue.get(p.exercise) if facts.catalogue is not None else None
    return exercise is not None and exercise.pattern in CALF_PATTERNS


def _knee_athlete(facts: Facts) -> bool:
    return bool(KNEE_PROBLEMS.intersection(facts.plan.injuries))


def _bends_a_loaded_knee(facts: Facts, p: Prescription) -> bool:
    exercise = facts.catalogue.get(p.exercise) if facts.catalogue is not None else None
    return exercise is not None and loads_the_knee(exercise)


def _knee_routine_days(facts: Facts) -> frozenset[date]:
    """The days of routines holding knee-dominant work, in a plan for runner's knee."""
    if not _knee_athlete(facts):
        return frozenset()
    return frozenset(
        r.day
        for r in facts.plan.care
        if r.frequency != Frequency.DAILY.value
        and any(_bends_a_loaded_knee(facts, p) for p in r.exercises)
    )


def _knee_days(facts: Facts) -> frozenset[date]:
    """The days that load the front of the knee, in a plan for runner's knee: routines
    and sessions holding knee-dominant work (a squat, lunge or step pattern, a jump
    landing: `loads_the_knee`)."""
    if not _knee_athlete(facts):
        return frozenset()
    sessions = {
        s.day for s in facts.plan.sessions if any(_bends_a_loaded_knee(facts, p) for p in s.main)
    }
    return facts.derived(_knee_routine_days) | sessions


def _spacing(facts: Facts) -> Found:
    """A calf problem's care every other day or three times a week: no routine the day
    before or after another calf loading day (a session's calf lift, a routine), or the
    tendon meets its load twice within a day (a Monday evening session's heavy raises and
    a Tuesday morning routine of them: a coach's read). Beside runner's knee, likewise no
    routine that bends a loaded knee the day before or after another knee day (a coach's
    read found the knee loaded on seven days of a week)."""
    plan = facts.plan
    loading = facts.derived(_calf_days)
    knee_routines, knee = facts.derived(_knee_routine_days), facts.derived(_knee_days)
    seen: set[tuple[str, date, date]] = set()
    for routine in plan.care:
        if routine.frequency == Frequency.DAILY.value:
            continue
        for area, days in (("calf", loading), ("knee", knee)):
            if area == "calf" and routine.injury not in CALF_PROBLEMS:
                continue
            if area == "knee" and routine.day not in knee_routines:
                continue
            for other in (routine.day - timedelta(days=1), routine.day + timedelta(days=1)):
                pair = (min(routine.day, other), max(routine.day, other))
                if other in days and (area, *pair) not in seen:
                    seen.add((area, *pair))
                    yield (
                        routine.day,
                        f"{_label(routine)} on {routine.day:%d %b} and {area} loading on "
                        f"{other:%d %b}: less than 48 h apart, where its protocol loads "
                        "every other day",
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
