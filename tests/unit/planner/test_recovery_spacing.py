"""Recovery weeks spaced apart and kept out of the peak (issue 13, a coach's read of a
track season): the plan put recovery weeks in weeks 11 and 14 and the peak in 15, two thin
weeks close together just before the goal race, and a half marathoner's recovery week took
the first of the two peak weeks, the week after its tune-up's race week had stepped back.

The season places each stretch's recovery weeks at the least cost (`season._stretch_recovery`):
one more week without strength costs most, then thin weeks piling up (a recovery week
right before a taper or race week, two step backs less than three weeks apart), then a
peak week taken, then a taper merged. The brute force here checks that the placement
found is the cheapest of all that keep `recovery-week`."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import combinations, pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from coach_athletes import half_marathoner, track_athlete
from legday.catalogue.loader import load_catalogue
from legday.model import REST_PHASES, Phase, Profile, Run, RunKind
from legday.planner import make_plan
from legday.planner.season import (
    BEFORE_THIN_COST,
    CLOSE_COSTS,
    EXTRA_RECOVERY_COST,
    IN_PEAK_COST,
    MERGED_TAPER_COST,
    season,
)

CATALOGUE = load_catalogue()
MONDAY = date(2027, 1, 4)


def _recovery(phases: list[Phase]) -> list[int]:
    return [i for i, phase in enumerate(phases) if phase is Phase.RECOVERY]


def test_the_coachs_track_season_keeps_its_recovery_weeks_apart_and_out_of_the_peak() -> None:
    """Meets most Saturdays, the championship in week 18: the recovery weeks were 3, 7, 11
    and 14, the last taking a peak week right after one three weeks before; now the last
    comes before the two peak weeks, and every two are three weeks apart or more."""
    profile, runs = track_athlete()
    plan = make_plan(profile, runs, CATALOGUE)
    phases = [w.phase for w in plan.weeks]
    rests = _recovery(phases)
    assert rests == [3, 7, 10, 13]
    assert phases[14:18] == [Phase.PEAK, Phase.PEAK, Phase.TAPER, Phase.RACE]
    assert all(b - a >= 3 for a, b in pairwise(rests))
    assert not [v for v in plan.violations if v.hard]


def test_the_coachs_half_marathoner_keeps_both_peak_weeks() -> None:
    """A B race in week 7, the A half in week 12: the recovery week came in week 9, two
    weeks after the tune-up's race week and in the first peak week (recovery, peak, taper,
    race). Now the taper is the recovery week: two peak weeks, then one light week."""
    profile, runs = half_marathoner()
    phases = [w.phase for w in make_plan(profile, runs, CATALOGUE).weeks]
    assert phases[8:12] == [Phase.PEAK, Phase.PEAK, Phase.RECOVERY, Phase.RACE]
    assert _recovery(phases) == [3, 10]


def _cost(phases: list[Phase], rests: tuple[int, ...], race_weeks: set[int]) -> int:
    """What the placement costs by the documented costs, stretch by stretch."""
    spent = 0
    previous = -1
    for index, phase in enumerate(phases):
        if index in rests:
            spent += EXTRA_RECOVERY_COST + CLOSE_COSTS.get(index - previous, 0)
            if phase is Phase.TAPER:
                spent += MERGED_TAPER_COST
            elif index + 1 in race_weeks or (
                index + 1 < len(phases) and phases[index + 1] is Phase.TAPER
            ):
                spent += BEFORE_THIN_COST
            spent += IN_PEAK_COST if phase is Phase.PEAK else 0
            previous = index
        elif phase in REST_PHASES or index in race_weeks:
            if previous in rests:
                spent += CLOSE_COSTS.get(index - previous, 0) if index - previous > 1 else 0
            previous = index
    return spent


def _keeps_the_rule(
    phases: list[Phase], rests: tuple[int, ...], every: int, races: set[int]
) -> bool:
    streak = 0
    for index, phase in enumerate(phases):
        if index in rests or phase in REST_PHASES or index in races:
            streak = 0
        else:
            streak += 1
            if streak == every:
                return False
    return True


@settings(max_examples=60, deadline=None)
@given(
    weeks=st.integers(6, 14),
    every=st.integers(3, 6),
    races=st.lists(st.tuples(st.integers(0, 13), st.sampled_from(["A", "B", "C"])), max_size=3),
)
def test_recovery_weeks_are_placed_at_the_least_cost(
    weeks: int, every: int, races: list[tuple[int, str]]
) -> None:
    """Brute force over every set of recovery weeks that keeps `recovery-week`: none costs
    less than the season's placement."""
    runs = [
        Run(MONDAY + timedelta(weeks=week, days=6), "race", RunKind.RACE, priority=priority)
        for week, priority in races
        if week < weeks
    ]
    profile = Profile(start=MONDAY, weeks=weeks, recovery_every=every)
    frames = season(profile, runs)
    placed = tuple(_recovery([f.phase for f in frames]))
    # the phases without recovery weeks: a recovery week keeps the week's place otherwise
    bare = season(Profile(start=MONDAY, weeks=weeks, recovery_every=weeks + 1), runs)
    phases = [f.phase for f in bare]
    race_weeks = {i for i, f in enumerate(bare) if f.phase is Phase.RACE}
    assert _keeps_the_rule(phases, placed, every, race_weeks)
    free = [i for i, phase in enumerate(phases) if phase not in REST_PHASES | {Phase.RACE}]
    best = min(
        _cost(phases, rests, race_weeks)
        for size in range(len(free) + 1)
        for rests in combinations(free, size)
        if _keeps_the_rule(phases, rests, every, race_weeks)
    )
    assert _cost(phases, placed, race_weeks) == best


def test_a_recovery_week_goes_where_the_calendar_lifts_only_when_no_week_is_free() -> None:
    """Found by the ci profile after the least-cost placement came in: a 5-week plan
    (recovery every 3rd week, Mondays only) whose calendar holds strength on the Sundays of
    weeks 3 to 5 got its recovery week in week 3, where the calendar lifts anyway, so
    weeks 1-3 lifted in a row though week 2 was free."""
    profile = Profile(
        start=date(2027, 1, 4), weeks=5, days=frozenset({0}), recovery_every=3, minutes=30
    )
    runs = [
        Run(
            day=date(2027, 1, 24) + timedelta(weeks=n),
            title="strength",
            kind=RunKind.EASY,
            minutes=30,
            is_strength=True,
        )
        for n in range(3)
    ]
    plan = make_plan(profile, runs, CATALOGUE)

    assert [w.phase for w in plan.weeks][1] is Phase.RECOVERY
    unexplained = [
        v for v in plan.violations if v.rule == "recovery-week" and v.day < date(2027, 1, 25)
    ]
    assert not unexplained
