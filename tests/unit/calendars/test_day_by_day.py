"""A timed event past midnight holds every day it touches (review: a conference from
Tuesday 09:00 to Thursday 17:00 was read as Tuesday 09:00-23:59 only, so `legday plan`
put strength inside it and `legday check` passed it: `no-overlap`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from legday.calendars.entry import Calendar, Entry, day_by_day
from legday.model import RunKind

TUESDAY = date(2027, 1, 5)
WIDE = (date(2027, 1, 1), date(2027, 12, 31))


def _entry(title: str, activity: str = "other", kind: RunKind | None = None) -> Entry:
    begin = time(9, 0)
    return Entry(TUESDAY, title, activity, kind, begin, time(23, 59), None, "words", "x.ics:1")


def _spans(entries: list[Entry]) -> list[tuple[date, time | None, time | None, int | None]]:
    return [(e.day, e.start, e.end, e.minutes) for e in entries]


def test_a_conference_holds_each_day_it_spans() -> None:
    first = datetime(2027, 1, 5, 9, 0)
    last = datetime(2027, 1, 7, 17, 0)
    pieces = day_by_day(_entry("Conference"), first, last, *WIDE)
    assert _spans(pieces) == [
        (date(2027, 1, 5), time(9, 0), time(23, 59), 15 * 60),
        (date(2027, 1, 6), time(0, 0), time(23, 59), 24 * 60),
        (date(2027, 1, 7), time(0, 0), time(17, 0), 17 * 60),
    ]
    assert {p.title for p in pieces} == {"Conference"}
    assert "goes on from Tue 05 Jan 09:00" in pieces[2].reason
    assert pieces[0].reason == "words"


def test_a_night_shift_holds_the_next_morning() -> None:
    first = datetime(2027, 1, 5, 22, 0)
    pieces = day_by_day(_entry("Night shift"), first, datetime(2027, 1, 6, 7, 30), *WIDE)
    assert _spans(pieces)[1] == (date(2027, 1, 6), time(0, 0), time(7, 30), 450)


def test_an_event_ending_at_midnight_is_one_day() -> None:
    first = datetime(2027, 1, 5, 22, 0)
    pieces = day_by_day(_entry("Party"), first, datetime(2027, 1, 6, 0, 0), *WIDE)
    assert _spans(pieces) == [(TUESDAY, time(22, 0), time(23, 59), 120)]


def test_only_the_days_inside_the_window_are_kept() -> None:
    first = datetime(2027, 1, 5, 9, 0)
    last = datetime(2027, 1, 7, 17, 0)
    pieces = day_by_day(_entry("Conference"), first, last, date(2027, 1, 6), date(2027, 1, 6))
    assert [p.day for p in pieces] == [date(2027, 1, 6)]


def test_a_race_past_midnight_is_one_race_and_a_long_run_after_midnight() -> None:
    race = replace(_entry("Ultra 100 km", "run", RunKind.RACE), priority="A")
    first = datetime(2027, 1, 5, 20, 0)
    pieces = day_by_day(race, first, datetime(2027, 1, 6, 8, 0), *WIDE)
    assert [(p.kind, p.priority) for p in pieces] == [(RunKind.RACE, "A"), (RunKind.LONG, None)]
    runs = Calendar(tuple(pieces), None).runs()
    # the next morning holds a long run till 08:00: no strength that day (`no-hard-run-day`)
    assert [(r.day, r.kind, r.finish) for r in runs][1] == (
        date(2027, 1, 6),
        RunKind.LONG,
        time(8, 0),
    )


def test_busy_pieces_become_busy_runs_on_each_day() -> None:
    first = datetime(2027, 1, 5, 9, 0)
    last = datetime(2027, 1, 7, 17, 0)
    runs = Calendar(tuple(day_by_day(_entry("Conference"), first, last, *WIDE)), None).runs()
    assert [(r.day, r.busy, r.start, r.finish) for r in runs] == [
        (date(2027, 1, 5), True, time(9, 0), time(23, 59)),
        (date(2027, 1, 6), True, time(0, 0), time(23, 59)),
        (date(2027, 1, 7), True, time(0, 0), time(17, 0)),
    ]


@given(
    start=st.datetimes(datetime(2027, 1, 1), datetime(2027, 2, 1)),
    minutes=st.integers(1, 6 * 24 * 60),
)
def test_the_pieces_cover_the_event_exactly_once(start: datetime, minutes: int) -> None:
    first = start.replace(second=0, microsecond=0)
    last = first + timedelta(minutes=minutes)
    pieces = day_by_day(_entry("Event"), first, last, *WIDE)
    assert sum(p.minutes or 0 for p in pieces) == minutes
    assert [p.day for p in pieces] == [first.date() + timedelta(days=i) for i in range(len(pieces))]
    assert pieces[0].start == first.time()
    for piece in pieces[1:]:
        assert piece.start == time(0, 0)
    ends = [p.end for p in pieces]
    assert all(end == time(23, 59) for end in ends[:-1])
    assert ends[-1] == (last.time() if last.time() != time(0, 0) else time(23, 59))
