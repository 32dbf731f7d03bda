"""A restore is checked whole before a row is written (issue 16), so whatever it accepts,
today, history, progress and sync can read; what it refuses is one line naming the field.

The reproductions of the adversarial run are `tests/fixtures/hostile/backups.json`: each a
path into a real backup and the value put there; the property test puts any JSON value
anywhere and holds both halves of the promise.
"""

from __future__ import annotations

import copy
import json
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.catalogue.loader import load_catalogue
from legday.errors import LegdayError, StoreError
from legday.model import Profile
from legday.progression import SetLog
from legday.services import Logbook
from legday.store.backup import dump, restore
from legday.store.uow import Database
from logbook_template import sqlite_logbook

START = date(2027, 1, 4)  # a Monday
CALENDAR = """date,title,kind
2027-01-05,Intervals 6x800,hard
2027-01-07,Easy 40,easy
2027-01-09,Long run 18k,long
2027-01-12,Tempo 5k,hard
"""
HOSTILE = Path(__file__).parents[2] / "fixtures" / "hostile" / "backups.json"
CASES: list[dict[str, Any]] = json.loads(HOSTILE.read_text(encoding="utf-8"))


def _logbook(database: Database) -> Logbook:
    from legday.bootstrap import read_stored_runs
    from legday.planner import make_plan

    return Logbook(database.uow, load_catalogue(), make_plan, read_stored_runs)


@cache
def _backup() -> str:
    """A real backup: one athlete with a calendar, sets logged, a skip (so a re-plan)."""
    folder = Path(tempfile.mkdtemp(prefix="legday-backup-"))
    calendar = folder / "runs.csv"
    calendar.write_text(CALENDAR, encoding="utf-8")
    database = Database(f"sqlite:///{folder / 'source.db'}")
    database.migrate()
    logbook = _logbook(database)
    logbook.add_athlete(
        "sam", Profile(start=START, weeks=4, injuries=("shin-splints",)), [str(calendar)], START
    )
    for n in range(3):
        day = START + timedelta(days=2 * n)
        logbook.log("sam", [SetLog("goblet-squat", day, "both", 10, 12.5 + n, None, 7.0)])
    ahead = logbook.today("sam", START + timedelta(days=8))
    upcoming = ahead.session or ahead.next_session
    assert upcoming is not None
    logbook.skip("sam", upcoming.day, START + timedelta(days=8), "flu")
    data = dump(database.engine)
    database.dispose()
    return json.dumps(data)


def _fresh() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_backup())
    return data


def _put(data: Any, path: list[Any], value: Any) -> Any:
    if not path:
        return value
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def _every_command_reads(database: Database) -> None:
    """What a user runs after a restore; any refusal must be a LegdayError (one line)."""
    logbook = _logbook(database)
    with database.uow() as uow:
        names = [a.name for a in uow.repo.list_athletes()]
    for name in names:
        day = START + timedelta(days=10)
        logbook.today(name, day)
        logbook.history(name, date(2000, 1, 1))
        logbook.progress(name, "goblet-squat")
        logbook.current_plan(name, day)
        logbook.sync(name, day, force=True)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_each_reproduction_is_refused_in_one_line_naming_the_field(
    case: dict[str, Any], database: Database
) -> None:
    broken = _put(_fresh(), case["path"], case["value"])
    with pytest.raises(StoreError) as refused:
        restore(database.engine, broken)
    message = str(refused.value)
    assert "\n" not in message
    assert case["names"] in message, message
    with database.uow() as uow:  # nothing was written
        assert uow.repo.list_athletes() == []


def test_a_valid_backup_restores_and_every_command_reads_it(database: Database) -> None:
    assert restore(database.engine, _fresh()) > 0
    _every_command_reads(database)


def test_a_lone_surrogate_or_nan_in_the_file_is_one_line(tmp_path: Path) -> None:
    from legday.boundary import BoundaryError, load_json

    text = _backup()
    for bad in ('"load_kg": NaN', '"load_kg": Infinity', '"load_kg": ' + "9" * 5000):
        raw = text.replace('"load_kg": 12.5', bad, 1).encode()
        with pytest.raises(BoundaryError):
            load_json(raw)
    raw = text.replace('"note": ""', '"note": "\\udc00"', 1).encode()
    with pytest.raises(BoundaryError, match="lone surrogate"):
        load_json(raw)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["", "2027-01-05", "0001-01-01", "12:00", "abc", "god", "rocket"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[list[Any]]:
    found = [list(prefix)]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node[:2]):
            found += _paths(value, (*prefix, index))
    return found


@cache
def _all_paths() -> list[list[Any]]:
    return [p for p in _paths(_fresh()["tables"]) if p]


def _round_trip(path: list[Any], value: Any) -> None:
    broken = _fresh()
    _put(broken["tables"], path, copy.deepcopy(value))
    with tempfile.TemporaryDirectory() as folder:
        database = Database(sqlite_logbook(Path(folder) / "target.db"))  # migrated: a copy
        try:
            try:
                restore(database.engine, broken)
            except StoreError as error:
                assert "\n" not in str(error)
                return
            try:
                _every_command_reads(database)
            except LegdayError as error:  # a one-line refusal is allowed; a crash is not
                assert "\n" not in str(error)
        finally:
            database.dispose()


def _property(examples: int) -> Callable[..., Any]:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


@_property(25)
@given(st.data())
def test_what_a_restore_accepts_every_command_reads(data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(_all_paths()))
    _round_trip(path, data.draw(JSON_VALUES))


@pytest.mark.slow
@_property(600)
@given(st.data())
def test_what_a_restore_accepts_every_command_reads_long(data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(_all_paths()))
    _round_trip(path, data.draw(JSON_VALUES))
