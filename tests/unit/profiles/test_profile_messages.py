"""A wrong profile value is named as the TOML file spells it, with what to write instead:
never a Python repr (datetime.date(...), {'a': 1}) or a type name, never a traceback."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from legday.errors import InputError
from legday.profiles import build_profile, read_profile_file

START = date(2027, 1, 4)
PYTHON_WORDS = re.compile(r"datetime\.|\{'|\['|<class|object at|NoneType|\bdict\b|\bint\b")

CASES = [
    (
        "races = 2027-01-13",
        'races: write a list of dates like [2027-04-25, "2027-05-01:C"] or a [races] table'
        " (got 2027-01-13)",
    ),
    (
        "races = [2027-01-16T09:00:00]",
        "races: 2027-01-16T09:00:00 has a time of day; write the date only, like 2027-01-16",
    ),
    (
        'races = [{date = 2027-01-16, priority = "C"}]',
        'races: {date = 2027-01-16, priority = "C"} is a table; write "2027-01-16:C" in the list',
    ),
    ("races = [[1]]", "races: [1] is not one of the dates; write a list like [2027-04-25"),
    ('races = {2027-01-16 = ["A"]}', 'races: 2027-01-16: priority ["A"] is not A (goal)'),
    ("blocked = 2027-02-14", "blocked: write a list of dates like [2027-02-14, "),
    ("blocked = [12:00:00]", "blocked: 12:00:00 is a time of day, not a date like 2027-01-04"),
    ("start = 2027-01-04T06:00:00", "start: 2027-01-04T06:00:00 has a time of day; write the"),
    ("start = 06:00:00", "start: 06:00:00 is a time of day, not a date"),
    ("start = [2027-01-04]", "start: [2027-01-04] is not a date like 2027-01-04"),
    ("injuries = 3", 'injuries: write a list of injuries like ["shin-splints"] (got 3)'),
    ("injuries = [{a = 1}]", "injuries: {a = 1} is not one of the injuries; write a list like"),
    ("equipment = {band = true}", "equipment: write a list of equipment like ["),
    ("days = [true]", 'days: true is not one of the weekdays; write a list like ["mon", '),
    ("runs = 3", 'runs: write a list of calendars like ["my-plan.ics"] (got 3)'),
    ("kinds = {a = 1}", "kinds: write a list of override files like"),
    ("weeks = 1.5", "weeks: 1.5 is not a whole number"),
    ("minutes = [45]", "minutes: [45] is not a whole number"),
    ("seed = {a = 1}", "seed: {a = 1} is not a whole number"),
    ("sessions = true", "sessions: true is not a whole number"),
    ("level = [1]", "level: [1] is not beginner, intermediate or advanced"),
    ('timezone = ["Europe/Berlin"]', 'tz: unknown time zone ["Europe/Berlin"]'),
    ('dominant_leg = {"left leg" = 1}', 'dominant-leg: {"left leg" = 1} is not left or right'),
    ("windows = 5", 'windows: expected a table like mon = "06:00-08:00" (got 5)'),
    ("windows = {mon = [6, 8]}", "windows: mon: [6, 8] is not a window like 06:00-08:00"),
]


@pytest.mark.parametrize(("line", "message"), CASES)
def test_a_wrong_value_is_named_in_the_files_words(line: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "me.toml"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        build_profile(read_profile_file(path), default_start=START)
    text = str(caught.value)
    assert text.startswith(message), text
    assert "\n" not in text and not PYTHON_WORDS.search(text), text


def test_a_whole_number_written_with_a_point_is_still_one() -> None:
    assert build_profile({"weeks": 18.0}, default_start=START).weeks == 18


def test_a_long_value_is_cut_short_in_the_message() -> None:
    with pytest.raises(InputError) as caught:
        build_profile({"seed": list(range(100))}, default_start=START)
    assert len(str(caught.value)) < 120 and "…" in str(caught.value)
