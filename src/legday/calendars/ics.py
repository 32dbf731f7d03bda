"""iCalendar (.ics) reading through icalendar + recurring-ical-events, never by hand.

A structural pre-scan refuses what would hurt the libraries (truncated files, runaway
nesting, recurrences too dense to expand) with the line number, before parsing. Recurrences
are expanded only inside the asked window, so an RRULE without end costs nothing extra.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from legday.calendars._words import explain, scrub
from legday.calendars.classifier import Reading, planned_minutes, read_event
from legday.calendars.entry import Calendar, Entry, day_by_day
from legday.calendars.zones import local_zone, resolve_zone, user_zone
from legday.errors import CalendarError

if TYPE_CHECKING:
    from legday.calendars.overrides import KindOverrides

__all__ = [
    "MAX_DATES",
    "MAX_DAYS_HELD",
    "MAX_DEPTH",
    "MAX_EVENTS",
    "MAX_LINES",
    "MAX_OCCURRENCES",
    "MAX_PARSED",
    "MAX_PARSED_CHARS",
    "MAX_VALUE",
    "read_ics",
]

MAX_DEPTH = 8  # VCALENDAR > VEVENT > VALARM is 3; more than 8 is hostile
MAX_OCCURRENCES = 8_000  # occurrences of one file inside the window (~0.2 ms each)
# Entries of one file inside the window: an event over several days gives one a day
# (~25 us each); 20,000 is 60 days a week of events for a whole year's window.
MAX_DAYS_HELD = 20_000
MAX_PARSED = 3_000  # events parsed for one window (icalendar: ~0.5 ms each)
# Characters handed to icalendar for one window (~0.3 ms a kilobyte on top of each event's
# cost): ten months of two workouts a day with 2 KB descriptions is ~1.2 MB.
MAX_PARSED_CHARS = 2_000_000
MAX_RULE_STEPS = 400_000  # RRULE steps (and the occurrences each builds) to the window's end
MAX_EVENTS = 20_000  # VEVENTs in a file: 5 years of daily workouts is ~3,000
# Lines in a file, counted before the line-by-line pre-scan (~4 us a line): 5 years of
# daily workouts with descriptions is ~40,000; this keeps any file's pre-scan near 1 s.
MAX_LINES = 250_000
MAX_DATES = 20_000  # EXDATE/RDATE values in a file: 100 series with 200 exceptions each
MAX_VALUE = 100_000  # characters of one property (after unfolding); a long DESCRIPTION is ~5,000
MAX_TITLE = 500  # a SUMMARY is cut to this before it is read (titles are a few words)
MAX_DESCRIPTION = 4_000  # a DESCRIPTION likewise (a structured workout is ~1,000)
_CUT = {"SUMMARY": MAX_TITLE, "DESCRIPTION": MAX_DESCRIPTION}
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
# Most days and times one period of each frequency can hold: caps the product below.
_DAYS_PER_PERIOD = {"YEARLY": 366, "MONTHLY": 31, "WEEKLY": 7}
_TIMES_PER_PERIOD = {"HOURLY": 3600, "MINUTELY": 60, "SECONDLY": 1}
_ZONE_PARTS = ("STANDARD", "DAYLIGHT")
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_ONCE = ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID")  # RFC 5545: at most once
_READ = (*_ONCE, "RRULE", "RDATE", "EXDATE")
_ZONE_HORIZON = date(2100, 12, 31)  # zone rules are counted up to the plans legday makes


def _parts(rule: Any) -> dict[str, list[str]]:
    """An RRULE as part -> values, from icalendar's vRecur or the raw `FREQ=...;...` text."""
    if isinstance(rule, str):
        found: dict[str, list[str]] = {}
        for part in rule.split(";"):
            key, _, value = part.partition("=")
            found[key.strip().upper()] = [v.strip() for v in value.split(",") if v.strip()]
        return found
    parts: dict[str, list[str]] = {}
    for key, value in rule.items():
        values = value if isinstance(value, list) else [value]
        parts[str(key).upper()] = [str(v) for v in values]
    return parts


