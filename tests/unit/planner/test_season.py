"""Phases count down to the goal race; tune-up races get a race week only."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta

from legday.model import Phase, Profile, Run, RunKind
from legday.planner.season import goal_races, season

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
    assert phases[16] is Phase.TAPER and phases[17] is Phase.RACE


def test_a_lone_half_marathon_is_a_goal_with_taper_and_rest_after() -> None:
    half = Run(MONDAY + timedelta(weeks=9, days=6), "Halbmarathon", RunKind.RACE)
    phases = _phases([half])
    assert goal_races([half]) == {half.day}
    assert phases[8] is Phase.TAPER and phases[9] is Phase.RACE
    assert phases[10] is Phase.POST_RACE


def test_phases_count_down_and_recovery_comes_every_fourth_week() -> None:
    full = Run(MONDAY + timedelta(weeks=17, days=6), "Marathon", RunKind.RACE)
    phases = _phases([full])
    assert phases[:3] == [Phase.BASE] * 3
    assert phases[3] is Phase.RECOVERY
    assert Phase.PEAK in phases[14:16]
    assert all(
        Phase.RECOVERY in phases[i : i + 4] or Phase.POST_RACE in phases[i : i + 4]
        for i in range(15)
    )


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
