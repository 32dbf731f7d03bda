"""Alembic environment: migrates the connection handed over in `config.attributes`.

Run through `legday.store.migrate`; with the `alembic` command line instead, set
`sqlalchemy.url` (or LEGDAY_DATABASE_URL) and it opens its own engine.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from legday.store.tables import Base
from legday.store.uow import default_url, make_engine


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    if context.is_offline_mode():
        raise SystemExit("legday migrations run online only")
    config = context.config
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or default_url())
    with engine.begin() as own:
        _run(own)
    engine.dispose()


_main()