def _interval(name: str, parts: dict[str, list[str]], line: int | None) -> int:
    """INTERVAL as RFC 5545 has it: a whole number of at least 1 (0 would never move on)."""
    text = (parts.get("INTERVAL") or ["1"])[0]
    try:
        interval = int(text)
    except ValueError:
        interval = 0
    if interval < 1:
        raise CalendarError(name, f"RRULE INTERVAL={text[:12]} (must be 1 or more)", line)
    return interval


def _per_period(freq: str, parts: dict[str, list[str]]) -> tuple[int, int]:
    """(instants one period of the rule builds, occurrences it keeps) as an upper estimate:
    the product of every BYxxx part's values, each weekday counted as often as it can fall
    in the period (BYDAY only narrows the days when BYMONTHDAY or BYYEARDAY names them),
    capped at what the period holds. BYSETPOS keeps some of the instants, but the library
    builds all of them first."""

    def count(part: str) -> int:
        return max(1, len(parts.get(part) or []))

    days = count("BYMONTH") * count("BYWEEKNO") * count("BYYEARDAY") * count("BYMONTHDAY")
    weekdays = parts.get("BYDAY") or []
    if weekdays and not parts.get("BYMONTHDAY") and not parts.get("BYYEARDAY"):
        plain = sum(1 for day in weekdays if not any(c.isdigit() for c in day))
        if freq == "YEARLY" and not parts.get("BYMONTH") and not parts.get("BYWEEKNO"):
            spread = 53
        elif freq in ("YEARLY", "MONTHLY"):
            spread = 5
        else:
            spread = 1
        days *= len(weekdays) - plain + plain * spread
    elif parts.get("BYWEEKNO"):
        days *= 7
    times = count("BYHOUR") * count("BYMINUTE") * count("BYSECOND")
    built = min(days, _DAYS_PER_PERIOD.get(freq, 1)) * min(
        times, _TIMES_PER_PERIOD.get(freq, 86400)
    )
    kept = min(built, len(parts["BYSETPOS"])) if parts.get("BYSETPOS") else built
    return built, kept


def _load(
    name: str, rule: Any, first: date, start: date, end: date, line: int | None
) -> tuple[str, float, float]:
    """(FREQ, instants built from `first` to `end`, occurrences within [start, end]) of one
    rule, as upper estimates that UNTIL and COUNT bound."""
    parts = _parts(rule)
    freq = (parts.get("FREQ") or ["?"])[0].upper()
    if freq not in _FREQ_SECONDS:
        raise CalendarError(name, f"RRULE FREQ={freq[:12]} is not a frequency (e.g. WEEKLY)", line)
    step = _FREQ_SECONDS[freq] * _interval(name, parts, line)
    _possible(name, freq, parts, line)
    built, kept = _per_period(freq, parts)
    until = _day_of(re.sub(r"\D", "", (parts.get("UNTIL") or [""])[0][:10]))
    last = min(end, until) if until is not None else end
    work = max(0, (last - first).days + 1) * 86400 / step * built
    within = max(0, (last - max(start, first)).days + 2) * 86400 / step * kept
    count = (parts.get("COUNT") or [""])[0]
    if count.isdigit():
        work = min(work, int(count) * built)
        within = min(within, int(count))
    return freq, work, within


