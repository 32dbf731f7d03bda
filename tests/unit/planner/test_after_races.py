"""Weeks around races whose titles name their priority (issue 13, a coach's third read):
a masters track season keeps a short session every in-season week, week notes name each
race once, and a beginner steps back gently after a race, then lifts twice a week again."""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from legday.calendars import read_calendar
from legday.catalogue.loader import load_catalogue
from legday.model import REST_PHASES, Equipment, Level, Phase, Plan, Profile, Run, RunKind
from legday.planner import make_plan

CATALOGUE = load_catalogue()
MONDAY = date(2027, 4, 5)
WEEKS = 16


def _week_runs(weeks: int, pattern: dict[int, tuple[str, int]]) -> list[tuple[date, str, int]]:
    return [
        (MONDAY + timedelta(weeks=w, days=day), title, minutes)
        for w in range(weeks)
        for day, (title, minutes) in pattern.items()
    ]


def _read(tmp_path: Path, rows: list[tuple[date, str, int]]) -> list[Run]:
    """The rows as the athlete's CSV calendar, read through the real reader."""
    path = tmp_path / "calendar.csv"
    lines = ["date,title,start,duration"]
    lines += [f"{day.isoformat()},{title},14:00,{minutes}" for day, title, minutes in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    end = MONDAY + timedelta(weeks=WEEKS)
    return list(read_calendar(path, MONDAY, end).runs())


MEETS = {  # Saturdays: four C meets, then the championship that is the season's goal
    5: "C meet: club 3000m",
    7: "C meet: open 1500m",
    9: "C meet: league 800m",
    11: "C meet: BMC 1500m",
    15: "A race: masters 1500m championship",
}


@pytest.fixture(scope="module")
def masters_track(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    rows = _week_runs(
        WEEKS,
        {
            0: ("Easy run", 40),
            1: ("Track: 6 x 400m", 60),
            3: ("Tempo 20 min", 50),
            6: ("Long run 75 min", 75),
        },
    )
    rows += [(MONDAY + timedelta(weeks=w, days=5), title, 30) for w, title in MEETS.items()]
    runs = _read(tmp_path_factory.mktemp("track"), rows)
    profile = Profile(
        start=MONDAY,
        weeks=WEEKS,
        age=56,
        level=Level.INTERMEDIATE,
        equipment=frozenset({Equipment.BODYWEIGHT, Equipment.DUMBBELLS}),
        minutes=40,
    )
    return make_plan(profile, runs, CATALOGUE)


def _sessions_in(plan: Plan, start: date) -> int:
    return sum(1 for s in plan.sessions if start <= s.day <= start + timedelta(days=6))


def test_the_marked_championship_is_the_goal_and_the_meets_are_c_races(
    masters_track: Plan,
) -> None:
    priorities = {race.day: race.priority for race in masters_track.race_days}
    assert sorted(priorities.values()) == ["A", "C", "C", "C", "C"]
    assert masters_track.weeks[-1].phase is Phase.RACE  # the championship's week, not a C week


def test_every_in_season_week_of_a_masters_track_runner_keeps_a_session(
    masters_track: Plan,
) -> None:
    """Rønnestad & Mujika 2014: one short session a week keeps strength in season; a
    C meet's week is not emptied."""
    for week in masters_track.weeks:
        if week.phase in (Phase.BUILD, Phase.PEAK, Phase.TAPER, Phase.RACE):
            assert _sessions_in(masters_track, week.start) >= 1, week.note
    for w in (5, 7, 9, 11):
        start = MONDAY + timedelta(weeks=w)
        assert _sessions_in(masters_track, start) >= 1, start


def test_week_notes_name_each_race_once(masters_track: Plan) -> None:
    for week in masters_track.weeks:
        assert not re.search(r"[ABC] race \([^)]*[ABC][ -](race|meet)", week.note), week.note
    notes = " ".join(week.note for week in masters_track.weeks)
    assert "A race (masters 1500m championship)" in notes
    assert "C race (club 3000m)" in notes


def test_a_race_week_due_for_recovery_names_the_race_cleanly() -> None:
    """The race week the month's step back falls on says which race in plain words (it
    once cut the note at the first colon of the title: "week of the B race (A race"). The
    race falls in week 4, after three lifting weeks: its week is the month's recovery
    week, without strength (its one light session would make four weeks in a row with
    strength), rather than week 3, after two weeks of training (a coach's read), and the
    next comes three lifting weeks later."""
    runs = [
        Run(MONDAY + timedelta(weeks=w, days=1), "Intervals", RunKind.HARD, time(18), None, 60)
        for w in range(8)
    ]
    runs.append(
        Run(
            MONDAY + timedelta(weeks=3, days=5),
            "B race: County 10K",
            RunKind.RACE,
            time(10),
            None,
            50,
            priority="B",
        )
    )
    plan = make_plan(Profile(start=MONDAY, weeks=8), runs, CATALOGUE)
    race_week = plan.weeks[3]
    assert race_week.phase is Phase.RECOVERY
    assert race_week.note.endswith("; the B race (County 10K) is the week's effort")
    assert _sessions_in(plan, race_week.start) == 0
    assert [i for i, w in enumerate(plan.weeks) if w.phase is Phase.RECOVERY] == [3, 7]
    assert not [v for v in plan.violations if v.rule == "recovery-week"]


def _beginner(race_week: int, priority: str, weeks: int = 16) -> Plan:
    runs = [
        Run(MONDAY + timedelta(weeks=w, days=day), "Easy run", RunKind.EASY, time(18), None, 30)
        for w in range(weeks)
        for day in (1, 3, 6)
    ]
    runs.append(
        Run(
            MONDAY + timedelta(weeks=race_week, days=5),
            f"{priority} race: my first 10K",
            RunKind.RACE,
            time(9, 30),
            None,
            70,
            priority=priority,
        )
    )
    profile = Profile(
        start=MONDAY,
        weeks=weeks,
        level=Level.BEGINNER,
        equipment=frozenset({Equipment.BODYWEIGHT}),
        minutes=30,
    )
    return make_plan(profile, runs, CATALOGUE)


@pytest.mark.parametrize("race_week", range(3, 12))
@pytest.mark.parametrize("priority", ["A", "B", "C"])
def test_a_beginner_steps_back_gently_after_a_race_then_lifts_twice_a_week(
    race_week: int, priority: str
) -> None:
    """Never "race, a full week, then an empty one": a week without strength (a recovery
    week, the week after a goal race) comes only after two lifting weeks or more, and
    every other week back from the race holds the usual two sessions. The one exception
    is the rule's: a tune-up's week lifts (its one light session), so when the recovery
    week falls due right after the full week, it comes there, since a week earlier would
    follow a single lifting week or put two thin weeks in a row."""
    plan = _beginner(race_week, priority)
    counts = [_sessions_in(plan, week.start) for week in plan.weeks]
    after = range(race_week + 1, len(plan.weeks))
    for index in after:
        week = plan.weeks[index]
        if week.phase in REST_PHASES:
            continue
        assert counts[index] == 2, (index, week.note, counts)
    since = 0  # lifting weeks since the plan's start or the last week without strength
    for index in range(len(plan.weeks) - 1):
        since = 0 if not counts[index] else since + 1
        due = since == plan.recovery_every - 1  # the next week must step back
        full, empty = counts[index] == 2, counts[index + 1] == 0
        if index and full and empty and plan.weeks[index + 1].phase is Phase.RECOVERY and not due:
            assert counts[index - 1] >= 1 and plan.weeks[index - 1].phase not in (
                Phase.RACE,
                Phase.POST_RACE,
            ), (index, counts)


def test_the_tune_up_week_lifts_and_the_month_keeps_its_recovery_week() -> None:
    """A B race's week, with its one light session, lifts: it is no week without strength,
    so the month's recovery week comes all the same (issue 13: it once stood in for one,
    and a 10K runner's tune-ups left a 12-week plan without any), two weeks from the
    race's on either side rather than next to it (weeks 6 and 7 of a coach's plan once had
    one session each), and the week after the race lifts as usual."""
    plan = _beginner(5, "B")
    assert plan.weeks[5].phase is Phase.RACE
    assert _sessions_in(plan, plan.weeks[5].start) == 1
    assert _sessions_in(plan, plan.weeks[6].start) == 2
    phases = [w.phase for w in plan.weeks]
    assert [i for i, phase in enumerate(phases) if phase is Phase.RECOVERY] == [3, 7, 11, 15]
    assert not [v for v in plan.violations if v.hard]
