"""Which days get a strength session: an exact optimum over the whole horizon.

The hard rules decide which days are allowed at all (`no-hard-run-day`,
`not-day-before-race`, `run-first` leaving time after the last run, `no-overlap` leaving a
gap between the day's busy events, the athlete's own days). Among allowed days the
chooser minimises one cost over the whole plan:

    cost =  1000 x sessions missing below the week's floor      (`frequency`)
          +   20 x pairs of sessions on consecutive days          (`spacing`; masters 40)
          +   18 x sessions the day after a race                  (sore legs)
          +   15 x sessions the day before a hard run or long run (fresh legs for it)
          +   10 x sessions missing below the week's target      (the optional third)
          +    8 x sessions two days before a race                (less than 48 h clear)
          +    2 x sessions the day after a long run              (still tired)
          +    6 x sessions the day after a hard run, long run or race, for masters
          + min(gap - 4, 3) for every gap of 5+ days between sessions (keep a rhythm)
          +    1 x weeks whose last session falls on another day of the week than the
               week before's (the same weekdays week to week, where the calendar allows)

The order is the argument. A key run (intervals, tempo or race pace, hills, the long
run) is the week's point, so a session on its eve costs more than dropping the optional
third session: it is chosen only when the floor needs it, or when the only other way is
two sessions on consecutive days, which spoils two days. The floor beats everything:
one session a week keeps strength in season (Rønnestad & Mujika 2014).

Around a race the session keeps 48-72 h clear where the week allows: its eve is closed,
the day after costs more than a key run's eve (a race leaves the legs sorer, and the
session there gets no lighter), and two days before costs less than a missing optional
session, so in-season weeks keep their sessions and only move them. These are costs,
not closures: a week with no other allowed day still lifts, as a track season of weekly
meets must.

Masters athletes (age 50+) recover more slowly from hard running (Tanaka & Seals 2008):
the day after a key run costs them more, and consecutive days cost more than two
key-run eves, so they come last. Their targets stay.

A race week's one light session never goes the day before the race (closed for every
race) nor the day after an A or B race; after an A race the rest of its week is for
recovery. The day before a time trial (`Run.all_out`) is closed like the day before a
race: an all-out effort wants fresh legs, though it brings no race week or taper.

A beginner who did not ask for a number starts with two sessions a week (SPEC's
`frequency`: 2-3 a week; docs/planner.md section 1), whatever the phase's target:
the third comes when they ask for it (`--sessions 3`).

A week never gets more sessions than its target. Weeks interact only through the gap
between the last session of one and the first of the next, so a dynamic programme over
weeks, with the days since the last session as its state, finds the true minimum; the
tests compare it with brute force on small horizons.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, time, timedelta
from functools import lru_cache
from itertools import combinations, pairwise
from operator import attrgetter
from types import MappingProxyType
from typing import NamedTuple

from legday.care import (
    AFTER_LONG_RACE_DAYS,
    CALF_PROBLEMS,
    KNEE_PROBLEMS,
    LONG_RACE_MINUTES,
    cared_for,
    race_minutes,
)
from legday.model import HARD_RUN_KINDS, UNSURE, Level, Profile, Race, Run, RunKind
from legday.planner.dose import MAINTENANCE_MINUTES
from legday.planner.season import DAY_ABBR, DAY_NAMES, ONE_WEEK, WEEK_SPAN, WeekFrame, race_days
from legday.rules.calendar import no_two_days_apart

__all__ = [
    "BEFORE_TIME_TRIAL",
    "EARLIEST_START",
    "EVENING",
    "NOT_EVEN_SHORT",
    "Calendar",
    "DayOptions",
    "busy_reason",
    "choose_days",
    "clear_start",
    "day_options",
    "long_races",
    "objective",
    "round_up",
    "start_after",
]

# How the reason for a time trial's eve begins; the week's note repeats such reasons.
BEFORE_TIME_TRIAL = "the day before the time trial"
RECOVERY_FIRST = "recovery first"  # ends the reason a race closes a day after it
# Races a calendar may show as hours long that are short efforts: a meet's afternoon.
SHORT_RACE_WORDS = ("track", "meet", "relay", "parkrun", "5k", "10k")
# Said after a reason a day cannot hold even a C-race week's short session (`frequency`).
NOT_EVEN_SHORT = ", not even for the week's short maintenance session"
MISSING_REQUIRED = 1000
MISSING_OPTIONAL = 10
BACK_TO_BACK = 20
BACK_TO_BACK_MASTERS = 40  # more than two key-run eves: masters come to it last
BEFORE_HARD = 15  # above MISSING_OPTIONAL: the optional third goes first
AFTER_RACE = 18  # above BEFORE_HARD: a race leaves sorer legs than an eve does
TWO_DAYS_BEFORE_RACE = 8  # less than 48 h clear of it; the eve itself is closed
# An A or B race week's one session belongs early in the week, 72 h or more before the
# race: two days before costs more than a key run's eve after a long run (the session is
# light, the race is the week's point), three days before a little (under a key run's eve).
TWO_DAYS_BEFORE_MAIN_RACE = 30  # on top of TWO_DAYS_BEFORE_RACE
THREE_DAYS_BEFORE_MAIN_RACE = 6
AFTER_LONG = 2
# A knee or calf problem's care comes three days a week, a day apart from the sessions
# that load the same tissue (`care_routines`): a week of fewer than three sessions that
# leaves no free day two clear of them leaves its care short (Tue and Fri sessions around
# Thu and Sun key runs left runner's knee and shin care at two days a week for a whole
# season: a coach's read). More than the day after a long run costs, less than an eve.
CARE_ROOM = 3
CARE_DAYS = 3  # the non-daily protocols' days a week (`Frequency.per_week`)
CARE_GAP = 2  # days between care loading days (`Frequency.min_gap_days`)
WEEKDAY_CHANGE = 1  # the week's last session on another weekday than last week's
MASTERS_AFTER_KEY = 6  # on top: the day after a hard run, long run or race, age 50+
LATEST_END = time(21, 30)  # a strength session must be able to start by then
# A day with busy time but no timed run and no window: the session goes at EVENING (the
# time the exports give an untimed session), else the first gap after it, else the first
# gap from EARLIEST_START on (`no-overlap`).
EVENING = time(18, 0)
EARLIEST_START = time(6, 0)
MIDNIGHT = 24 * 60
GAP_SATURATION = 7  # gaps of 7+ days all cost the same
ONE_DAY = timedelta(days=1)
WEEK_DAYS = tuple(timedelta(days=offset) for offset in range(7))
# Sets rather than `kind is RunKind.X`: an enum member look-up costs ~90 ns in Python 3.11.
BEFORE_HARD_KINDS = frozenset({RunKind.HARD, RunKind.LONG})  # the next day costs BEFORE_HARD
TWO_DAYS = timedelta(days=2)

# A tune-up (B race) of two hours or more short of this (a 30 km trail, a long half) is
# not an ultra: the legs are back to normal sessions from its fourth day (72 h and more
# after it), rather than resting five days and stepping back the week after as they do
# after a long A race or an ultra-length tune-up (a 50K of five hours).
TUNE_UP_AFTER_DAYS = 3
ULTRA_TUNE_UP_MINUTES = 240
BEGINNER_SESSIONS = 2  # a week's most for a beginner who did not ask for a number
# the week note's words when the athlete's calendar leaves room for one session only
ONE_FITS = (
    ". Your calendar leaves no two days 48 h apart this week: one session, not two back to back"
)


class DayOptions(NamedTuple):
    """Per week: the days allowed, days already holding strength, and per-day costs."""

    frame: WeekFrame
    free: tuple[date, ...]
    fixed: tuple[date, ...]  # strength already in the calendar: counts, and is kept
    cost: dict[date, int]
    reasons: dict[date, str]  # why a day of the week is not allowed
    # the same week as day offsets (free ones with their cost), what the chooser costs
    shape: tuple[tuple[tuple[int, int], ...], tuple[int, ...]]
    # free days whose next day holds a hard run, long run or race-pace workout: a session
    # there is lighter (one set fewer, RPE one lower, no plyometrics)
    before_key: frozenset[date] = frozenset()
    back_to_back: int = BACK_TO_BACK  # this athlete's cost of two sessions on consecutive days
    # the week's day offsets open to a care routine (no hard run, race, race eve or
    # blocked day), for an athlete with knee or calf care; None without (`care_room`)
    care_open: tuple[int, ...] | None = None


def gap_cost(gap: int, back_to_back: int = BACK_TO_BACK) -> int:
    """Cost of `gap` days between two sessions (0 for two on one day)."""
    if gap == 1:
        return back_to_back
    return min(gap - 4, 3) if gap >= 5 else 0


def day_options(
    profile: Profile,
    runs: Sequence[Run],
    frames: Sequence[WeekFrame],
    calendar: Calendar | None = None,
) -> list[DayOptions]:
    """Per week, the days a session may go on; `calendar` is these runs already read
    (`Calendar.read`), when the caller needs the reading too.

    A day's busy time and window are judged by the athlete's minutes. A week whose only
    races are C races needs just one short maintenance session (`frequency`): when no day
    holds a full session, its days are judged again by the short one's length, and the
    week then takes one session at most.
    """
    if calendar is None:
        calendar = Calendar.read(profile, runs)
    short = min(profile.minutes, MAINTENANCE_MINUTES)
    long = long_races(frames, calendar)
    tune_ups = long_races(frames, calendar, tune_ups=True)
    near_main = _near_main_races(frames)
    if near_main:
        costs = dict(calendar.costs)
        for day, charge in near_main.items():
            costs[day] = costs.get(day, 0) + charge
        calendar = calendar._replace(costs=costs)
    options = []
    for frame in frames:
        if profile.level is Level.BEGINNER and profile.sessions is None:
            frame = frame._replace(target=min(frame.target, BEGINNER_SESSIONS))
        if _after_long(frame, long | tune_ups):
            # the week after a long race lifts once where its first days are gone: a
            # floor of two would crowd the rest onto back-to-back days or a key run's eve
            frame = frame._replace(required=min(frame.required, 1))
        week = _week_options(profile, calendar, frame, profile.minutes, long, tune_ups)
        if frame.required > 1 and _one_fits(profile, calendar, frame, week):
            frame = frame._replace(required=1, target=1, note=frame.note + ONE_FITS)
            week = _week_options(profile, calendar, frame, profile.minutes, long, tune_ups)
        if (
            frame.only_c_races
            and short < profile.minutes
            and len(week.free) + len(week.fixed) < frame.required
        ):
            week = _week_options(profile, calendar, frame._replace(target=1), short, long, tune_ups)
        options.append(week)
    return options


def _one_fits(profile: Profile, calendar: Calendar, frame: WeekFrame, week: DayOptions) -> bool:
    """Whether the athlete's calendar (a trip, blocked days) leaves the week no two days
    48 h apart (`no_two_days_apart`), nor do its free days hold two: it takes one session,
    not two back to back."""
    days = sorted({*week.free, *week.fixed})
    if any((b - a).days >= 2 for a, b in combinations(days, 2)):
        return False
    week_days = [frame.start + offset for offset in WEEK_DAYS]
    return no_two_days_apart(week_days, calendar.by_day, profile.blocked, profile.days)


def _near_main_races(frames: Sequence[WeekFrame]) -> dict[date, int]:
    """The extra cost of the days two and three before each A or B race: its week's one
    light session goes 72 h or more before it where the week allows."""
    charges: dict[date, int] = {}
    for frame in frames:
        for race in frame.races:
            if race.priority == "C":
                continue
            for days, charge in ((2, TWO_DAYS_BEFORE_MAIN_RACE), (3, THREE_DAYS_BEFORE_MAIN_RACE)):
                day = race.day - timedelta(days=days)
                charges[day] = max(charges.get(day, 0), charge)
    return charges


def _after_long(frame: WeekFrame, long: frozenset[date]) -> bool:
    """Whether a long race lies in the week before this one (`frequency`'s step back)."""
    return any(frame.start - ONE_WEEK <= day < frame.start for day in long)


def _week_options(
    profile: Profile,
    calendar: Calendar,
    frame: WeekFrame,
    minutes: int,
    long: frozenset[date] = frozenset(),
    tune_ups: frozenset[date] = frozenset(),
) -> DayOptions:
    """The week's days judged for a session of `minutes`; shorter than the athlete's
    minutes only for a C-race week's maintenance session, which may also take a day a
    full session was squeezed out of (`Calendar.squeezed`)."""
    short = minutes < profile.minutes
    training = profile.days
    windows = {weekday: (opens, closes) for weekday, opens, closes in profile.windows}
    free: list[date] = []
    fixed: list[date] = []
    free_offsets: list[tuple[int, int]] = []
    fixed_offsets: list[int] = []
    cost: dict[date, int] = {}
    reasons: dict[date, str] = {}
    start = frame.start
    after_race = _after_main_races(frame, calendar.races, long, tune_ups)
    first_weekday = start.weekday()
    for number, offset in enumerate(WEEK_DAYS):
        day = start + offset
        lifts = calendar.strength.get(day)
        if lifts:
            fixed.extend([day] * lifts)  # each counts towards the week
            fixed_offsets.extend([number] * lifts)
            continue
        # why no session may go on this day, the first reason first; empty if one may
        weekday = (first_weekday + number) % 7
        if weekday not in training:
            reason = "not one of your training days"
        else:
            # blocked, hard run, race, late run: see `read`
            reason = calendar.closed.get(day, "")
            if not reason and not short:
                reason = calendar.squeezed.get(day, "")
            if not reason and weekday in windows:
                found = calendar.by_day.get(day, [])
                reason = _window_reason(day, found, windows[weekday], minutes)
                reason = reason and reason + (NOT_EVEN_SHORT if short else "")
        if not reason and day in calendar.busy:
            reason = busy_reason(calendar.by_day[day], windows.get(weekday), minutes)
            reason = reason and reason + (NOT_EVEN_SHORT if short else "")
        if not reason:
            reason = after_race.get(day, "")
        if reason:
            reasons[day] = reason
            continue
        free.append(day)
        cost[day] = day_cost = calendar.costs.get(day, 0)
        free_offsets.append((number, day_cost))
    shape = (tuple(free_offsets), tuple(fixed_offsets))
    care_open = None
    if CALF_PROBLEMS.union(KNEE_PROBLEMS).intersection(cared_for(profile.injuries)):
        care_open = tuple(n for n in range(7) if start + WEEK_DAYS[n] not in calendar.closed)
    return DayOptions(
        frame,
        tuple(free),
        tuple(fixed),
        cost,
        reasons,
        shape,
        calendar.before_key.intersection(free),
        BACK_TO_BACK_MASTERS if profile.masters else BACK_TO_BACK,
        care_open,
    )


def long_races(
    frames: Sequence[WeekFrame], calendar: Calendar, *, tune_ups: bool = False
) -> frozenset[date]:
    """The races that need a full step back: an A race of two hours or more on the
    calendar (a marathon, an ultra, a long trail) and a B race of ULTRA_TUNE_UP_MINUTES
    or more (a 50K as a tune-up): the legs need AFTER_LONG_RACE_DAYS before a session,
    and the week after takes only light ones. With `tune_ups`, the B races of two hours
    up to that (a 30 km trail, a long half): they close TUNE_UP_AFTER_DAYS, then the
    sessions are normal again. Frames made without their races count every race as A."""
    found = []
    given = any(frame.races or frame.last_week for frame in frames)
    # the races of the plan's weeks and of the week before its start
    raced = {r.day: r for frame in frames for r in (*frame.last_week, *frame.races)}
    races = (
        [r for r in raced.values() if r.priority != "C"]
        if given
        else [Race(day, "A", "race") for day in sorted(calendar.races)]
    )
    for race in races:
        entries = calendar.by_day.get(race.day, ())
        minutes = race_minutes(race.day, entries)
        if minutes < LONG_RACE_MINUTES or any(
            word in run.title.lower() for run in entries for word in SHORT_RACE_WORDS
        ):
            continue
        full = race.priority == "A" or minutes >= ULTRA_TUNE_UP_MINUTES
        if full != tune_ups:
            found.append(race.day)
    return frozenset(found)


def _after_main_races(
    frame: WeekFrame,
    races: frozenset[date],
    long: frozenset[date] = frozenset(),
    tune_ups: frozenset[date] = frozenset(),
) -> dict[date, str]:
    """The week's days an A or B race closes, and why: the day after each, and every day
    after an A race (its recovery, then a week off). A tune-up's week may lift again 48 h
    after it, unless it lasted two hours or more (a marathon, an ultra, a long trail):
    then the legs get AFTER_LONG_RACE_DAYS as care does; a tune-up of two hours or more
    short of an ultra (`tune_ups`) gets TUNE_UP_AFTER_DAYS. A week whose races are all C
    keeps its phase and lifts around them."""
    start, end = frame.start, frame.start + WEEK_SPAN
    if frame.races or frame.last_week:
        main = [race for race in (*frame.last_week, *frame.races) if race.priority != "C"]
    else:  # a frame made without its races: each one counts as a goal
        main = [Race(day, "A", "race") for day in sorted(races) if start <= day <= end]
    closed: dict[date, str] = {}
    for race in main:
        # the day after, and after an A race the rest of its week (the next is a week off);
        # a race of the week before closes this week's first day when it was the last
        last = end if race.priority == "A" and race.day >= start else race.day + ONE_DAY
        for offset in range(1, (min(last, end) - race.day).days + 1):
            day = race.day + timedelta(days=offset)
            if day >= start:
                closed[day] = _after_race(race.day, start)
    # a long A or B race, this week or last: its days of recovery
    for days, after in ((long, AFTER_LONG_RACE_DAYS), (tune_ups, TUNE_UP_AFTER_DAYS)):
        for day in days:
            if start - timedelta(days=after) <= day <= end:
                for offset in range(1, after + 1):
                    closed.setdefault(day + timedelta(days=offset), _after_race(day, start))
    return closed


def _after_race(race: date, week_start: date) -> str:
    """Why a day after a race stays free: "this week's race" only when the race is in
    the week (a long race last Sunday still closes this Monday: issue 13)."""
    when = "this week's" if race >= week_start else "last week's"
    return f"after {when} race ({DAY_ABBR[race.weekday()]}): {RECOVERY_FIRST}"


class Calendar(NamedTuple):
    """What the runs say about each day, gathered in one pass over them."""

    by_day: dict[date, list[Run]]
    races: frozenset[date]
    strength: dict[date, int]  # strength sessions already in the calendar or logged
    closed: dict[date, str]  # why the runs or the athlete's blocked days rule a day out
    costs: dict[date, int]  # the day's cost to the chooser, where it is not 0
    busy: frozenset[date] = frozenset()  # days holding timed busy events (`no-overlap`)
    # days a full session was composed for and did not fit between the busy events, and
    # why: closed to full sessions, still open to a C-race week's short one (`make_plan`)
    squeezed: Mapping[date, str] = MappingProxyType({})
    before_key: frozenset[date] = frozenset()  # days before a hard run or long run

    @classmethod
    def read(cls, profile: Profile, runs: Sequence[Run], logged: Iterable[date] = ()) -> Calendar:
        """`logged`: days of strength already trained (the logbook's), one per session."""
        by_day: dict[date, list[Run]] = {}
        strength: dict[date, int] = {}
        for day in logged:
            strength[day] = strength.get(day, 0) + 1
        hard: dict[date, Run] = {}  # the day's first hard run, long run or race
        windowed = {weekday for weekday, _, _ in profile.windows}
        late: list[date] = []
        before_hard: set[date] = set()
        after_long: set[date] = set()
        after_key: set[date] = set()  # counted for masters only
        busy: set[date] = set()
        for run in runs:
            day, kind = run.day, run.kind
            by_day.setdefault(day, []).append(run)
            if run.busy:
                # it only holds its time: no cost, no late close (`busy_reason` judges it)
                if run.start is not None:
                    busy.add(day)
                continue
            if run.is_strength:
                strength[day] = strength.get(day, 0) + 1
            elif kind in HARD_RUN_KINDS:
                hard.setdefault(day, run)
                after_key.add(day + ONE_DAY)
            if kind in BEFORE_HARD_KINDS:
                before_hard.add(day - ONE_DAY)
            if kind is RunKind.LONG:
                after_long.add(day + ONE_DAY)
            # `run-first` needs time after the run, and a run past midnight leaves none; a
            # window says how late is fine, without one LATEST_END does
            finish, start = run.finish, run.start
            if finish is not None and (
                finish > (time.max if windowed and day.weekday() in windowed else LATEST_END)
                or (start is not None and finish < start)
            ):
                late.append(day)
        races = race_days(profile, runs)
        # later entries win: the reason given is the one of the latest line here
        closed = dict.fromkeys(late, "the run ends too late to fit strength after it")
        closed.update(dict.fromkeys(races, "race day"))
        closed.update(dict.fromkeys((r - ONE_DAY for r in races), "the day before a race"))
        # a hard reading legday is unsure of may be a race it has no word for, and a time
        # trial is an all-out effort though not a race: fresh legs for both
        closed.update(
            (r.day - ONE_DAY, _eve_reason(r))
            for r in runs
            if r.kind is RunKind.HARD and r.running and (r.all_out or r.confidence < UNSURE)
        )
        closed.update((day, f"{r.kind} run ({r.title})") for day, r in hard.items())
        closed.update(dict.fromkeys(profile.blocked, "you blocked this day"))
        charges = [
            (after_long, AFTER_LONG),
            (before_hard, BEFORE_HARD),
            ({race + ONE_DAY for race in races}, AFTER_RACE),
            ({race - TWO_DAYS for race in races}, TWO_DAYS_BEFORE_RACE),
            (after_key if profile.masters else set(), MASTERS_AFTER_KEY),
        ]
        costs: dict[date, int] = {}
        for days, charge in charges:
            for day in days:
                costs[day] = costs.get(day, 0) + charge
        return cls(
            by_day,
            races,
            strength,
            closed,
            costs,
            frozenset(busy),
            before_key=frozenset(before_hard),
        )


def _eve_reason(run: Run) -> str:
    """Why the day before a time trial, or before an unsure hard run, holds no strength."""
    if run.all_out:
        return f"{BEFORE_TIME_TRIAL} ({run.title}): fresh legs for an all-out effort"
    return f"the day before {run.title}, which may be a race (unsure reading)"


def _window_reason(day: date, entries: list[Run], window: tuple[time, time], minutes: int) -> str:
    """The day's window must hold the whole session, after the day's last run."""
    opens, closes = window
    start = start_after(entries, window) or opens
    if _clock(start) + minutes <= _clock(closes):
        return ""
    span = f"your {DAY_NAMES[day.weekday()]} window {opens:%H:%M}-{closes:%H:%M}"
    if _clock(opens) + minutes > _clock(closes):
        return f"{span} is too short for {minutes} min"
    if start >= closes:
        return f"{span} is taken by the run"
    return f"{span} leaves too little time after the run for {minutes} min"


def start_after(runs: Sequence[Run], window: tuple[time, time] | None = None) -> time | None:
    """When a session on a day with these runs starts; None when any time will do.

    `run-first`: once the day's last timed run is over, rounded up to 5 minutes; and not
    before the day's window opens.
    """
    ends = [end for r in runs if r.running and (end := r.finish) is not None]
    after = _start_at(max(ends)) if ends else None
    if window is None:
        return after
    return window[0] if after is None else max(after, window[0])


def clear_start(
    entries: Sequence[Run],
    window: tuple[time, time] | None,
    minutes: int,
    asked: int | None = None,
    by: time | None = None,
) -> time | None:
    """`no-overlap`: the earliest start, on a 5-minute mark, at which `minutes` of strength
    touch none of the day's timed events; None when the day has no such gap.

    The session starts after the day's last run (`run-first`) and inside the window: there
    `asked` minutes (the athlete's session length; default `minutes`) must end by its close,
    as the day was chosen for them; a session the rules made longer may run past the close
    (the planner says so), never into an event. Without a window it starts by LATEST_END;
    without a timed run either, at EVENING or the first gap after it, else the first gap
    from EARLIEST_START.
    """
    events = _spans(entries)
    after = start_after(entries, window)
    if by is not None:
        return _start_by(events, after, window, minutes, asked, by)
    if window is not None:
        latest = _clock(window[1]) - (minutes if asked is None else asked)
        return _first_gap(events, _clock(after or window[0]), latest, minutes)
    latest = _clock(LATEST_END)
    if after is not None:
        return _first_gap(events, _clock(after), latest, minutes)
    evening = _clock(EVENING)
    found = _first_gap(events, evening, latest, minutes)
    if found is None:
        found = _first_gap(events, _clock(EARLIEST_START), evening, minutes)
    return found


def _start_by(
    events: Sequence[tuple[int, int]],
    after: time | None,
    window: tuple[time, time] | None,
    minutes: int,
    asked: int | None,
    by: time,
) -> time | None:
    """`clear_start` for a session that must start by `by` (a morning session 48 h or
    more before a key run, so the week's jumps may come): at `by` when that is free, else
    the first gap before it, after the day's last run and inside the window; None when
    the day has no such gap."""
    latest = min(_clock(by), _clock(LATEST_END))
    if window is not None:
        latest = min(latest, _clock(window[1]) - (minutes if asked is None else asked))
    latest -= latest % 5
    earliest = _clock(after or EARLIEST_START)
    if latest < earliest:
        return None
    return _first_gap(events, latest, latest, minutes) or _first_gap(
        events, earliest, latest, minutes
    )


def busy_reason(entries: Sequence[Run], window: tuple[time, time] | None, minutes: int) -> str:
    """Why the day's busy events leave no room for a session of `minutes`; empty if they do."""
    if clear_start(entries, window, minutes) is not None:
        return ""
    busy = ", ".join(
        f"{r.title} {r.start:%H:%M}-{r.finish:%H:%M}"
        for r in sorted(entries, key=attrgetter("day_order"))
        if r.busy and r.start is not None and r.finish is not None
    )
    within = f" in your window {window[0]:%H:%M}-{window[1]:%H:%M}" if window else ""
    return f"busy: {busy} leaves no {minutes}-min gap{within}"


def _first_gap(
    events: Sequence[tuple[int, int]], earliest: int, latest: int, minutes: int
) -> time | None:
    """The first 5-minute mark from `earliest` (minutes since midnight), no later than
    `latest`, where `minutes` fit before midnight without touching an event's inside;
    sharing an edge is fine (a swim ending at 18:00, strength from 18:00)."""
    start = round_up(earliest, 5)
    for begins, ends in events:  # sorted by start
        if ends <= start:
            continue
        if start + minutes <= begins:
            break
        start = round_up(ends, 5)
    if start > latest or start + minutes > MIDNIGHT:
        return None
    return time(start // 60, start % 60)


def _spans(entries: Sequence[Run]) -> list[tuple[int, int]]:
    """The day's timed events (runs, strength, busy time) as minutes since midnight, by
    start; one that ends past midnight holds the rest of the day."""
    spans = []
    for r in entries:
        begins, ends = r.start, r.finish
        if begins is None or ends is None:
            continue
        first, last = _clock(begins), _clock(ends)
        spans.append((first, last if last >= first else MIDNIGHT))
    return sorted(spans)


@lru_cache(maxsize=1024)
def _start_at(end: time) -> time:
    """The first 5-minute mark after a run ends (cached: a plan's runs end at a few times)."""
    minutes = round_up(_clock(end) + (1 if end.second or end.microsecond else 0), 5)
    return time(23, 55) if minutes >= 24 * 60 else time(minutes // 60, minutes % 60)


def round_up(value: float, step: int) -> int:
    """`value` rounded up to a multiple of `step` (session starts and lengths: 5 minutes)."""
    return int(-(-value // step) * step)


def _clock(moment: time) -> int:
    """Minutes since midnight."""
    return moment.hour * 60 + moment.minute


@lru_cache(maxsize=4)
def _gaps_across(back_to_back: int) -> tuple[int, ...]:
    """Gap costs by days between a week's last session and the next one's first."""
    return tuple(gap_cost(min(g, GAP_SATURATION), back_to_back) for g in range(GAP_SATURATION + 7))


def _week_cost(opt: DayOptions, chosen: Sequence[date]) -> int:
    """Cost of one week's choice, without the gap to the previous week."""
    count = len(chosen)
    frame = opt.frame
    cost = MISSING_REQUIRED * max(0, frame.required - count)
    cost += MISSING_OPTIONAL * max(0, frame.target - count)
    cost += sum(opt.cost.get(d, 0) for d in chosen)
    cost += care_room([(d - frame.start).days for d in chosen], opt.care_open)
    return cost + sum(gap_cost((b - a).days, opt.back_to_back) for a, b in pairwise(chosen))


def care_room(offsets: Sequence[int], care_open: Sequence[int] | None) -> int:
    """CARE_ROOM when a week's sessions (day offsets) leave its knee or calf care short
    of its days: fewer than CARE_DAYS sessions, and no day open to a routine
    (`care_open`; None: no such care) two clear of every session. 0 otherwise."""
    if care_open is None or not offsets or len(offsets) >= CARE_DAYS:
        return 0
    room = any(all(abs(o - s) >= CARE_GAP for s in offsets) for o in care_open)
    return 0 if room else CARE_ROOM


def objective(options: Sequence[DayOptions], chosen: Sequence[Sequence[date]]) -> int:
    """The documented cost of a whole-horizon choice (one sorted day list per week)."""
    total = 0
    last: date | None = None
    before: int | None = None  # the week before's last session, as a day of its week
    for opt, week in zip(options, chosen, strict=True):
        total += _week_cost(opt, week)
        ends = None
        if week:
            if last is not None:
                total += gap_cost(min((week[0] - last).days, GAP_SATURATION), opt.back_to_back)
            last = week[-1]
            ends = (last - opt.frame.start).days
            total += _weekday_change(before, ends)
        before = ends
    return total


def _weekday_change(before: int | None, ends: int) -> int:
    """WEEKDAY_CHANGE when this week's last session is on another day of the week than
    the week before's (`before`, its offset; None: no session that week). A week before
    whose last session was its first day reads, in the chooser's state, like one without
    sessions, so it costs nothing either (the objective and the chooser agree)."""
    return WEEKDAY_CHANGE if before and before != ends else 0


def choose_days(options: Sequence[DayOptions]) -> list[tuple[date, ...]]:
    """Minimise `objective` exactly; ties go to the earliest days.

    State between weeks: days from the last session to the next week's start (capped at
    the gap where costs stop changing), or None before the first session. Each week keeps
    a back-pointer per state, so the walk is linear in the number of weeks.
    """
    best: dict[int | None, int] = {None: 0}
    trail: list[dict[int | None, tuple[int | None, tuple[int, ...]]]] = []
    for opt in options:
        gaps = _gaps_across(opt.back_to_back)
        nxt: dict[int | None, int] = {}
        back: dict[int | None, tuple[int | None, tuple[int, ...]]] = {}
        # Per first day of a week: the cheapest way in, over every state (first wins ties).
        entry: dict[tuple[int, int], tuple[int, int | None]] = {}
        for week_cost, first, after, offsets in _best_by_ends(opt):
            if after is None:  # a week without sessions: the gap just grows
                for state, cost in best.items():
                    new_state = None if state is None else min(state + 7, GAP_SATURATION)
                    total = cost + week_cost
                    if new_state not in nxt or total < nxt[new_state]:
                        nxt[new_state] = total
                        back[new_state] = (state, offsets)
                continue
            ends = offsets[-1]
            if (first, ends) not in entry:
                entry[first, ends] = _cheapest_entry(best, first, ends, gaps)
            cost, state = entry[first, ends]
            total = cost + week_cost
            if after not in nxt or total < nxt[after]:
                nxt[after] = total
                back[after] = (state, offsets)
        best = nxt
        trail.append(back)
    state = min(best, key=lambda key: best[key])
    chosen: list[tuple[date, ...]] = []
    for opt, back in zip(reversed(options), reversed(trail), strict=True):
        state, offsets = back[state]
        start = opt.frame.start
        chosen.append(tuple([start + WEEK_DAYS[o] for o in offsets]))
    return chosen[::-1]


def _cheapest_entry(
    best: dict[int | None, int], first: int, ends: int, gaps: tuple[int, ...]
) -> tuple[int, int | None]:
    """The cheapest state to come from into a week whose sessions run from `first` to
    `ends`; of equals, the first found (as the states were). `gaps` from `_gaps_across`.
    A state below GAP_SATURATION is 7 minus the week before's last session's offset."""
    ways = iter(best.items())
    found_state, found = next(ways)
    if found_state is not None:
        found += gaps[found_state + first] + _weekday_change(7 - found_state, ends)
    for state, cost in ways:
        total = cost
        if state is not None:
            total += gaps[state + first] + _weekday_change(7 - state, ends)
        if total < found:
            found, found_state = total, state
    return found, found_state


Shape = tuple[int, int, int | None, tuple[int, ...]]  # cost, first day, gap after, offsets


def _best_by_ends(opt: DayOptions) -> tuple[Shape, ...]:
    """Per (first day, last day), only the cheapest week can be on an optimal path."""
    free, fixed = opt.shape
    frame = opt.frame
    return _week_shapes(free, fixed, frame.required, frame.target, opt.back_to_back, opt.care_open)


@lru_cache(maxsize=4096)
def _week_shapes(
    free: tuple[tuple[int, int], ...],
    fixed: tuple[int, ...],
    required: int,
    target: int,
    back_to_back: int,
    care_open: tuple[int, ...] | None = None,
) -> tuple[Shape, ...]:
    """Same cost as `_week_cost`, on day offsets: weeks of a running plan repeat, so each
    shape of week is costed once (the tests hold it to `objective`)."""
    room = max(0, target - len(fixed))
    kept: dict[tuple[int, int] | None, tuple[int, tuple[int, ...]]] = {}
    for size in range(min(room, len(free)) + 1):
        count = size + len(fixed)
        missing = MISSING_REQUIRED * max(0, required - count)
        missing += MISSING_OPTIONAL * max(0, target - count)
        for combo in combinations(free, size):
            offsets = tuple(sorted(fixed + tuple(o for o, _ in combo)))
            cost = missing + sum(c for _, c in combo) + care_room(offsets, care_open)
            cost += sum(gap_cost(b - a, back_to_back) for a, b in pairwise(offsets))
            key = (offsets[0], offsets[-1]) if offsets else None
            if key not in kept or cost < kept[key][0]:
                kept[key] = (cost, offsets)
    return tuple(
        (cost, offsets[0], min(7 - offsets[-1], GAP_SATURATION), offsets)
        if offsets
        else (cost, 0, None, offsets)
        for cost, offsets in kept.values()
    )
