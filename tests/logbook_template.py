"""A migrated logbook made once per test process and copied for every test that needs one.

Building a logbook's schema runs every Alembic migration (about a second here, more on a
loaded machine), and most store, CLI and web tests start from a new, empty logbook: the
same schema each time. So each pytest process (each xdist worker) migrates one template:

- SQLite: a file, copied byte for byte to the test's own path.
- PostgreSQL: a schema migrated once, then dumped (`pg_dump --schema-only` plus its one
  `alembic_version` row); a test's fresh schema replays that DDL, renamed. Without pg_dump
  (or one that cannot dump this server) every schema is migrated as before.

Only tests share the template. legday itself still migrates a new store on first use
(`legday.store.schema.check_schema`), and the tests of that path (first use, `db upgrade`,
restores into an empty store) ask for an empty store and get one.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

__all__ = ["copy_sqlite_template", "fill_from_template", "fill_pg_schema", "sqlite_logbook"]

_FOLDER = tempfile.TemporaryDirectory(prefix="legday-test-template-")


def _migrate(url: str) -> None:
    from legday.store.uow import Database

    database = Database(url)
    try:
        database.migrate()
    finally:
        database.dispose()


@functools.cache
def _sqlite_template() -> Path:
    path = Path(_FOLDER.name) / "migrated.db"
    _migrate(f"sqlite:///{path}")
    return path


def copy_sqlite_template(path: Path) -> None:
    """A migrated, empty logbook at `path` (a file that is not there yet)."""
    if path.exists():
        raise FileExistsError(f"{path} is there already: a template never overwrites a logbook")
    path.parent.mkdir(parents=True, exist_ok=True)
    _copy_logbook(_sqlite_template(), path)


def _copy_logbook(source: Path, path: Path) -> None:
    """The file, and its write-ahead log should a connection still hold one open."""
    shutil.copyfile(source, path)
    wal = source.with_name(source.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, path.with_name(path.name + "-wal"))


def sqlite_logbook(path: Path, like: Path | None = None) -> str:
    """The URL of a logbook at `path`: a copy of `like` (a logbook a fixture built once,
    say with an athlete onboarded) or else of the migrated, empty template."""
    if like is None:
        copy_sqlite_template(path)
    else:
        if path.exists():
            raise FileExistsError(f"{path} is there already")
        _copy_logbook(like, path)
    return f"sqlite:///{path}"


def _schema_url(base: str, schema: str) -> str:
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


@functools.cache
def _pg_template_sql(base: str) -> str | None:
    """The migrated schema's DDL and data as SQL naming the schema `__LEGDAY_SCHEMA__`;
    None when pg_dump is missing or fails (each test then migrates its own schema)."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        return None
    schema = f"legday_template_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        _migrate(_schema_url(base, schema))
        url = make_url(base)
        environment = {**os.environ}
        if url.password is not None:
            environment["PGPASSWORD"] = str(url.password)
        command = [pg_dump, "--schema", schema, "--no-owner", "--no-privileges", "--inserts"]
        command += ["--host", url.host or "localhost", "--port", str(url.port or 5432)]
        command += ["--username", url.username or "postgres", url.database or "postgres"]
        done = subprocess.run(command, capture_output=True, text=True, env=environment)
        if done.returncode != 0:
            return None
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
    kept = [
        line
        for line in done.stdout.splitlines()
        if not line.startswith(("CREATE SCHEMA ", "\\"))  # the test makes the schema itself
    ]
    return re.sub(rf"\b{schema}\b", "__LEGDAY_SCHEMA__", "\n".join(kept))


def fill_pg_schema(base: str, schema: str) -> None:
    """The migrated logbook's tables in `schema` (made, empty, by the caller)."""
    sql = _pg_template_sql(base)
    if sql is None:
        _migrate(_schema_url(base, schema))
        return
    admin = create_engine(base)
    try:
        with admin.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert raw is not None
            with raw.cursor() as cursor:  # no parameters: several statements in one call
                # a test's schema need not survive a server crash: no wait for the disk
                cursor.execute("SET synchronous_commit = off")
                cursor.execute(sql.replace("__LEGDAY_SCHEMA__", schema))
            raw.commit()
            connection.invalidate()  # pg_dump's SET search_path must not go back to a pool
    finally:
        admin.dispose()


def fill_from_template(url: str) -> None:
    """Make the new, empty store at `url` (a SQLite file not there yet, or a PostgreSQL
    schema named by the URL's `-csearch_path=` option) a migrated logbook."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        copy_sqlite_template(Path(parsed.database or ""))
        return
    options = str(parsed.query.get("options", ""))
    found = re.fullmatch(r"-csearch_path=(\w+)", options)
    if found is None:
        raise ValueError(f"{url!r}: no schema of its own (-csearch_path=...) to fill")
    base = parsed.difference_update_query(["options"]).render_as_string(hide_password=False)
    fill_pg_schema(base, found.group(1))
