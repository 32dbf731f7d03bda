"""A stand-in for the classifier's confidence, so tests of unsure readings depend on no
number, kind or reason the classifier itself gives.

Entries titled as in `GUESSES` are read as written there, with confidence `GUESSED`; every
other entry, and any entry an override file settled, counts as sure.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

import legday.calendars
from legday.calendars.entry import Calendar, Entry
from legday.calendars.overrides import KindOverrides
from legday.model import RunKind

# Below `UNSURE` (0.6) whatever the threshold's exact value turns out to be.
GUESSED = 0.4
REASON = "stand-in guess"
GUESSES: dict[str, tuple[str, RunKind | None]] = {
    "Morning run": ("run", RunKind.EASY),
    "E 45'": ("other", None),
    "Lauf mit Jörg": ("run", RunKind.EASY),
    'Run "with" Jörg \\ friends': ("run", RunKind.EASY),
}


def doubt(calendar: Calendar, overrides: KindOverrides | None = None) -> Calendar:
    """The calendar as a classifier unsure of the `GUESSES` titles would read it."""
    settled = f"{overrides.source}: " if overrides is not None else None

    def reading(e: Entry) -> Entry:
        if settled is not None and e.reason.startswith(settled):
            return dataclasses.replace(e, confidence=1.0)
        if e.title in GUESSES:
            activity, kind = GUESSES[e.title]
            return dataclasses.replace(
                e, activity=activity, kind=kind, confidence=GUESSED, reason=REASON
            )
        return dataclasses.replace(e, confidence=1.0)

    return dataclasses.replace(calendar, entries=tuple(map(reading, calendar.entries)))


def read_with_doubt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `legday.calendars.read_calendar` (used by `runs` and `plan`) read with doubt."""
    real: Callable[..., Calendar] = legday.calendars.read_calendar

    def read(*args: Any, **kwargs: Any) -> Calendar:
        return doubt(real(*args, **kwargs), kwargs.get("overrides"))

    monkeypatch.setattr(legday.calendars, "read_calendar", read)
