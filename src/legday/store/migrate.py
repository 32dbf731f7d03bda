"""Alembic, run from code: no alembic.ini, the script location is this package's folder.

`ensure_schema` is what the CLI calls on start: a no-op when the database is at head.
Concurrent starters are serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory
lock), so two processes never both create the tables.
"""

from __future__ import annotations

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
    "ensure_schema",
    "head",
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


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        command.upgrade(alembic_config(connection), revision)


def ensure_schema(engine: Engine) -> None:
    if current_revision(engine) != head():
        upgrade(engine)
