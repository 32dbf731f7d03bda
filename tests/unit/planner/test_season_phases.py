"""The season's phases follow what the calendar holds (issue 13, a coach's read).

A 10K runner racing in season had weeks 1-9 labelled "peak" around three Saturday B
races, weeks 10-12 "off-season" with intervals every week, and no recovery week in twelve;
a beginner running steadily with no race was "off-season" all through. Now a goal (A)
race alone brings a peak and a taper, in its last weeks; tune-ups are raced from a build;
with no race near, the calendar's running decides between base (it goes on, hard or
steady) and off-season (it is lighter, or there is none); and a race week lifts, so the
month's recovery week comes whatever the races. Races in the week before the plan's first
day shape its first days, and the plan carries them so `check` sees them too."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.catalogue.loader import load_catalogue
from legday.model import Equipment, Level, Phase, Plan, Profile, Run, RunKind
from legday.planner import calendar_window, make_plan
from legday.planner.days import day_options
from legday.planner.season import race_priorities, season
from legday.rules import check_plan
from strategies import profiles, runs_for

CATALOGUE = load_catalogue()
MONDAY = date(2027, 4, 5)
SATURDAY = 5
B_RACE_WEEKS = (2, 5, 8)  # the coach's 10K runner: three Saturday tune-ups in 12 weeks


def _ten_k_runner(goal_week: int | None = None) -> tuple[Profile, list[Run]]:
    """Intervals on Tuesday, an easy run on Thursday, the long run on Sunday; a B 10K on
    the Saturday of weeks 3, 6 and 9 (the long run skipped), and an A 10K on the Sunday
    of `goal_week` when given."""
    runs: list[Run] = []
    for week in range(12):
        monday = MONDAY + timedelta(weeks=week)
        runs.append(Run(monday + timedelta(days=1), "Intervals 6x1000", RunKind.HARD, time(18)))
        runs.append(Run(monday + timedelta(days=3), "Easy 40", RunKind.EASY, time(7), None, 40))
        sunday = monday + timedelta(days=6)
        if week in B_RACE_WEEKS:
            saturday = monday + timedelta(days=SATURDAY)
            runs.append(Run(saturday, "10K race", RunKind.RACE, time(9), None, 45, priority="B"))
        elif week == goal_week:
            runs.append(Run(sunday, "10K championship", RunKind.RACE, time(9), None, 45))
        else:
            runs.append(Run(sunday, "Long run 80", RunKind.LONG, time(8), None, 80))
    profile = Profile(
        start=MONDAY,
        weeks=12,
        level=Level.INTERMEDIATE,
        equipment=frozenset({Equipment.BODYWEIGHT, Equipment.DUMBBELLS}),
        dumbbells_kg=(6.0, 8.0, 10.0, 12.0),
        minutes=40,
        race_priorities=((MONDAY + timedelta(weeks=goal_week, days=6), "A"),)
        if goal_week is not None
        else (),
    )
    return profile, runs


def _phases(plan: Plan) -> list[Phase]:
    return [week.phase for week in plan.weeks]


def _sessions_in(plan: Plan, index: int) -> int:
    week = plan.weeks[index]
    return sum(1 for s in plan.sessions if s.day in week)


def test_a_10k_runners_tune_ups_are_raced_from_a_build_not_a_peak() -> None:
    """No peak nor taper without a goal race; the weeks between the tune-ups build, each
    race week keeps its one light session, the weeks after the last race (intervals every
    week) are base weeks, and the month's recovery week comes: none of the 12 weeks had
    one when the race weeks stood in for it."""
    plan = make_plan(*_ten_k_runner(), CATALOGUE)
    phases = _phases(plan)
    assert not {Phase.PEAK, Phase.TAPER, Phase.OFF_SEASON} & set(phases), phases
    for index in B_RACE_WEEKS:
        assert phases[index] is Phase.RACE and _sessions_in(plan, index) == 1
    between = [p for i, p in enumerate(phases[:8]) if i not in B_RACE_WEEKS]
    assert set(between) <= {Phase.BUILD, Phase.RECOVERY}, phases
    assert set(phases[9:]) <= {Phase.BASE, Phase.RECOVERY}, phases
    assert "no race ahead: build strength alongside the hard running" in plan.weeks[10].note
    assert phases.count(Phase.RECOVERY) >= 3
    assert not [v for v in plan.violations if v.hard]


def test_with_a_goal_race_only_its_last_weeks_peak_and_taper() -> None:
    """The same tune-ups with an A 10K in week 12: the peak and the taper (or the recovery
    week merged with it) lie in the three weeks before the goal, not around each tune-up.
    The goal race's week may be the month's recovery week (with tune-ups in weeks 3, 6
    and 9 lifting, no other week keeps the rule as cheaply): its note names the race."""
    plan = make_plan(*_ten_k_runner(goal_week=11), CATALOGUE)
    phases = _phases(plan)
    assert phases[11] in (Phase.RACE, Phase.RECOVERY)
    assert "10K championship" in plan.weeks[11].note
    sharp = [i for i, phase in enumerate(phases) if phase in (Phase.PEAK, Phase.TAPER)]
    assert sharp and all(11 - i <= 3 for i in sharp), phases
    assert set(phases[:8]) <= {Phase.BUILD, Phase.RACE, Phase.RECOVERY}, phases


def _beginner(weeks_running: int) -> tuple[Profile, list[Run]]:
    """A beginner on easy runs three times a week for `weeks_running` of 12 weeks, no race."""
    runs = [
        Run(MONDAY + timedelta(weeks=w, days=d), "Easy run", RunKind.EASY, time(18), None, 30)
        for w in range(weeks_running)
        for d in (1, 3, 6)
    ]
    profile = Profile(
        start=MONDAY, weeks=12, level=Level.BEGINNER, equipment=frozenset({Equipment.BODYWEIGHT})
    )
    return profile, runs


def test_a_beginner_running_steadily_with_no_race_is_in_base() -> None:
    """Every week was "off-season: no race ahead"; a beginner's steady running is a base
    to build strength beside, and the notes and whys say so in plain words."""
    plan = make_plan(*_beginner(12), CATALOGUE)
    assert set(_phases(plan)) == {Phase.BASE, Phase.RECOVERY}
    base = [w for w in plan.weeks if w.phase is Phase.BASE]
    assert all("no race ahead: build strength alongside steady running" in w.note for w in base)
    assert all("off-season" not in s.why for s in plan.sessions)


def test_the_off_season_is_when_the_running_stops_or_drops() -> None:
    """The same beginner whose calendar stops after 8 weeks: those last weeks, without a
    run, are the off-season."""
    phases = [f.phase for f in season(*_beginner(8))]
    assert set(phases[:8]) <= {Phase.BASE, Phase.RECOVERY}
    assert set(phases[8:]) <= {Phase.OFF_SEASON, Phase.RECOVERY} and Phase.OFF_SEASON in phases


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_phases_follow_the_races_and_the_running(data: st.DataObject) -> None:
    """On random calendars: a peak or taper week lies at most three weeks before an A race,
    and an off-season week holds no hard run nor race."""
    profile = data.draw(profiles(max_weeks=16))
    runs = data.draw(runs_for(profile.start, profile.weeks, busy=False))
    goals = [r.day for r in race_priorities(profile, runs).values() if r.priority == "A"]
    for frame in season(profile, runs):
        end = frame.start + timedelta(days=6)
        if frame.phase in (Phase.PEAK, Phase.TAPER):
            assert any(end < goal and (goal - frame.start).days // 7 <= 3 for goal in goals)
        if frame.phase is Phase.OFF_SEASON:
            week = [r for r in runs if frame.start <= r.day <= end and r.running]
            assert not [r for r in week if r.kind in (RunKind.HARD, RunKind.RACE)], frame.note


def _raced_the_day_before(problem: str | None = None) -> tuple[Profile, list[Run]]:
    """The 10K runner starting a plan the Monday after a Sunday B race."""
    profile, runs = _ten_k_runner()
    sunday = MONDAY - timedelta(days=1)
    race = Run(sunday, "10K race", RunKind.RACE, time(9), None, 45, priority="B")
    injuries = (problem,) if problem else ()
    return replace(profile, injuries=injuries), [race, *runs]


def test_a_race_the_day_before_the_start_closes_the_first_day() -> None:
    """The plan's first Monday, the day after a B race, holds no session: the day after a
    race stays free (a race on the last day of a week once left the next Monday open)."""
    profile, runs = _raced_the_day_before()
    (first, *_) = day_options(profile, runs, season(profile, runs))
    assert "after last week's race (Sun)" in first.reasons[MONDAY]
    plan = make_plan(profile, runs, CATALOGUE)
    assert MONDAY not in {s.day for s in plan.sessions}


def test_the_plan_carries_races_of_the_week_before_so_check_sees_them() -> None:
    """`check` read only the plan's own races: a full care routine on the first day, the
    day after a B race, went unseen."""
    profile, runs = _raced_the_day_before("achilles")
    plan = make_plan(profile, runs, CATALOGUE)
    sunday = MONDAY - timedelta(days=1)
    assert [(r.day, r.priority) for r in plan.race_days][:1] == [(sunday, "B")]
    assert sunday in plan.races
    full = next(r for r in plan.care if not r.lightest)
    moved = replace(plan, care=(replace(full, day=MONDAY), *plan.care))
    found = [v.message for v in check_plan(moved, CATALOGUE) if v.rule == "care-routine"]
    assert any("in the days after a race" in message for message in found), found


def test_the_calendar_is_read_from_the_week_before_the_plan() -> None:
    """An A race in the week before the plan makes its first week the week off after it,
    so the calendar is read from then (it was read from the day before only)."""
    profile, runs = _ten_k_runner()
    first, _ = calendar_window(profile)
    assert first == MONDAY - timedelta(days=7)
    saturday = MONDAY - timedelta(days=2)
    goal = Run(saturday, "Half marathon", RunKind.RACE, time(9), None, 100, priority="A")
    frames = season(profile, [goal, *runs])
    assert frames[0].phase is Phase.POST_RACE
