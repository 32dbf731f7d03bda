"""A stand-in for the classifier's confidence, so tests of unsure readings need no numbers
from it: entries read by a fallback (no effort word, no running word) count as unsure."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

import legday.calendars
from legday.calendars.entry import Calendar

# Below `UNSURE` (0.6) whatever the threshold's exact value turns out to be.
GUESSED = 0.4
FALLBACKS = ("no effort word", "no running, strength or sport words")


def doubt(calendar: Calendar) -> Calendar:
    """The calendar with its fallback readings marked unsure; an override is a clear word."""
    entries = tuple(
        dataclasses.replace(e, confidence=GUESSED)
        if any(words in e.reason for words in FALLBACKS)
        else e
        for e in calendar.entries
    )
    return dataclasses.replace(calendar, entries=entries)


def read_with_doubt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `legday.calendars.read_calendar` (used by `runs` and `plan`) doubt fallbacks."""
    real: Callable[..., Calendar] = legday.calendars.read_calendar

    def reading(*args: Any, **kwargs: Any) -> Calendar:
        return doubt(real(*args, **kwargs))

    monkeypatch.setattr(legday.calendars, "read_calendar", reading)
