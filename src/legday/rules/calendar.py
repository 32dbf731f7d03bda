"""Rules about where sessions sit among the runs: days, order, weeks and spacing."""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator, Mapping, Sequence
from datetime import date, time, timedelta

from legday.care import LONG_RACE_MINUTES, leaves_no_time, no_room_for_care, race_minutes
from legday.model import (
    HARD_RUN_KINDS,
    LIGHT_PHASES,
    REST_PHASES,
    Phase,
    Plan,
    Run,
    RunKind,
    Session,
    Week,
)
from legday.rules.base import Facts, rule

ONE_DAY = timedelta(days=1)
MAX_SESSIONS = 3
MIN_SESSIONS = 2
STEP_BACK = timedelta(days=7)  # a long race's next week may lift less

Found = Iterator[tuple[date | None, str]]


@rule("frequency", hard=True, summary="2 sessions a week, 3 allowed, never more")
def frequency(facts: Facts) -> Found:
    plan = facts.plan
    existing = facts.lifting  # strength already in the calendar
    in_weeks = {s.day for _, sessions in facts.weeks for s in sessions}
    for s in plan.sessions:
        if s.day not in in_weeks:
            yield s.day, f"strength on {s.day} lies outside the plan's weeks"
    priorities = _race_priorities(plan)
    # a long A or B race; one before the plan's first day may have been long (the plan
    # carries the race, not its runs), so the first week may step back after it
    long = [
        day
        for day, p in priorities.items()
        if p != "C"
        and (
            day < plan.start
            or race_minutes(day, facts.runs_by_day.get(day, ())) >= LONG_RACE_MINUTES
        )
    ]
    for week, sessions in facts.weeks:
        count = len(sessions) + (sum(day in week for day in existing) if existing else 0)
        if count > MAX_SESSIONS:
            yield week.start, f"week of {week.start} has {count} strength sessions; 3 is the most"
        if count >= MIN_SESSIONS or week.end > plan.end:  # enough, or not a full week
            continue
        in_week = [p for day, p in priorities.items() if day in week]
        only_c = bool(in_week) and all(p == "C" for p in in_week)
        if only_c and week.phase not in REST_PHASES:
            if count < 1:
                yield (
                    week.start,
                    (
                        f"week of {week.start} has no strength session; a week whose only "
                        f"races are C races still gets one short session: {week.note}"
                    ),
                )
        elif (
            week.phase not in LIGHT_PHASES
            and not any(week.start - STEP_BACK <= day <= week.end for day in long)
            and not (count <= 1 and _calendar_leaves_one(facts, week, count))
        ):  # the week after a long race steps back: one light session may be all
            yield (
                week.start,
                (
                    f"week of {week.start} has only {count} strength session(s) in an ordinary "
                    f"{week.phase.value} week: {week.note}"
                ),
            )


def no_two_days_apart(
    week_days: Sequence[date],
    by_day: Mapping[date, Sequence[Run]],
    blocked: Collection[date],
    training: Collection[int],
    races: Collection[date] = (),
) -> bool:
    """Whether the athlete's own calendar takes the week's room for two sessions 48 h
    apart: busy time fills a day (a work trip), and the days left
    free of hard runs, races and race eves hold no two at least two days apart. Such a
    week takes one session rather than two on consecutive days (`spacing`) or on a key
    run's eve: an ultra runner's trip week put one on Thursday and one on Friday, the eve
    of his long run (a coach's read). `races`: race days beyond `by_day` (a plan's runs
    end with its last day, and a race the day after makes that day an eve)."""

    def taken(day: date) -> bool:
        # busy time filling the day (a trip), not a blocked day: moving a session to a
        # chosen day blocks the rest of its week, and the move must land where asked
        entries = by_day.get(day, ())
        return no_room_for_care(entries) or leaves_no_time(entries)

    def open_day(day: date) -> bool:
        entries = by_day.get(day, ())
        tomorrow = by_day.get(day + ONE_DAY, ())
        return (
            day.weekday() in training
            and day not in blocked
            and not taken(day)
            and not any(r.running and r.kind in HARD_RUN_KINDS for r in entries)
            and not any(r.kind is RunKind.RACE for r in tomorrow)
            and day + ONE_DAY not in races
        )

    if not any(taken(day) for day in week_days):
        return False
    free = [day for day in week_days if open_day(day)]
    return not any((b - a).days >= 2 for a, b in itertools.combinations(free, 2))


