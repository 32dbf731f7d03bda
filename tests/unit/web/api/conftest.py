"""The API driven in process (TestClient over `create_app`), on a SQLite logbook in the
test's folder, or on a fresh PostgreSQL schema for the tests marked `postgres`.

`athlete` adds Sam through the API itself, with an uploaded CSV calendar, the clock
pinned (LEGDAY_TODAY) to the plan's first Monday."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.unit.web.api.helpers import START, add_sam

from legday.web.app import create_app

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEGDAY_TODAY", START.isoformat())


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'logbook.db'}"


@pytest.fixture
def client(sqlite_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(sqlite_url)) as client:
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
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def pg_client(pg_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(pg_url)) as client:
        yield client


@pytest.fixture
def athlete(client: TestClient) -> int:
    return add_sam(client)
