"""The density guard's estimate of what one period of an RRULE builds (issue 12: a rule
multiplying BYYEARDAY x BYHOUR x BYMINUTE passed it and took 21 s)."""

from __future__ import annotations

from datetime import date

import pytest

from legday.calendars.ics import _load, _parts, _per_period


@pytest.mark.parametrize(
    ("rule", "built", "kept"),
    [
        ("FREQ=DAILY", 1, 1),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", 3, 3),
        ("FREQ=MONTHLY;BYDAY=TU", 5, 5),  # up to five Tuesdays a month
        ("FREQ=MONTHLY;BYDAY=1SA", 1, 1),
        ("FREQ=YEARLY;BYDAY=MO", 53, 53),
        ("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", 1, 1),
        ("FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=21,22,23,24,25,26,27;BYDAY=SU", 7, 7),
        ("FREQ=YEARLY;BYWEEKNO=1,2", 14, 14),
        ("FREQ=DAILY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12", 1, 1),  # a filter, capped
        ("FREQ=DAILY;BYHOUR=6,18;BYMINUTE=0,30", 4, 4),
        ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", 25, 1),
        ("FREQ=MINUTELY;BYSECOND=0,30", 2, 2),
        ("FREQ=SECONDLY;BYHOUR=7", 1, 1),
    ],
)
def test_one_period(rule: str, built: int, kept: int) -> None:
    parts = _parts(rule)
    assert _per_period(parts["FREQ"][0], parts) == (built, kept)


def test_every_by_part_multiplies() -> None:
    days = ",".join(str(d) for d in range(1, 367))
    hours = ",".join(str(h) for h in range(24))
    minutes = ",".join(str(m) for m in range(60))
    parts = _parts(f"FREQ=YEARLY;BYYEARDAY={days};BYHOUR={hours};BYMINUTE={minutes}")
    assert _per_period("YEARLY", parts) == (366 * 24 * 60, 366 * 24 * 60)


def test_until_and_count_bound_the_load() -> None:
    start, end = date(2027, 1, 1), date(2027, 12, 31)
    _, work, within = _load("x.ics", "FREQ=DAILY", date(2017, 1, 1), start, end, None)
    assert work == 4017  # every day from 2017 to the end of 2027
    assert within == pytest.approx(366, abs=2)
    _, work, within = _load("x.ics", "FREQ=DAILY;COUNT=10", date(2017, 1, 1), start, end, None)
    assert (work, within) == (10, 10)
    until = "FREQ=HOURLY;UNTIL=20270102T000000Z"
    _, work, within = _load("x.ics", until, date(2027, 1, 1), start, end, None)
    assert work == 48
