"""`variety` asks each 4-week block for something new, except a block that lies within
SETTLED_BEFORE_GOAL of an A race: the planner keeps those weeks to what the athlete knows
on purpose (`make run` showed two such findings)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from tests.unit.rules.test_rules import CATALOGUE, MAIN, MONDAY, rx, session

from legday.model import Phase, Plan, Race, Week
from legday.rules import check_plan
from legday.rules.season import SETTLED_BEFORE_GOAL

EXTRAS = ("goblet-squat", "reverse-lunge", "glute-bridge", "single-leg-bridge")


def _two_blocks(race: Race | None) -> Plan:
    """Block one brings four extras; block two (weeks 5-6) repeats them, nothing new."""
    weeks = tuple(Week(MONDAY + timedelta(weeks=i), Phase.BUILD, "", 2) for i in range(6))
    days = [MONDAY + timedelta(weeks=w, days=d) for w in range(6) for d in (0, 3)]
    sessions = tuple(
        session(day, (*MAIN, rx(EXTRAS[index % len(EXTRAS)]))) for index, day in enumerate(days)
    )
    plan = Plan(MONDAY, MONDAY + timedelta(weeks=6, days=-1), weeks, (), sessions)
    return plan if race is None else replace(plan, race_days=(race,))


def _variety(plan: Plan) -> list[str]:
    return [v.message for v in check_plan(plan, CATALOGUE) if v.rule == "variety"]


def test_a_block_without_anything_new_is_found_far_from_a_goal() -> None:
    found = _variety(_two_blocks(None))
    assert [m for m in found if "brings no new exercise" in m]


def test_a_block_within_the_settled_weeks_before_an_a_race_is_not() -> None:
    goal = MONDAY + timedelta(weeks=6, days=6)  # the Sunday after the plan: weeks 5-6 settled
    assert goal - (MONDAY + timedelta(weeks=4)) < SETTLED_BEFORE_GOAL
    found = _variety(_two_blocks(Race(goal, "A", "City Marathon")))
    assert not [m for m in found if "brings no new exercise" in m]


def test_a_b_race_settles_nothing() -> None:
    goal = MONDAY + timedelta(weeks=6, days=6)
    found = _variety(_two_blocks(Race(goal, "B", "County 10K")))
    assert [m for m in found if "brings no new exercise" in m]