def open_for_strength(
    week_days: Sequence[date], by_day: Mapping[date, Sequence[Run]], training: Collection[int]
) -> list[date]:
    """The week's training days without a hard run or race, and not a race's eve."""
    return [
        day
        for day in week_days
        if day.weekday() in training
        and not any(r.running and r.kind in HARD_RUN_KINDS for r in by_day.get(day, ()))
        and not any(r.kind is RunKind.RACE for r in by_day.get(day + ONE_DAY, ()))
    ]


def _calendar_leaves_one(facts: Facts, week: Week, count: int) -> bool:
    """Whether the athlete's calendar leaves the week room for `count` sessions at most
    (`no_two_days_apart`): one, or none when it takes every open day."""
    plan = facts.plan
    training = plan.profile.days if plan.profile is not None else range(7)
    days = [week.start + timedelta(days=n) for n in range(7)]
    races = {*plan.races, *(race.day for race in plan.race_days)}
    if not no_two_days_apart(days, facts.runs_by_day, plan.blocked, training, races):
        return False
    if count:
        return True
    taken = [d for d in days if d in plan.blocked or no_room_for_care(facts.runs_by_day.get(d, ()))]
    return not set(open_for_strength(days, facts.runs_by_day, training)) - set(taken)


def _race_priorities(plan: Plan) -> dict[date, str | None]:
    """Each race day of the plan and its priority (the most important race of the day);
    None for a race of a plan written before priorities, read back from a file."""
    if plan.race_days:
        found: dict[date, str | None] = {race.day: race.priority for race in plan.race_days}
    else:
        found = dict.fromkeys(plan.races)
        for run in plan.runs:
            if run.kind is RunKind.RACE and not run.is_strength:
                there = found.get(run.day)
                if there is None or (run.priority or "Z") < there:
                    found[run.day] = run.priority
    return found


@rule("no-hard-run-day", hard=True, summary="no strength on a day with a hard run")
def no_hard_run_day(facts: Facts) -> Found:
    plan = facts.plan
    by_day = facts.runs_by_day
    for s in plan.sessions:
        for run in by_day.get(s.day, []):
            if run.kind in HARD_RUN_KINDS and not run.is_strength:
                yield (
                    s.day,
                    f"strength on {s.day} shares the day with a {run.kind.value} run ({run.title})",
                )


@rule("not-day-before-race", hard=True, summary="no strength the day before a race, nor on it")
def not_day_before_race(facts: Facts) -> Found:
    plan = facts.plan
    # every race, whatever its priority: a C race's day and the day before stay free too
    races = {r.day for r in plan.runs if r.kind is RunKind.RACE} | set(plan.races)
    races.update(race.day for race in plan.race_days)
    eves = {race - ONE_DAY for race in races}
    for s in plan.sessions:
        if s.day in eves:
            yield s.day, f"strength on {s.day} is the day before a race"
        elif s.day in races:
            yield s.day, f"strength on {s.day} is on race day"


@rule("run-first", hard=True, summary="on a shared day, strength starts after the run ends")
def run_first(facts: Facts) -> Found:
    plan = facts.plan
    by_day = facts.runs_by_day
    for s in plan.sessions:
        runs = by_day.get(s.day, [])
        ends = [end for r in runs if (end := r.finish) is not None and r.running]
        if not ends:
            continue
        last = max(ends)
        if s.start is None:
            yield s.day, f"strength on {s.day} has no start time; it must begin after {last:%H:%M}"
        elif s.start < last:
            yield (
                s.day,
                (
                    f"strength on {s.day} starts at {s.start:%H:%M}, "
                    f"before the run ends at {last:%H:%M}"
                ),
            )


