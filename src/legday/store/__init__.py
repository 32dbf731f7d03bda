"""The logbook's storage: athletes, plan versions, performed sessions and set logs.

    ports.py       records + AbstractRepository / AbstractUnitOfWork (no SQLAlchemy)
    tables.py      SQLAlchemy 2 typed tables (the schema at the Alembic head)
    mapping.py     row <-> model, explicit and lossless
    repository.py  SqlRepository: all SQL, never commits
    uow.py         Database (engine + sessions), SqlUnitOfWork, SQLite pragmas
    migrate.py     Alembic from code; migrations/ holds env.py and versions/
    backup.py      versioned JSON dump and restore of every table

Nothing here runs at import time; `Database(url)` builds the engine when asked.
"""
