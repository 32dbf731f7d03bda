"""Running calendars in: iCalendar and CSV files read into classified entries.

`read_calendar` is the only door: it refuses hostile files before parsing, expands
recurrences only inside the asked window, and raises `CalendarError` (one line, file and
line) for anything it cannot read, so a caller gets a whole `Calendar` or an error.
A calendar read before with the same inputs comes from the cache (`calendars.cache`);
the readers, the classifier and the iCalendar libraries are imported only on a miss.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from legday.calendars._files import MAX_BYTES, decode, read_bytes
from legday.calendars.entry import UNSURE, Calendar, Entry
from legday.errors import CalendarError, InputError, LegdayError
from legday.model import Run

if TYPE_CHECKING:
    from legday.calendars.classifier import classify
    from legday.calendars.overrides import KindOverrides, read_overrides

__all__ = [
    "CALENDAR_SUFFIXES",
    "MAX_BYTES",
    "UNSURE",
    "Calendar",
    "Entry",
    "KindOverrides",
    "calendar_span",
    "classify",
    "content_span",
    "read_calendar",
    "read_calendar_content",
    "read_content",
    "read_overrides",
    "read_runs",
]

_ICS_SUFFIXES = (".ics", ".ical", ".icalendar", ".ifb")
_TABLE_SUFFIXES = (".csv", ".tsv", ".txt")
# the file names the readers take (the suffix picks iCalendar or a table): uploads check it
CALENDAR_SUFFIXES = _ICS_SUFFIXES + _TABLE_SUFFIXES
_LAZY = {
    "classify": "legday.calendars.classifier",
    "KindOverrides": "legday.calendars.overrides",
    "read_overrides": "legday.calendars.overrides",
}


def __getattr__(name: str) -> Any:
    """`classify`, `KindOverrides` and `read_overrides` load on first use (start-up)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def _is_ics(path: Path, text: str) -> bool:
    if path.suffix.lower() in _ICS_SUFFIXES:
        return True
    if path.suffix.lower() in _TABLE_SUFFIXES:
        return False
    return text.lstrip()[:15].upper().startswith("BEGIN:VCALENDAR")


def read_calendar(
    path: Path | str,
    start: date,
    end: date,
    *,
    tz: str | None = None,
    overrides: KindOverrides | None = None,
) -> Calendar:
    """Every entry of the file (or feed address) within [start, end] (inclusive), classified.

    Times are in `tz` if given, else the calendar's own zone, else the system's; floating
    times stay as written. Raises `CalendarError` for the file, `InputError` for arguments.
    A feed's bytes (`calendars.feeds`) take the same path as a file's, under a stand-in
    file name; its errors and entry sources name the (redacted) address.
    """
    if end < start:
        raise InputError("--end", f"{end.isoformat()} is before the start {start.isoformat()}")
    if isinstance(path, str) and _is_feed(path):
        from legday.calendars.feeds import fetch

        feed = fetch(path)
        with feed.naming():
            calendar = _cached(feed.stand_in, feed.data, start, end, tz=tz, overrides=overrides)
        return feed.relabel(calendar)
    path = Path(path)
    with _one_line(path):
        data = read_bytes(path)
    return _cached(path, data, start, end, tz=tz, overrides=overrides)


def _is_feed(source: str) -> bool:
    from legday.calendars.feeds import is_feed

    return is_feed(source)


def _cached(
    path: Path,
    data: bytes,
    start: date,
    end: date,
    *,
    tz: str | None,
    overrides: KindOverrides | None,
) -> Calendar:
    """The calendar read from the parsed-calendar cache, or parsed and stored there."""
    from legday.calendars import cache

    directory = cache.cache_directory()
    if directory is None:
        return _parse(path, data, start, end, tz=tz, overrides=overrides)
    key = cache.calendar_key(path, data, start, end, tz, overrides)
    calendar = cache.load(directory, key)
    if calendar is None:
        calendar = _parse(path, data, start, end, tz=tz, overrides=overrides)
        cache.store(directory, key, calendar)
    return calendar


@contextmanager
def _one_line(path: Path) -> Iterator[None]:
    """Any failure inside as a `CalendarError` naming the file (never a traceback)."""
    try:
        yield
    except LegdayError:
        raise
    except RecursionError as error:
        raise CalendarError(str(path), "nested too deeply to read") from error
    except Exception as error:  # a library's surprise must not become a traceback
        raise CalendarError(str(path), _explain(error)) from error


def _parse(
    path: Path,
    data: bytes,
    start: date,
    end: date,
    *,
    tz: str | None,
    overrides: KindOverrides | None,
) -> Calendar:
    """The file's bytes read by the reader its shape asks for (no cache), then read as a
    whole calendar (its language, its weeks: `calendars.context`)."""
    from legday.calendars.context import settle

    with _one_line(path):
        calendar = _read(path, data, start, end, tz=tz, overrides=overrides)
        return Calendar(settle(calendar.entries), calendar.timezone)


