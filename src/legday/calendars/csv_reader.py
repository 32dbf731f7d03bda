"""CSV running plans (`date,title[,kind][,start][,duration_min][,description]`) and
activity-history exports.

Spreadsheet habits vary, so headers come in several spellings and languages, `;` or `,`
separate fields, and dates may be ISO, or numbers in one order per file: day-first or
month-first, as the file's unambiguous dates say (a date that reads both ways with none to
settle it is refused, naming the line). A fitness-platform bulk export
(`Activity Type,Date,…,Title,Distance,…,Time`, with repeated column names) reads as history.
"""

from __future__ import annotations

import csv
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from legday.calendars.classifier import CONFIDENCE, kind_from_word, normalize, read_event
from legday.calendars.entry import Calendar, Entry, day_by_day
from legday.errors import CalendarError

if TYPE_CHECKING:
    from legday.calendars.overrides import KindOverrides

__all__ = ["HEADERS", "parse_date", "read_csv"]

MAX_ROWS = 200_000
MAX_IN_WINDOW = 8_000  # rows read for one window: 20 years of daily runs (~0.2 ms each)
# The longest a row may last ("999:59" h:mm): a row dated this long before the window may
# still reach into it (`_each_day`).
LONGEST_ROW = timedelta(days=42)
MAX_CELL = 4_000  # characters kept of a cell (a description; longer is not a plan's)
MAX_TITLE = 500  # characters of a title that are read
HEADERS: dict[str, tuple[str, ...]] = {
    "date": ("date", "datum", "fecha", "day", "tag", "jour", "dia", "when"),
    "title": (
        "title",
        "name",
        "summary",
        "titel",
        "subject",
        "event",
        "workout",
        "titre",
        "titulo",
        "nom",
        "bezeichnung",
    ),
    "kind": ("kind", "type", "art", "typ", "category", "tipo", "genre", "run type"),
    "start": (
        "start",
        "time",
        "uhrzeit",
        "zeit",
        "beginn",
        "start time",
        "heure",
        "hora",
        "inicio",
        "debut",
    ),
    "minutes": (
        "duration",
        "minutes",
        "dauer",
        "duration_min",
        "duration min",
        "min",
        "mins",
        "duree",
        "duracion",
        "minuten",
        "length",
    ),
    "description": (
        "description",
        "notes",
        "note",
        "details",
        "beschreibung",
        "notizen",
        "descripcion",
        "notas",
        "commentaire",
        "commentaires",
    ),
}
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?")
_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?!\d)(?:[ ,]+(\d{1,2}):(\d{2}))?")
_CLOCK = re.compile(r"^(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*(am|pm)?$", re.I)
_LENGTH = re.compile(r"^(?:(\d{1,3}):)?(\d{1,3})(?::(\d{2}))?\s*(?:min|mins|minutes|m)?$", re.I)


def parse_date(value: str, month_first: bool = False) -> tuple[date, time | None] | None:
    """ISO (2026-12-25[ 07:30]) or numbers with separators: day-first (25.12.2026,
    25/12/2026) unless `month_first`, and either way the other order when only it makes
    a date (12/25/2026). Which order a whole file uses is `_numeric_order`'s to settle."""
    text = value.strip()
    try:
        iso = _ISO.match(text)
        if iso:
            y, m, d, hh, mm = iso.groups()
            clock = time(int(hh), int(mm)) if hh else None
            return date(int(y), int(m), int(d)), clock
        dmy = _DMY.match(text)
        if dmy:
            d, m, y, hh, mm = dmy.groups()
            year = int(y) + (2000 if len(y) == 2 else 0)
            day, month = (int(m), int(d)) if month_first else (int(d), int(m))
            if month > 12 >= day:
                day, month = month, day
            clock = time(int(hh), int(mm)) if hh else None
            return date(year, month, day), clock
    except ValueError:
        return None
    return None


