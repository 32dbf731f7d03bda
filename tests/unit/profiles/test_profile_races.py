"""Race days with priorities from the profile's list or table and from `--race DATE[:A]`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from legday.errors import InputError
from legday.profiles import build_profile, parse_races, read_profile_file

START = date(2027, 1, 4)
GOAL, CLUB = date(2027, 4, 25), date(2027, 3, 14)


def test_list_of_dates_still_works_and_means_goal_races() -> None:
    profile = build_profile({"races": [GOAL, "2027-03-14"]}, default_start=START)
    assert profile.races == (CLUB, GOAL) and profile.race_priorities == ()


def test_flags_and_list_items_carry_a_priority() -> None:
    assert parse_races(["2027-04-25:A", "2027-03-14:c", "2027-05-01"]) == (
        (CLUB, GOAL, date(2027, 5, 1)),
        ((CLUB, "C"), (GOAL, "A")),
    )


def test_a_toml_table_of_priorities(tmp_path: Path) -> None:
    path = tmp_path / "me.toml"
    path.write_text('[races]\n2027-04-25 = "A"\n2027-03-14 = "C"\n', encoding="utf-8")
    profile = build_profile(read_profile_file(path), default_start=START)
    assert profile.races == (CLUB, GOAL)
    assert profile.race_priorities == ((CLUB, "C"), (GOAL, "A"))


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        (["2027-04-25:D"], "races: 2027-04-25: priority 'D' is not A (goal), B (tune-up) or C"),
        (["2027-04-25:"], "races: 2027-04-25: priority '' is not A"),
        (["2027-13-01:A"], "races: '2027-13-01' is not a date like 2027-01-04"),
        ({"2027-04-25": 1}, "races: 2027-04-25: priority 1 is not A"),
        ({"25 April": "A"}, "races: '25 April' is not a date"),
        (["2027-04-25:A", "2027-04-25:C"], "races: 2027-04-25 is given twice with different"),
        (7, "races: write a list of dates like [2027-04-25, "),
    ],
)
def test_bad_races_name_the_field_in_one_line(value: Any, needle: str) -> None:
    with pytest.raises(InputError) as caught:
        build_profile({"races": value}, default_start=START)
    assert needle in str(caught.value) and "\n" not in str(caught.value)
