"""Migrations from empty and from the previous release; lossless backup and restore."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from legday.errors import StoreError
from legday.model import Equipment, Profile
from legday.progression import SetLog
from legday.services import Logbook
from legday.store.backup import FORMAT, dump, restore
from legday.store.migrate import alembic_config, current_revision, downgrade, head, upgrade
from legday.store.ports import DayOverride
from legday.store.schema import HEAD
from legday.store.tables import Base
from legday.store.uow import Database, make_engine

START = date(2027, 1, 4)


def test_migrating_an_empty_database_gives_the_declared_schema(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    assert current_revision(engine) == head() == HEAD == "0008"
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_upgrading_the_previous_release_keeps_its_data(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine, "0001")
    assert "ix_set_logs_athlete_exercise_day" not in {
        i["name"] for i in inspect(engine).get_indexes("set_logs")
    }
    with engine.begin() as c:
        c.execute(text("INSERT INTO athletes (name, created_at) VALUES ('old', '2026-01-01')"))
        c.execute(
            text(
                "INSERT INTO performed_sessions (athlete_id, day, status, note, created_at)"
                " VALUES (1, '2026-01-02', 'done', '', '2026-01-02')"
            )
        )
        c.execute(
            text(
                "INSERT INTO set_logs (athlete_id, performed_session_id, seq, exercise, day,"
                " side, reps, load_kg, form_ok, pain, note, logged_at) VALUES (1, 1, 1,"
                " 'goblet-squat', '2026-01-02', 'both', 10, 12.5, true, 0, '', '2026-01-02')"
            )
        )
    upgrade(engine, "0002")
    assert current_revision(engine) == "0002"
    assert "ix_set_logs_athlete_exercise_day" in {
        i["name"] for i in inspect(engine).get_indexes("set_logs")
    }
    db = Database(db_url, engine)
    with db.uow() as uow:
        assert uow.repo.set_logs(1) == [
            SetLog("goblet-squat", date(2026, 1, 2), reps=10, load_kg=12.5)
        ]
    with engine.begin() as connection:  # and back down, for a release rollback
        command.downgrade(alembic_config(connection), "0001")
    assert current_revision(engine) == "0001"
    engine.dispose()


def test_upgrading_0006_makes_moves_their_own_kind_and_back(db_url: str) -> None:
    """The days `move` blocked, with the chosen day in the note, become `moved` overrides
    to that day; a skip stays a skip whatever its note says; the downgrade writes them back."""
    engine = make_engine(db_url)
    upgrade(engine, "0006")
    rows = [
        ("2027-01-04", "moved to 2027-01-05"),  # a skip of that day: the runner's words
        ("2027-01-06", "moved to 2027-01-08"),
        ("2027-01-07", "moved"),  # moved, the planner chose the day
        ("2027-01-09", "moved to Thursday"),
        ("2027-01-10", "skipped"),
    ]
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO users (handle, local, created_at) VALUES ('local', true, '2026-01-01')"
            )
        )
        c.execute(
            text(
                "INSERT INTO athletes (owner_id, name, created_at) VALUES (1, 'sam', '2026-01-01')"
            )
        )
        c.execute(
            text(
                "INSERT INTO performed_sessions (athlete_id, day, status, note, created_at)"
                " VALUES (1, '2027-01-04', 'skipped', 'moved to 2027-01-05', '2026-01-01')"
            )
        )
        for day, note in rows:
            c.execute(
                text(
                    "INSERT INTO day_overrides (athlete_id, day, kind, note, created_at)"
                    " VALUES (1, :d, 'blocked', :n, '2026-01-01')"
                ),
                {"d": day, "n": note},
            )
    upgrade(engine)
    db = Database(db_url, engine)
    with db.uow() as uow:
        assert uow.repo.overrides(1) == [
            DayOverride(date(2027, 1, 4), "blocked", "moved to 2027-01-05"),
            DayOverride(date(2027, 1, 6), "moved", "", date(2027, 1, 8)),
            DayOverride(date(2027, 1, 7), "moved"),
            DayOverride(date(2027, 1, 9), "blocked", "moved to Thursday"),
            DayOverride(date(2027, 1, 10), "blocked", "skipped"),
        ]
    with pytest.raises(IntegrityError), engine.begin() as c:  # only a move has a day to go to
        c.execute(
            text(
                "INSERT INTO day_overrides (athlete_id, day, kind, note, created_at, moved_to)"
                " VALUES (1, '2027-02-01', 'blocked', '', '2026-01-01', '2027-02-02')"
            )
        )
    downgrade(engine, "0006")
    with engine.connect() as c:
        back = c.execute(text("SELECT note FROM day_overrides ORDER BY day")).scalars().all()
    assert back == [note for _, note in rows]
    engine.dispose()


def test_an_older_backup_restores_its_moves_as_moves(
    logbook: Logbook, database: Database, calendar: Path, tmp_path: Path
) -> None:
    _fill(logbook, calendar)
    data = dump(database.engine)
    old = json.loads(json.dumps(data))
    old["revision"] = "0006"
    for row in old["tables"]["day_overrides"]:
        del row["moved_to"]
    skipped = next(r for r in old["tables"]["day_overrides"] if r["kind"] == "blocked")
    skipped["note"] = "moved to 2027-01-30"  # a skip's note, before skips kept their own
    old["tables"]["day_overrides"].append(
        {**skipped, "id": 99, "day": "2027-01-20", "note": "moved to 2027-01-22"}
    )
    new = Database(f"sqlite:///{tmp_path / 'new.db'}")
    restore(new.engine, old)
    with new.uow() as uow:
        kinds = {(o.day, o.kind, o.moved_to) for o in uow.repo.overrides(1)}
    assert (date(2027, 1, 20), "moved", date(2027, 1, 22)) in kinds
    assert (date.fromisoformat(skipped["day"]), "blocked", None) in kinds
    new.dispose()


def test_upgrading_0002_keeps_profiles_and_gives_them_no_windows(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine, "0002")
    with engine.begin() as c:
        c.execute(text("INSERT INTO athletes (name, created_at) VALUES ('old', '2026-01-01')"))
        c.execute(
            text(
                "INSERT INTO profiles (athlete_id, start, weeks, sessions, injuries, equipment,"
                " level, minutes, days, recovery_every, seed, blocked, races, dominant_leg,"
                " timezone, updated_at) VALUES (1, '2027-01-04', 6, 2, '[\"shin-splints\"]',"
                " '[\"bodyweight\"]', 'beginner', 40, '[0, 2, 4]', 4, 7, '[]', '[]', NULL,"
                " 'Europe/Berlin', '2026-01-01')"
            )
        )
    assert "windows" not in {c["name"] for c in inspect(engine).get_columns("profiles")}
    upgrade(engine)
    assert current_revision(engine) == HEAD
    with engine.connect() as c:
        assert c.execute(text("SELECT windows FROM profiles")).scalar_one() is None
        assert c.execute(text("SELECT weights FROM profiles")).scalar_one() is None
    db = Database(db_url, engine)
    expected = Profile(
        start=START,
        weeks=6,
        sessions=2,
        injuries=("shin-splints",),
        equipment=frozenset({Equipment.BODYWEIGHT}),
        minutes=40,
        days=frozenset({0, 2, 4}),
        seed=7,
        timezone="Europe/Berlin",
    )
    with db.uow() as uow:
        assert uow.repo.get_profile(1) == expected  # windows == (): any time of day
        uow.repo.save_profile(1, replace(expected, windows=WINDOWS), datetime(2027, 1, 1))
        uow.commit()
    with db.uow() as uow:
        assert uow.repo.get_profile(1) == replace(expected, windows=WINDOWS)
    downgrade(engine, "0002")  # and back down (through 0006), for a release rollback
    assert current_revision(engine) == "0002"
    assert "windows" not in {c["name"] for c in inspect(engine).get_columns("profiles")}
    with engine.connect() as c:
        assert c.execute(text("SELECT minutes FROM profiles")).scalar_one() == 40
    engine.dispose()


WINDOWS = ((0, time(6, 0), time(8, 0)), *((d, time(17, 0), time(20, 0)) for d in range(1, 7)))


def _fill(logbook: Logbook, calendar: Path) -> None:
    profile = Profile(start=START, weeks=4)
    owned = replace(profile, windows=WINDOWS, age=52, event="marathon", dumbbells_kg=(8.0, 12.5))
    logbook.add_athlete(
        "sam",
        replace(owned, plates_kg=(1.25, 5.0), bar_kg=15.0, body_kg=58.5),
        [str(calendar)],
        START,
    )
    logbook.add_athlete("kim", profile, [], START)
    for n in range(6):
        day = START + timedelta(days=2 * n)
        logbook.log(
            "sam",
            [
                SetLog("goblet-squat", day, "both", 10, 12.5 + n / 3, None, 7.25, None, True, 0),
                SetLog("split-squat", day, "left", 8, None, None, None, 2, n % 2 == 0, n, "ü ✓"),
            ],
        )
    ahead = logbook.today("sam", START + timedelta(days=15))
    upcoming = ahead.session or ahead.next_session
    assert upcoming is not None
    logbook.skip("sam", upcoming.day, START + timedelta(days=15), "flu")


def _without_created(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "created"}


@pytest.mark.parametrize("target", ["sqlite", "postgres"])
def test_backup_restores_identically_into_an_empty_database(
    logbook: Logbook,
    database: Database,
    calendar: Path,
    target: str,
    other_url: Callable[[str], Iterator[str]],
) -> None:
    _fill(logbook, calendar)
    data = dump(database.engine)
    assert data["format"] == FORMAT
    assert len(data["tables"]["set_logs"]) == 12
    for url in other_url(target):
        other = Database(url)
        assert restore(other.engine, data) == sum(len(r) for r in data["tables"].values())
        assert _without_created(dump(other.engine)) == _without_created(data)
        with other.uow() as uow:  # new rows continue after the restored ids
            athlete = uow.repo.add_athlete("new", datetime(2027, 2, 1))
            assert athlete.id == 3
        with pytest.raises(StoreError, match="empty"):
            restore(other.engine, data)
        other.dispose()


def _profiles(db: Database) -> dict[str, Profile | None]:
    with db.uow() as uow:
        return {a.name: uow.repo.get_profile(a.id) for a in uow.repo.list_athletes()}


def test_backup_keeps_windows_and_an_older_backup_restores_without(
    logbook: Logbook, database: Database, calendar: Path, tmp_path: Path
) -> None:
    _fill(logbook, calendar)
    data = dump(database.engine)
    assert data["revision"] == HEAD
    sam, kim = data["tables"]["profiles"]
    assert sam["windows"][0] == {"day": 0, "opens": "06:00", "closes": "08:00"}
    assert kim["windows"] == []
    before = _profiles(database)
    assert before["sam"] is not None and before["sam"].windows == WINDOWS
    new = Database(f"sqlite:///{tmp_path / 'new.db'}")
    restore(new.engine, json.loads(json.dumps(data)))
    assert _profiles(new) == before
    new.dispose()
    # a backup written before revision 0003: no windows column at all
    old = json.loads(json.dumps(data))
    old["revision"] = "0002"
    for row in old["tables"]["profiles"]:
        del row["windows"]
    older = Database(f"sqlite:///{tmp_path / 'older.db'}")
    restore(older.engine, old)
    assert _profiles(older) == {
        name: replace(p, windows=()) for name, p in before.items() if p is not None
    }
    restored = dump(older.engine)["tables"]["profiles"]
    assert [row["windows"] for row in restored] == [None, None]
    older.dispose()


def test_restore_refuses_a_newer_schema_and_windows_that_make_no_sense(
    logbook: Logbook, database: Database, calendar: Path, tmp_path: Path
) -> None:
    _fill(logbook, calendar)
    data = dump(database.engine)
    newer = {**data, "revision": "0099"}
    target = Database(f"sqlite:///{tmp_path / 'target.db'}")
    with pytest.raises(StoreError, match=r"revision '0099'.*does not know"):
        restore(target.engine, newer)
    for bad, needle in [
        ("08:00", "not {day, opens, closes}"),
        ([{"day": 7, "opens": "06:00", "closes": "08:00"}], "day 7 is not"),
        ([{"day": 1, "opens": "6am", "closes": "08:00"}], "no HH:MM times"),
        ([{"day": 1, "opens": "09:00", "closes": "08:00"}], "must end after it starts"),
    ]:
        broken = json.loads(json.dumps(data))
        broken["tables"]["profiles"][0]["windows"] = bad if isinstance(bad, list) else [bad]
        with pytest.raises(StoreError, match=f"row 1 of 'profiles': .*{re.escape(needle)}"):
            restore(target.engine, broken)
    for weights, needle in [
        ([8.0], "is not {dumbbells"),
        ({"dumbbells": [-1], "kettlebells": [], "plates": [], "bar": 20}, "dumbbells -1 is not"),
        ({"dumbbells": 8, "kettlebells": [], "plates": [], "bar": 20}, "must be a list"),
    ]:
        broken = json.loads(json.dumps(data))
        broken["tables"]["profiles"][0]["weights"] = weights
        with pytest.raises(StoreError, match=f"row 1 of 'profiles': .*{re.escape(needle)}"):
            restore(target.engine, broken)
    with target.uow() as uow:  # nothing was loaded by the refused restores
        assert uow.repo.list_athletes() == []
    target.dispose()


def test_the_owned_weights_age_and_event_come_back_and_an_older_backup_has_none(
    logbook: Logbook, database: Database, calendar: Path, tmp_path: Path
) -> None:
    _fill(logbook, calendar)
    before = _profiles(database)
    sam = before["sam"]
    assert sam is not None
    assert (sam.age, sam.event, sam.dumbbells_kg, sam.plates_kg, sam.bar_kg, sam.body_kg) == (
        52,
        "marathon",
        (8.0, 12.5),
        (1.25, 5.0),
        15.0,
        58.5,
    )
    old = json.loads(json.dumps(dump(database.engine)))
    old["revision"] = "0003"  # written before the weights were kept
    for row in old["tables"]["profiles"]:
        del row["age"], row["event"], row["weights"]
    older = Database(f"sqlite:///{tmp_path / 'older.db'}")
    restore(older.engine, old)
    typical = replace(
        sam, age=None, event=None, dumbbells_kg=(), plates_kg=(), bar_kg=20.0, body_kg=None
    )
    assert _profiles(older)["sam"] == typical
    older.dispose()


def test_restore_refuses_what_is_not_a_backup(database: Database) -> None:
    with pytest.raises(StoreError, match="not a legday backup"):
        restore(database.engine, {"format": "something/1"})
    with pytest.raises(StoreError, match="does not know"):
        restore(database.engine, {"format": FORMAT, "tables": {"coaches": []}})
    bad_row = {"format": FORMAT, "tables": {"athletes": [{"id": 1, "nom": "x"}]}}
    with pytest.raises(StoreError, match="does not fit"):
        restore(database.engine, bad_row)


def test_backup_keeps_race_priorities_and_refuses_bad_ones(
    logbook: Logbook, database: Database, calendar: Path, tmp_path: Path
) -> None:
    _fill(logbook, calendar)
    races = ((date(2027, 1, 20), "C"),)
    with database.uow() as uow:
        athlete = uow.repo.list_athletes()[0]
        profile = uow.repo.get_profile(athlete.id)
        assert profile is not None
        given = replace(profile, races=(date(2027, 1, 20), date(2027, 2, 7)), race_priorities=races)
        uow.repo.save_profile(athlete.id, given, datetime(2027, 1, 1))
        uow.commit()
    data = dump(database.engine)
    new = Database(f"sqlite:///{tmp_path / 'new.db'}")
    restore(new.engine, json.loads(json.dumps(data)))
    assert _profiles(new)[athlete.name] == given
    new.dispose()
    broken = json.loads(json.dumps(data))
    broken["tables"]["profiles"][0]["races"] = [{"date": "2027-01-20", "priority": "Z"}]
    target = Database(f"sqlite:///{tmp_path / 'target.db'}")
    with pytest.raises(StoreError, match=r"row 1 of 'profiles': profile races: .*'Z'"):
        restore(target.engine, broken)
    target.dispose()
