"""The logged sets as progression reads them, sorted once for every look back.

Deciding one prescription looks back at what was prescribed after each earlier session
that was not good, and each look back asks the same questions of the same sets on an
earlier day: this exercise's sessions up to then, the athlete's last day trained before
then, the pain flags standing then. `History` answers each with a binary search over
what it sorted once, so a look back costs no re-reading of the sets.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from legday.catalogue import Catalogue
from legday.progression.logs import ExerciseLog, SetLog
from legday.progression.pain import PainFlag, PainTimeline

__all__ = ["History"]


@dataclass(frozen=True, slots=True)
class History:
    """Every logged set given, by exercise and day, with its pain timeline."""

    sets: tuple[SetLog, ...]
    days: tuple[date, ...]  # every day with a set, in order
    sessions: dict[str, tuple[ExerciseLog, ...]]  # each exercise's days, oldest first
    session_days: dict[str, tuple[date, ...]]
    pain: PainTimeline

    @classmethod
    def of(cls, history: Sequence[SetLog], catalogue: Catalogue) -> History:
        by_exercise: dict[str, list[SetLog]] = {}
        for s in history:
            by_exercise.setdefault(s.exercise, []).append(s)
        sessions: dict[str, tuple[ExerciseLog, ...]] = {}
        for exercise, mine in by_exercise.items():
            ordered = sorted(mine, key=lambda s: s.day)  # stable: logging order within a day
            sessions[exercise] = tuple(
                ExerciseLog(day, tuple(sets)) for day, sets in groupby(ordered, lambda s: s.day)
            )
        return cls(
            tuple(history),
            tuple(sorted({s.day for s in history})),
            sessions,
            {e: tuple(log.day for log in logs) for e, logs in sessions.items()},
            PainTimeline.of(history, catalogue),
        )

    def sessions_of(self, exercise: str, today: date) -> list[ExerciseLog]:
        """The exercise's sessions up to `today`, oldest first (`logs.sessions_of`)."""
        logs = self.sessions.get(exercise, ())
        return list(logs[: bisect_right(self.session_days.get(exercise, ()), today)])

    def last_day_before(self, day: date) -> date | None:
        """The last day with any set before `day`."""
        i = bisect_left(self.days, day)
        return self.days[i - 1] if i else None

    def flags(self, day: date) -> tuple[PainFlag, ...]:
        return self.pain.on(day)