def _possible(name: str, freq: str, parts: dict[str, list[str]], line: int | None) -> None:
    """Refuse a rule whose days never come (`BYMONTH=2;BYMONTHDAY=30`): dateutil looks for
    its next occurrence up to year 9999 (seconds for a daily rule) whatever the window."""
    months = [int(m) for m in parts.get("BYMONTH") or [] if m.isdigit() and 1 <= int(m) <= 12]
    longest = max(_MONTH_DAYS[m - 1] for m in months) if months else 31
    days = [int(d) for d in parts.get("BYMONTHDAY") or [] if d.lstrip("+-").isdigit()]
    if days and all(not 1 <= abs(day) <= longest for day in days):
        shown = ",".join(parts["BYMONTHDAY"])[:30]
        problem = f"RRULE FREQ={freq} can never repeat (its months have no day {shown})"
        raise CalendarError(name, problem, line)
    numbered = [d for d in parts.get("BYDAY") or [] if any(c.isdigit() for c in d)]
    if numbered and freq not in ("MONTHLY", "YEARLY"):  # RFC 5545 3.3.10
        shown = ",".join(numbered)[:30]
        problem = f"RRULE FREQ={freq} cannot number its weekdays (BYDAY={shown})"
        raise CalendarError(name, problem, line)
    built, _ = _per_period(freq, parts)
    positions = [p for p in parts.get("BYSETPOS") or [] if p.lstrip("+-").isdigit()]
    if positions and all(not 1 <= abs(int(p)) <= built for p in positions):
        shown = ",".join(positions)[:30]
        problem = f"RRULE FREQ={freq} can never repeat (no period has position {shown})"
        raise CalendarError(name, problem, line)


def _zone_rule(name: str, rule: str, first: str, line: int) -> None:
    """Refuse a VTIMEZONE STANDARD/DAYLIGHT rule that would take minutes to look up: each
    time in the zone steps the rule from its DTSTART to that time (dateutil's tzical)."""
    freq = (_parts(rule).get("FREQ") or ["YEARLY"])[0].upper()
    if _FREQ_SECONDS.get(freq, 86400) < 86400:
        problem = f"time zone rule repeats FREQ={freq[:12]} (zones change a few times a year)"
        raise CalendarError(name, problem, line)
    begin = _day_of(first) or date(1970, 1, 1)
    freq, work, _ = _load(name, rule, begin, begin, _ZONE_HORIZON, line)
    if work > MAX_RULE_STEPS:
        raise CalendarError(name, f"time zone rule FREQ={freq} repeats too often to read", line)


