"""The repository and unit of work on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from legday.errors import InputError, StoreError
from legday.model import Equipment, Level, Profile
from legday.progression import SetLog
from legday.services import Logbook
from legday.store.ports import DayOverride
from legday.store.uow import Database

NOW = datetime(2027, 1, 4, 7, 30, 15, 123456)
START = date(2027, 1, 4)
PROFILE = Profile(
    start=START,
    weeks=6,
    sessions=2,
    injuries=("shin-splints",),
    equipment=frozenset({Equipment.BODYWEIGHT, Equipment.WALL, Equipment.DUMBBELLS}),
    level=Level.INTERMEDIATE,
    days=frozenset({0, 2, 3, 5}),
    blocked=frozenset({date(2027, 1, 20)}),
    races=(date(2027, 2, 10), date(2027, 2, 20)),
    race_priorities=((date(2027, 2, 20), "C"),),
    dominant_leg="right",
    timezone="Europe/Berlin",
)


def sets(day: date, exercise: str = "goblet-squat", n: int = 3, **kw: object) -> list[SetLog]:
    base: dict[str, object] = {"reps": 10, "load_kg": 12.5, "rpe": 7.5} | kw
    return [SetLog(exercise, day, **base) for _ in range(n)]  # type: ignore[arg-type]


def test_profile_and_sets_round_trip_losslessly(database: Database) -> None:
    with database.uow() as uow:
        athlete = uow.repo.add_athlete("sam", NOW)
        uow.repo.save_profile(athlete.id, PROFILE, NOW)
        logged = [
            SetLog("split-squat", START, "left", 8, 12.25, None, None, 2, False, 3, "wobbly ü"),
            SetLog("side-plank", START, "right", None, None, 45, 6.5, None, True, 0, ""),
        ]
        uow.repo.add_sets(athlete.id, logged, NOW)
        uow.commit()
    with database.uow() as uow:
        assert uow.repo.get_profile(athlete.id) == PROFILE
        assert uow.repo.set_logs(athlete.id) == logged
        assert [a.name for a in uow.repo.list_athletes()] == ["sam"]
        assert uow.repo.get_athlete("sam") == athlete


WINDOWS = (
    (0, time(6, 0), time(8, 0)),
    (2, time(17, 5), time(19, 0)),
    (5, time(9, 0), time(12, 30)),
    (6, time(0, 0), time(23, 59)),
)


def test_profile_windows_round_trip_and_are_replaced_in_place(database: Database) -> None:
    with database.uow() as uow:
        athlete = uow.repo.add_athlete("sam", NOW)
        uow.repo.save_profile(athlete.id, replace(PROFILE, windows=WINDOWS), NOW)
        uow.commit()
    with database.uow() as uow:
        assert uow.repo.get_profile(athlete.id) == replace(PROFILE, windows=WINDOWS)
    with database.engine.connect() as connection:  # the documented shape of the column
        stored = connection.execute(text("SELECT windows FROM profiles")).scalar_one()
    stored = json.loads(stored) if isinstance(stored, str) else stored
    assert stored[:2] == [
        {"day": 0, "opens": "06:00", "closes": "08:00"},
        {"day": 2, "opens": "17:05", "closes": "19:00"},
    ]
    with database.uow() as uow:  # a profile without windows replaces one with them
        uow.repo.save_profile(athlete.id, PROFILE, NOW)
        uow.commit()
    with database.uow() as uow:
        assert uow.repo.get_profile(athlete.id) == PROFILE


def test_stored_windows_that_make_no_sense_are_a_store_error(database: Database) -> None:
    with database.uow() as uow:
        athlete = uow.repo.add_athlete("sam", NOW)
        uow.repo.save_profile(athlete.id, PROFILE, NOW)
        uow.commit()
    bad = '[{"day": 1, "opens": "09:00", "closes": "08:00"}]'
    with database.engine.begin() as connection:  # as a hand-edited database could hold
        connection.execute(text(f"UPDATE profiles SET windows = '{bad}'"))
    with pytest.raises(StoreError, match="must end after it starts"), database.uow() as uow:
        uow.repo.get_profile(athlete.id)


def test_leaving_without_commit_writes_nothing(database: Database) -> None:
    with pytest.raises(RuntimeError), database.uow() as uow:
        uow.repo.add_athlete("sam", NOW)
        raise RuntimeError("killed half-way")
    with database.uow() as uow:
        assert uow.repo.list_athletes() == []


def test_rows_are_scoped_by_athlete(database: Database) -> None:
    with database.uow() as uow:
        a = uow.repo.add_athlete("a", NOW)
        b = uow.repo.add_athlete("b", NOW)
        uow.repo.add_sets(a.id, sets(START), NOW)
        uow.repo.add_sets(b.id, sets(START, n=1), NOW)
        uow.repo.add_override(a.id, DayOverride(START, "blocked"), NOW)
        uow.commit()
    with database.uow() as uow:
        assert len(uow.repo.set_logs(a.id)) == 3
        assert len(uow.repo.set_logs(b.id)) == 1
        assert uow.repo.overrides(b.id) == []
        assert [p.sets for p in uow.repo.progress(b.id, "goblet-squat")] == [1]


def test_duplicate_athlete_is_a_user_error(database: Database) -> None:
    with database.uow() as uow:
        uow.repo.add_athlete("sam", NOW)
        with pytest.raises(InputError):
            uow.repo.add_athlete("sam", NOW)


def test_skip_then_log_makes_the_day_done(database: Database) -> None:
    with database.uow() as uow:
        a = uow.repo.add_athlete("sam", NOW)
        uow.repo.record_day(a.id, START, "skipped", "sick", NOW)
        uow.repo.add_sets(a.id, sets(START), NOW)
        uow.repo.add_sets(a.id, sets(START, "calf-raise", n=2), NOW)
        uow.commit()
    with database.uow() as uow:
        (day,) = uow.repo.performed(a.id, START, START)
        assert (day.status, day.note, len(day.sets)) == ("done", "sick", 5)


def test_progress_summarises_each_day(database: Database) -> None:
    with database.uow() as uow:
        a = uow.repo.add_athlete("sam", NOW)
        uow.repo.add_sets(a.id, sets(START) + sets(START, load_kg=14.0, rpe=None, rir=1), NOW)
        uow.repo.add_sets(a.id, sets(START + timedelta(3), form_ok=False, pain=2), NOW)
        uow.commit()
    with database.uow() as uow:
        first, second = uow.repo.progress(a.id, "goblet-squat")
    assert (first.sets, first.top_load_kg, first.total_reps, first.max_effort) == (6, 14.0, 60, 9.0)
    assert first.form_ok and first.max_pain == 0
    assert not second.form_ok and second.max_pain == 2


def test_the_database_refuses_impossible_rows(database: Database) -> None:
    with database.uow() as uow:
        a = uow.repo.add_athlete("sam", NOW)
        uow.repo.add_sets(a.id, sets(START, n=1), NOW)
        uow.commit()
    bad = "UPDATE set_logs SET pain = 11"
    with pytest.raises(IntegrityError), database.engine.begin() as connection:
        connection.execute(text(bad))
    orphan = (
        "INSERT INTO set_logs (athlete_id, performed_session_id, seq, exercise, day, side,"
        " form_ok, pain, note, logged_at) VALUES (1, 999, 1, 'x', '2027-01-04', 'both',"
        " true, 0, '', '2027-01-04 00:00:00')"
    )
    with pytest.raises(IntegrityError), database.engine.begin() as connection:
        connection.execute(text(orphan))


def test_a_replan_appends_a_version_and_keeps_the_past(
    logbook: Logbook, database: Database, calendar: Path
) -> None:
    profile = Profile(start=START, weeks=4, equipment=PROFILE.equipment)
    added = logbook.add_athlete("sam", profile, [str(calendar)], START)
    assert added.plan_version == 1
    assert [a.id for a in logbook.athletes()] == [added.athlete_id]
    first = logbook.versions("sam")[0]
    assert first.plan.sessions and first.plan.runs
    today = START + timedelta(days=9)
    future = [s for s in first.plan.sessions if s.day >= today]
    logbook.move("sam", future[0].day, today)
    versions = logbook.versions("sam")
    assert [v.number for v in versions] == [1, 2]
    assert versions[0] == first  # the past is never rewritten
    assert versions[1].valid_from == today
    assert all(s.day >= today for s in versions[1].plan.sessions)
    assert future[0].day not in {s.day for s in versions[1].plan.sessions}
    with database.uow() as uow:
        athlete = uow.repo.get_athlete("sam")
        assert athlete is not None
        in_force = uow.repo.planned_sessions(athlete.id, START, profile.end)
    before = [s for s in in_force if s.day < today]
    assert before == [s for s in first.plan.sessions if s.day < today]
    assert [s for s in in_force if s.day >= today] == list(versions[1].plan.sessions)


def test_every_replan_keeps_the_stored_windows(
    logbook: Logbook, database: Database, calendar: Path
) -> None:
    windows = ((0, time(6, 30), time(8, 0)), *((d, time(17, 0), time(19, 0)) for d in range(1, 7)))
    profile = Profile(start=START, weeks=4, equipment=PROFILE.equipment, windows=windows)
    logbook.add_athlete("sam", profile, [str(calendar)], START)
    today = START + timedelta(days=2)
    first = [s for s in logbook.versions("sam")[0].plan.sessions if s.day >= today]
    logbook.move("sam", first[0].day, today)
    second = [s for s in logbook.versions("sam")[1].plan.sessions if s.day > today]
    logbook.skip("sam", second[0].day, today)
    logbook.weather("sam", START + timedelta(days=8), today)  # a hard Tuesday in week 2
    assert logbook.sync("sam", today, force=True) == 5
    versions = logbook.versions("sam")
    assert len(versions) == 5
    for version in versions:
        assert version.plan.sessions
        for s in version.plan.sessions:
            window = profile.window(s.day.weekday())
            assert window is not None and s.start is not None
            end = datetime.combine(s.day, s.start) + timedelta(minutes=profile.minutes)
            assert window[0] <= s.start and end <= datetime.combine(s.day, window[1]), s


def test_sets_stored_before_the_bounds_read_back_clamped(database: Database) -> None:
    with database.uow() as uow:
        athlete = uow.repo.add_athlete("sam", NOW)
        uow.repo.add_sets(athlete.id, sets(START, n=1), NOW)
        uow.commit()
    with database.engine.begin() as connection:  # as an older release could have stored it
        connection.execute(
            text("UPDATE set_logs SET reps = 1000000, rir = 40, seconds = 99999, load_kg = 900")
        )
    with database.uow() as uow:
        (stored,) = uow.repo.set_logs(athlete.id)
    assert (stored.reps, stored.rir, stored.seconds, stored.load_kg) == (100, 10, 3600, 500.0)
