"""`injury-care` is a hard rule, so the packaged catalogue must never leave an athlete
without a care exercise: with only body weight and a wall, at every level, each problem
has a doable strength or balance exercise (the planner's main pool) for each muscle it
needs, and each of those carries evidence."""

from __future__ import annotations

from datetime import date, time, timedelta
from itertools import combinations

import pytest

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.model import (
    ALWAYS_AT_HAND,
    CARE_NEEDS,
    INJURIES,
    Equipment,
    ExerciseKind,
    Level,
    Muscle,
    Profile,
    Run,
    RunKind,
)
from legday.planner import make_plan
from thorough import sample

NEEDS = [(injury, muscle) for injury in INJURIES for muscle in CARE_NEEDS[injury]]
MAIN = (ExerciseKind.STRENGTH, ExerciseKind.BALANCE)
START = date(2027, 1, 4)  # a Monday


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _covered(
    catalogue: Catalogue, kit: frozenset[Equipment], level: Level
) -> set[tuple[str, Muscle]]:
    doable = catalogue.doable(kit, level, *MAIN)
    return {
        (injury, muscle)
        for injury, muscle in NEEDS
        if any(injury in e.injury_care and muscle in e.muscles for e in doable)
    }


def test_every_injury_has_care_needs() -> None:
    assert set(CARE_NEEDS) == set(INJURIES)
    assert all(CARE_NEEDS[injury] for injury in INJURIES)


@pytest.mark.parametrize("level", list(Level))
@pytest.mark.parametrize(("injury", "muscle"), NEEDS)
def test_care_at_hand_for_every_need_and_level(
    catalogue: Catalogue, injury: str, muscle: Muscle, level: Level
) -> None:
    doable = catalogue.doable(ALWAYS_AT_HAND, level, *MAIN)
    care = [e for e in doable if injury in e.injury_care and muscle in e.muscles]
    assert care, f"no {injury} care for {muscle} at {level} with only body weight and a wall"
    for e in care:
        assert e.evidence, e.id
        assert set(e.equipment) <= ALWAYS_AT_HAND


def test_more_kit_never_loses_care(catalogue: Catalogue) -> None:
    """Kit only adds exercises: any one or two extra items keep every need covered."""
    extra = [e for e in Equipment if e not in ALWAYS_AT_HAND]
    for size in (1, 2):
        for items in combinations(extra, size):
            for level in Level:
                kit = frozenset(items) | ALWAYS_AT_HAND
                assert _covered(catalogue, kit, level) == set(NEEDS), (items, level)


def _calendar(weeks: int) -> list[Run]:
    """Intervals on Tuesday, easy runs Monday and Thursday, a long run on Sunday."""
    runs: list[Run] = []
    for week in range(weeks):
        monday = START + timedelta(days=7 * week)
        for offset, title, kind in (
            (0, "Easy run", RunKind.EASY),
            (1, "Intervals", RunKind.HARD),
            (3, "Easy run", RunKind.EASY),
            (6, "Long run", RunKind.LONG),
        ):
            runs.append(Run(monday + timedelta(days=offset), title, kind, time(7), time(8), 60))
    return runs


PROBLEMS = [(i,) for i in INJURIES] + list(combinations(INJURIES, 2))
# Every problem and pair of them at every level is a plan each: the dev profile plans a
# quarter of them (the same ones every run), the ci profile all.
CASES = sample(
    [(injuries, level) for injuries in PROBLEMS for level in Level],
    key=lambda case: f"{'+'.join(case[0])}-{case[1]}",
)


@pytest.mark.parametrize(
    ("injuries", "level"), CASES, ids=[f"{'+'.join(i)}-{level}" for i, level in CASES]
)
def test_short_bodyweight_sessions_carry_all_care(
    catalogue: Catalogue, injuries: tuple[str, ...], level: Level
) -> None:
    """The hardest case: nothing but a wall, 30-minute sessions, up to two problems."""
    profile = Profile(start=START, weeks=6, injuries=injuries, level=level, minutes=30, seed=7)
    plan = make_plan(profile, _calendar(6), catalogue)
    assert plan.sessions
    assert not [v for v in plan.violations if v.rule == "injury-care"]
