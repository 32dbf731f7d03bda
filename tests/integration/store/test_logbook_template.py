"""The migrated PostgreSQL schemas tests hand on to one another (tests/logbook_template.py):
the next test finds an empty logbook counting ids from one, and a schema a test changed is
dropped rather than handed on."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from logbook_template import pooled_pg_schema

from .conftest import PG_DEFAULT

pytestmark = pytest.mark.postgres


@pytest.fixture
def base() -> str:
    if os.environ.get("LEGDAY_SKIP_POSTGRES") == "1":
        pytest.skip("LEGDAY_SKIP_POSTGRES=1")
    return os.environ.get("LEGDAY_TEST_POSTGRES_URL", PG_DEFAULT)


def _schema(url: str) -> str:
    return str(make_url(url).query["options"]).removeprefix("-csearch_path=")


def _run(url: str, *statements: str) -> list[list[tuple[object, ...]]]:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            results = [connection.execute(text(s)) for s in statements]
            return [list(r) if r.returns_rows else [] for r in results]
    finally:
        engine.dispose()


def _exists(base: str, schema: str) -> bool:
    found = _run(base, f"SELECT 1 FROM pg_namespace WHERE nspname = '{schema}'")
    return bool(found[0])


@pytest.fixture
def used(base: str) -> Iterator[str]:
    """A pooled schema with a user and a runner in it, handed back."""
    with pooled_pg_schema(base) as url:
        _run(
            url,
            "INSERT INTO users (handle, local, created_at) VALUES ('me', true, now())",
            "INSERT INTO athletes (name, created_at, owner_id) VALUES ('sam', now(), 1)",
        )
    yield url


def test_the_next_test_finds_the_schema_empty_and_counting_from_one(base: str, used: str) -> None:
    with pooled_pg_schema(base) as url:
        assert _schema(url) == _schema(used)  # the same schema, handed on
        users, athletes, version = _run(
            url,
            "SELECT count(*) FROM users",
            "SELECT count(*) FROM athletes",
            "SELECT version_num FROM alembic_version",
        )
        assert users == [(0,)] and athletes == [(0,)]
        assert len(version) == 1
        (new_id,) = _run(
            url,
            "INSERT INTO users (handle, local, created_at) VALUES ('a', true, now()) RETURNING id",
        )
        assert new_id == [(1,)]


@pytest.mark.parametrize(
    "change",
    [
        "ALTER TABLE athletes ADD COLUMN nickname text",
        "ALTER TABLE athletes DROP CONSTRAINT uq_athletes_owner_id_name",
        "CREATE INDEX ix_extra ON users (created_at)",
        "UPDATE alembic_version SET version_num = '9999'",
        "DROP TABLE feed_tokens",
    ],
)
def test_a_schema_a_test_changed_is_dropped_not_handed_on(base: str, change: str) -> None:
    with pooled_pg_schema(base) as url:
        _run(url, change)
    assert not _exists(base, _schema(url))
    with pooled_pg_schema(base) as other:
        assert _schema(other) != _schema(url)
        assert _run(other, "SELECT count(*) FROM alembic_version")[0] == [(1,)]


def test_a_schema_a_test_dropped_is_not_looked_for(base: str) -> None:
    with pooled_pg_schema(base) as url:
        _run(base, f'DROP SCHEMA "{_schema(url)}" CASCADE')
    assert not _exists(base, _schema(url))