def _numeric_order(name: str, cells: list[tuple[int, str]]) -> bool:
    """Whether the file's numeric dates are month-first, from the dates that can only be
    read one way (13/01 is day-first, 01/13 month-first). Dotted dates (05.01.2027) are
    day-first by convention and settle nothing. A date that reads both ways (05/01/2027)
    with nothing to settle it, or a file that uses both orders, is refused naming the
    line: a run on the wrong day is worse than a question."""
    day_first: int | None = None
    month_first: int | None = None
    unsure: tuple[int, str] | None = None
    for line, text in cells:
        found = _DMY.match(text.strip())
        if found is None or "." in text.strip()[: found.end(3)]:
            continue
        first, second = int(found.group(1)), int(found.group(2))
        if first > 12 >= second and day_first is None:
            day_first = line
        elif second > 12 >= first and month_first is None:
            month_first = line
        elif first != second and first <= 12 and second <= 12 and unsure is None:
            unsure = (line, text.strip())
    if day_first is not None and month_first is not None:
        raise CalendarError(
            name,
            f"dates are day-first on line {day_first} but month-first here; "
            "write them as YYYY-MM-DD",
            month_first,
        )
    if unsure is not None and day_first is None and month_first is None:
        line, text = unsure
        found = _DMY.match(text)
        assert found is not None  # matched above
        a, b = int(found.group(1)), int(found.group(2))
        year = found.group(3)
        raise CalendarError(
            name,
            f"date {text[:30]!r} could be {_MONTHS[b - 1]} {a} or {_MONTHS[a - 1]} {b}, "
            f"{year}, and no other date in the file settles it; write it as YYYY-MM-DD",
            line,
        )
    return month_first is not None


