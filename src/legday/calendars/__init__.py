"""Running calendars in: iCalendar and CSV files read into classified entries.

`read_calendar` is the only door: it refuses hostile files before parsing, expands
recurrences only inside the asked window, and raises `CalendarError` (one line, file and
line) for anything it cannot read, so a caller gets a whole `Calendar` or an error.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from legday.calendars._files import MAX_BYTES, decode, read_bytes
from legday.calendars.classify import classify
from legday.calendars.entry import Calendar, Entry
from legday.calendars.overrides import KindOverrides, read_overrides
from legday.errors import CalendarError, InputError, LegdayError
from legday.model import Run

__all__ = [
    "MAX_BYTES",
    "Calendar",
    "Entry",
    "KindOverrides",
    "calendar_span",
    "classify",
    "read_calendar",
    "read_overrides",
    "read_runs",
]

_ICS_SUFFIXES = (".ics", ".ical", ".icalendar", ".ifb")


def _is_ics(path: Path, text: str) -> bool:
    if path.suffix.lower() in _ICS_SUFFIXES:
        return True
    if path.suffix.lower() in (".csv", ".tsv", ".txt"):
        return False
    return text.lstrip()[:15].upper().startswith("BEGIN:VCALENDAR")


def read_calendar(
    path: Path,
    start: date,
    end: date,
    *,
    tz: str | None = None,
    overrides: KindOverrides | None = None,
) -> Calendar:
    """Every entry of the file within [start, end] (inclusive), classified.

    Times are in `tz` if given, else the calendar's own zone, else the system's; floating
    times stay as written. Raises `CalendarError` for the file, `InputError` for arguments.
    """
    if end < start:
        raise InputError("--end", f"{end.isoformat()} is before the start {start.isoformat()}")
    path = Path(path)
    try:
        data = read_bytes(path)
        if _is_ics(path, data[:64].decode("utf-8", "ignore")):
            from legday.calendars.ics import read_ics

            return read_ics(path, decode(path, data), start, end, tz=tz, overrides=overrides)
        from legday.calendars.csv_reader import read_csv
        from legday.calendars.zones import local_zone, user_zone

        zone = user_zone(tz)[1] if tz else local_zone()[1]
        text = decode(path, data, fallback="cp1252")
        return read_csv(path, text, start, end, tz=zone, overrides=overrides)
    except LegdayError:
        raise
    except RecursionError as error:
        raise CalendarError(str(path), "nested too deeply to read") from error
    except Exception as error:  # a library's surprise must not become a traceback
        raise CalendarError(str(path), _explain(error)) from error


def _explain(error: Exception) -> str:
    """A library exception in a user's words (one line, bounded length)."""
    text = " ".join(str(error).split())[:160]
    if isinstance(error, KeyError):
        return f"an event lacks the required property {text}"
    if type(error).__name__ == "BrokenCalendarProperty":
        return f"a property cannot be read: {text}"
    return f"cannot read ({type(error).__name__}): {text or 'no details'}"


def read_runs(
    paths: Sequence[Path],
    start: date,
    end: date,
    *,
    tz: str | None = None,
    kinds: Path | None = None,
) -> list[Run]:
    """Every calendar's runs and strength entries in [start, end], as the planner takes them."""
    overrides = read_overrides(kinds) if kinds else None
    found: list[Run] = []
    for path in paths:
        found.extend(read_calendar(path, start, end, tz=tz, overrides=overrides).runs())
    return found


def calendar_span(path: Path) -> tuple[date, date]:
    """First and last event day of a file, for a default window (open series: +2 years)."""
    path = Path(path)
    data = read_bytes(path)
    text = decode(path, data, fallback="cp1252")
    far = (date(1900, 1, 1), date(2199, 12, 31))
    if not _is_ics(path, text[:64]):
        calendar = read_calendar(path, *far)
        days = [e.day for e in calendar.entries]
        if not days:
            raise CalendarError(str(path), "no dated rows")
        return min(days), max(days)
    from legday.calendars.ics import span

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return span(path, text)
        except LegdayError:
            raise
        except Exception as error:
            raise CalendarError(str(path), f"cannot read: {type(error).__name__}") from error
