"""The cheap start-up check of the logbook's schema: one SELECT, no Alembic.

Migrations are a deploy step (`legday db upgrade`). Every command reads the one row of
`alembic_version` and compares it with `HEAD`, the newest revision this release knows;
Alembic (about a third of a command's start-up) is imported only to upgrade. A store
without that table is new: its first use creates the schema. A store of an older
revision is refused with one line telling the user to upgrade, so a rewrite of their
data never happens as a side effect of `legday today` (and, with several web workers on
one PostgreSQL database, only the deploy step migrates). A store of a newer revision
(a newer legday wrote it) is refused too.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from legday.errors import StoreError

__all__ = ["HEAD", "check_schema", "stored_revision"]

# The head of `legday/store/migrations/versions`; a test keeps the two equal.
HEAD = "0008"
QUERY = "SELECT version_num FROM alembic_version"
UPGRADE_HINT = (
    "run `legday db upgrade` (it keeps your data; for a copy first, copy the SQLite file"
    " or pg_dump the database)"
)


def stored_revision(engine: Engine) -> str | None:
    """The store's revision; None when it has no `alembic_version` table (a new store).

    On SQLite the SELECT goes to the driver outside any transaction: a start-up check must
    never queue behind a writer, whatever kind of transaction the engine would begin.
    """
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        if connection.dialect.name == "sqlite" and raw is not None:
            try:
                row = raw.execute(QUERY).fetchone()
            except sqlite3.Error:
                return None
            return None if row is None else str(row[0])
        try:
            return connection.exec_driver_sql(QUERY).scalar()
        except DBAPIError:
            connection.rollback()
            return None


def check_schema(engine: Engine, *, create: bool = True) -> None:
    """Pass when the store is at `HEAD`; create a new store's schema (`create`); else one
    line naming what to do."""
    revision = stored_revision(engine)
    if revision == HEAD:
        return
    if revision is None and create:
        from legday.store.migrate import upgrade

        upgrade(engine)
        return
    if revision is None:
        raise StoreError(f"the logbook has no schema yet; {UPGRADE_HINT}")
    from legday.store.migrate import known

    if not known(revision):
        raise StoreError(
            f"the logbook is at schema {revision!r}, newer than this legday knows"
            f" ({HEAD!r}); use a newer legday"
        )
    raise StoreError(
        f"the logbook is at schema {revision!r} and this legday needs {HEAD!r}; {UPGRADE_HINT}"
    )
