"""What the progress page draws, from the logbook's records: pure, no I/O.

    per exercise   each day's top load and reps (is the load rising? the reps holding?)
    per week       hard sets per muscle group (is the volume where the plan put it?)
    per week       sessions done and skipped against planned (is the plan realistic?)
    per day        the worst pain in a set and in a care routine (is it settling?)

Weeks are counted from the plan's start, as the planner counts them, so a week here is a
week of the plan. A set counts once for every muscle its exercise works: a lunge is quads
and glutes volume both, as coaches count it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from legday.model import Muscle
from legday.progression.logs import SetLog

__all__ = [
    "DayLoad",
    "ExerciseSeries",
    "PainDay",
    "ProgressReport",
    "WeekSessions",
    "WeekVolume",
    "exercise_series",
    "pain_trend",
    "progress_report",
    "sessions_against_plan",
    "weekly_volume",
]


@dataclass(frozen=True, slots=True)
class DayLoad:
    """One exercise on one day: its heaviest set, its reps and its sets."""

    day: date
    top_kg: float | None
    reps: int
    best_reps: int
    seconds: int
    sets: int


@dataclass(frozen=True, slots=True)
class ExerciseSeries:
    exercise: str
    days: tuple[DayLoad, ...]


@dataclass(frozen=True, slots=True)
class WeekVolume:
    """Sets per muscle group in the plan week starting `start`."""

    start: date
    sets: tuple[tuple[Muscle, int], ...]


@dataclass(frozen=True, slots=True)
class WeekSessions:
    """Strength sessions of a plan week: planned, done (planned or not) and skipped."""

    start: date
    planned: int
    done: int
    skipped: int


@dataclass(frozen=True, slots=True)
class PainDay:
    """The worst pain (0-10) logged on a day: in a set, in a care routine and the morning
    after one; None where nothing of that kind was logged."""

    day: date
    sets: int | None
    care: int | None
    morning: int | None


@dataclass(frozen=True, slots=True)
class ProgressReport:
    exercises: tuple[ExerciseSeries, ...]
    volume: tuple[WeekVolume, ...]
    sessions: tuple[WeekSessions, ...]
    pain: tuple[PainDay, ...]


def _week_start(day: date, start: date) -> date:
    return start + timedelta(weeks=(day - start).days // 7)


def exercise_series(sets: Sequence[SetLog]) -> tuple[ExerciseSeries, ...]:
    """Each exercise's days in order, by exercise id."""
    by: dict[str, dict[date, list[SetLog]]] = defaultdict(lambda: defaultdict(list))
    for s in sets:
        by[s.exercise][s.day].append(s)
    found = []
    for exercise in sorted(by):
        days = []
        for day, done in sorted(by[exercise].items()):
            loads = [s.load_kg for s in done if s.load_kg is not None]
            reps = [s.reps for s in done if s.reps is not None]
            days.append(
                DayLoad(
                    day,
                    max(loads) if loads else None,
                    sum(reps),
                    max(reps, default=0),
                    sum(s.seconds or 0 for s in done),
                    len(done),
                )
            )
        found.append(ExerciseSeries(exercise, tuple(days)))
    return tuple(found)


def weekly_volume(
    sets: Sequence[SetLog], muscles: Mapping[str, Sequence[Muscle]], start: date
) -> tuple[WeekVolume, ...]:
    """Sets per muscle group and plan week; an exercise the catalogue no longer knows
    counts for no muscle."""
    weeks: dict[date, dict[Muscle, int]] = defaultdict(lambda: defaultdict(int))
    for s in sets:
        week = weeks[_week_start(s.day, start)]
        for muscle in muscles.get(s.exercise, ()):
            week[muscle] += 1
    return tuple(
        WeekVolume(
            week, tuple(sorted(counts.items(), key=lambda item: list(Muscle).index(item[0])))
        )
        for week, counts in sorted(weeks.items())
    )


def sessions_against_plan(
    planned: Sequence[date], performed: Sequence[tuple[date, str]], start: date, today: date
) -> tuple[WeekSessions, ...]:
    """Every plan week up to the one holding `today`: its planned sessions (the plan in
    force on each day), and the days logged done or skipped in it."""
    if today < start:
        return ()
    weeks = {
        _week_start(today, start) - timedelta(weeks=n) for n in range((today - start).days // 7 + 1)
    }
    count: dict[date, list[int]] = {week: [0, 0, 0] for week in weeks}
    for day in planned:
        week = _week_start(day, start)
        if week in count:
            count[week][0] += 1
    for day, status in performed:
        week = _week_start(day, start)
        if week in count:
            count[week][1 if status == "done" else 2] += 1
    return tuple(WeekSessions(week, *count[week]) for week in sorted(count))


def pain_trend(
    sets: Sequence[SetLog], care: Sequence[tuple[date, int, int | None]]
) -> tuple[PainDay, ...]:
    """Each day anything was logged, with its worst pain of each kind."""
    in_sets: dict[date, int] = {}
    for s in sets:
        in_sets[s.day] = max(in_sets.get(s.day, 0), s.pain)
    in_care: dict[date, int] = {}
    morning: dict[date, int] = {}
    for day, pain, after in care:
        in_care[day] = max(in_care.get(day, 0), pain)
        if after is not None:
            morning[day] = max(morning.get(day, 0), after)
    days = sorted(set(in_sets) | set(in_care))
    return tuple(PainDay(d, in_sets.get(d), in_care.get(d), morning.get(d)) for d in days)


def progress_report(
    sets: Sequence[SetLog],
    muscles: Mapping[str, Sequence[Muscle]],
    *,
    planned: Sequence[date],
    performed: Sequence[tuple[date, str]],
    care: Sequence[tuple[date, int, int | None]],
    start: date,
    today: date,
) -> ProgressReport:
    """The four views of the progress page at once."""
    return ProgressReport(
        exercise_series(sets),
        weekly_volume(sets, muscles, start),
        sessions_against_plan(planned, performed, start, today),
        pain_trend(sets, care),
    )
