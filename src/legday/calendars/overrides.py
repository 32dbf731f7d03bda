"""The user's word on what an event is (`--kinds overrides.toml`): it always wins.

Format (every table optional; values are easy, hard, long, race, rest, strength, other, or
race:A, race:B, race:C for a race with its priority: A goal, B tune-up, C short/club):

    [uids]                      # exact UID of an event (a whole recurring series)
    "abc123@example.com" = "long"
    [dates]                     # every run on that day ("other" events stay other)
    2027-03-14 = "race:C"
    2027-04-03 = "hard"         # that day's parkrun is a workout again
    [titles]                    # whole title, case- and accent-insensitive
    "Track Tuesday" = "hard"
    [contains]                  # a word or phrase anywhere in the title
    "Bahn" = "hard"
    "parkrun" = "race:C"        # every parkrun is a C race

Keys are at most `MAX_KEY` characters, dates within 1900-2199 (`legday.boundary`).

Precedence: uids, then titles, then contains (first match in file order), then dates.
A plain "race" keeps the priority the reader gave the race (if any); any value that is
not a race clears it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from legday.boundary import EARLIEST, LATEST, outside_window
from legday.calendars._files import decode, read_bytes
from legday.calendars.classifier import normalize
from legday.errors import CalendarError
from legday.model import RunKind

__all__ = ["VALUES", "KindOverrides", "overrides_of", "read_overrides"]

RACE_VALUES = ("race:a", "race:b", "race:c")
VALUES = (*(k.value for k in RunKind), "strength", "other", *RACE_VALUES)
_TABLES = ("uids", "dates", "titles", "contains")
# A UID or a title as the calendar wrote it (control characters included: `fixes` writes
# them back so they match); a megabyte key is no event's.
MAX_KEY = 4096

Verdict = tuple[str, RunKind | None, str, str | None]  # activity, kind, reason, priority


def _value(word: str) -> tuple[str, RunKind | None]:
    if word in ("strength", "other"):
        return word, None
    return "run", RunKind(word.partition(":")[0])


def _priority(word: str, before: str | None) -> str | None:
    """The race priority an override value leaves: its own, the reader's for a plain
    "race", none for anything that is not a race."""
    if word in RACE_VALUES:
        return word[-1].upper()
    return before if word == RunKind.RACE.value else None


@dataclass(frozen=True, slots=True)
class KindOverrides:
    """Overrides by UID, date, whole title and title phrase (keys already normalised)."""

    uids: dict[str, str] = field(default_factory=dict)
    dates: dict[date, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    contains: tuple[tuple[str, str], ...] = ()
    source: str = "overrides"

    def decide(
        self,
        activity: str,
        kind: RunKind | None,
        reason: str,
        priority: str | None,
        *,
        title: str,
        uid: str,
        day: date | None,
    ) -> Verdict:
        """The overridden (activity, kind, reason, priority), or the reader's unchanged; a
        race's priority is the override's when it names one.

        Called once without a day (series-wide keys) and once per day, so `dates` sees the
        result of the other tables.
        """
        match = self._match(activity, reason, title=title, uid=uid, day=day)
        if match is None:
            return activity, kind, reason, priority
        value, why = match
        return (*_value(value), why, _priority(value, priority))

    def _match(
        self, activity: str, reason: str, *, title: str, uid: str, day: date | None
    ) -> tuple[str, str] | None:
        """The value that applies and the reason to give, or None."""
        if day is not None:
            already = reason.startswith(f"{self.source}: ")  # a UID or title override
            if day in self.dates and activity == "run" and not already:
                value = self.dates[day]
                return value, f'{self.source}: date {day.isoformat()} = "{value}"'
            return None
        if uid in self.uids:
            value = self.uids[uid]
            return value, f'{self.source}: UID "{uid}" = "{value}"'
        key = normalize(" ".join(title.split()))
        if key in self.titles:
            value = self.titles[key]
            return value, f'{self.source}: title "{title}" = "{value}"'
        for phrase, value in self.contains:
            if phrase in key:
                return value, f'{self.source}: title contains "{phrase}" = "{value}"'
        return None


def _word(value: str) -> str:
    """A value as compared: lower case, no spaces ("Race : C" is "race:c")."""
    return "".join(value.split()).lower()


def read_overrides(path: Path) -> KindOverrides:
    """Parse and check an override file; a mistake names the file and line."""
    return overrides_of(path, read_bytes(path))


def overrides_of(path: Path, data: bytes) -> KindOverrides:
    """An override file's bytes (a file read, or one the logbook keeps beside an athlete's
    calendars), parsed and checked; a mistake names `path` and the line."""
    name = str(path)
    text = decode(path, data, what="kinds file")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"\(at line (\d+)", str(error))
        line = int(where.group(1)) if where else None
        raise CalendarError(name, f"not valid TOML: {str(error).split(' (at')[0]}", line) from error
    except RecursionError:  # thousands of nested [[[...]]]; a kinds file nests one table deep
        raise CalendarError(name, "nested too deeply to be a kinds file") from None
    unknown = sorted(set(raw) - set(_TABLES))
    if unknown:
        raise CalendarError(name, f"unknown table [{unknown[0]}]; use {', '.join(_TABLES)}")
    checked: dict[str, dict[str, str]] = {}
    for table in _TABLES:
        items = raw.get(table, {})
        if not isinstance(items, dict):
            raise CalendarError(name, f'[{table}] must be a table of key = "kind"')
        for key, value in items.items():
            if len(key) > MAX_KEY:
                raise CalendarError(name, f"[{table}] {key[:40]!r}...: longer than {MAX_KEY}")
            if not isinstance(value, str) or _word(value) not in VALUES:
                raise CalendarError(
                    name,
                    f"[{table}] {key!r}: kind must be one of {', '.join(VALUES[:-3])} "
                    "or race:A, race:B, race:C",
                )
        checked[table] = {str(k): _word(str(v)) for k, v in items.items()}
    dates: dict[date, str] = {}
    for key, value in checked["dates"].items():
        try:
            day = date.fromisoformat(key)
        except ValueError as error:
            raise CalendarError(name, f"[dates] {key!r} is not a YYYY-MM-DD date") from error
        if outside_window(day):
            raise CalendarError(name, f"[dates] {key}: outside {EARLIEST.year}-{LATEST.year}")
        dates[day] = value
    return KindOverrides(
        uids=checked["uids"],
        dates=dates,
        titles={normalize(" ".join(k.split())): v for k, v in checked["titles"].items()},
        contains=tuple((normalize(k), v) for k, v in checked["contains"].items()),
        source=path.name,
    )