def _logical_lines(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """(first, past-the-last physical line index, unfolded text) of every content line;
    blank lines end a content line and are skipped."""
    first = 0
    pieces: list[str] = []
    for index, line in enumerate(lines):
        if line[:1] in (" ", "\t"):
            if pieces:
                pieces.append(line[1:])
            continue
        if pieces:
            yield first, index, "".join(pieces)
        first, pieces = index, [line] if line else []
    if pieces:
        yield first, len(lines), "".join(pieces)


def _split(line: str) -> tuple[str, str]:
    """(name and parameters, value) of a content line; a colon inside a quoted parameter
    (`TZID="(UTC+01:00) Amsterdam"`) does not end the name."""
    colon = line.find(":")
    quote = line.find('"')
    if colon < 0:
        return line, ""
    if quote < 0 or colon < quote:
        return line[:colon], line[colon + 1 :]
    inside = False
    for index, char in enumerate(line):
        if char == '"':
            inside = not inside
        elif char == ":" and not inside:
            return line[:index], line[index + 1 :]
    return line, ""


def _day_of(value: str) -> date | None:
    """The date a DTSTART/DTEND value begins with (`20270301` or `20270301T070000Z`)."""
    digits = value[:8]
    if not digits.isdigit():
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


class _Event:
    """What the pre-scan notes of one VEVENT to decide whether the window needs it."""

    def __init__(self, first: int) -> None:
        self.first = first  # physical line index of BEGIN:VEVENT
        self.recurs = False  # RRULE, RDATE or RECURRENCE-ID: the libraries must see it
        self.begin: date | None = None
        self.finish: date | None = None
        self.lasts = False  # DURATION: its end is not read here
        self.until: date | None = None  # the last RRULE's UNTIL, for a default window
        self.endless = False  # an RRULE without UNTIL

    def outside(self, start: date, end: date) -> bool:
        """Surely no occurrence within [start, end] (three days' margin for zones)."""
        if self.recurs or self.begin is None:
            return False
        if self.begin > end + timedelta(days=3):
            return True
        if self.lasts:
            return self.begin < start - timedelta(days=403)  # all-day events span <= 400
        return max(self.begin, self.finish or self.begin) < start - timedelta(days=3)


def _prescan(
    name: str,
    text: str,
    window: tuple[date, date] | None = None,
    found: list[_Event] | None = None,
) -> tuple[dict[str, int], str]:
    """Check structure, size and rules before any library sees the text; return the line
    of each UID (for later messages) and the text the libraries should parse.

    Refused here (with the line): BEGIN/END that do not match, nesting past `MAX_DEPTH`,
    more than `MAX_EVENTS` events, a property longer than `MAX_VALUE` characters, more than
    `MAX_DATES` EXDATE/RDATE values, and time zone rules icalendar would
    expand for minutes while parsing (it does so for every custom VTIMEZONE).

    With a `window`, one-off events surely outside it are left out of the text (icalendar
    parses ~2,000 events a second, most of a big calendar's cost), and titles and
    descriptions are cut to `MAX_TITLE`/`MAX_DESCRIPTION` characters. Each top-level
    event's notes go to `found` if given."""
    if max(text.count("\n"), text.count("\r")) > MAX_LINES:
        raise CalendarError(name, f"more than {MAX_LINES:,} lines (a running calendar has fewer)")
    lines = _LINES.split(text)
    stack: list[tuple[str, int]] = []
    uids: dict[str, int] = {}
    seen_calendar = False
    events = 0
    dates = 0  # EXDATE/RDATE values so far
    event: _Event | None = None
    kept = 0
    dropped: list[tuple[int, int]] = []
    shortened: dict[int, tuple[int, str]] = {}
    zone_rule: tuple[str, int] | None = None
    zone_start = ""
    for first, past, line in _logical_lines(lines):
        number = first + 1
        if len(line) > MAX_VALUE:
            key = line[:40].split(":", 1)[0].split(";", 1)[0].strip().upper() or "a property"
            problem = f"{key[:20]} is {len(line):,} characters long (at most {MAX_VALUE:,})"
            raise CalendarError(name, problem, number)
        head, value = _split(line)
        key = head.split(";", 1)[0].strip().upper()
        if key in ("EXDATE", "RDATE"):
            dates += value.count(",") + 1
            if dates > MAX_DATES:
                problem = f"more than {MAX_DATES:,} EXDATE/RDATE dates in the file"
                raise CalendarError(name, problem, number)
        if key == "BEGIN":
            block = value.strip().upper()
            if not stack and block != "VCALENDAR":
                raise CalendarError(name, f"BEGIN:{block[:30]} outside BEGIN:VCALENDAR", number)
            stack.append((block, number))
            seen_calendar = True
            if len(stack) > MAX_DEPTH:
                raise CalendarError(name, f"components nested deeper than {MAX_DEPTH}", number)
            if block == "VEVENT":
                events += 1
                if events > MAX_EVENTS:
                    problem = f"more than {MAX_EVENTS:,} events (a running calendar has fewer)"
                    raise CalendarError(name, problem, number)
                event = _Event(first) if len(stack) == 2 else None
            elif block in _ZONE_PARTS:
                zone_rule, zone_start = None, ""
        elif key == "END":
            block = value.strip().upper()
            if not stack or stack[-1][0] != block:
                expected = f"END:{stack[-1][0][:30]}" if stack else "nothing"
                raise CalendarError(name, f"END:{block[:30]} where {expected} was due", number)
            stack.pop()
            in_zone = bool(stack) and stack[-1][0] == "VTIMEZONE"
            if block in _ZONE_PARTS and zone_rule is not None and in_zone:
                _zone_rule(name, zone_rule[0], zone_start, zone_rule[1])
            if block == "VEVENT" and event is not None and len(stack) == 1:
                if found is not None:
                    found.append(event)
                if window is not None and kept and event.outside(*window):
                    dropped.append((event.first, past))
                else:
                    kept += 1  # the first event stays: it may name the calendar's zone
                if window is not None and kept > MAX_PARSED:
                    first_day, last_day = window
                    problem = (
                        f"more than {MAX_PARSED:,} events between {first_day} and {last_day}"
                        " (ask for a shorter window)"
                    )
                    raise CalendarError(name, problem, event.first + 1)
                event = None
        elif not seen_calendar:
            raise CalendarError(name, "not an iCalendar file (no BEGIN:VCALENDAR)", number)
        elif not stack:
            continue
        elif stack[-1][0] == "VEVENT":
            if key == "UID":
                uids.setdefault(value.strip(), number)
            elif event is None:
                continue
            elif key == "DTSTART":
                event.begin = _day_of(value.strip())
            elif key == "DTEND":
                event.finish = _day_of(value.strip())
            elif key == "DURATION":
                event.lasts = True
            elif key in ("RRULE", "RDATE", "RECURRENCE-ID", "EXRULE"):
                event.recurs = True
                if key == "RRULE" and value.strip():
                    until = (_parts(value).get("UNTIL") or [""])[0]
                    event.until = _day_of(until) or event.until
                    event.endless = event.endless or not until
            limit = _CUT.get(key)
            if window is not None and limit is not None and len(value) > limit:
                shortened[first] = (past, _cut(head, value, limit))
        elif stack[-1][0] in _ZONE_PARTS:
            if key == "RRULE":
                zone_rule = (value, number)
            elif key == "DTSTART":
                zone_start = value.strip()
    if stack:
        block, number = stack[-1]
        raise CalendarError(name, f"BEGIN:{block[:30]} never ends (file truncated?)", number)
    if not seen_calendar:
        raise CalendarError(name, "not an iCalendar file (no BEGIN:VCALENDAR)")
    if dropped or shortened:
        text = _rebuild(lines, dropped, shortened)
    if window is not None and len(text) > MAX_PARSED_CHARS:
        first_day, last_day = window
        problem = (
            f"the events between {first_day} and {last_day} hold more than "
            f"{MAX_PARSED_CHARS / 1e6:g} MB of text (ask for a shorter window)"
        )
        raise CalendarError(name, problem)
    return uids, text


def _cut(head: str, value: str, limit: int) -> str:
    """A property line with its value cut to `limit` characters (never inside an escape)."""
    kept = value[:limit]
    trailing = len(kept) - len(kept.rstrip("\\"))
    if trailing % 2:
        kept = kept[:-1]
    return f"{head}:{kept}"


def _rebuild(
    lines: list[str], dropped: list[tuple[int, int]], shortened: dict[int, tuple[int, str]]
) -> str:
    """The physical lines without the dropped ranges, cut lines in place of long ones."""
    out: list[str] = []
    ranges = iter(dropped)
    gap = next(ranges, None)
    index = 0
    while index < len(lines):
        if gap is not None and index == gap[0]:
            index = gap[1]
            gap = next(ranges, None)
            continue
        if index in shortened:
            past, line = shortened[index]
            out.append(line)
            index = past
            continue
        out.append(lines[index])
        index += 1
    return "\r\n".join(out)


def _check_properties(name: str, events: list[Any], uids: dict[str, int]) -> None:
    """Refuse, with the event's line, what icalendar parsed but cannot give a value for:
    a date, duration or rule it could not read, a property given twice that may appear
    once, an event without DTSTART (the libraries would fail on these deep inside)."""
    for event in events:
        line = uids.get(str(event.get("UID", "")))
        for key in _READ:
            value = event.get(key)
            if value is None:
                continue
            if isinstance(value, list) and key in _ONCE:
                raise CalendarError(name, f"{key} appears more than once in one event", line)
            for one in value if isinstance(value, list) else [value]:
                if type(one).__name__ == "vBroken":
                    shown = scrub(str(one), 60)
                    raise CalendarError(name, f"{key} value {shown!r} cannot be read", line)
        if event.get("DTSTART") is None:
            raise CalendarError(name, "an event without DTSTART (when it happens)", line)


def _check_rules(
    name: str, events: list[Any], start: date, end: date, uids: dict[str, int]
) -> None:
    """Refuse recurrences whose expansion would take the libraries minutes (or forever)."""
    for event in events:
        rules = event.get("RRULE")
        if rules is None:
            continue
        line = uids.get(str(event.get("UID", "")))
        first = getattr(event.get("DTSTART"), "dt", start)
        if isinstance(first, datetime):
            first = first.date()
        if not isinstance(first, date):
            first = start
        for rule in rules if isinstance(rules, list) else [rules]:
            if not any(_parts(rule).values()):
                continue  # an empty RRULE: the libraries read the event once
            freq, work, within = _load(name, rule, first, start - timedelta(days=1), end, line)
            if work > MAX_RULE_STEPS:
                raise CalendarError(name, f"RRULE FREQ={freq} too dense to expand", line)
            if within > MAX_OCCURRENCES:
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
    priority = reading.priority
    if overrides is not None:
        activity, kind, reason, priority = overrides.decide(
            activity, kind, reason, priority, title=title, uid=uid, day=None
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
                priority,
            )
            for d in dates
            if start <= d <= end
        ]
    first = _local(begin, zone)
    last_dt = _local(finish, zone) if isinstance(finish, datetime) else None
    if minutes and (last_dt is None or last_dt <= first):  # zero-length feed events
        last_dt = first + timedelta(minutes=minutes)
    end_time: time | None = None
    if last_dt is not None and last_dt.date() <= first.date():
        end_time = last_dt.time()
    entry = _make(
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
        priority,
    )
    if last_dt is not None and last_dt.date() > first.date():
        # past midnight: it holds each day it touches (`no-overlap`, `run-first`)
        return day_by_day(entry, first, last_dt, start, end)
    return [entry] if start <= first.date() <= end else []


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
    priority: str | None,
) -> Entry:
    if overrides is not None:
        activity, kind, reason, priority = overrides.decide(
            activity, kind, reason, priority, title=title, uid=uid, day=day
        )
    answer = (activity, kind, reason)
    return reading.entry(day, title, answer, begin, finish, minutes, source, priority)


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
    uids, text = _prescan(name, text, (start, end))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            calendars = icalendar.Calendar.from_ical(text, multiple=True)
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as error:
            raise CalendarError(
                name, f"not valid iCalendar: {explain(error).removeprefix('cannot be read: ')}"
            ) from error
        if not calendars:
            raise CalendarError(name, "no VCALENDAR found")
        for cal in calendars:
            _check_properties(name, list(cal.walk("VEVENT")), uids)
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
                    raise CalendarError(name, f"bad event: {explain(error)}", line) from error
                if len(entries) > MAX_DAYS_HELD:
                    problem = f"events fill more than {MAX_DAYS_HELD:,} days in the window"
                    raise CalendarError(name, problem, uids.get(str(event.get("UID", ""))))
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


SPAN_CAP = timedelta(days=730)  # a default window never exceeds two years


def span(path: Path, text: str) -> tuple[date, date]:
    """First and last event day; a series without UNTIL runs to the two-year cap.

    Read from the pre-scan's notes (DTSTART and UNTIL as written), not by parsing: a file
    of 20,000 events takes icalendar ~10 s, the pre-scan under one."""
    name = str(path)
    events: list[_Event] = []
    _prescan(name, text, found=events)
    starts = [event.begin for event in events if event.begin is not None]
    if not starts:
        raise CalendarError(name, "no events")
    ends = starts + [event.until for event in events if event.until is not None]
    first_day = min(starts)
    cap = first_day + SPAN_CAP
    endless = any(event.endless for event in events if event.begin is not None)
    return first_day, cap if endless else min(max(ends), cap)
