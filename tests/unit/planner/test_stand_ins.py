"""Swaps keep the care the athlete needs, and only that care."""

from __future__ import annotations

from legday.catalogue.loader import load_catalogue
from legday.model import Equipment, Level
from legday.planner.session import pools_for, stand_ins


def test_care_for_problems_the_athlete_lacks_does_not_block_a_swap() -> None:
    pools = pools_for(load_catalogue(), frozenset(Equipment), Level.ADVANCED)
    exercises = pools.traits.exercises
    checked = 0
    for old in pools.main:
        for new in pools.alternatives(old):
            lost = set(exercises[old].injury_care) - set(exercises[new].injury_care)
            for injury in lost:
                assert new in stand_ins(pools, old, ())
                assert new not in stand_ins(pools, old, (injury,))
                checked += 1
    assert checked > 10  # the catalogue has such pairs, so the test tests something
