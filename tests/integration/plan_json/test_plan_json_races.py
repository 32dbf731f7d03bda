"""Race days in the plan JSON: `race_days` with priorities, `races` as dates or races."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from legday.errors import PlanFileError
from legday.exports.plan_json import plan_from_json, plan_to_json
from legday.model import Plan, Race

GOAL, CLUB = date(2027, 1, 10), date(2027, 1, 6)
PLAN = Plan(
    date(2027, 1, 4),
    date(2027, 1, 10),
    (),
    (),
    (),
    races=(CLUB, GOAL),
    race_days=(Race(CLUB, "C", "club 5K"), Race(GOAL, "A", "City Marathon")),
)


def _data(**changes: Any) -> dict[str, Any]:
    return {**plan_to_json(PLAN), **changes}


def test_race_days_are_written_beside_the_list_of_dates() -> None:
    data = plan_to_json(PLAN)
    assert data["races"] == ["2027-01-06", "2027-01-10"]
    assert data["race_days"][0] == {"date": "2027-01-06", "priority": "C", "title": "club 5K"}
    assert plan_from_json(data, "plan.json") == PLAN


def test_older_plans_and_races_written_as_objects_read() -> None:
    older = {k: v for k, v in plan_to_json(PLAN).items() if k != "race_days"}
    assert plan_from_json(older, "old.json").races == (CLUB, GOAL)
    assert plan_from_json(older, "old.json").race_days == ()
    objects = _data(races=[{"date": "2027-01-06", "priority": "C"}, "2027-01-10"])
    del objects["race_days"]
    again = plan_from_json(objects, "hand.json")
    assert again.races == (CLUB, GOAL) and again.race_days == (Race(CLUB, "C", "race"),)


@pytest.mark.parametrize(
    ("changes", "needle"),
    [
        ({"race_days": [{"date": "2027-01-06", "priority": "D"}]}, "plan.race_days[0].priority"),
        ({"race_days": [{"priority": "A"}]}, "plan.race_days[0]"),
        ({"races": [{"date": "2027-01-06"}]}, "plan.races[0]"),
        ({"race_days": [{"date": "2027-02-30", "priority": "A"}]}, "race_days[0].date"),
    ],
)
def test_a_bad_race_is_one_line_naming_the_field(changes: dict[str, Any], needle: str) -> None:
    with pytest.raises(PlanFileError) as caught:
        plan_from_json(_data(**changes), "coach.json")
    message = str(caught.value)
    assert message.startswith("coach.json: ") and needle in message and "\n" not in message
