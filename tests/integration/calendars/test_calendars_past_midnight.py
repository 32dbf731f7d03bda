"""The readers give a timed event past midnight an entry on each day it touches, so the
planner and `legday check` see it there too (`no-overlap`, `run-first`)."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from legday.calendars import ics, read_calendar
from legday.errors import CalendarError

CALENDAR = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//legday tests//midnight//EN\r
BEGIN:VEVENT\r
UID:conference@midnight.test\r
DTSTAMP:20261201T000000Z\r
DTSTART:20270105T090000\r
DTEND:20270107T170000\r
SUMMARY:Conference\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:shift@midnight.test\r
DTSTAMP:20261201T000000Z\r
DTSTART;TZID=Europe/Berlin:20270108T220000\r
DTEND;TZID=Europe/Berlin:20270109T073000\r
SUMMARY:Night shift\r
END:VEVENT\r
END:VCALENDAR\r
"""


def _spans(path: Path, first: date, last: date) -> list[tuple[date, str, time | None, time | None]]:
    calendar = read_calendar(path, first, last)
    return [(e.day, e.title, e.start, e.end) for e in calendar.entries]


def test_ics_events_hold_each_day_they_span(tmp_path: Path) -> None:
    path = tmp_path / "c5.ics"
    path.write_text(CALENDAR, encoding="utf-8", newline="")
    assert _spans(path, date(2027, 1, 4), date(2027, 1, 10)) == [
        (date(2027, 1, 5), "Conference", time(9, 0), time(23, 59)),
        (date(2027, 1, 6), "Conference", time(0, 0), time(23, 59)),
        (date(2027, 1, 7), "Conference", time(0, 0), time(17, 0)),
        (date(2027, 1, 8), "Night shift", time(22, 0), time(23, 59)),
        (date(2027, 1, 9), "Night shift", time(0, 0), time(7, 30)),
    ]


def test_ics_event_begun_before_the_window_still_holds_its_days_inside(tmp_path: Path) -> None:
    path = tmp_path / "c5.ics"
    path.write_text(CALENDAR, encoding="utf-8", newline="")
    assert _spans(path, date(2027, 1, 7), date(2027, 1, 7)) == [
        (date(2027, 1, 7), "Conference", time(0, 0), time(17, 0)),
    ]


def test_csv_row_past_midnight_holds_the_next_morning(tmp_path: Path) -> None:
    path = tmp_path / "shifts.csv"
    path.write_text(
        "date,title,kind,start,duration_min\n"
        "2027-01-08,Night shift,other,22:00,570\n"
        "2027-01-10,Easy run,easy,23:30,45\n",
        encoding="utf-8",
    )
    calendar = read_calendar(path, date(2027, 1, 4), date(2027, 1, 12))
    assert [(e.day, e.title, e.start, e.end, e.minutes) for e in calendar.entries] == [
        (date(2027, 1, 8), "Night shift", time(22, 0), time(23, 59), 120),
        (date(2027, 1, 9), "Night shift", time(0, 0), time(7, 30), 450),
        (date(2027, 1, 10), "Easy run", time(23, 30), time(23, 59), 30),
        (date(2027, 1, 11), "Easy run", time(0, 0), time(0, 15), 15),
    ]
    # a row dated before the window counts for the part of it inside
    later = read_calendar(path, date(2027, 1, 9), date(2027, 1, 9))
    assert [(e.day, e.start, e.end) for e in later.entries] == [
        (date(2027, 1, 9), time(0, 0), time(7, 30)),
    ]


def test_csv_row_before_the_window_and_over_by_then_is_not_read(tmp_path: Path) -> None:
    """Its flaws are not the window's: a bad duration there is no error."""
    path = tmp_path / "old.csv"
    path.write_text(
        "date,title,kind,start,duration_min\n"
        "2027-01-02,Old shift,other,22:00,soon\n"
        "2027-01-05,Easy run,easy,07:00,40\n",
        encoding="utf-8",
    )
    calendar = read_calendar(path, date(2027, 1, 4), date(2027, 1, 10))
    assert [e.title for e in calendar.entries] == ["Easy run"]


def test_events_filling_too_many_days_are_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each day an event holds costs an entry: a hostile file of year-long events is
    refused (at 20,000 such days) rather than read for seconds."""
    monkeypatch.setattr(ics, "MAX_DAYS_HELD", 4)
    path = tmp_path / "c5.ics"
    path.write_text(CALENDAR, encoding="utf-8", newline="")
    assert len(read_calendar(path, date(2027, 1, 4), date(2027, 1, 8)).entries) == 4
    with pytest.raises(CalendarError, match="events fill more than 4 days in the window"):
        read_calendar(path, date(2027, 1, 4), date(2027, 1, 10))
