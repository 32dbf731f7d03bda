"""A run of C races is a competition season (a track or cross-country season: a meet most
weekends). Its weeks keep strength as in-season weeks do, recovery weeks in season keep one
short, light session, and no exercise is met for the first time in a race week."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from bench.athletes import random_athlete

from legday.catalogue.loader import load_catalogue
from legday.model import Level, Phase, Plan, Profile, Race, Run, RunKind
from legday.planner import make_plan
from legday.planner.season import BUILDING, competition_seasons, season

MONDAY = date(2027, 4, 5)
CATALOGUE = load_catalogue()


def _day(week: int, weekday: int) -> date:
    return MONDAY + timedelta(weeks=week, days=weekday)


def _meet(week: int, weekday: int = 5) -> Run:
    return Run(
        _day(week, weekday), "Track meet", RunKind.RACE, time(14), time(16), 120, priority="C"
    )


def _running(weeks: int) -> list[Run]:
    """Intervals on Tuesday evening, easy runs Monday, Wednesday and Friday mornings."""
    runs = [
        Run(_day(w, 1), "Intervals", RunKind.HARD, time(18), time(19), 60) for w in range(weeks)
    ]
    runs += [
        Run(_day(w, d), "Easy run", RunKind.EASY, time(7), time(7, 40), 40)
        for w in range(weeks)
        for d in (0, 2, 4)
    ]
    return runs


def _track_plan(meet_weeks: range, weeks: int = 12, **profile: object) -> Plan:
    runs = _running(weeks) + [_meet(w) for w in meet_weeks]
    athlete = Profile(start=MONDAY, weeks=weeks, **profile)  # type: ignore[arg-type]
    return make_plan(athlete, runs, CATALOGUE)


def test_a_meet_most_weekends_is_a_competition_season_not_the_off_season() -> None:
    """Meets in weeks 3-9 (one weekend off): those weeks keep strength (build), the three
    before the first meet still build it (base: the calendar runs steadily, issue 13); no
    week says "no race ahead" among the meets."""
    plan = _track_plan(range(3, 10), recovery_every=6)
    for index, week in enumerate(plan.weeks):
        if 3 <= index <= 9 and week.phase is not Phase.RECOVERY:
            assert week.phase is Phase.BUILD, (index, week.note)
            assert "competition season, 7 C races" in week.note
            assert "no race ahead" not in week.note
        elif index < 3:
            assert week.phase is Phase.BASE
    assert not [v for v in plan.violations if v.hard]


def test_in_a_competition_season_each_week_lifts_48_to_72_hours_clear_of_its_meet() -> None:
    plan = _track_plan(range(3, 10), recovery_every=6)
    for week in plan.weeks[3:10]:
        days = [s for s in plan.sessions if s.day in week]
        assert days, week.note
        meet = next(
            d for d in (week.start + timedelta(days=n) for n in range(7)) if d.weekday() == 5
        )
        assert any(2 <= (meet - s.day).days <= 3 for s in days), week.note


@pytest.mark.parametrize(
    ("weeks", "seasons"),
    [
        ([2], 0),  # a lone C race sets no countdown and no season
        ([2, 4], 0),  # two are two race weeks
        ([2, 5, 9], 0),  # three, but over seven weeks
        ([2, 4, 7], 1),  # three within six weeks
        ([1, 2, 3, 10, 11, 12], 2),  # two seasons with a gap between
    ],
)
def test_three_c_races_within_six_weeks_make_a_season(weeks: list[int], seasons: int) -> None:
    races = [Race(_day(w, 5), "C", "meet") for w in weeks]
    assert len(competition_seasons(races)) == seasons


def test_c_races_still_start_no_countdown_and_leave_an_a_races_weeks_alone() -> None:
    """Only weeks that would build strength turn into season weeks: a taper or peak
    before the goal race stays one."""
    goal = Run(_day(8, 6), "City Marathon", RunKind.RACE, minutes=200)
    meets = [_meet(w) for w in range(2, 8)]
    frames = season(Profile(start=MONDAY, weeks=9, recovery_every=6), [goal, *meets])
    phases = [f.phase for f in frames]
    assert phases[7] is Phase.TAPER and phases[6] is Phase.PEAK and phases[8] is Phase.RACE
    assert "competition season" not in frames[7].note
    lone = season(Profile(start=MONDAY, weeks=4, recovery_every=6), [_meet(2)])
    assert {f.phase for f in lone} <= BUILDING


def test_a_recovery_week_in_season_keeps_one_short_light_session() -> None:
    plan = _track_plan(range(12), recovery_every=4, minutes=45)
    recovery = [w for w in plan.weeks if w.phase is Phase.RECOVERY]
    assert recovery
    for week in recovery:
        (only,) = [s for s in plan.sessions if s.day in week]
        assert all(p.sets <= 2 and p.target_rpe <= 6 for p in only.main), week.note
        assert "recovery week's one session" in only.why
        assert only.minutes < 40, only.minutes  # short: the athlete asked for 45
        assert not any(p.new for p in only.main)
    assert not [v for v in plan.violations if v.hard]


def test_an_off_season_recovery_week_stays_without_strength() -> None:
    """For a runner past the beginner's months and under 50 (a beginner's and a masters
    athlete's keep one light session: `keeps_light`)."""
    plan = _track_plan(range(0), recovery_every=4, level=Level.INTERMEDIATE)
    recovery = [w for w in plan.weeks if w.phase is Phase.RECOVERY]
    assert recovery
    assert not [s for s in plan.sessions for w in recovery if s.day in w]


@pytest.mark.parametrize("seed", range(6))
def test_no_exercise_is_met_for_the_first_time_in_a_race_week(seed: int) -> None:
    """Whatever the race's priority; the plan's first week aside (all is new there). A
    care routine counts as meeting its exercises."""
    profile, runs = random_athlete(random.Random(seed), 14)
    profile = replace(profile, injuries=())  # care's swaps: test_care_dose.py
    runs = [r for r in runs if r.kind is not RunKind.RACE]
    runs += [
        _meet(w).__class__(
            _day(w, 5) - (MONDAY - profile.start),
            "Track meet",
            RunKind.RACE,
            time(14),
            time(16),
            120,
            priority="C",
        )
        for w in range(3, 12, 2)
    ]
    plan = make_plan(profile, runs, CATALOGUE)
    met: set[str] = set()
    races = {r.day for r in runs if r.kind is RunKind.RACE}
    for s in plan.sessions:
        met.update(p.exercise for r in plan.care if r.day < s.day for p in r.exercises)
        week = next(w for w in plan.weeks if s.day in w)
        if week.start != plan.start and any(d in week for d in races):
            assert {p.exercise for p in s.main} <= met, (s.day, week.note)
        met.update(p.exercise for p in s.main)
