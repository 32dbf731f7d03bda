"""Alembic, run from code: no alembic.ini, the script location is this package's folder.

Imported only to upgrade (`legday db upgrade`, the first use of a new store, tests):
the start-up check is `legday.store.schema`, one SELECT and no Alembic. Concurrent
upgrades are serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so two
processes never both create the tables. On SQLite foreign keys are off while it runs:
a migration that rebuilds a parent table (0006 rebuilds `athletes`) drops the old one,
and with foreign keys on that drop would cascade to every child row.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

__all__ = [
    "MIGRATIONS",
    "alembic_config",
    "current_revision",
    "downgrade",
    "ensure_schema",
    "head",
    "known",
    "revisions",
    "upgrade",
]

MIGRATIONS = Path(__file__).parent / "migrations"
_LOCK_KEY = 0x1E6DA7  # any constant shared by every legday process


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head() -> str:
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert revision is not None
    return revision


def revisions() -> frozenset[str]:
    """Every revision of the history, so a backup can tell whether its schema is known."""
    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(r.revision for r in script.walk_revisions())


def known(revision: str) -> bool:
    """True for a revision of this release's history (an older store can be upgraded)."""
    return revision in revisions()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    _migrate(engine, lambda config: command.upgrade(config, revision))


def downgrade(engine: Engine, revision: str) -> None:
    """Back to an older revision (a release rollback), with the same guards."""
    _migrate(engine, lambda config: command.downgrade(config, revision))


def _migrate(engine: Engine, step: Callable[[Config], None]) -> None:
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        raw = connection.connection.dbapi_connection
        if sqlite and raw is not None:  # before the transaction: SQLite ignores it inside
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                if not sqlite:
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY}
                    )
                step(alembic_config(connection))
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                    if broken is not None:
                        raise RuntimeError(f"migration left a dangling reference: {broken}")
        finally:
            if sqlite and raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def ensure_schema(engine: Engine) -> None:
    if current_revision(engine) != head():
        upgrade(engine)
