"""Engines and the SQLAlchemy unit of work: one transaction per import, log or re-plan.

`Database` is built on demand (never at import time) from a URL: `LEGDAY_DATABASE_URL`,
else a SQLite file in the user's data directory.

A unit of work knows whether it writes (`reading()`):

- SQLite (WAL, foreign keys, a busy timeout): a write starts with BEGIN IMMEDIATE, so two
  writers queue at their first statement instead of failing half-way; a read starts a
  plain BEGIN with `query_only` on, and reads its snapshot at once, whoever writes.
- PostgreSQL: a read is a READ ONLY, REPEATABLE READ transaction (one snapshot, no lock);
  a write locks its athlete's row first (`SqlRepository.lock_athlete`).

A deadlock or a serialization failure (PostgreSQL) and a busy timeout (SQLite) come out
as `ConflictError`, which the services retry; nothing else is translated here.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from legday.store.lookup import AthleteLookup
from legday.store.ports import AbstractUnitOfWork, ConflictError
from legday.store.repository import SqlRepository

__all__ = [
    "BUSY_TIMEOUT_MS",
    "Database",
    "SqlUnitOfWork",
    "contention",
    "default_url",
    "make_engine",
]

BUSY_TIMEOUT_MS = 30_000
URL_VARIABLE = "LEGDAY_DATABASE_URL"
READS = "legday_reads"  # execution option of the engine that read-only sessions use
# PostgreSQL SQLSTATEs worth running the transaction again for
RETRYABLE = {"40P01": "deadlock detected", "40001": "could not serialize access"}


def default_url(environ: dict[str, str] | None = None) -> str:
    """`LEGDAY_DATABASE_URL`, else `sqlite:///<user data dir>/legday.db`."""
    env = os.environ if environ is None else environ
    url = env.get(URL_VARIABLE, "").strip()
    if url:
        return url
    import platformdirs

    return f"sqlite:///{Path(platformdirs.user_data_dir('legday')) / 'legday.db'}"


def _private_file(database: Path) -> None:
    """A new logbook is the athlete's own: its folder 0700 when legday makes it, the file
    0600 (it holds feed addresses with their tokens). An existing file keeps its mode."""
    database.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not database.exists():
        with contextlib.suppress(OSError):  # a read-only folder: SQLite says so, in one line
            os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def make_engine(url: str, **kwargs: Any) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, **kwargs)
    if parsed.database and parsed.database != ":memory:":
        _private_file(Path(parsed.database))
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
        # `query_only` belongs to the pooled connection: switched only when its use changes
        reads = bool(connection.get_execution_options().get(READS))
        if connection.info.get(READS, False) != reads:
            connection.exec_driver_sql(f"PRAGMA query_only={'ON' if reads else 'OFF'}")
            connection.info[READS] = reads
        connection.exec_driver_sql("BEGIN" if reads else "BEGIN IMMEDIATE")

    return engine


def contention(error: BaseException) -> ConflictError | None:
    """The `ConflictError` a driver error stands for, or None when it is something else."""
    if not isinstance(error, DBAPIError):
        return None
    code = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
    if code in RETRYABLE:
        return ConflictError(f"{RETRYABLE[code]} (another change at the same moment)")
    message = str(error.orig).lower()
    if "database is locked" in message or "database is busy" in message:
        seconds = BUSY_TIMEOUT_MS // 1000
        return ConflictError(
            f"another legday kept the logbook busy for {seconds} s; try again", retry=False
        )
    return None


class SqlUnitOfWork(AbstractUnitOfWork):
    def __init__(self, factory: sessionmaker[Session], reader: sessionmaker[Session]) -> None:
        self._factory = factory
        self._reader = reader
        self._session: Session | None = None

    def __enter__(self) -> SqlUnitOfWork:
        self._session = (self._factory if self.writes else self._reader)()
        self.repo = SqlRepository(self._session)
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        session, self._session = self._session, None
        if session is not None:
            if exc is None and not self.writes:
                # A read that went well ends with COMMIT: it wrote nothing (READ ONLY,
                # `query_only`), so this is a rollback by effect, but psycopg forgets its
                # prepared statements at every ROLLBACK, and a process that reads the
                # same day views again (the web app) would parse and plan them anew.
                session.commit()
            session.rollback()
            session.close()
        found = contention(exc) if exc is not None else None
        if found is not None:
            raise found from exc

    def commit(self) -> None:
        if self._session is None:
            raise RuntimeError("commit outside `with uow:`")
        if not self.writes:
            raise RuntimeError("commit of a unit of work that only reads")
        self._session.commit()

    def rollback(self) -> None:
        if self._session is not None:
            self._session.rollback()


class Database:
    """An engine plus session factories; `uow()` gives a fresh unit of work per use case.
    `reads` is the engine for read-only work outside a unit of work (`legday backup`):
    its transactions take no write lock. `athlete_by_id` reads one athlete and its
    revision without a unit of work (the web app's every request, `legday.store.lookup`)."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        reads: dict[str, Any] = {READS: True}
        if self.engine.dialect.name == "postgresql":
            reads.update(postgresql_readonly=True, isolation_level="REPEATABLE READ")
        self.reads = self.engine.execution_options(**reads)
        self._reader = sessionmaker(self.reads)
        self.athlete_by_id = AthleteLookup(self.engine)

    def uow(self) -> SqlUnitOfWork:
        """A unit of work that writes; `.reading()` makes it a read (no write lock)."""
        return SqlUnitOfWork(self._factory, self._reader)

    def migrate(self) -> None:
        from legday.store.migrate import upgrade

        upgrade(self.engine)

    def reuse(self) -> None:
        """Before another command on this engine (a process that keeps it, the warm
        worker): a SQLite file removed since is made again as `make_engine` makes it."""
        name = self.engine.url.database
        if self.engine.dialect.name == "sqlite" and name and name != ":memory:":
            _private_file(Path(name))

    def dispose(self) -> None:
        """Close every connection (a later use connects again; the engine, its dialect and
        its compiled statements stay)."""
        self.athlete_by_id.close()
        self.engine.dispose()
