"""A protocol's dose ramps: each stage lasts at least two weeks, and no week's dose (raises
or holds a leg, at the stage's sets) is more than a quarter above the week before's.

A coach's read found shin care jumping from stage 2's 3 x 15 a leg to stage 3's 3 x 25 and
2 x 20 in one week; the stage now starts at 3 x 20 and reaches 3 x 25 in its second week."""

from __future__ import annotations

import itertools

import pytest

from legday.care import CareItem, CareProtocol
from legday.care.loader import load_protocols
from legday.catalogue.loader import load_catalogue

MOST_RISE = 0.25  # a week's dose at most a quarter above the week before's
FEWEST_STAGE_WEEKS = 2
HOLD_SECONDS_PER_REP = 3  # a 30 s hold counts as 10 raises


def reps_a_leg(items: tuple[CareItem, ...]) -> float:
    """The dose one leg takes: sets of reps, or of holds at a rep every three seconds
    (a two-legged raise loads each leg through the same reps)."""
    return sum(
        item.sets * (item.reps or (item.seconds or 0) / HOLD_SECONDS_PER_REP) for item in items
    )


PROTOCOLS = load_protocols(load_catalogue())


@pytest.mark.parametrize("condition", sorted(PROTOCOLS))
def test_stages_last_two_weeks(condition: str) -> None:
    protocol: CareProtocol = PROTOCOLS[condition]
    assert protocol.advance_after_weeks >= FEWEST_STAGE_WEEKS


@pytest.mark.parametrize("condition", sorted(PROTOCOLS))
@pytest.mark.parametrize("first", [1, 2])
def test_dose_rises_at_most_a_quarter_a_week(condition: str, first: int) -> None:
    protocol = PROTOCOLS[condition]
    doses = []
    for week in range(30):
        stage, week_in_stage = protocol.expected(first, week)
        doses.append((stage.number, reps_a_leg(stage.items_in_week(week_in_stage))))
    for (_, before), (stage, now) in itertools.pairwise(doses):
        assert now <= before * (1 + MOST_RISE), (condition, stage, before, now)
