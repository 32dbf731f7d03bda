"""The API driven in process (TestClient over `create_app`), on a SQLite logbook in the
test's folder, or on a fresh PostgreSQL schema for the tests marked `postgres`.

`athlete` is Sam, added through the API itself with an uploaded CSV calendar, the clock
pinned (LEGDAY_TODAY) to the plan's first Monday. Sam is added once per test module and
the logbook file copied for each test that asks for him (tests that add athletes themselves
start from an empty logbook, itself a copy of one migrated once: tests/logbook_template.py).
Every client enters the process's one app (tests/shared_app.py) over the test's logbook.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.unit.web.api.helpers import START, add_sam

from logbook_template import fill_from_template, sqlite_logbook
from shared_app import app_over

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEGDAY_TODAY", START.isoformat())


@pytest.fixture(scope="module")
def sams_logbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A logbook file holding Sam, added through the API, and his id: built once a module."""
    path = tmp_path_factory.mktemp("sam") / "logbook.db"
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("LEGDAY_TODAY", START.isoformat())
        with TestClient(app_over(sqlite_logbook(path), monkeypatch)) as client:
            athlete = add_sam(client)
    return path, athlete


@pytest.fixture
def sqlite_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A logbook of this test's own: Sam's when the test asks for `athlete`, else empty."""
    like = None
    if "athlete" in request.fixturenames:
        like, _ = request.getfixturevalue("sams_logbook")
    return sqlite_logbook(tmp_path / "logbook.db", like)


@pytest.fixture
def client(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    with TestClient(app_over(sqlite_url, monkeypatch)) as client:
        yield client


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh schema on the PostgreSQL server, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    if os.environ.get("LEGDAY_SKIP_POSTGRES") == "1":
        pytest.skip("LEGDAY_SKIP_POSTGRES=1")
    base = os.environ.get("LEGDAY_TEST_POSTGRES_URL", PG_DEFAULT)
    schema = f"web_{os.getpid()}_{uuid.uuid4().hex[:10]}"
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


@pytest.fixture
def pg_client(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    fill_from_template(pg_url)
    with TestClient(app_over(pg_url, monkeypatch)) as client:
        yield client


@pytest.fixture
def athlete(client: TestClient, sams_logbook: tuple[Path, int]) -> int:
    """Sam's id in this test's copy of his logbook (made by `sqlite_url`)."""
    _, athlete = sams_logbook
    return athlete
