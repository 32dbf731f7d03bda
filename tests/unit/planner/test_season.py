"""Phases count down to the goal race; tune-up races get a race week only."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from legday.model import REST_PHASES, Phase, Profile, Run, RunKind
from legday.planner.season import (
    MAX_BLOCK_WEEKS,
    MIN_BLOCK_WEEKS,
    WeekFrame,
    _in_blocks,
    goal_races,
    season,
)

MONDAY = date(2027, 1, 4)


def _phases(runs: list[Run], weeks: int = 18) -> list[Phase]:
    return [f.phase for f in season(Profile(start=MONDAY, weeks=weeks), runs)]


def test_tune_up_half_before_the_marathon_is_no_goal() -> None:
    half = Run(MONDAY + timedelta(weeks=9, days=6), "Half marathon", RunKind.RACE, minutes=100)
    full = Run(MONDAY + timedelta(weeks=17, days=6), "City Marathon", RunKind.RACE, minutes=220)
    assert goal_races([half, full]) == {full.day}
    phases = _phases([half, full])
    assert phases[9] is Phase.RACE  # the tune-up keeps its light race week
    assert phases[10] is not Phase.POST_RACE  # but no week off after it
    assert phases[8] is not Phase.TAPER
    # the taper, here merged with the month's recovery week
    assert phases[16] in (Phase.TAPER, Phase.RECOVERY) and phases[17] is Phase.RACE


def test_a_lone_half_marathon_is_a_goal_with_taper_and_rest_after() -> None:
    half = Run(MONDAY + timedelta(weeks=9, days=6), "Halbmarathon", RunKind.RACE)
    phases = _phases([half])
    assert goal_races([half]) == {half.day}
    # the taper, here merged with the month's recovery week (its race week lifts)
    assert phases[8] in (Phase.TAPER, Phase.RECOVERY) and phases[9] is Phase.RACE
    assert phases[10] is Phase.POST_RACE


def test_phases_count_down_and_recovery_comes_every_fourth_week() -> None:
    full = Run(MONDAY + timedelta(weeks=17, days=6), "Marathon", RunKind.RACE)
    phases = _phases([full])
    assert phases[:3] == [Phase.BASE] * 3
    assert phases[3] is Phase.RECOVERY
    # the race week's one light session is no step back (`recovery-week`, issue 13)
    steps = (Phase.RECOVERY, Phase.POST_RACE)
    assert all(any(p in steps for p in phases[i : i + 4]) for i in range(15))
    # three lifting weeks before each recovery week (a coach's read), but for the last:
    # one a week sooner, in the first peak week, rather than right before the taper
    # (three light weeks before the goal race); merging it with the taper would take
    # three weeks of training from the blocks before
    assert [i for i, p in enumerate(phases) if p is Phase.RECOVERY] == [3, 7, 11, 14]
    assert phases[14:18] == [Phase.RECOVERY, Phase.PEAK, Phase.TAPER, Phase.RACE]


def test_no_race_is_off_season() -> None:
    assert set(_phases([], weeks=3)) == {Phase.OFF_SEASON}


def test_week_notes_do_not_depend_on_the_hash_seed() -> None:
    """Two goal races in one week: the week after names the same race in every process
    (sets of dates iterate in a per-process order)."""
    script = (
        "from datetime import date; from legday.model import *; "
        "from legday.planner.season import season; "
        "runs = [Run(date(2027, 2, 16), 'Marathon', RunKind.RACE), "
        "Run(date(2027, 2, 18), 'Ultra trail', RunKind.RACE)]; "
        "print([f.note for f in season(Profile(date(2027, 1, 4), weeks=9), runs)])"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in range(6)
    }
    assert len(outputs) == 1
    assert "after the A race (Marathon) on Tue 16 Feb" in outputs.pop()


B, P, R = Phase.BASE, Phase.PEAK, Phase.RECOVERY


def _blocks(phases: list[Phase]) -> list[tuple[int, int, int]]:
    """(block, block_week, ramp) per week of these phases."""
    frames = [
        WeekFrame(MONDAY + timedelta(weeks=i), phase, "", 2, 2) for i, phase in enumerate(phases)
    ]
    return [(f.block, f.block_week, f.ramp) for f in _in_blocks(frames)]


def test_a_week_without_strength_starts_a_new_block() -> None:
    assert _blocks([B, B, B, R, B, B, B, B]) == [
        (1, 1, 0), (1, 2, 0), (1, 3, 0), (0, 0, 0), (2, 1, 0), (2, 2, 0), (2, 3, 0), (2, 4, 0),
    ]  # fmt: skip


def test_building_turns_to_keeping_in_a_new_block_only_when_both_have_three_weeks() -> None:
    assert [block for block, _, _ in _blocks([B, B, B, P, P, P])] == [1, 1, 1, 2, 2, 2]
    assert [block for block, _, _ in _blocks([B, B, B, P])] == [1, 1, 1, 1]  # not 3 + 1
    assert [block for block, _, _ in _blocks([B, P, P, P])] == [1, 1, 1, 1]


def test_a_long_run_of_lifting_weeks_splits_into_even_blocks() -> None:
    assert [week for _, week, _ in _blocks([B] * 7)] == [1, 2, 3, 4, 1, 2, 3]
    assert [block for block, _, _ in _blocks([B] * 13)] == [1] * 5 + [2] * 4 + [3] * 4


def test_the_two_lifting_weeks_after_an_a_races_week_off_ramp_up() -> None:
    after = [Phase.TAPER, Phase.RACE, Phase.POST_RACE, B, B, B, B]
    assert [ramp for _, _, ramp in _blocks(after)] == [0, 0, 0, 1, 2, 0, 0]
    # a blocked week after the week off: the ramp waits for the first week that lifts
    blocked = [Phase.RACE, Phase.POST_RACE, Phase.BLOCKED, B, B, B]
    assert [ramp for _, _, ramp in _blocks(blocked)] == [0, 0, 0, 1, 2, 0]
    assert [ramp for _, _, ramp in _blocks([Phase.RACE, R, B, B])] == [0, 0, 0, 0]


def test_a_marathon_season_ramps_back_after_the_race() -> None:
    full = Run(MONDAY + timedelta(weeks=4, days=6), "Marathon", RunKind.RACE)
    frames = season(Profile(start=MONDAY, weeks=9, recovery_every=6), [full])
    phases = [f.phase for f in frames]
    assert phases[3:6] == [Phase.TAPER, Phase.RACE, Phase.POST_RACE]
    assert [f.ramp for f in frames[6:]] == [1, 2, 0]
    assert frames[6].block == frames[4].block + 1 and frames[6].block_week == 1


@given(st.lists(st.sampled_from(list(Phase)), max_size=30))
def test_blocks_hold_three_to_six_weeks_where_the_run_allows(phases: list[Phase]) -> None:
    numbered = _blocks(phases)
    run: list[tuple[int, int, int]] = []
    for phase, week in [*zip(phases, numbered, strict=True), (Phase.RECOVERY, (0, 0, 0))]:
        if phase not in REST_PHASES:
            assert (week[1] == 0) == (phase in (Phase.TAPER, Phase.RACE)), (phase, week)
            run.append(week)
            continue
        assert week == (0, 0, 0)
        sizes = [
            sum(1 for b, _, _ in run if b == block) for block in dict.fromkeys(b for b, _, _ in run)
        ]
        assert all(size <= MAX_BLOCK_WEEKS for size in sizes)
        if len(run) >= MIN_BLOCK_WEEKS:
            assert all(size >= MIN_BLOCK_WEEKS for size in sizes)
        # a block counts its training weeks; its taper and race weeks have no place in it
        for block in dict.fromkeys(b for b, _, _ in run):
            counted = [w for b, w, _ in run if b == block and w]
            assert counted == list(range(1, len(counted) + 1))
        run = []