def _read(
    path: Path,
    data: bytes,
    start: date,
    end: date,
    *,
    tz: str | None,
    overrides: KindOverrides | None,
) -> Calendar:
    """Entry by entry, by the reader the file's shape asks for."""
    if _is_ics(path, data[:64].decode("utf-8", "ignore")):
        from legday.calendars.ics import read_ics

        return read_ics(path, decode(path, data), start, end, tz=tz, overrides=overrides)
    from legday.calendars.csv_reader import read_csv
    from legday.calendars.zones import local_zone, user_zone

    zone = user_zone(tz)[1] if tz else local_zone()[1]
    text = decode(path, data, fallback="cp1252")
    return read_csv(path, text, start, end, tz=zone, overrides=overrides)


def _explain(error: Exception) -> str:
    """A library exception in a user's words (one line, bounded, no library paths)."""
    from legday.calendars._words import explain

    return explain(error)


def read_runs(
    paths: Sequence[Path | str],
    start: date,
    end: date,
    *,
    tz: str | None = None,
    kinds: Path | None = None,
) -> list[Run]:
    """Every calendar's runs and strength entries in [start, end], as the planner takes them.

    A `str` may be a feed address (https://, webcal://); anything else is a file path.
    """
    if kinds:
        from legday.calendars.overrides import read_overrides

        overrides = read_overrides(kinds)
    else:
        overrides = None
    found: list[Run] = []
    for path in paths:
        found.extend(read_calendar(path, start, end, tz=tz, overrides=overrides).runs())
    return found


def read_content(
    name: str,
    data: bytes,
    start: date,
    end: date,
    *,
    tz: str | None = None,
    url: str | None = None,
    overrides: KindOverrides | None = None,
) -> list[Run]:
    """The runs of a calendar kept as content (the logbook stores calendars, not paths):
    `name` stands for the file (its suffix picks the reader; errors name it); a feed's
    content is read as a fetch of `url` is, its entries named by the redacted address.
    `overrides`: the runner's word on kinds, as `--kinds` gives it to `read_runs`."""
    if url is not None:
        from legday.calendars.feeds import Feed, redact

        feed = Feed(redact(url), data, url)
        with feed.naming():
            calendar = _cached(feed.stand_in, data, start, end, tz=tz, overrides=overrides)
        return list(feed.relabel(calendar).runs())
    return list(_cached(Path(name), data, start, end, tz=tz, overrides=overrides).runs())


def read_calendar_content(
    name: str, data: bytes, start: date, end: date, *, tz: str | None = None
) -> Calendar:
    """Every entry of a calendar given as bytes (a browser's upload) within [start, end]:
    `name` picks the reader by its suffix and names the file in errors. Hostile files are
    refused as from disk (size, shape); nothing touches the file system but the cache."""
    if len(data) > MAX_BYTES:
        raise CalendarError(name, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    if end < start:
        raise InputError("end", f"{end.isoformat()} is before the start {start.isoformat()}")
    return _cached(Path(Path(name).name or "calendar"), data, start, end, tz=tz, overrides=None)


def content_span(name: str, data: bytes) -> tuple[date, date]:
    """First and last event day of a calendar given as bytes."""
    path = Path(Path(name).name or "calendar")
    if len(data) > MAX_BYTES:
        raise CalendarError(name, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    if _is_ics(path, data[:64].decode("utf-8", "ignore")):
        return _span(path, data)
    days = [
        e.day
        for e in _cached(
            path, data, date(1900, 1, 1), date(2199, 12, 31), tz=None, overrides=None
        ).entries
    ]
    if not days:
        raise CalendarError(name, "no dated rows")
    return min(days), max(days)


def calendar_span(path: Path | str) -> tuple[date, date]:
    """First and last event day of a file or feed, for a default window (open series: +2 years)."""
    if isinstance(path, str) and _is_feed(path):
        from legday.calendars.feeds import fetch

        feed = fetch(path)
        with feed.naming():
            return _span(feed.stand_in, feed.data)
    path = Path(path)
    return _span(path, read_bytes(path))


def _span(path: Path, data: bytes) -> tuple[date, date]:
    text = decode(path, data, fallback="cp1252")
    far = (date(1900, 1, 1), date(2199, 12, 31))
    if not _is_ics(path, text[:64]):
        calendar = read_calendar(path, *far)
        days = [e.day for e in calendar.entries]
        if not days:
            raise CalendarError(str(path), "no dated rows")
        return min(days), max(days)
    import warnings

    from legday.calendars.ics import span

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return span(path, text)
        except LegdayError:
            raise
        except Exception as error:
            raise CalendarError(str(path), _explain(error)) from error
