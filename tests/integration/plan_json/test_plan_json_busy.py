"""Busy time in the plan file: `days[].busy` beside the runs, read back as it was."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import pytest

from legday.errors import PlanFileError
from legday.exports.plan_json import plan_from_json, plan_to_json
from legday.model import Profile, Run, RunKind
from legday.planner import make_plan
from mini_catalogue import mini_catalogue

MONDAY = date(2027, 1, 4)
WEDNESDAY = MONDAY + timedelta(days=2)


def _data() -> dict[str, Any]:
    runs = [
        Run(WEDNESDAY, "Swim", RunKind.REST, time(18), time(19), busy=True),
        Run(WEDNESDAY, "Easy 6 km", RunKind.EASY, time(7), time(7, 40)),
        Run(WEDNESDAY, "Call", RunKind.REST, time(7), None, 20, busy=True),
    ]
    return plan_to_json(make_plan(Profile(start=MONDAY, weeks=1), runs, mini_catalogue()))


def test_busy_time_sits_beside_the_runs_and_comes_back() -> None:
    data = _data()
    wednesday = next(d for d in data["days"] if d["date"] == WEDNESDAY.isoformat())
    assert [r["title"] for r in wednesday["runs"]] == ["Easy 6 km"]
    assert wednesday["busy"] == [
        # its end from its minutes, and said so (it reads back with no end, as it was)
        {"title": "Call", "start": "07:00", "end": "07:20", "minutes": 20, "open_end": True},
        {"title": "Swim", "start": "18:00", "end": "19:00"},
    ]
    plan = plan_from_json(data, "plan.json")
    assert [r.end for r in plan.runs if r.busy] == [None, time(19)]
    busy = [(r.title, r.start, r.finish) for r in plan.runs if r.busy]
    assert busy == [("Call", time(7), time(7, 20)), ("Swim", time(18), time(19))]
    assert all(r.kind is RunKind.REST and not r.running for r in plan.runs if r.busy)
    # the run first, then busy time that starts with it: the planner's order
    assert [r.title for r in plan.runs] == ["Easy 6 km", "Call", "Swim"]


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"title": "Swim", "start": "25:00", "end": "26:00"}, "busy.start: '25:00' is not a time"),
        ({"title": "Swim", "start": None, "end": "19:00"}, "busy[0].start"),
        ({"title": "Swim", "start": "18:00"}, "busy[0]"),
    ],
)
def test_a_bad_busy_entry_is_one_line_naming_the_field(entry: dict[str, Any], problem: str) -> None:
    data = _data()
    data["days"][0]["busy"] = [entry]
    with pytest.raises(PlanFileError) as caught:
        plan_from_json(data, "plan.json")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("plan.json: ") and problem in message
