"""The labelled calendar corpus (tests/data/calendar-corpus/) read, checked and scored.

Each calendar group is written out as a small CSV and read back through
`legday.calendars.read_calendar`, the door a user's file goes through, so calendar-level
context (language, week structure, repeats) counts exactly as it does for a runner.
Every file has the ten columns of `HEADER`; `truth` is one of `CLASSES`.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from legday.calendars.entry import Entry

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "calendar-corpus"
HEADER = (
    "calendar",
    "lang",
    "date",
    "start",
    "minutes",
    "title",
    "description",
    "truth",
    "priority",
    "source",
)
CLASSES = ("race", "hard", "long", "easy", "rest", "strength", "other")
BLOCKING = frozenset({"race", "hard", "long"})  # classes that keep strength off the day
LANGS = ("en", "de", "fr", "es")
PRIORITIES = ("A", "B", "C")
MISSING = "none"  # the reader gave no entry for the row
_CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


class CorpusError(ValueError):
    """A malformed corpus row: the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled calendar entry, as the corpus file gives it."""

    file: str
    line: int
    calendar: str
    lang: str
    day: date
    start: str
    minutes: str
    title: str
    description: str
    truth: str
    priority: str
    source: str


@dataclass(frozen=True, slots=True)
class Reading:
    """A row and what legday read it as."""

    row: Row
    predicted: str
    priority: str
    reason: str


@dataclass
class Score:
    """Every figure the evaluation prints, worked out from the readings."""

    readings: list[Reading]
    per_lang: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        for r in self.readings:
            self.per_lang[r.row.lang] += 1
            self.confusion[(r.row.truth, r.predicted)] += 1

    @property
    def accuracy(self) -> float:
        right = sum(1 for r in self.readings if r.row.truth == r.predicted)
        return right / len(self.readings) if self.readings else 0.0

    def precision(self, kind: str) -> float | None:
        said = sum(n for (_, p), n in self.confusion.items() if p == kind)
        return self.confusion[(kind, kind)] / said if said else None

    def recall(self, kind: str) -> float | None:
        there = sum(n for (t, _), n in self.confusion.items() if t == kind)
        return self.confusion[(kind, kind)] / there if there else None

    @property
    def blocking_misses(self) -> list[Reading]:
        """Races, hard runs and long runs read as anything that lets strength in."""
        return [r for r in self.readings if r.row.truth in BLOCKING and r.predicted not in BLOCKING]

    @property
    def false_races(self) -> list[Reading]:
        return [r for r in self.readings if r.predicted == "race" and r.row.truth != "race"]

    @property
    def misses(self) -> list[Reading]:
        return [r for r in self.readings if r.row.truth != r.predicted]

    def priority_accuracy(self) -> tuple[int, int]:
        """(right, asked) over race rows whose source makes the priority clear."""
        asked = [r for r in self.readings if r.row.truth == "race" and r.row.priority]
        return sum(1 for r in asked if r.priority == r.row.priority), len(asked)


def corpus_files(folder: Path = CORPUS) -> list[Path]:
    return sorted(folder.glob("*.csv"))


def load(paths: Iterable[Path]) -> list[Row]:
    """Every row of the files, checked; a bad row raises `CorpusError` naming file and line."""
    rows: list[Row] = []
    for path in paths:
        rows.extend(_load_file(path))
    return rows


def _load_file(path: Path) -> Iterator[Row]:
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(f"{name}: not UTF-8 ({error.reason})") from error
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise CorpusError(f"{name}:1: {error}") from error
    if header is None or tuple(header) != HEADER:
        raise CorpusError(f"{name}:1: header must be {','.join(HEADER)}")
    langs: dict[str, tuple[str, int]] = {}
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise CorpusError(f"{name}:{reader.line_num}: malformed CSV ({error})") from error
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(HEADER):
            raise CorpusError(f"{name}:{line}: {len(cells)} fields, expected {len(HEADER)}")
        row = _row(name, line, dict(zip(HEADER, cells, strict=True)))
        first = langs.setdefault(row.calendar, (row.lang, line))
        if first[0] != row.lang:
            raise CorpusError(
                f"{name}:{line}: calendar {row.calendar!r} is {first[0]!r} at line {first[1]}, "
                f"not {row.lang!r}"
            )
        yield row


def _row(name: str, line: int, cells: dict[str, str]) -> Row:
    where = f"{name}:{line}"

    def bad(column: str, problem: str) -> CorpusError:
        return CorpusError(f"{where}: {column} {problem}")

    for column in ("calendar", "title", "source"):
        if not cells[column].strip():
            raise bad(column, "is empty")
    if cells["lang"] not in LANGS:
        raise bad("lang", f"{cells['lang']!r} is not one of {', '.join(LANGS)}")
    if cells["truth"] not in CLASSES:
        raise bad("truth", f"{cells['truth']!r} is not one of {', '.join(CLASSES)}")
    if cells["priority"] and cells["priority"] not in PRIORITIES:
        raise bad("priority", f"{cells['priority']!r} is not A, B, C or empty")
    if cells["priority"] and cells["truth"] != "race":
        raise bad("priority", f"given for a {cells['truth']!r} row (races only)")
    try:
        day = date.fromisoformat(cells["date"])
    except ValueError:
        raise bad("date", f"{cells['date']!r} is not an ISO date (YYYY-MM-DD)") from None
    if len(cells["date"]) != 10:
        raise bad("date", f"{cells['date']!r} is not an ISO date (YYYY-MM-DD)")
    if cells["start"] and not _CLOCK.fullmatch(cells["start"]):
        raise bad("start", f"{cells['start']!r} is not HH:MM")
    if cells["minutes"] and not (cells["minutes"].isdigit() and 0 < int(cells["minutes"]) < 6000):
        raise bad("minutes", f"{cells['minutes']!r} is not a whole number of minutes")
    return Row(
        file=name,
        line=line,
        calendar=cells["calendar"],
        lang=cells["lang"],
        day=day,
        start=cells["start"],
        minutes=cells["minutes"],
        title=cells["title"],
        description=cells["description"],
        truth=cells["truth"],
        priority=cells["priority"],
        source=cells["source"],
    )


def groups(rows: Sequence[Row]) -> dict[tuple[str, str], list[Row]]:
    """Rows by (file, calendar), each group in date order as a calendar file would hold it."""
    out: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        out.setdefault((row.file, row.calendar), []).append(row)
    for members in out.values():
        members.sort(key=lambda r: (r.day, r.start))
    return out


@contextmanager
def _no_cache() -> Iterator[None]:
    """Every read parses afresh: a cached reading would hide a classifier change."""
    before = os.environ.get("LEGDAY_NO_CACHE")
    os.environ["LEGDAY_NO_CACHE"] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("LEGDAY_NO_CACHE", None)
        else:
            os.environ["LEGDAY_NO_CACHE"] = before


def read_group(rows: Sequence[Row], folder: Path) -> list[Reading]:
    """One calendar group written as a CSV, read through the real door, matched back."""
    from legday.calendars import read_calendar

    path = folder / (re.sub(r"[^A-Za-z0-9_.-]+", "-", rows[0].calendar) + ".csv")
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("date", "title", "start", "duration", "description"))
        for r in rows:
            writer.writerow((r.day.isoformat(), r.title, r.start, hours(r.minutes), r.description))
    with _no_cache():
        calendar = read_calendar(path, min(r.day for r in rows), max(r.day for r in rows))
    entries = list(calendar.entries)
    readings: list[Reading] = []
    for row in rows:
        found = _take(entries, row)
        if found is None:
            readings.append(Reading(row, MISSING, "", "no entry read"))
            continue
        if found.activity in ("strength", "other") or found.kind is None:
            predicted = found.activity
        else:
            predicted = found.kind.value
        readings.append(Reading(row, predicted, found.priority or "", found.reason))
    return readings


def _take(entries: list[Entry], row: Row) -> Entry | None:
    """The first unmatched entry of the row's day with its title (else that day's first)."""
    same_day = [e for e in entries if e.day == row.day]
    for e in same_day:
        if e.title.strip() == row.title.strip():
            entries.remove(e)
            return e
    if same_day:
        entries.remove(same_day[0])
        return same_day[0]
    return None


def evaluate(rows: Sequence[Row]) -> Score:
    """Every group read as a user's calendar; the readings scored."""
    readings: list[Reading] = []
    with tempfile.TemporaryDirectory(prefix="legday-corpus-") as folder:
        for members in groups(rows).values():
            readings.extend(read_group(members, Path(folder)))
    return Score(readings)


def hours(minutes: str) -> str:
    """A duration as a plan CSV writes it: minutes, or h:mm for a day-long ultra."""
    if not minutes or int(minutes) < 600:
        return minutes
    return f"{int(minutes) // 60}:{int(minutes) % 60:02d}"
