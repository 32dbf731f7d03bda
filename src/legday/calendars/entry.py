"""What a calendar reader hands to the rest of legday: classified entries, never raw events.

Keeping the reader's output this small means the planner never sees iCalendar or CSV
details; `Calendar.runs()` is the one bridge into the core's `Run` type.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from legday.model import UNSURE, Run, RunKind

__all__ = [
    "ACTIVITIES",
    "LIKELY",
    "UNSURE",
    "Calendar",
    "Entry",
    "confidence_word",
    "day_by_day",
]

# "run" includes explicit rest days (kind REST); "other" is every other sport or event.
ACTIVITIES = ("run", "strength", "other")
# UNSURE (from the model, so the planner can read it too): below it a reading is unsure;
# `legday runs` and the plan list the entry with the override line that settles it, and
# the classifier reads such a run on the safe side. The scale is in docs/calendars.md.
# From LIKELY up a reading is shown as sure; between the two lines, as likely.
LIKELY = 0.9


def confidence_word(confidence: float) -> str:
    """A reading's confidence in one short word for tables: sure, likely or unsure."""
    if confidence < UNSURE:
        return "unsure"
    return "likely" if confidence < LIKELY else "sure"


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
    # An all-out effort that is not a race (a time trial, a race-named session repeating
    # weekly): a hard run whose eve stays free of strength (planner). Set by the classifier
    # and calendar context; cleared when the kind changes.
    all_out: bool = False


# `time` cannot say 24:00: a piece that lasts to midnight ends at 23:59, as before.
LAST_MINUTE = time(23, 59)


def day_by_day(
    entry: Entry, first: datetime, last: datetime, start: date, end: date
) -> list[Entry]:
    """A timed entry from `first` to `last` (wall clock) once per day it touches within
    [start, end]: to 23:59 on its first day, the whole day in between, from 00:00 on its last.

    Why: a conference from Tuesday 09:00 to Thursday 17:00 or a night shift to 07:30 holds
    those days too (`no-overlap`), and a run on past midnight holds the next morning
    (`run-first`). A race is one day: the part after midnight counts as a long run, so
    its day and the day before keep their meaning, and the next morning stays free.
    """
    first, last = first.replace(tzinfo=None), last.replace(tzinfo=None)
    out: list[Entry] = []
    day = max(first.date(), start)
    while day <= min(last.date(), end):
        begins = first if day == first.date() else datetime.combine(day, time.min)
        ends = min(last, datetime.combine(day + timedelta(days=1), time.min))
        if ends > begins:
            minutes = int((ends - begins).total_seconds() // 60)
            piece = replace(
                entry,
                day=day,
                start=begins.time(),
                end=ends.time() if ends.date() == day else LAST_MINUTE,
                minutes=minutes,
            )
            if day != first.date():
                piece = _continued(piece, first)
            out.append(piece)
        day += timedelta(days=1)
    return out


def _continued(piece: Entry, first: datetime) -> Entry:
    """The part of an entry after its first midnight, saying where it began."""
    reason = f"{piece.reason}; goes on from {first:%a %d %b %H:%M}"
    if piece.kind is RunKind.RACE:
        return replace(piece, kind=RunKind.LONG, priority=None, reason=reason)
    return replace(piece, reason=reason)


@dataclass(frozen=True, slots=True)
class Calendar:
    """Every entry read from one file within the asked window, sorted by day and time."""

    entries: tuple[Entry, ...]
    timezone: str | None  # the zone the times are expressed in

    def runs(self) -> tuple[Run, ...]:
        """Runs (and rest days) as `model.Run`; strength entries block their day (REST);
        every other timed event (a ride, a swim, a meeting) is busy time (`no-overlap`).
        An all-day event of another sport holds no time, so it stays out."""
        out: list[Run] = []
        for e in self.entries:
            busy = False
            if e.activity == "run" and e.kind is not None:
                kind, strength = e.kind, False
            elif e.activity == "strength":
                kind, strength = RunKind.REST, True
            elif e.activity == "other" and e.start is not None:
                kind, strength, busy = RunKind.REST, False, True
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
                    busy=busy,
                    all_out=e.all_out and kind is RunKind.HARD,
                )
            )
        return tuple(out)
