"""Time windows from a profile table or `--window` flags, checked with one-line errors."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest

from legday.errors import InputError
from legday.profiles import build_profile, parse_windows

START = date(2027, 1, 4)


def test_table_with_a_default_for_the_other_days() -> None:
    found = parse_windows({"mon": "06:00-08:00", "sat": "9:00 - 12:30", "default": "06:00-21:30"})
    assert found[0] == (0, time(6), time(8))
    assert found[5] == (5, time(9), time(12, 30))
    assert [day for day, _, _ in found] == list(range(7))
    assert all((o, c) == (time(6), time(21, 30)) for d, o, c in found if d not in (0, 5))


def test_flags_and_full_day_names() -> None:
    found = parse_windows(["Tuesday=17:00-19:00", "sun=07:15-09:00"])
    assert found == ((1, time(17), time(19)), (6, time(7, 15), time(9)))


def test_no_windows_means_any_time() -> None:
    profile = build_profile({}, default_start=START)
    assert profile.windows == () and profile.window(0) is None
    profile = build_profile({"windows": {"wed": "06:00-07:00"}}, default_start=START)
    assert profile.window(2) == (time(6), time(7)) and profile.window(3) is None
    hash(profile)  # still frozen and hashable


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ({"mon": "6-8"}, "windows: mon: '6-8' is not a window like 06:00-08:00"),
        ({"mon": "08:00-06:00"}, "windows: mon: '08:00-06:00' must end after it starts"),
        ({"mon": "06:00-06:00"}, "must end after it starts"),
        ({"mon": "25:00-26:00"}, "is not a time of day"),
        ({"mon": "06:60-07:00"}, "is not a time of day"),
        ({"mon": 6}, "windows: mon: 6 is not a window"),
        ({"funday": "06:00-08:00"}, "windows: unknown weekday 'funday'"),
        ("06:00-08:00", 'windows: expected a table like mon = "06:00-08:00"'),
        (["mon 06:00-08:00"], "window: 'mon 06:00-08:00' is not DAY=HH:MM-HH:MM"),
        (["mon=06:00-08:00", "Mon=09:00-10:00"], "window: Mon is given twice"),
        (["xyz=06:00-08:00"], "window: unknown weekday 'xyz'"),
    ],
)
def test_bad_windows_name_the_field_in_one_line(value: Any, needle: str) -> None:
    with pytest.raises(InputError) as raised:
        build_profile({"windows": value}, default_start=START)
    message = str(raised.value)
    assert needle in message and "\n" not in message
    assert raised.value.field in ("windows", "window")
