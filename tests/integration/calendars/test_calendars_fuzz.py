"""Fuzz `read_calendar`: random bytes and mutated valid calendars never escape as anything
but a CalendarError, and never hang. Crashers found are kept in fixtures/calendars/crashers."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.calendars import read_calendar
from legday.errors import CalendarError

FIXTURES = Path(__file__).parents[2] / "fixtures" / "calendars"
SEEDS = [
    (FIXTURES / name).read_bytes()
    for name in ("training-platform.ics", "coaching-app.ics", "recurrence.ics", "personal.ics")
]
CRASHERS = sorted((FIXTURES / "crashers").glob("*.ics"))
WINDOW = (date(2027, 1, 1), date(2027, 6, 30))
FUZZ = settings(
    max_examples=200,
    deadline=2000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
NASTY = [
    b"BEGIN:VEVENT\r\n",
    b"END:VEVENT\r\n",
    b"RRULE:FREQ=SECONDLY\r\n",
    b"RRULE:FREQ=DAILY;COUNT=99999999\r\n",
    b"DTSTART:99991231T235959Z\r\n",
    b"DTSTART;TZID=Nowhere/Land:20270301T070000\r\n",
    b"DTEND:00010101\r\n",
    b"EXDATE:garbage\r\n",
    b"\x00",
    b"\xff\xfe",
    b" folded\r\n",
    b"SUMMARY:\xf0\x9f\x8f\x83 \\, \\; \\n\r\n",
    b"BEGIN:VCALENDAR\r\n",
    b"DURATION:-P1D\r\n",
    b"X-WORKOUT-ESTIMATED-DURATION:P9999999D\r\n",
]


def _check(tmp: Path, data: bytes, suffix: str = ".ics") -> None:
    path = tmp / f"fuzz{suffix}"
    path.write_bytes(data)
    started = time.perf_counter()
    try:
        read_calendar(path, *WINDOW)
    except CalendarError as error:
        assert "\n" not in str(error)
    assert time.perf_counter() - started < 2


@FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".ics", ".csv", ".txt"]))
def test_random_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    _check(tmp_path, data, suffix)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A valid calendar with lines cut, repeated, swapped or replaced by nasty ones."""
    lines = draw(st.sampled_from(SEEDS)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 6))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "nasty", "flip", "cut"]))
        if action == "drop":
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "nasty":
            lines.insert(index, draw(st.sampled_from(NASTY)))
        elif action == "flip":
            line = bytearray(lines[index])
            if line:
                spot = draw(st.integers(0, len(line) - 1))
                line[spot] = draw(st.integers(0, 255))
            lines[index] = bytes(line)
        else:
            return b"".join(lines[:index]) + lines[index][: len(lines[index]) // 2]
        if not lines:
            lines = [b"BEGIN:VCALENDAR\r\n"]
    return b"".join(lines)


@FUZZ
@given(data=mutated())
def test_mutated_calendars(tmp_path: Path, data: bytes) -> None:
    _check(tmp_path, data)


@pytest.mark.skipif(not CRASHERS, reason="no crashers kept yet")
@pytest.mark.parametrize("path", CRASHERS, ids=[p.name for p in CRASHERS])
def test_kept_crashers(tmp_path: Path, path: Path) -> None:
    _check(tmp_path, path.read_bytes())
