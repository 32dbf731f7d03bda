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

from dataclasses import replace
from datetime import date, timedelta
from itertools import combinations, pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from coach_athletes import half_marathoner, track_athlete
from legday.catalogue.loader import load_catalogue
from legday.model import REST_PHASES, Phase, Profile, Run, RunKind
from legday.planner import make_plan
from legday.planner.season import (
    BEFORE_TAPER_COST,
    BROKEN_RULE_COST,
    C_RACE_WEEK_COST,
    CLOSE_COSTS,
    EXTRA_RECOVERY_COST,
    IN_PEAK_COST,
    MERGED_TAPER_COST,
    MIN_LIFTING_WEEKS,
    RACE_WEEK_COST,
    SHORT_BLOCK_COST,
    TOO_SOON_COST,
    season,
)

CATALOGUE = load_catalogue()
MONDAY = date(2027, 1, 4)


def _recovery(phases: list[Phase]) -> list[int]:
    return [i for i, phase in enumerate(phases) if phase is Phase.RECOVERY]


def test_the_coachs_track_season_keeps_its_recovery_weeks_apart_and_out_of_the_peak() -> None:
    """Meets most Saturdays, the championship in week 18: the recovery weeks were 3, 7, 11
    and 14, the last taking a peak week right after one three weeks before. Now every two
    recovery weeks are three weeks apart or more, and none comes right before the taper
    (three light weeks before the goal): weeks 3 and 7 after three lifting weeks each,
    week 10 (a week without a meet) a week early so that week 14, the other week without
    a meet, is the last, before the peak week, the taper and the championship (a coach's
    read: recovery weeks no sooner than `recovery_every - 1` lifting weeks apart, but for
    a race forcing it)."""
    profile, runs = track_athlete()
    plan = make_plan(profile, runs, CATALOGUE)
    phases = [w.phase for w in plan.weeks]
    rests = _recovery(phases)
    assert rests == [3, 7, 10, 14]
    assert phases[14:18] == [Phase.RECOVERY, Phase.PEAK, Phase.TAPER, Phase.RACE]
    assert all(b - a >= 3 for a, b in pairwise(rests))
    assert not [v for v in plan.violations if v.hard]


def test_the_coachs_half_marathoner_keeps_both_peak_weeks() -> None:
    """A B race in week 7, the A half in week 12: the recovery week came in week 9, two
    weeks after the tune-up's race week and in the first peak week (recovery, peak, taper,
    race). Now both peak weeks and the taper lift, and the goal race's week, after three
    lifting weeks, is the last recovery week (the taper would come after two). The
    tune-up's race week lifts (its one light session is no week without strength), so a
    recovery week follows it: none of the weeks from 4 to 7 could step back without one
    in the peak or one more in all."""
    profile, runs = half_marathoner()
    plan = make_plan(profile, runs, CATALOGUE)
    phases = [w.phase for w in plan.weeks]
    assert phases[8:12] == [Phase.PEAK, Phase.PEAK, Phase.TAPER, Phase.RECOVERY]
    assert _recovery(phases) == [3, 7, 11]
    assert not [v for v in plan.violations if v.hard]


