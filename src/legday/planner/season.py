"""Periodisation: what each week of the horizon is for.

Phases come from the races in the calendar (and the profile): strength is built in the
off-season and base, kept in build and peak, trimmed in the taper and race week, and
paused after a long race. Every `recovery_every`-th week without a pause becomes a
recovery week (`recovery-week`), so no stretch of that many weeks goes without one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from legday.model import REST_PHASES, Phase, Profile, Run, RunKind

__all__ = [
    "DAY_ABBR",
    "DAY_NAMES",
    "WEEK_SPAN",
    "WeekFrame",
    "goal_races",
    "is_major_race",
    "race_days",
    "season",
]

RACE = RunKind.RACE  # looked up once: enum member look-ups are slow in Python 3.11
MAJOR_RACE_MINUTES = 75
TUNE_UP_WINDOW = timedelta(weeks=8)
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_ABBR = tuple(name[:3] for name in DAY_NAMES)  # in notes: "Tue", "Thu"
WEEK_SPAN = timedelta(days=6)  # a week's first day to its last
ONE_WEEK = timedelta(days=7)
MAJOR_RACE_WORDS = ("marathon", "maraton", "ultra", "half", "halb", "semi", "media", "trail")


class WeekFrame(NamedTuple):
    """A week as the day chooser sees it: what it is for, how many sessions to aim for,
    and the floor. The plan's `Week` is made from it once the days are chosen."""

    start: date
    phase: Phase
    note: str
    target: int  # strength sessions to aim for
    required: int  # below this the `frequency` rule is broken


def race_days(profile: Profile, runs: Sequence[Run]) -> frozenset[date]:
    days = frozenset([r.day for r in runs if r.kind is RACE])
    return days.union(profile.races) if profile.races else days


def is_major_race(run: Run) -> bool:
    """A long race earns a taper before it and a week without strength after it."""
    title = run.title.lower()
    long_enough = run.minutes is not None and run.minutes >= MAJOR_RACE_MINUTES
    return long_enough or any(word in title for word in MAJOR_RACE_WORDS)


def goal_races(runs: Sequence[Run]) -> frozenset[date]:
    """Long races that are not tune-ups: a long race with a longer one within eight weeks
    after it is a stepping stone (a race week, but no taper and no week off after it)."""
    majors = [r for r in runs if r.kind is RACE and is_major_race(r)]
    return frozenset(
        r.day
        for r in majors
        if not any(
            r.day < other.day <= r.day + TUNE_UP_WINDOW and _race_size(other) > _race_size(r)
            for other in majors
        )
    )


def _race_size(run: Run) -> int:
    """Minutes when known, else a guess from the distance in the title."""
    if run.minutes:
        return run.minutes
    title = run.title.lower()
    if any(word in title for word in ("half", "halb", "semi", "media")):
        return 110
    return 240 if any(word in title for word in ("marathon", "maraton", "ultra")) else 60


def season(profile: Profile, runs: Sequence[Run]) -> list[WeekFrame]:
    races = race_days(profile, runs)
    majors = goal_races(runs)
    goals = sorted(majors | frozenset(profile.races)) or sorted(races)
    lifting = {r.day for r in runs if r.is_strength}  # strength already in the calendar
    weeks: list[tuple[date, Phase, str]] = []
    first_since_rest = 0
    for index in range(profile.weeks):
        start = profile.start + timedelta(days=7 * index)
        phase, note = _phase(start, races, majors, goals)
        if phase not in REST_PHASES and _fully_blocked(profile, start):
            phase, note = Phase.BLOCKED, "you blocked every training day this week"
        weeks.append((start, phase, note))
        if phase in REST_PHASES and not _lifts(start, lifting):
            first_since_rest = index + 1
        elif index - first_since_rest + 1 == profile.recovery_every:
            first_since_rest = _place_recovery(weeks, first_since_rest, lifting) + 1
    targets = _targets(profile.sessions)
    return [
        WeekFrame(start, phase, note, targets[phase], _floor(phase, targets[phase]))
        for start, phase, note in weeks
    ]


def _lifts(start: date, lifting: set[date]) -> bool:
    return any(start <= day <= start + WEEK_SPAN for day in lifting)


def _place_recovery(weeks: list[tuple[date, Phase, str]], first: int, lifting: set[date]) -> int:
    """Make one of the weeks since the last rest a recovery week; returns which.

    The latest one wins, unless the calendar already has strength in it (that session
    cannot be moved by us), then the latest earlier week without any.
    """
    window = range(len(weeks) - 1, first - 1, -1)
    free = [i for i in window if not _lifts(weeks[i][0], lifting)]
    chosen = free[0] if free else len(weeks) - 1
    start = weeks[chosen][0]
    note = "recovery week: a week off lets the body absorb the strength work"
    weeks[chosen] = (start, Phase.RECOVERY, note)
    return chosen


def _phase(
    start: date, races: frozenset[date], majors: frozenset[date], goals: list[date]
) -> tuple[Phase, str]:
    end = start + WEEK_SPAN
    in_week = sorted([d for d in races if start <= d <= end])
    if in_week:
        return (
            Phase.RACE,
            f"race week ({_day(in_week[0])}): one light session, never the day before or after",
        )
    week_before = start - ONE_WEEK
    last_week = sorted([d for d in majors if week_before <= d < start])
    if last_week:
        return Phase.POST_RACE, f"after the race on {_day(last_week[0])}: a week without strength"
    upcoming = [d for d in goals if d > end]
    if not upcoming:
        return Phase.OFF_SEASON, "no race ahead: build strength while running is lighter"
    weeks_out = (upcoming[0] - start).days // 7
    plural = "week" if weeks_out == 1 else "weeks"
    target = f"{weeks_out} {plural} before the race on {_day(upcoming[0])}"
    if weeks_out <= 1:
        return Phase.TAPER, f"taper, {target}: keep the habit, drop the volume"
    if weeks_out <= 3:
        return Phase.PEAK, f"peak, {target}: maintain strength with fewer sets"
    if weeks_out <= 11:
        return Phase.BUILD, f"build, {target}: maintain strength alongside hard running"
    if weeks_out <= 19:
        return Phase.BASE, f"base, {target}: build strength while runs are mostly easy"
    return Phase.OFF_SEASON, f"off-season, {target}: the best time to get stronger"


def _targets(asked: int | None) -> dict[Phase, int]:
    """Sessions to aim for per phase: 3 while building strength, 2 alongside hard running."""
    return {
        Phase.OFF_SEASON: asked or 3,
        Phase.BASE: asked or 3,
        Phase.BUILD: asked or 2,
        Phase.PEAK: asked or 2,
        Phase.TAPER: min(asked or 2, 2),
        Phase.RACE: 1,
        Phase.POST_RACE: 0,
        Phase.RECOVERY: 0,
        Phase.BLOCKED: 0,
    }


def _floor(phase: Phase, target: int) -> int:
    """Below this the `frequency` rule is broken."""
    required = 0 if phase in REST_PHASES else 1 if phase is Phase.RACE else 2
    return min(required, target)


def _fully_blocked(profile: Profile, start: date) -> bool:
    if not profile.blocked:
        return not profile.days
    days = (start + timedelta(days=i) for i in range(7))
    return all(d.weekday() not in profile.days or d in profile.blocked for d in days)


# English names whatever the process locale (strftime's %a and %b follow it), and cheaper
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(day: date) -> str:
    """Like "Tue 05 Jan"."""
    return f"{DAY_ABBR[day.weekday()]} {day.day:02d} {_MONTHS[day.month - 1]}"
