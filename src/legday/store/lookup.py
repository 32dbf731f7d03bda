"""The athlete an address names, with its revision, read cheaply.

The web app asks this on every request: the athlete's `revision` says whether an answer it
keeps (today's session, the plan, the player's page) is still current. Through a unit of
work the one indexed SELECT costs an ORM session, a pooled connection's checkout, BEGIN
and ROLLBACK around it: about 0.25 ms of CPU, most of what a kept answer costs to serve.
Here the same statement (`repository.ATHLETE_BY_ID`) runs on a driver connection of the
lookup's own in autocommit: one statement (one round trip on PostgreSQL), no transaction
left open, each run seeing everything committed before it, by this process or any other
(another app worker, the CLI). That is why the revision is read from the database and not
kept in a counter in this process: a second worker or `legday log` would not bump it.
(A file or a server: an in-memory SQLite database, whose every connection is a database
of its own, is no logbook and is refused before this, `bootstrap._refuse_memory`.)
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from legday.errors import StoreError
from legday.redaction import redact
from legday.store.ports import Athlete
from legday.store.repository import ATHLETE_BY_ID
from legday.store.tables import AthleteRow

__all__ = ["AthleteLookup"]


class AthleteLookup:
    """`lookup(athlete_id, owner)`: the owner's athlete with this id, or None. Safe from
    any thread (one statement at a time); `close()` ends its connection."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        dialect = engine.dialect
        compiled = ATHLETE_BY_ID.compile(dialect=dialect)
        self._sql = compiled.string
        # the driver's parameter style: `?` in order (SQLite) or `%(owner)s` by name (psycopg)
        self._order = compiled.positiontup if compiled.positional else None
        created = AthleteRow.__table__.c.created_at.type.dialect_impl(dialect)
        # SQLite hands a DATETIME back as text; the column type reads it as SQLAlchemy would
        self._created: Callable[[Any], Any] = created.result_processor(dialect, None) or (
            lambda value: value
        )
        self._connection: Any = None
        self._lock = threading.Lock()

    def __call__(self, athlete_id: int, owner: str) -> Athlete | None:
        values: dict[str, Any] = {"owner": owner, "athlete": athlete_id}
        args = tuple(values[name] for name in self._order) if self._order else values
        with self._lock:
            try:
                rows = self._select(args)
            except self._engine.dialect.loaded_dbapi.Error:
                # a connection the server dropped (a restart, an idle timeout): one more
                # try on a new one; a second failure is the logbook's (503, try again)
                self._close()
                try:
                    rows = self._select(args)
                except self._engine.dialect.loaded_dbapi.Error as error:
                    self._close()
                    first = (str(error).splitlines() or [""])[0]
                    raise StoreError(redact(f"database: {first}")) from None
        if not rows:
            return None
        (athlete, name, created_at, owner_id, revision), *_ = rows
        created: datetime = self._created(created_at)
        return Athlete(athlete, name, created, owner_id, revision)

    def _select(self, args: tuple[Any, ...] | dict[str, Any]) -> list[Any]:
        if self._connection is None:
            self._connection = self._connect()
        cursor = self._connection.cursor()
        try:
            cursor.execute(self._sql, args)
            return list(cursor.fetchall())  # all read: SQLite ends the statement's read
        finally:
            cursor.close()

    def _connect(self) -> Any:
        """A connection made as the engine makes them (SQLite's pragmas and busy timeout
        included), taken out of the pool for good, in autocommit."""
        fairy = self._engine.raw_connection()
        fairy.detach()  # closed when the lookup is done with it, never handed to a unit of work
        assert fairy.dbapi_connection is not None  # a connection just made is open
        self._engine.dialect.set_isolation_level(fairy.dbapi_connection, "AUTOCOMMIT")
        return fairy

    def _close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(self._engine.dialect.loaded_dbapi.Error):  # already gone
                connection.close()

    def close(self) -> None:
        with self._lock:
            self._close()
