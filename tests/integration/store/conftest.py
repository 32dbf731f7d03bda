"""Every store and logbook test runs on SQLite and on PostgreSQL.

PostgreSQL comes from LEGDAY_TEST_POSTGRES_URL (default: the local trust-auth server,
database `test`); each test gets a fresh schema, dropped afterwards, so runs never
collide. Only LEGDAY_SKIP_POSTGRES=1 skips it; a missing server is a failure.

`db_url` and `cli_env` name an empty store (legday creates it on first use, and some tests
are about that); `database`, `logbook` and `migrated_url` start from a copy of the logbook
migrated once per process (tests/logbook_template.py) instead of running every migration
again for each test. A test that asks for any of those gets the migrated store as its
`db_url` too: on PostgreSQL a schema an earlier test of the process used and emptied, when
that test left its structure as the template's (`pooled_pg_schema`).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from legday.services import Logbook
from legday.store.uow import Database
from logbook_template import drop_pooled_schemas, fill_from_template, pooled_pg_schema

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
START = date(2027, 1, 4)  # a Monday
CALENDAR = """date,title,kind
2027-01-05,Intervals 6x800,hard
2027-01-07,Easy 40,easy
2027-01-09,Long run 18k,long
2027-01-12,Tempo 5k,hard
2027-01-16,Long run 20k,long
2027-01-19,Hills,hard
2027-01-23,Long run 22k,long
"""


@contextmanager
def pg_schema_url(schema: str) -> Iterator[str]:
    base = os.environ.get("LEGDAY_TEST_POSTGRES_URL", PG_DEFAULT)
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text("SET LOCAL synchronous_commit = off"))  # a test's leftovers
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _url(backend: str, tmp_path: Path, name: str, *, migrated: bool = False) -> Iterator[str]:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / name}"
        if migrated:
            fill_from_template(url)
        yield url
        return
    if os.environ.get("LEGDAY_SKIP_POSTGRES") == "1":
        pytest.skip("LEGDAY_SKIP_POSTGRES=1")
    if migrated:
        with pooled_pg_schema(os.environ.get("LEGDAY_TEST_POSTGRES_URL", PG_DEFAULT)) as url:
            yield url
        return
    with pg_schema_url(f"t_{os.getpid()}_{uuid.uuid4().hex[:10]}") as url:
        yield url


@pytest.fixture(scope="session", autouse=True)
def _pooled_schemas() -> Iterator[None]:
    yield
    drop_pooled_schemas()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store; a migrated logbook when the test asks for `migrated_url` (itself or
    through `database` or `logbook`)."""
    migrated = "migrated_url" in request.fixturenames
    yield from _url(request.param, tmp_path, "legday.db", migrated=migrated)


@pytest.fixture
def other_url(tmp_path: Path) -> Callable[[str], Iterator[str]]:
    """A second, empty database of a chosen backend (for restores)."""
    return lambda backend: _url(backend, tmp_path, "other.db")


@pytest.fixture
def migrated_url(db_url: str) -> str:
    """`db_url`, made a new logbook at the newest schema by `db_url` itself (a copy of the
    process's template, or on PostgreSQL an emptied schema of an earlier test)."""
    return db_url


@pytest.fixture
def database(migrated_url: str) -> Iterator[Database]:
    db = Database(migrated_url)
    yield db
    db.dispose()


@pytest.fixture
def calendar(tmp_path: Path) -> Path:
    path = tmp_path / "runs.csv"
    path.write_text(CALENDAR, encoding="utf-8")
    return path


@pytest.fixture
def logbook(database: Database) -> Logbook:
    from legday import bootstrap
    from legday.catalogue.loader import load_catalogue

    # the planner as `open_logbook` wires it (under the dev profile it remembers repeated
    # seasons: tests/remembered_plans.py)
    return Logbook(database.uow, load_catalogue(), bootstrap._make_plan, bootstrap.read_stored_runs)


@pytest.fixture
def cli_env(db_url: str, tmp_path: Path) -> dict[str, str]:
    """Environment for `python -m legday` subprocesses on this test's database."""
    env = dict(os.environ)
    env.update(
        LEGDAY_DATABASE_URL=db_url,
        LEGDAY_CONFIG_DIR=str(tmp_path / "config"),
        LEGDAY_TODAY=START.isoformat(),
    )
    env.pop("LEGDAY_ATHLETE", None)
    return env
