"""A cache of read calendars, so a calendar that has not changed is not parsed again.

Parsing the example iCalendar file costs more than planning a whole season (the
iCalendar libraries alone take ~100 ms to import), and most calls read the same file
again. An entry is the classified `Calendar` as compact JSON, filed under the SHA-256 of
everything that can change it: the file's bytes and name, the window, the asked time zone
(and the system's, which applies when none is asked), the override file's parsed
contents, the legday version and a fingerprint of the reader's own code and libraries.

The cache can only ever cost a parse: an entry that cannot be read, does not parse, was
written for another key or holds anything out of shape is ignored and written again, and a
directory that cannot be written is simply not used. Nothing is cached for a file that
fails to read, so every error is found (and reported) exactly as without the cache.

Where: `$LEGDAY_CACHE_DIR`, else the user cache folder (platformdirs) `legday/calendars`.
`LEGDAY_NO_CACHE=1` turns it off. This module imports nothing of the readers, so a hit
never loads icalendar, the CSV reader or the classifier.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
import time as clock
from contextlib import suppress
from datetime import date, time
from pathlib import Path
from typing import Any

from legday import __version__
from legday.calendars.entry import ACTIVITIES, Calendar, Entry
from legday.model import PRIORITIES, RunKind

__all__ = [
    "MAX_ENTRIES",
    "SCHEMA",
    "cache_directory",
    "calendar_key",
    "is_entry_name",
    "load",
    "prune",
    "store",
]

# Bump when the stored shape or the meaning of a stored field changes.
SCHEMA = 3  # 3: entries carry `all_out` (a time trial)
# Files kept; past this the oldest (by last use) are removed when a new one is written.
MAX_ENTRIES = 256
# What `store` names an entry: its key, 64 lowercase hex digits, then the suffix.
_KEY = re.compile(r"[0-9a-f]{64}")
# An entry is a calendar's runs as JSON; far larger is nothing this cache wrote.
MAX_ENTRY_BYTES = 64 * 1024 * 1024
_PACKAGE_DIR = Path(__file__).resolve().parent
# Whatever else decides what a file reads as: the core's Run, the iCalendar libraries and
# what they lean on for recurrences and zones.
_ALSO = (
    "legday.model",
    "icalendar",
    "recurring_ical_events",
    "dateutil",
    "x_wr_timezone",
    "tzdata",
)


def cache_directory() -> Path | None:
    """Where entries live, or None when caching is turned off (`LEGDAY_NO_CACHE`)."""
    if os.environ.get("LEGDAY_NO_CACHE", "") not in ("", "0"):
        return None
    chosen = os.environ.get("LEGDAY_CACHE_DIR", "")
    if chosen:
        return Path(chosen) / "calendars"
    try:
        return _user_cache_folder() / "calendars"
    except Exception:  # e.g. no home folder to be found: read without a cache
        return None


def _user_cache_folder() -> Path:
    """platformdirs' `user_cache_dir("legday")`. Its usual answer on Linux (an absolute
    `$XDG_CACHE_HOME`, else `.cache` in an absolute `$HOME`, what every platformdirs 4
    gives there) is read here without its ~3 ms of imports; anything else asks it."""
    android = hasattr(sys, "getandroidapilevel") or (
        os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system"
    )
    if sys.platform == "linux" and not android:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        home = os.environ.get("HOME", "")
        if xdg.startswith("/"):
            return Path(xdg, "legday")
        if not xdg.strip() and home.startswith("/"):
            return Path(home.rstrip("/") + "/.cache", "legday")  # as expanduser does
    import platformdirs

    return Path(platformdirs.user_cache_dir("legday"))


def calendar_key(
    path: Path, data: bytes, start: date, end: date, tz: str | None, overrides: object
) -> str:
    """The SHA-256 (hex) naming everything the read depends on."""
    parts: list[object] = [
        SCHEMA,
        __version__,
        _code_fingerprint(),
        str(path),
        hashlib.sha256(data).hexdigest(),
        start.isoformat(),
        end.isoformat(),
        tz,
        None if tz else _system_zone(),
        None if overrides is None else repr(overrides),
    ]
    text = json.dumps(parts, ensure_ascii=True, default=str)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def load(directory: Path, key: str) -> Calendar | None:
    """The calendar stored under `key`, or None (missing, unreadable or not ours)."""
    from legday.files import read_limited

    target = directory / f"{key}.json"
    try:
        raw = read_limited(target, limit=MAX_ENTRY_BYTES, what="cache entry").data
        calendar = _decode(json.loads(raw), key)
    except Exception:  # unreadable, not JSON, not this shape: a miss, never an error
        return None
    if calendar is not None:
        with suppress(OSError):
            os.utime(target)  # last use, for pruning
    return calendar


def store(directory: Path, key: str, calendar: Calendar) -> None:
    """Write the entry atomically (a temporary file, then a rename); never raises."""
    import tempfile  # here, not at the top: a hit writes nothing

    # ASCII with escapes: any text a reader produced (even a lone surrogate) round-trips.
    payload = json.dumps(_encode(calendar, key), ensure_ascii=True, separators=(",", ":"))
    temporary: Path | None = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        # a name of its own for every writer, threads of one process included
        handle, name = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=directory)
        temporary = Path(name)
        with os.fdopen(handle, "wb") as out:
            out.write(payload.encode("ascii"))
        temporary.replace(directory / f"{key}.json")
        prune(directory, ".json", MAX_ENTRIES)
    except OSError:
        if temporary is not None:
            with suppress(OSError):
                temporary.unlink(missing_ok=True)


def _encode(calendar: Calendar, key: str) -> dict[str, Any]:
    return {
        "key": key,
        "timezone": calendar.timezone,
        "entries": [
            [
                e.day.isoformat(),
                e.title,
                e.activity,
                None if e.kind is None else e.kind.value,
                None if e.start is None else e.start.isoformat(),
                None if e.end is None else e.end.isoformat(),
                e.minutes,
                e.reason,
                e.source,
                e.confidence,
                e.priority,
                e.explicit,
                e.all_out,
            ]
            for e in calendar.entries
        ],
    }


def _decode(document: Any, key: str) -> Calendar | None:
    """A stored document back as a `Calendar`; None unless every field has its shape."""
    if not isinstance(document, dict) or document.get("key") != key:
        return None
    zone = document["timezone"]
    rows = document["entries"]
    if not (zone is None or isinstance(zone, str)) or not isinstance(rows, list):
        return None
    entries: list[Entry] = []
    for row in rows:
        if not isinstance(row, list) or len(row) != 13:
            return None
        day, title, activity, kind, begin, finish, minutes, reason, source, sure, rank = row[:11]
        explicit, all_out = row[11], row[12]
        if not all(isinstance(text, str) for text in (day, title, activity, reason, source)):
            return None
        if type(sure) not in (int, float) or not 0 <= sure <= 1 or rank not in PRIORITIES:
            return None
        if activity not in ACTIVITIES or type(explicit) is not bool or type(all_out) is not bool:
            return None
        if minutes is not None and (type(minutes) is not int or minutes < 0):
            return None
        entries.append(
            Entry(
                date.fromisoformat(day),
                title,
                activity,
                None if kind is None else RunKind(kind),
                _time(begin),
                _time(finish),
                minutes,
                reason,
                source,
                float(sure),
                rank,
                explicit,
                all_out,
            )
        )
    return Calendar(tuple(entries), zone)


def _time(value: Any) -> time | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("a stored time is not text")
    return time.fromisoformat(value)


def _code_fingerprint() -> list[object]:
    """Size and change time of the reader's files and of what decides its results.

    An upgrade (or an edit in a checkout, where the version does not change) gives new
    keys, so no entry written by other code is ever used.
    """
    files: list[Path] = []
    with suppress(OSError):
        files.extend(sorted(p for p in _PACKAGE_DIR.iterdir() if p.suffix in (".py", ".toml")))
    from importlib.util import find_spec

    for module in _ALSO:
        try:
            spec = find_spec(module)
        except (ImportError, ValueError):
            spec = None
        files.append(Path(spec.origin if spec is not None and spec.origin else module))
    stamps: list[object] = []
    for file in files:
        try:
            status = file.stat()
        except OSError:
            stamps.append(str(file))
            continue
        stamps.append((file.name, status.st_size, status.st_mtime_ns))
    return stamps


def _system_zone() -> list[object]:
    """What the readers fall back to without a zone: $TZ, /etc/localtime, the UTC offset."""
    try:
        localtime = os.path.realpath("/etc/localtime")
    except OSError:
        localtime = ""
    now = clock.localtime()
    return [os.environ.get("TZ"), localtime, now.tm_gmtoff, now.tm_zone]


def prune(directory: Path, suffix: str, keep: int) -> None:
    """Keep the `keep` most recently used entries ending in `suffix`.

    Only legday's own entries are ever removed: regular files (no link, no folder) named
    by a SHA-256 key, `<64 hex digits><suffix>`, as `store` names them. A user's own files
    in a folder `LEGDAY_CACHE_DIR` points at are neither counted nor touched.
    """
    try:
        files = [f for f in directory.iterdir() if is_entry_name(f.name, suffix)]
    except OSError:
        return
    if len(files) <= keep:
        return
    aged: list[tuple[float, Path]] = []
    for file in files:
        with suppress(OSError):
            status = file.lstat()
            if stat.S_ISREG(status.st_mode):
                aged.append((status.st_mtime, file))
    aged.sort(reverse=True)
    for _, file in aged[keep:]:
        with suppress(OSError):
            file.unlink()


def is_entry_name(name: str, suffix: str) -> bool:
    """Whether `name` is what legday calls a cache entry: a SHA-256 key and `suffix`."""
    key, found, rest = name.partition(".")
    return bool(found) and f".{rest}" == suffix and _KEY.fullmatch(key) is not None
