"""The API driven in process (TestClient over `create_app`), on a SQLite logbook in the
test's folder, or on a fresh PostgreSQL schema for the tests marked `postgres`.

`athlete` adds Sam through the API itself, with an uploaded CSV calendar, the clock
pinned (LEGDAY_TODAY) to the plan's first Monday."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from legday.web.app import create_app

START = date(2027, 1, 4)  # a Monday
CALENDAR = """date,title,kind
2027-01-05,Intervals 6x800,hard
2027-01-07,Easy 40,easy
2027-01-09,Long run 18k,long
2027-01-12,Tempo 5k,hard
2027-01-14,Easy 45,easy
2027-01-16,Long run 20k,long
2027-01-19,Hills,hard
2027-01-23,Long run 22k,long
"""
PROFILE: dict[str, Any] = {
    "start": START.isoformat(),
    "weeks": 8,
    "days": ["mon", "wed", "thu", "sat"],
    "equipment": ["dumbbells", "band", "step"],
    "injuries": ["shin-splints"],
    "level": "intermediate",
    "minutes": 45,
}
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


def add_sam(client: TestClient, **extra: Any) -> int:
    body = {
        "name": "Sam",
        "profile": PROFILE,
        "calendar": {"filename": "plan.csv", "content": CALENDAR},
        **extra,
    }
    answer = client.post("/api/athletes", json=body)
    assert answer.status_code == 201, answer.text
    athlete_id: int = answer.json()["id"]
    return athlete_id


@pytest.fixture
def athlete(client: TestClient) -> int:
    return add_sam(client)


def first_session(client: TestClient, athlete_id: int) -> dict[str, Any]:
    """The plan's first strength day (date and session) from the plan endpoint."""
    plan = client.get(f"/api/athletes/{athlete_id}/plan").json()
    for day in plan["days"]:
        if day["strength"]:
            return {"date": day["date"], **day["strength"][0]}
    raise AssertionError("the plan has no strength session")
