"""Swaps keep the care the athlete needs, and only that care."""

from __future__ import annotations

from legday.catalogue.loader import load_catalogue
from legday.model import Equipment, ExerciseKind, Level
from legday.planner.session import stand_ins


def test_care_for_problems_the_athlete_lacks_does_not_block_a_swap() -> None:
    kinds = (ExerciseKind.STRENGTH, ExerciseKind.BALANCE)
    main = load_catalogue().doable(frozenset(Equipment), Level.ADVANCED, *kinds)
    checked = 0
    for old in main:
        for new in stand_ins(main, old, ()):
            lost = set(old.injury_care) - set(new.injury_care)
            for injury in lost:
                assert new not in stand_ins(main, old, (injury,))
                checked += 1
    assert checked > 10  # the catalogue has such pairs, so the test tests something