@rule("recovery-week", hard=True, summary="about once a month, a week with no strength")
def recovery_week(facts: Facts) -> Found:
    """No `recovery_every` weeks in a row with strength. A recovery week holds none, but
    for SPEC's own exception (`_kept_light`: a week whose only races are C races keeps one
    short session). An A or B race's week with its one light session lifts, so it is no
    recovery week, wherever it falls (docs/rules.md)."""
    plan = facts.plan
    existing = facts.lifting  # strength already in the calendar
    priorities = _race_priorities(plan)
    streak = 0
    for week, sessions in facts.weeks:
        resting = not sessions or _kept_light(week, sessions, plan, priorities)
        if resting and not any(day in week for day in existing):
            streak = 0
            continue
        streak += 1
        if streak == plan.recovery_every:
            yield (
                week.start,
                (
                    f"{streak} weeks in a row with strength up to the week of {week.start}; "
                    f"every {plan.recovery_every}th week should be a recovery week without it"
                ),
            )
            streak = 0


LIGHT_SETS = 2  # a C-race recovery week's one session: at most this many sets of each
LIGHT_RPE = 6  # exercise at this effort at most, care aside


def _only_c(week: Week, priorities: Mapping[date, str | None]) -> bool:
    in_week = [p for day, p in priorities.items() if day in week]
    return bool(in_week) and all(p == "C" for p in in_week)


def _kept_light(
    week: Week, sessions: Sequence[Session], plan: Plan, priorities: Mapping[date, str | None]
) -> bool:
    """A recovery week whose only races are C races, keeping one short, light session:
    SPEC's `frequency` gives such a week one maintenance session, and that is the only
    strength a recovery week may hold (a coach's read: beginners', masters' and in-season
    recovery weeks kept a light session, where SPEC asks for a whole week without). Light:
    no exercise above two sets or RPE 6, care for the athlete's problems aside (it follows
    its protocol through recovery weeks, `care-routine`)."""
    if week.phase is not Phase.RECOVERY or len(sessions) != 1 or not _only_c(week, priorities):
        return False
    return all(
        p.sets <= LIGHT_SETS and p.target_rpe <= LIGHT_RPE
        for p in sessions[0].main
        if not set(p.injury_care) & set(plan.injuries)
    )


@rule("spacing", hard=False, summary="at least 48 h between sessions")
def spacing(facts: Facts) -> Found:
    plan = facts.plan
    days = sorted([s.day for s in plan.sessions] + facts.lifting)
    for before, after in itertools.pairwise(days):
        if before == after:
            yield after, f"two strength sessions on {after}"
        elif (after - before).days < 2:
            yield (
                after,
                (
                    f"strength on {before} and {after} are less than 48 h apart; "
                    "keep it only when no other day of the week is free of hard runs"
                ),
            )


@rule(
    "no-overlap",
    hard=True,
    summary="strength never overlaps a timed event of your calendars (a ride, a swim)",
)
def no_overlap(facts: Facts) -> Found:
    """Every timed entry holds its time: runs, strength already booked and busy time. A
    session may start as one ends or end as one starts; a session with no start cannot be
    shown to miss the day's busy time, so it breaks the rule too."""
    by_day = facts.runs_by_day
    for s in facts.plan.sessions:
        entries = by_day.get(s.day)
        if not entries:
            continue
        if s.start is None:
            busy = [r for r in entries if r.busy and r.start is not None]
            if busy:
                yield (
                    s.day,
                    f"strength on {s.day} has no start time on a day with {_span(busy[0])}",
                )
            continue
        begins = _minutes(s.start)
        ends = begins + s.minutes
        for r in entries:
            span = _held(r)
            if span is not None and begins < span[1] and span[0] < ends:
                yield (
                    s.day,
                    f"strength on {s.day} from {s.start:%H:%M} for {s.minutes} min "
                    f"overlaps {_span(r)}",
                )


def _held(run: Run) -> tuple[int, int] | None:
    """The minutes of the day an entry holds; one ending past midnight holds the rest."""
    if run.start is None or run.finish is None:
        return None
    first, last = _minutes(run.start), _minutes(run.finish)
    return first, last if last >= first else 24 * 60


def _span(run: Run) -> str:
    what = "busy time" if run.busy else "strength" if run.is_strength else f"{run.kind} run"
    when = f"{run.start:%H:%M}-{run.finish:%H:%M}" if run.start and run.finish else "all day"
    return f"{run.title} ({what}, {when})"


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute
