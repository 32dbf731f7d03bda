"""iCalendar (.ics) reading through icalendar + recurring-ical-events, never by hand.

A structural pre-scan refuses what would hurt the libraries (truncated files, runaway
nesting, recurrences too dense to expand) with the line number, before parsing. Recurrences
are expanded only inside the asked window, so an RRULE without end costs nothing extra.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from legday.calendars.classifier import Reading, planned_minutes, read_event
from legday.calendars.entry import Calendar, Entry
from legday.calendars.zones import local_zone, resolve_zone, user_zone
from legday.errors import CalendarError

if TYPE_CHECKING:
    from legday.calendars.overrides import KindOverrides

__all__ = ["MAX_DEPTH", "MAX_OCCURRENCES", "read_ics"]

MAX_DEPTH = 8  # VCALENDAR > VEVENT > VALARM is 3; more than 8 is hostile
MAX_OCCURRENCES = 20_000  # occurrences of one file inside the window
MAX_RULE_STEPS = 400_000  # RRULE steps from DTSTART to the window's end
_LINES = re.compile(r"\r\n|\n|\r")
_FREQ_SECONDS = {
    "SECONDLY": 1,
    "MINUTELY": 60,
    "HOURLY": 3600,
    "DAILY": 86400,
    "WEEKLY": 7 * 86400,
    "MONTHLY": 28 * 86400,
    "YEARLY": 365 * 86400,
}


def _prescan(name: str, text: str) -> dict[str, int]:
    """Check BEGIN/END structure; return the line of each UID for later error messages."""
    stack: list[tuple[str, int]] = []
    uids: dict[str, int] = {}
    seen_calendar = False
    for number, line in enumerate(_LINES.split(text), start=1):
        if not line.strip() or line[0] in " \t":
            continue
        head, _, value = line.partition(":")
        key = head.split(";", 1)[0].strip().upper()
        if key == "BEGIN":
            block = value.strip().upper()
            if not stack and block != "VCALENDAR":
                raise CalendarError(name, f"BEGIN:{block} outside BEGIN:VCALENDAR", number)
            stack.append((block, number))
            seen_calendar = True
            if len(stack) > MAX_DEPTH:
                raise CalendarError(name, f"components nested deeper than {MAX_DEPTH}", number)
        elif key == "END":
            block = value.strip().upper()
            if not stack or stack[-1][0] != block:
                expected = f"END:{stack[-1][0]}" if stack else "nothing"
                raise CalendarError(name, f"END:{block} where {expected} was due", number)
            stack.pop()
        elif not seen_calendar:
            raise CalendarError(name, "not an iCalendar file (no BEGIN:VCALENDAR)", number)
        elif key == "UID" and stack and stack[-1][0] == "VEVENT":
            uids.setdefault(value.strip(), number)
    if stack:
        block, number = stack[-1]
        raise CalendarError(name, f"BEGIN:{block} never ends (file truncated?)", number)
    if not seen_calendar:
        raise CalendarError(name, "not an iCalendar file (no BEGIN:VCALENDAR)")
    return uids


def _check_rules(
    name: str, events: list[Any], start: date, end: date, uids: dict[str, int]
) -> None:
    """Refuse recurrences whose expansion would take the libraries minutes (or forever)."""
    window = (end - start).days + 2
    for event in events:
        rules = event.get("RRULE")
        if rules is None:
            continue
        for rule in rules if isinstance(rules, list) else [rules]:
            freq = str((rule.get("FREQ") or ["DAILY"])[0]).upper()
            step = _FREQ_SECONDS.get(freq, 86400) * max(1, int((rule.get("INTERVAL") or [1])[0]))
            fan_out = 1
            for part in ("BYSECOND", "BYMINUTE", "BYHOUR"):
                fan_out *= max(1, len(rule.get(part) or []))
            first = event.get("DTSTART")
            first_day = first.dt if first is not None else start
            if isinstance(first_day, datetime):
                first_day = first_day.date()
            span = max(0, (end - first_day).days + 1) * 86400
            line = uids.get(str(event.get("UID", "")))
            if span / step * fan_out > MAX_RULE_STEPS:
                raise CalendarError(name, f"RRULE FREQ={freq} too dense to expand", line)
            if window * 86400 / step * fan_out > MAX_OCCURRENCES:
                raise CalendarError(name, f"RRULE FREQ={freq} gives too many events", line)


def _minutes(event: Any, begin: datetime | date, finish: datetime | date | None) -> int | None:
    """Scheduled length; else X-WORKOUT-ESTIMATED-DURATION; else `Planned Time:`."""
    if isinstance(begin, datetime) and isinstance(finish, datetime):
        try:
            length = int((finish - begin).total_seconds() // 60)
        except TypeError:  # floating start with a zoned end
            length = 0
        if length > 0:
            return length
    estimate = str(event.get("X-WORKOUT-ESTIMATED-DURATION", "")).strip()
    if estimate:
        if estimate.isdigit():
            value = int(estimate)
            return value if value < 300 else value // 60  # under 300: minutes, else seconds
        from icalendar import vDuration

        try:
            length = vDuration.from_ical(estimate)  # type: ignore[no-untyped-call]
            return int(length.total_seconds() // 60) or None
        except (ValueError, TypeError):
            pass
    return planned_minutes(str(event.get("DESCRIPTION", "")))


def _local(value: datetime, zone: tzinfo | None) -> datetime:
    """Zoned times in the chosen zone; floating times stay as written."""
    if value.tzinfo is None or zone is None:
        return value
    return value.astimezone(zone)


def _entries(
    name: str,
    event: Any,
    zone: tzinfo | None,
    start: date,
    end: date,
    overrides: KindOverrides | None,
) -> list[Entry]:
    """One occurrence as entries: one per day for multi-day all-day events."""
    begin = event.get("DTSTART").dt
    raw_end = event.get("DTEND")
    finish = raw_end.dt if raw_end is not None else None
    if finish is None and event.get("DURATION") is not None:
        finish = begin + event.get("DURATION").dt
    title = " ".join(str(event.get("SUMMARY", "")).split()) or "(untitled)"
    description = str(event.get("DESCRIPTION", ""))
    uid = str(event.get("UID", ""))
    minutes = _minutes(event, begin, finish)
    reading = read_event(title, description, uid, minutes)
    activity, kind, reason = reading.activity, reading.kind, reading.reason
    if overrides is not None:
        activity, kind, reason = overrides.apply(
            activity, kind, reason, title=title, uid=uid, day=None
        )
    source = f"{Path(name).name}:{uid or title}"
    if not isinstance(begin, datetime):
        last = finish if isinstance(finish, date) and not isinstance(finish, datetime) else begin
        days = max(1, (last - begin).days)
        dates = [begin + timedelta(days=i) for i in range(min(days, 400))]
        return [
            _make(
                d,
                title,
                activity,
                kind,
                None,
                None,
                minutes,
                reason,
                source,
                overrides,
                uid,
                reading,
            )
            for d in dates
            if start <= d <= end
        ]
    first = _local(begin, zone)
    last_dt = _local(finish, zone) if isinstance(finish, datetime) else None
    if minutes and (last_dt is None or last_dt <= first):  # zero-length feed events
        last_dt = first + timedelta(minutes=minutes)
    end_time: time | None = None
    if last_dt is not None:
        # An event past midnight blocks the rest of its start day: end at 23:59.
        end_time = last_dt.time() if last_dt.date() <= first.date() else time(23, 59)
    if not start <= first.date() <= end:
        return []
    return [
        _make(
            first.date(),
            title,
            activity,
            kind,
            first.time(),
            end_time,
            minutes,
            reason,
            source,
            overrides,
            uid,
            reading,
        )
    ]


def _make(
    day: date,
    title: str,
    activity: str,
    kind: Any,
    begin: time | None,
    finish: time | None,
    minutes: int | None,
    reason: str,
    source: str,
    overrides: KindOverrides | None,
    uid: str,
    reading: Reading,
) -> Entry:
    if overrides is not None:
        activity, kind, reason = overrides.apply(
            activity, kind, reason, title=title, uid=uid, day=day
        )
    return reading.entry(day, title, (activity, kind, reason), begin, finish, minutes, source)


def read_ics(
    path: Path,
    text: str,
    start: date,
    end: date,
    *,
    tz: str | None = None,
    overrides: KindOverrides | None = None,
) -> Calendar:
    """Every VEVENT occurrence in [start, end], classified, in the chosen time zone."""
    import icalendar
    import recurring_ical_events

    name = str(path)
    uids = _prescan(name, text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            calendars = icalendar.Calendar.from_ical(text, multiple=True)
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as error:
            raise CalendarError(name, f"not valid iCalendar: {_short(error)}") from error
        if not calendars:
            raise CalendarError(name, "no VCALENDAR found")
        zone, zone_name = user_zone(tz) if tz else _calendar_zone(calendars)
        entries: list[Entry] = []
        for cal in calendars:
            _check_rules(name, list(cal.walk("VEVENT")), start, end, uids)
            # Not recurring_ical_events.of(): it rewrites UTC times of X-WR-TIMEZONE calendars
            # into that zone before expanding, so a UTC series kept its wall-clock time across
            # a DST change. A UTC series repeats the same UTC instant (RFC 5545); X-WR-TIMEZONE
            # only names the wall clock, applied per occurrence in _local().
            query = recurring_ical_events.CalendarQuery(cal)
            occurrences = query.between(start - timedelta(days=1), end + timedelta(days=2))
            if len(occurrences) > MAX_OCCURRENCES:
                raise CalendarError(name, f"more than {MAX_OCCURRENCES} events in the window")
            for event in occurrences:
                try:
                    entries.extend(_entries(name, event, zone, start, end, overrides))
                except (ValueError, TypeError, AttributeError, OverflowError) as error:
                    line = uids.get(str(event.get("UID", "")))
                    raise CalendarError(name, f"bad event: {_short(error)}", line) from error
    entries.sort(key=lambda e: (e.day, e.start or time.min, e.title))
    return Calendar(tuple(entries), zone_name)


def _calendar_zone(calendars: list[Any]) -> tuple[tzinfo | None, str | None]:
    """X-WR-TIMEZONE, else the first TZID, else the system's zone."""
    for cal in calendars:
        declared = str(cal.get("X-WR-TIMEZONE", "")).strip()
        if declared:
            return resolve_zone(cal, declared)
    for cal in calendars:
        for component in cal.walk():
            if component.name == "VTIMEZONE" and component.get("TZID"):
                return resolve_zone(cal, str(component["TZID"]))
            start = component.get("DTSTART") if component.name == "VEVENT" else None
            if start is not None and start.params.get("TZID"):
                return resolve_zone(cal, str(start.params["TZID"]))
    return local_zone()


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:160]


SPAN_CAP = timedelta(days=730)  # a default window never exceeds two years


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def span(path: Path, text: str) -> tuple[date, date]:
    """First and last event day; a series without UNTIL runs to the two-year cap."""
    import icalendar

    name = str(path)
    _prescan(name, text)
    starts: list[date] = []
    ends: list[date] = []
    open_series = False
    for cal in icalendar.Calendar.from_ical(text, multiple=True):
        for event in cal.walk("VEVENT"):
            first = event.get("DTSTART")
            if first is None:
                continue
            starts.append(_day(first.dt))
            ends.append(_day(first.dt))
            rules = event.get("RRULE")
            for rule in rules if isinstance(rules, list) else [rules] if rules else []:
                until = rule.get("UNTIL")
                if until:
                    ends.append(_day(until[0]))
                else:
                    open_series = True
    if not starts:
        raise CalendarError(name, "no events")
    first_day = min(starts)
    cap = first_day + SPAN_CAP
    return first_day, cap if open_series else min(max(ends), cap)