def _cost(
    phases: list[Phase],
    rests: tuple[int, ...],
    every: int,
    race_weeks: set[int],
    c_weeks: set[int],
    filled: set[int],
) -> int:
    """What the placement costs by the documented costs (`planner/season.py`), counted over
    the whole plan as `recovery-week` reads it: each recovery week where it falls (and
    after how many lifting weeks), each run of `every` weeks with strength (a race week's
    one session and the calendar's own strength count), and each two thin weeks close
    together of which one is a recovery week made thin (one on a taper or a race week
    merges with it)."""
    thin = race_weeks | {i for i, phase in enumerate(phases) if phase is Phase.TAPER}
    off = {i for i, phase in enumerate(phases) if phase in REST_PHASES and i not in filled}
    spent = 0
    for week in rests:
        spent += EXTRA_RECOVERY_COST
        if week in race_weeks:
            spent += RACE_WEEK_COST
        elif phases[week] is Phase.TAPER:
            spent += MERGED_TAPER_COST
        elif week in c_weeks:
            spent += C_RACE_WEEK_COST
        spent += IN_PEAK_COST if phases[week] is Phase.PEAK else 0
        if week + 1 < len(phases) and phases[week + 1] is Phase.TAPER:
            spent += BEFORE_TAPER_COST
        last_off = max(w for w in {-1, *off, *rests} if w < week)
        spent += SHORT_BLOCK_COST * max(0, every - (week - last_off))
        spent += TOO_SOON_COST if week - last_off - 1 < MIN_LIFTING_WEEKS else 0
    streak = 0
    for week in range(len(phases)):  # every week a run of lifting weeks goes past the rule
        streak = 0 if week in off or week in rests else streak + 1
        spent += BROKEN_RULE_COST if streak >= every else 0
    made_thin = set(rests) - thin
    points = sorted({-1, *off, *thin, *rests})  # the plan's start counts as a step back
    for before, after in pairwise(points):
        if before in made_thin or after in made_thin:
            spent += CLOSE_COSTS.get(after - before, 0)
    return spent


def _season_with(
    weeks: int, every: int, races: list[tuple[int, str]], lifts: list[int]
) -> tuple[Profile, list[Run]]:
    runs = [
        Run(MONDAY + timedelta(weeks=week, days=6), "race", RunKind.RACE, priority=priority)
        for week, priority in races
        if week < weeks
    ]
    runs += [
        Run(MONDAY + timedelta(weeks=week, days=2), "gym", RunKind.EASY, is_strength=True)
        for week in lifts
        if week < weeks
    ]
    return Profile(start=MONDAY, weeks=weeks, recovery_every=every), runs


@settings(max_examples=80, deadline=None)
@given(
    weeks=st.integers(6, 12),
    every=st.integers(3, 6),
    races=st.lists(st.tuples(st.integers(0, 11), st.sampled_from(["A", "B", "C"])), max_size=3),
    lifts=st.lists(st.integers(0, 11), max_size=6),
)
def test_recovery_weeks_are_placed_at_the_least_cost(
    weeks: int, every: int, races: list[tuple[int, str]], lifts: list[int]
) -> None:
    """Brute force over every set of recovery weeks, the calendar's strength in some weeks:
    none costs less than the season's placement, which never calls a week the calendar
    lifts in a recovery week."""
    profile, runs = _season_with(weeks, every, races, lifts)
    placed = tuple(_recovery([f.phase for f in season(profile, runs)]))
    # the phases without recovery weeks: a recovery week keeps the week's place otherwise
    bare = season(replace(profile, recovery_every=weeks + 1), runs)
    phases = [f.phase for f in bare]
    race_weeks = {i for i, f in enumerate(bare) if f.phase is Phase.RACE}
    c_weeks = {i for i, f in enumerate(bare) if f.only_c_races}
    filled = {w for w in lifts if w < weeks}
    assert not set(placed) & filled
    free = [i for i, phase in enumerate(phases) if phase not in REST_PHASES and i not in filled]
    best = min(
        _cost(phases, rests, every, race_weeks, c_weeks, filled)
        for size in range(len(free) + 1)
        for rests in combinations(free, size)
    )
    assert _cost(phases, placed, every, race_weeks, c_weeks, filled) == best


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


def test_a_week_the_calendar_lifts_in_is_never_called_a_recovery_week() -> None:
    """The calendar's gym class fills weeks 1-4 of a 9-week plan: the least cost once put
    recovery weeks on weeks 3 and 4, which the class fills, and moved each to a free week
    before it only when one was left; none was, so the plan called weeks with strength
    recovery weeks. Now such a week is no recovery week to the cost itself: the first one
    comes in week 5, the first free week, and the rule is broken no longer than the
    calendar makes it."""
    runs = [
        Run(MONDAY + timedelta(weeks=week, days=2), "gym", RunKind.EASY, is_strength=True)
        for week in range(4)
    ]
    for every, rests in ((3, [4, 7]), (4, [4, 8])):
        frames = season(Profile(start=MONDAY, weeks=9, recovery_every=every), runs)
        assert _recovery([f.phase for f in frames]) == rests
