"""Race priorities survive the logbook: the profile's and a stored plan's race days."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from legday.errors import StoreError
from legday.model import Plan, Race
from legday.store.mapping import plan_document, plan_from_document, races_from_json, races_to_json

GOAL, CLUB = date(2027, 4, 25), date(2027, 3, 14)


def test_profile_races_keep_their_priorities_and_old_rows_still_read() -> None:
    stored = races_to_json((CLUB, GOAL), ((CLUB, "C"),))
    assert stored == [{"date": "2027-03-14", "priority": "C"}, "2027-04-25"]
    assert races_from_json(stored) == ((CLUB, GOAL), ((CLUB, "C"),))
    assert races_from_json(["2027-04-25"]) == ((GOAL,), ())  # a row of an older release


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ({"2027-04-25": "A"}, "expected a list"),
        ([{"date": "2027-04-25", "priority": "X"}], "priority 'X', not A, B or C"),
        ([{"day": "2027-04-25"}], "is not a date or {date, priority}"),
        (["April"], "is not a date"),
    ],
)
def test_a_hand_edited_backup_is_one_line(value: Any, needle: str) -> None:
    with pytest.raises(StoreError, match="profile races") as caught:
        races_from_json(value)
    assert needle in str(caught.value)


def test_a_stored_plan_keeps_its_race_days() -> None:
    plan = Plan(
        date(2027, 3, 1),
        date(2027, 4, 25),
        (),
        (),
        (),
        races=(CLUB, GOAL),
        race_days=(Race(CLUB, "C", "club 5K"), Race(GOAL, "A", "City Marathon")),
    )
    again = plan_from_document(plan.start, plan.end, plan_document(plan), ())
    assert again == plan
    older = {k: v for k, v in plan_document(plan).items() if k not in ("races", "race_days")}
    assert plan_from_document(plan.start, plan.end, older, ()).race_days == ()