def _clock(value: str) -> time | None:
    match = _CLOCK.match(value.strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if match.group(4):
        hour = hour % 12 + (12 if match.group(4).lower() == "pm" else 0)
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _length(value: str) -> int | None:
    """Minutes from "45", "45 min", "1:05" (h:mm) or "01:05:30" (h:mm:ss)."""
    match = _LENGTH.match(value.strip().replace(",", "."))
    if not match:
        return None
    hours, middle, seconds = match.groups()
    if hours is not None:
        return int(hours) * 60 + int(middle) + (1 if seconds and int(seconds) >= 30 else 0)
    if seconds is not None:  # "45:00" is mm:ss only in history exports; plans use h:mm
        return int(middle) * 60 + int(seconds) // 60
    return int(middle)


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
    return max(counts, key=lambda sep: counts[sep])


def _columns(header: list[str]) -> dict[str, int]:
    """Field -> first column index whose header is one of its spellings."""
    names = [normalize(h).strip().strip('"') for h in header]
    found: dict[str, int] = {}
    for field, spellings in HEADERS.items():
        for index, name in enumerate(names):
            if name in spellings and index not in found.values():
                found.setdefault(field, index)
                break
    return found


def read_csv(
    path: Path,
    text: str,
    start: date,
    end: date,
    *,
    tz: str | None = None,
    overrides: KindOverrides | None = None,
) -> Calendar:
    """Every row dated within [start, end], classified; times are wall clock as written."""
    name = str(path)
    table = _table(name, text)
    if not table:
        raise CalendarError(name, "no rows")
    if len(table) > MAX_ROWS:
        raise CalendarError(name, f"more than {MAX_ROWS} rows")
    header = [normalize(h).strip() for h in table[0][1]]
    if "activity type" in header and "date" in header:
        entries = _history(name, table, header, start, end, overrides)
    else:
        entries = _plan(name, table, start, end, overrides)
    entries.sort(key=lambda e: (e.day, e.start or time.min, e.title))
    return Calendar(tuple(entries), tz)


def _table(name: str, text: str) -> list[tuple[int, list[str]]]:
    """The non-blank rows with the line each starts on, cells cut to `MAX_CELL` characters.

    Strict CSV: a quote that never closes, or text after a closing quote, is refused with
    the line the quote opened on, never read on as one long title that swallows the rows
    below it. A quoted field may hold line breaks (notes from a spreadsheet), but not a
    line that begins like a row of the plan (a date, then the separator). Lines keep their
    ends, so a multi-line cell keeps its line breaks ("WU 2 mi\nTempo 4 mi" is not read as
    "miTempo")."""
    lines = text.splitlines(keepends=True)
    delimiter = _delimiter(text)
    rows = csv.reader(lines, delimiter=delimiter, strict=True)
    table: list[tuple[int, list[str]]] = []
    first = 1
    try:
        for row in rows:
            for number in range(first + 1, rows.line_num + 1):
                head = lines[number - 1].split(delimiter, 1)
                if len(head) == 2 and parse_date(head[0]) is not None:
                    problem = f"a quote opened here does not close before the row on line {number}"
                    raise CalendarError(name, problem, first)
            if any(cell.strip() for cell in row):
                table.append((first, [cell[:MAX_CELL] for cell in row]))
            first = rows.line_num + 1
    except csv.Error as error:
        raise CalendarError(name, _csv_problem(str(error)), first) from error
    return table


def _csv_problem(message: str) -> str:
    """The csv module's complaint in a spreadsheet user's words."""
    if "unexpected end of data" in message:
        return "a quote opened here never closes"
    if "expected after" in message:
        return "text after a closing quote (quote the whole cell, double any quote inside)"
    if "field larger than field limit" in message:
        return f"a cell longer than {csv.field_size_limit():,} characters"
    return f"broken CSV: {' '.join(message.split())[:100]}"


def _plan(
    name: str,
    table: list[tuple[int, list[str]]],
    start: date,
    end: date,
    overrides: KindOverrides | None,
) -> list[Entry]:
    columns = _columns(table[0][1])
    if "date" in columns and "title" in columns:
        body = table[1:]
    elif parse_date(table[0][1][0]) is not None:
        positional = ("date", "title", "kind", "start", "minutes")
        width = max(len(row) for _, row in table)
        columns = {field: i for i, field in enumerate(positional[:width])}
        body = table
    else:
        found = ", ".join(table[0][1][:6])
        raise CalendarError(name, f"no date and title columns in header ({found})", table[0][0])
    at = columns["date"]
    dated = [(line, row[at]) for line, row in body if at < len(row)]
    month_first = _numeric_order(name, dated)
    entries: list[Entry] = []
    for line, row in body:
        cell = {field: row[i].strip() if i < len(row) else "" for field, i in columns.items()}
        parsed = parse_date(cell["date"], month_first)
        if parsed is None:
            raise CalendarError(name, f"date {cell['date'][:30]!r} not understood", line)
        day, clock = parsed
        if not start - LONGEST_ROW <= day <= end:
            continue
        begin = _clock(cell["start"]) if cell.get("start") else clock
        minutes = _length(cell["minutes"]) if cell.get("minutes") else None
        if day < start and not _reaches(day, begin, minutes, start):
            continue  # before the window, and over by then (its flaws are not ours to name)
        if cell.get("start") and begin is None:
            raise CalendarError(name, f"start time {cell['start'][:20]!r} not understood", line)
        if cell.get("minutes") and minutes is None:
            raise CalendarError(name, f"duration {cell['minutes'][:20]!r} not understood", line)
        _room(name, line, entries, start, end)
        title = " ".join(cell["title"][:MAX_TITLE].split()) or "(untitled)"
        text = (cell.get("kind", ""), cell.get("description", ""))
        entry = _entry(name, line, day, title, text, begin, minutes, overrides)
        entries.extend(_each_day(entry, start, end))
    return entries


def _room(name: str, line: int, entries: list[Entry], start: date, end: date) -> None:
    """Refuse a window holding more rows than any running plan (each costs a reading)."""
    if len(entries) >= MAX_IN_WINDOW:
        problem = f"more than {MAX_IN_WINDOW:,} rows between {start} and {end}"
        raise CalendarError(name, f"{problem} (ask for a shorter window)", line)


def _entry(
    name: str,
    line: int,
    day: date,
    title: str,
    texts: tuple[str, str],
    begin: time | None,
    minutes: int | None,
    overrides: KindOverrides | None,
) -> Entry:
    """One plan row; `texts` is its (kind, description) cells, either may be empty."""
    kind_text, description = texts
    if kind_text:
        explicit = kind_from_word(kind_text)
        if explicit is None:
            raise CalendarError(name, f"kind {kind_text[:20]!r} not understood", line)
        activity, kind = explicit
        reason = f'kind column "{kind_text}"'
        finish = _end(begin, minutes)
        source = f"{Path(name).name}:line {line}"
        sure = CONFIDENCE["explicit"]
        return Entry(
            day, title, activity, kind, begin, finish, minutes, reason, source, sure, None, True
        )
    reading = read_event(title, description, minutes=minutes)
    activity, kind, reason = reading.activity, reading.kind, reading.reason
    priority = reading.priority
    if overrides is not None:
        for when in (None, day):
            activity, kind, reason, priority = overrides.decide(
                activity, kind, reason, priority, title=title, uid="", day=when
            )
    finish = _end(begin, minutes)
    source = f"{Path(name).name}:line {line}"
    answer = (activity, kind, reason)
    return reading.entry(day, title, answer, begin, finish, minutes, source, priority)


def _each_day(entry: Entry, start: date, end: date) -> list[Entry]:
    """The row as entries within [start, end]: one per day it touches when it goes on past
    midnight (a night shift, an overnight ultra), else itself."""
    if entry.start is None or not entry.minutes:
        return [entry] if start <= entry.day <= end else []
    first = datetime.combine(entry.day, entry.start)
    last = first + timedelta(minutes=entry.minutes)
    if last.date() == entry.day:
        return [entry] if start <= entry.day <= end else []
    return day_by_day(entry, first, last, start, end)


def _reaches(day: date, begin: time | None, minutes: int | None, start: date) -> bool:
    """Whether a row dated before the window goes on into it (a shift past midnight)."""
    if begin is None or not minutes:
        return False
    return datetime.combine(day, begin) + timedelta(minutes=minutes) > datetime.combine(
        start, time.min
    )


def _end(begin: time | None, minutes: int | None) -> time | None:
    """Start plus length on the start day's clock; past midnight it ends at 23:59 (the
    next days get entries of their own: `_each_day`)."""
    if begin is None or not minutes:
        return None
    stamp = datetime.combine(date(2000, 1, 1), begin) + timedelta(minutes=minutes)
    return stamp.time() if stamp.date() == date(2000, 1, 1) else time(23, 59)


def _history(
    name: str,
    table: list[tuple[int, list[str]]],
    header: list[str],
    start: date,
    end: date,
    overrides: KindOverrides | None,
) -> list[Entry]:
    """A bulk activity export: running types are runs, strength types strength, rest other."""
    where = {h: header.index(h) for h in reversed(header)}  # first occurrence of repeated names
    at = where["date"]
    month_first = _numeric_order(name, [(n, row[at]) for n, row in table[1:] if at < len(row)])
    entries: list[Entry] = []
    for line, row in table[1:]:

        def cell(column: str, row: list[str] = row) -> str:
            index = where.get(column)
            return row[index].strip() if index is not None and index < len(row) else ""

        parsed = parse_date(cell("date"), month_first)
        if parsed is None:
            raise CalendarError(name, f"date {cell('date')[:30]!r} not understood", line)
        day, begin = parsed
        if not start - LONGEST_ROW <= day <= end:
            continue
        minutes = _history_minutes(cell("time") or cell("elapsed time"))
        if day < start and not _reaches(day, begin, minutes, start):
            continue
        _room(name, line, entries, start, end)
        sport = cell("activity type")
        sport_key = normalize(sport)
        activity = (
            "run" if "run" in sport_key else "strength" if "strength" in sport_key else "other"
        )
        distance = _number(cell("distance")) if activity == "run" else None
        title = " ".join(cell("title").split()) or sport or "(untitled)"
        known = (activity, f'activity type "{sport}"')
        reading = read_event(title, minutes=minutes, distance_km=distance, known=known)
        act, kind, reason = reading.activity, reading.kind, reading.reason
        priority = reading.priority
        if overrides is not None:
            for when in (None, day):
                act, kind, reason, priority = overrides.decide(
                    act, kind, reason, priority, title=title, uid="", day=when
                )
        source = f"{Path(name).name}:line {line}"
        finish = _end(begin, minutes)
        entry = reading.entry(
            day, title, (act, kind, reason), begin, finish, minutes, source, priority
        )
        entries.extend(_each_day(entry, start, end))
    return entries


def _history_minutes(value: str) -> int | None:
    """Exports write moving time as hh:mm:ss (or mm:ss for short efforts)."""
    parts = value.split(".")[0].split(":")
    if not all(p.isdigit() for p in parts) or not 2 <= len(parts) <= 3:
        return None
    numbers = [int(p) for p in parts]
    seconds = (
        numbers[0] * 3600 + numbers[1] * 60 + numbers[2]
        if len(numbers) == 3
        else numbers[0] * 60 + numbers[1]
    )
    return round(seconds / 60) or None


def _number(value: str) -> float | None:
    try:
        return float(value.replace(",", "")) if value and value != "--" else None
    except ValueError:
        return None
