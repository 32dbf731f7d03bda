"""The user's word on what an event is (`--kinds overrides.toml`): it always wins.

Format (every table optional; values are easy, hard, long, race, rest, strength or other):

    [uids]                      # exact UID of an event (a whole recurring series)
    "abc123@example.com" = "long"
    [dates]                     # every run on that day ("other" events stay other)
    2027-03-14 = "race"
    [titles]                    # whole title, case- and accent-insensitive
    "Track Tuesday" = "hard"
    [contains]                  # a word or phrase anywhere in the title
    "Bahn" = "hard"

Precedence: uids, then titles, then contains (first match in file order), then dates.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from legday.calendars._files import decode, read_bytes
from legday.calendars.classifier import normalize
from legday.errors import CalendarError
from legday.model import RunKind

__all__ = ["VALUES", "KindOverrides", "read_overrides"]

VALUES = (*(k.value for k in RunKind), "strength", "other")
_TABLES = ("uids", "dates", "titles", "contains")


def _value(word: str) -> tuple[str, RunKind | None]:
    if word in ("strength", "other"):
        return word, None
    return "run", RunKind(word)


@dataclass(frozen=True, slots=True)
class KindOverrides:
    """Overrides by UID, date, whole title and title phrase (keys already normalised)."""

    uids: dict[str, str] = field(default_factory=dict)
    dates: dict[date, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    contains: tuple[tuple[str, str], ...] = ()
    source: str = "overrides"

    def apply(
        self,
        activity: str,
        kind: RunKind | None,
        reason: str,
        *,
        title: str,
        uid: str,
        day: date | None,
    ) -> tuple[str, RunKind | None, str]:
        """The overridden (activity, kind, reason), or the classifier's answer unchanged.

        Called once without a day (series-wide keys) and once per day, so `dates` sees the
        result of the other tables.
        """
        if day is not None:
            already = reason.startswith(f"{self.source}: ")  # a UID or title override
            if day in self.dates and activity == "run" and not already:
                value = self.dates[day]
                return (*_value(value), f'{self.source}: date {day.isoformat()} = "{value}"')
            return activity, kind, reason
        if uid in self.uids:
            value = self.uids[uid]
            return (*_value(value), f'{self.source}: UID "{uid}" = "{value}"')
        key = normalize(" ".join(title.split()))
        if key in self.titles:
            value = self.titles[key]
            return (*_value(value), f'{self.source}: title "{title}" = "{value}"')
        for phrase, value in self.contains:
            if phrase in key:
                return (*_value(value), f'{self.source}: title contains "{phrase}" = "{value}"')
        return activity, kind, reason


def read_overrides(path: Path) -> KindOverrides:
    """Parse and check an override file; a mistake names the file and line."""
    name = str(path)
    text = decode(path, read_bytes(path), what="kinds file")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"\(at line (\d+)", str(error))
        line = int(where.group(1)) if where else None
        raise CalendarError(name, f"not valid TOML: {str(error).split(' (at')[0]}", line) from error
    unknown = sorted(set(raw) - set(_TABLES))
    if unknown:
        raise CalendarError(name, f"unknown table [{unknown[0]}]; use {', '.join(_TABLES)}")
    checked: dict[str, dict[str, str]] = {}
    for table in _TABLES:
        items = raw.get(table, {})
        if not isinstance(items, dict):
            raise CalendarError(name, f'[{table}] must be a table of key = "kind"')
        for key, value in items.items():
            if not isinstance(value, str) or value.strip().lower() not in VALUES:
                raise CalendarError(
                    name, f"[{table}] {key!r}: kind must be one of {', '.join(VALUES)}"
                )
        checked[table] = {str(k): str(v).strip().lower() for k, v in items.items()}
    dates: dict[date, str] = {}
    for key, value in checked["dates"].items():
        try:
            dates[date.fromisoformat(key)] = value
        except ValueError as error:
            raise CalendarError(name, f"[dates] {key!r} is not a YYYY-MM-DD date") from error
    return KindOverrides(
        uids=checked["uids"],
        dates=dates,
        titles={normalize(" ".join(k.split())): v for k, v in checked["titles"].items()},
        contains=tuple((normalize(k), v) for k, v in checked["contains"].items()),
        source=path.name,
    )
