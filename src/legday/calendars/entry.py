"""What a calendar reader hands to the rest of legday: classified entries, never raw events.

Keeping the reader's output this small means the planner never sees iCalendar or CSV
details; `Calendar.runs()` is the one bridge into the core's `Run` type.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from legday.model import Run, RunKind

__all__ = ["ACTIVITIES", "UNSURE", "Calendar", "Entry"]

# "run" includes explicit rest days (kind REST); "other" is every other sport or event.
ACTIVITIES = ("run", "strength", "other")
# Below this confidence a reading is unsure: `legday runs` and the plan list the entry with
# the override that fixes it, and a run read this unsure already counts as hard (the safe
# side). The scale is in docs/calendars.md ("Confidence").
UNSURE = 0.6


@dataclass(frozen=True, slots=True)
class Entry:
    """One calendar event occurrence, classified, with the reason and where it came from."""

    day: date
    title: str
    activity: str  # "run" | "strength" | "other"
    kind: RunKind | None  # set for activity "run"; None otherwise
    start: time | None  # wall clock in `Calendar.timezone`; None for all-day
    end: time | None
    minutes: int | None
    reason: str  # which classification rule fired
    source: str  # "file.ics:UID" or "file.csv:line 7"
    confidence: float = 1.0  # how sure the reading is, 0..1
    priority: str | None = None  # a race's importance: "A", "B" or "C"
    # The athlete's own word (CSV kind column, override file): calendar context never
    # changes an explicit reading.
    explicit: bool = False


@dataclass(frozen=True, slots=True)
class Calendar:
    """Every entry read from one file within the asked window, sorted by day and time."""

    entries: tuple[Entry, ...]
    timezone: str | None  # the zone the times are expressed in

    def runs(self) -> tuple[Run, ...]:
        """Runs (and rest days) as `model.Run`; strength entries block their day (REST)."""
        out: list[Run] = []
        for e in self.entries:
            if e.activity == "run" and e.kind is not None:
                kind, strength = e.kind, False
            elif e.activity == "strength":
                kind, strength = RunKind.REST, True
            else:
                continue
            out.append(
                Run(
                    day=e.day,
                    title=e.title,
                    kind=kind,
                    start=e.start,
                    end=e.end,
                    minutes=e.minutes,
                    is_strength=strength,
                    reason=e.reason,
                    source=e.source,
                    confidence=e.confidence,
                    priority=e.priority,
                )
            )
        return tuple(out)
