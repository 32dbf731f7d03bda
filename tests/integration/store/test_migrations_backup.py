"""Migrations from empty and from the previous release; lossless backup and restore."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from legday.errors import StoreError
from legday.model import Profile
from legday.progression import SetLog
from legday.services import Logbook
from legday.store.backup import FORMAT, dump, restore
from legday.store.migrate import alembic_config, current_revision, head, upgrade
from legday.store.tables import Base
from legday.store.uow import Database, make_engine

START = date(2027, 1, 4)


def test_migrating_an_empty_database_gives_the_declared_schema(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    assert current_revision(engine) == head() == "0002"
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
    upgrade(engine)
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


def _fill(logbook: Logbook, calendar: Path) -> None:
    profile = Profile(start=START, weeks=4)
    logbook.add_athlete("sam", profile, [str(calendar)], START)
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
    logbook.skip("sam", START + timedelta(days=16), START + timedelta(days=15), "flu")


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


def test_restore_refuses_what_is_not_a_backup(database: Database) -> None:
    with pytest.raises(StoreError, match="not a legday backup"):
        restore(database.engine, {"format": "something/1"})
    with pytest.raises(StoreError, match="does not know"):
        restore(database.engine, {"format": FORMAT, "tables": {"users": []}})
    bad_row = {"format": FORMAT, "tables": {"athletes": [{"id": 1, "nom": "x"}]}}
    with pytest.raises(StoreError, match="does not fit"):
        restore(database.engine, bad_row)
