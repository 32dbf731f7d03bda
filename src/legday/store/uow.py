"""Engines and the SQLAlchemy unit of work: one transaction per import, log or re-plan.

`Database` is built on demand (never at import time) from a URL: `LEGDAY_DATABASE_URL`,
else a SQLite file in the user's data directory. SQLite gets WAL (readers never block
the writer), foreign keys, a busy timeout, and BEGIN IMMEDIATE so two writers queue
instead of failing half-way. PostgreSQL needs nothing special: row locks do the rest.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from legday.store.ports import AbstractUnitOfWork
from legday.store.repository import SqlRepository

__all__ = ["BUSY_TIMEOUT_MS", "Database", "SqlUnitOfWork", "default_url", "make_engine"]

BUSY_TIMEOUT_MS = 30_000
URL_VARIABLE = "LEGDAY_DATABASE_URL"


def default_url(environ: dict[str, str] | None = None) -> str:
    """`LEGDAY_DATABASE_URL`, else `sqlite:///<user data dir>/legday.db`."""
    env = os.environ if environ is None else environ
    url = env.get(URL_VARIABLE, "").strip()
    if url:
        return url
    import platformdirs

    return f"sqlite:///{Path(platformdirs.user_data_dir('legday')) / 'legday.db'}"


def make_engine(url: str, **kwargs: Any) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, **kwargs)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class SqlUnitOfWork(AbstractUnitOfWork):
    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory
        self._session: Session | None = None

    def __enter__(self) -> SqlUnitOfWork:
        self._session = self._factory()
        self.repo = SqlRepository(self._session)
        return self

    def __exit__(self, *args: object) -> None:
        session, self._session = self._session, None
        if session is not None:
            session.rollback()
            session.close()

    def commit(self) -> None:
        if self._session is None:
            raise RuntimeError("commit outside `with uow:`")
        self._session.commit()

    def rollback(self) -> None:
        if self._session is not None:
            self._session.rollback()


class Database:
    """An engine plus a session factory; `uow()` gives a fresh unit of work per use case."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    def uow(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._factory)

    def migrate(self) -> None:
        from legday.store.migrate import upgrade

        upgrade(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()
