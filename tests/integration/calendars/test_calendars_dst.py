"""Recurring events across daylight-saving changes, with and without X-WR-TIMEZONE.

A UTC series repeats the same UTC instant (RFC 5545), shown in the wall-clock zone only at
the end; a TZID series keeps its wall-clock time; a floating series stays as written.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from legday.calendars import read_calendar

EVENTS = """BEGIN:VEVENT
UID:utc-spring
DTSTAMP:20270101T000000Z
DTSTART:20270323T220000Z
DTEND:20270323T230000Z
RRULE:FREQ=WEEKLY;COUNT=3
SUMMARY:Easy run spring
END:VEVENT
BEGIN:VEVENT
UID:utc-autumn
DTSTAMP:20270101T000000Z
DTSTART:20271020T223000Z
DTEND:20271020T233000Z
RRULE:FREQ=WEEKLY;COUNT=3
SUMMARY:Easy run autumn
END:VEVENT
BEGIN:VEVENT
UID:utc-exdate
DTSTAMP:20270101T000000Z
DTSTART:20270325T053000Z
DTEND:20270325T063000Z
RRULE:FREQ=WEEKLY;UNTIL=20270408T053000Z
EXDATE:20270401T053000Z
SUMMARY:Tempo utc
END:VEVENT
BEGIN:VEVENT
UID:tzid
DTSTAMP:20270101T000000Z
DTSTART;TZID=Europe/Berlin:20270322T070000
DTEND;TZID=Europe/Berlin:20270322T080000
RRULE:FREQ=WEEKLY;BYMONTH=3,4,10,11
SUMMARY:Intervals 6x800
END:VEVENT
BEGIN:VEVENT
UID:floating
DTSTAMP:20270101T000000Z
DTSTART:20270324T063000
DTEND:20270324T073000
RRULE:FREQ=WEEKLY;BYMONTH=3,4,10,11
SUMMARY:Tempo floating
END:VEVENT
"""


def _calendar(tmp_path: Path, header: str) -> Path:
    path = tmp_path / "dst.ics"
    text = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:test\n{header}{EVENTS}END:VCALENDAR\n"
    path.write_text(text, encoding="utf-8")
    return path


def _times(path: Path, title: str, tz: str | None = None) -> list[tuple[date, time | None]]:
    calendar = read_calendar(path, date(2027, 3, 1), date(2027, 11, 30), tz=tz)
    return [(e.day, e.start) for e in calendar.entries if e.title == title]


HEADERS = pytest.mark.parametrize(
    "header",
    ["X-WR-TIMEZONE:Europe/Berlin\n", ""],
    ids=["x-wr-timezone", "tzid-only"],
)


@HEADERS
def test_utc_series_keeps_its_instant_into_summer_time(tmp_path: Path, header: str) -> None:
    # review: with X-WR-TIMEZONE the 30 Mar occurrence showed "Tue 23:00" (one hour early)
    assert _times(_calendar(tmp_path, header), "Easy run spring") == [
        (date(2027, 3, 23), time(23, 0)),  # 22:00Z in CET
        (date(2027, 3, 31), time(0, 0)),  # 22:00Z in CEST: the next day
        (date(2027, 4, 7), time(0, 0)),
    ]


@HEADERS
def test_utc_series_keeps_its_instant_into_winter_time(tmp_path: Path, header: str) -> None:
    assert _times(_calendar(tmp_path, header), "Easy run autumn") == [
        (date(2027, 10, 21), time(0, 30)),  # 22:30Z in CEST
        (date(2027, 10, 28), time(0, 30)),
        (date(2027, 11, 3), time(23, 30)),  # 22:30Z in CET: back on the Wednesday
        (date(2027, 11, 4), time(0, 0)),  # its last half hour holds Thursday's first
    ]


@HEADERS
def test_utc_until_and_exdate_still_match(tmp_path: Path, header: str) -> None:
    assert _times(_calendar(tmp_path, header), "Tempo utc") == [
        (date(2027, 3, 25), time(6, 30)),
        (date(2027, 4, 8), time(7, 30)),
    ]


@HEADERS
def test_tzid_series_keeps_its_wall_clock(tmp_path: Path, header: str) -> None:
    times = _times(_calendar(tmp_path, header), "Intervals 6x800")
    around = [
        t
        for t in times
        if t[0] in {date(2027, 3, 22), date(2027, 3, 29), date(2027, 10, 25), date(2027, 11, 1)}
    ]
    assert around == [(d, time(7, 0)) for d in sorted({t[0] for t in around})]
    assert len(around) == 4


@HEADERS
def test_floating_series_stays_as_written(tmp_path: Path, header: str) -> None:
    times = _times(_calendar(tmp_path, header), "Tempo floating")
    assert {t[1] for t in times} == {time(6, 30)}
    assert date(2027, 3, 31) in {t[0] for t in times}
    assert date(2027, 11, 3) in {t[0] for t in times}


def test_another_zone_asked_for_converts_utc_once(tmp_path: Path) -> None:
    path = _calendar(tmp_path, "X-WR-TIMEZONE:Europe/Berlin\n")
    assert _times(path, "Easy run spring", tz="UTC") == [
        (date(2027, 3, 23), time(22, 0)),
        (date(2027, 3, 30), time(22, 0)),
        (date(2027, 4, 6), time(22, 0)),
    ]
    assert _times(path, "Intervals 6x800", tz="UTC")[:2] == [
        (date(2027, 3, 22), time(6, 0)),
        (date(2027, 3, 29), time(5, 0)),
    ]
