"""CSV running plans (`date,title[,kind][,start][,duration_min][,description]`) and
activity-history exports.

Spreadsheet habits vary, so headers come in several spellings and languages, `;` or `,`
separate fields, and dates may be ISO or day-first. A fitness-platform bulk export
(`Activity Type,Date,…,Title,Distance,…,Time`, with repeated column names) reads as history.
"""

from __future__ import annotations

import csv
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from legday.calendars.classifier import CONFIDENCE, kind_from_word, normalize, read_event
from legday.calendars.entry import Calendar, Entry
from legday.errors import CalendarError

if TYPE_CHECKING:
    from legday.calendars.overrides import KindOverrides

__all__ = ["HEADERS", "parse_date", "read_csv"]

MAX_ROWS = 200_000
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
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?")
_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?!\d)(?:[ ,]+(\d{1,2}):(\d{2}))?")
_CLOCK = re.compile(r"^(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*(am|pm)?$", re.I)
_LENGTH = re.compile(r"^(?:(\d{1,3}):)?(\d{1,3})(?::(\d{2}))?\s*(?:min|mins|minutes|m)?$", re.I)


def parse_date(value: str) -> tuple[date, time | None] | None:
    """ISO (2026-12-25[ 07:30]) or day-first (25.12.2026, 25/12/2026); month-first only
    when the day-first reading is impossible (12/25/2026)."""
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
            day, month = int(d), int(m)
            if month > 12 >= day:
                day, month = month, day
            clock = time(int(hh), int(mm)) if hh else None
            return date(year, month, day), clock
    except ValueError:
        return None
    return None


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
    rows = csv.reader(text.splitlines(), delimiter=_delimiter(text))
    try:
        table = [(rows.line_num, row) for row in rows if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise CalendarError(name, f"broken CSV: {error}", rows.line_num) from error
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
    entries: list[Entry] = []
    for line, row in body:
        cell = {field: row[i].strip() if i < len(row) else "" for field, i in columns.items()}
        parsed = parse_date(cell["date"])
        if parsed is None:
            raise CalendarError(name, f"date {cell['date'][:30]!r} not understood", line)
        day, clock = parsed
        if not start <= day <= end:
            continue
        begin = _clock(cell["start"]) if cell.get("start") else clock
        if cell.get("start") and begin is None:
            raise CalendarError(name, f"start time {cell['start'][:20]!r} not understood", line)
        minutes = _length(cell["minutes"]) if cell.get("minutes") else None
        if cell.get("minutes") and minutes is None:
            raise CalendarError(name, f"duration {cell['minutes'][:20]!r} not understood", line)
        title = " ".join(cell["title"].split()) or "(untitled)"
        text = (cell.get("kind", ""), cell.get("description", ""))
        entries.append(_entry(name, line, day, title, text, begin, minutes, overrides))
    return entries


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
    if overrides is not None:
        for when in (None, day):
            activity, kind, reason = overrides.apply(
                activity, kind, reason, title=title, uid="", day=when
            )
    finish = _end(begin, minutes)
    source = f"{Path(name).name}:line {line}"
    return reading.entry(day, title, (activity, kind, reason), begin, finish, minutes, source)


def _end(begin: time | None, minutes: int | None) -> time | None:
    """Start plus length on the start day's clock; past midnight it ends at 23:59."""
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
    entries: list[Entry] = []
    for line, row in table[1:]:

        def cell(column: str, row: list[str] = row) -> str:
            index = where.get(column)
            return row[index].strip() if index is not None and index < len(row) else ""

        parsed = parse_date(cell("date"))
        if parsed is None:
            raise CalendarError(name, f"date {cell('date')[:30]!r} not understood", line)
        day, begin = parsed
        if not start <= day <= end:
            continue
        sport = cell("activity type")
        sport_key = normalize(sport)
        activity = (
            "run" if "run" in sport_key else "strength" if "strength" in sport_key else "other"
        )
        minutes = _history_minutes(cell("time") or cell("elapsed time"))
        distance = _number(cell("distance")) if activity == "run" else None
        title = " ".join(cell("title").split()) or sport or "(untitled)"
        known = (activity, f'activity type "{sport}"')
        reading = read_event(title, minutes=minutes, distance_km=distance, known=known)
        act, kind, reason = reading.activity, reading.kind, reading.reason
        if overrides is not None:
            for when in (None, day):
                act, kind, reason = overrides.apply(
                    act, kind, reason, title=title, uid="", day=when
                )
        source = f"{Path(name).name}:line {line}"
        finish = _end(begin, minutes)
        entries.append(
            reading.entry(day, title, (act, kind, reason), begin, finish, minutes, source)
        )
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
