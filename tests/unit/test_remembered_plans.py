"""tests/remembered_plans.py: the fast profile's memory of the logbook's planner hands
back a plan only for exactly the same inputs and the same catalogue object."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from legday.catalogue.loader import load_catalogue
from legday.model import Plan, Profile
from mini_catalogue import mini_catalogue
from remembered_plans import KEPT, remembering

START = date(2027, 1, 4)


def _counting() -> tuple[list[tuple[Any, ...]], Any]:
    calls: list[tuple[Any, ...]] = []

    def make_plan(profile: Profile, runs: list[Any], catalogue: Any, **kwargs: Any) -> Plan:
        calls.append((profile, runs, catalogue, kwargs))
        return Plan(start=profile.start, end=profile.end, weeks=(), runs=(), sessions=())

    return calls, make_plan


def test_the_same_season_is_planned_once_and_another_anew() -> None:
    calls, make_plan = _counting()
    remembered = remembering(make_plan)
    catalogue = load_catalogue()
    six = Profile(start=START, weeks=6)
    first = remembered(six, [], catalogue)
    assert remembered(Profile(start=START, weeks=6), [], catalogue) is first
    assert len(calls) == 1
    remembered(replace(six, weeks=7), [], catalogue)
    remembered(six, [], catalogue, done=(START,))
    remembered(six, [], mini_catalogue())  # another catalogue, another plan
    assert len(calls) == 4


def test_it_keeps_only_the_last_plans() -> None:
    calls, make_plan = _counting()
    remembered = remembering(make_plan)
    catalogue = load_catalogue()
    for weeks in range(1, KEPT + 2):
        remembered(Profile(start=START, weeks=weeks), [], catalogue)
    remembered(Profile(start=START, weeks=KEPT + 1), [], catalogue)  # still kept
    assert len(calls) == KEPT + 1
    remembered(Profile(start=START, weeks=1), [], catalogue)  # the oldest was let go
    assert len(calls) == KEPT + 2
