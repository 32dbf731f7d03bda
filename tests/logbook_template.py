"""A migrated logbook made once per test process and copied for every test that needs one.

Building a logbook's schema runs every Alembic migration (about a second here, more on a
loaded machine), and most store, CLI and web tests start from a new, empty logbook: the
same schema each time. So each pytest process (each xdist worker) migrates one template:

- SQLite: a file, copied byte for byte to the test's own path.
- PostgreSQL: a schema migrated once, then dumped (`pg_dump --schema-only` plus its one
  `alembic_version` row); a test's fresh schema replays that DDL, renamed. Without pg_dump
  (or one that cannot dump this server) every schema is migrated as before.

A test's migrated PostgreSQL schema is handed on to the next test of the same process
(`pooled_pg_schema`) once its rows are deleted and its sequences reset, when its structure is
still the template's; a test that changed the schema (a downgrade, a stamped version) leaves
its schema to be dropped. Making and dropping a schema costs the server about 50 ms of CPU
and more of disk waits; emptying one, a millisecond.

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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url

__all__ = [
    "copy_sqlite_template",
    "drop_pooled_schemas",
    "fill_from_template",
    "fill_pg_schema",
    "pooled_pg_schema",
    "sqlite_logbook",
]

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


# --- PostgreSQL schemas handed from test to test -----------------------------------------

_SCHEMA_NAME = "__LEGDAY_SCHEMA__"
_FINGERPRINT = (
    # tables, sequences, views, indexes and their columns, with types, nullability, defaults
    """SELECT c.relname, c.relkind::text, coalesce(a.attname, ''),
              coalesce(format_type(a.atttypid, a.atttypmod), ''), coalesce(a.attnotnull, false),
              coalesce(pg_get_expr(d.adbin, d.adrelid), ''),
              CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) ELSE '' END
       FROM pg_class c
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
       WHERE c.relnamespace = :ns ORDER BY 1, 3""",
    """SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
       FROM pg_constraint WHERE connamespace = :ns ORDER BY 1, 2""",
    """SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       WHERE c.relnamespace = :ns ORDER BY 1""",
    """SELECT t.tgrelid::regclass::text, t.tgname, pg_get_triggerdef(t.oid)
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       WHERE c.relnamespace = :ns AND NOT t.tgisinternal ORDER BY 1, 2""",
    """SELECT t.typname, t.typtype::text, coalesce(e.enumlabel, '')
       FROM pg_type t LEFT JOIN pg_enum e ON e.enumtypid = t.oid
       WHERE t.typnamespace = :ns ORDER BY 1, e.enumsortorder""",
    """SELECT p.proname, pg_get_function_identity_arguments(p.oid), md5(p.prosrc)
       FROM pg_proc p WHERE p.pronamespace = :ns ORDER BY 1, 2""",
    """SELECT s.seqrelid::regclass::text, s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
              s.seqcycle
       FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
       WHERE c.relnamespace = :ns ORDER BY 1""",
)


@dataclass(frozen=True)
class _Pristine:
    """A freshly filled schema as the next test must find it."""

    structure: tuple[Any, ...]  # what _FINGERPRINT reads, the schema's name blanked out
    kept: tuple[tuple[str, tuple[Any, ...]], ...]  # rows of the tables the template fills
    empty: tuple[str, ...]  # the other tables, referencing tables before those they reference
    sequences: tuple[tuple[str, int, bool], ...]  # name, value, is_called


_POOL: dict[str, list[str]] = {}
_PRISTINE: dict[str, _Pristine | None] = {}


@functools.cache
def _admin(base: str) -> Engine:
    return create_engine(base, pool_size=1)


def drop_pooled_schemas() -> None:
    """Drop the schemas waiting for a next test (at the end of the session)."""
    for base, schemas in list(_POOL.items()):
        with _admin(base).begin() as connection:
            connection.execute(text("SET LOCAL synchronous_commit = off"))
            for schema in schemas:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        schemas.clear()
        _admin(base).dispose()


def _blank(value: Any, schema: str) -> Any:
    return re.sub(rf"\b{schema}\b", _SCHEMA_NAME, value) if isinstance(value, str) else value


def _structure(connection: Connection, schema: str) -> tuple[Any, ...]:
    ns = connection.execute(
        text("SELECT oid FROM pg_namespace WHERE nspname = :schema"), {"schema": schema}
    ).scalar_one()
    return tuple(
        tuple(
            tuple(_blank(v, schema) for v in row) for row in connection.execute(text(q), {"ns": ns})
        )
        for q in _FINGERPRINT
    )


def _tables(connection: Connection, schema: str) -> list[str]:
    rows = connection.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = :schema ORDER BY 1"),
        {"schema": schema},
    )
    return [name for (name,) in rows]


def _rows(connection: Connection, schema: str, table: str) -> tuple[Any, ...]:
    rows = connection.execute(text(f'SELECT * FROM "{schema}"."{table}" ORDER BY 1'))
    return tuple(tuple(row) for row in rows)


def _delete_order(connection: Connection, schema: str, tables: list[str]) -> list[str] | None:
    """`tables` with each one before the tables it references; None on a cycle."""
    edges = connection.execute(
        text(
            """SELECT c.conrelid::regclass::text, c.confrelid::regclass::text
               FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
               WHERE n.nspname = :schema AND c.contype = 'f'"""
        ),
        {"schema": schema},
    )
    referenced: dict[str, set[str]] = {t: set() for t in tables}
    for child, parent in edges:
        child, parent = (_unqualified(name) for name in (child, parent))
        if child != parent and child in referenced and parent in referenced:
            referenced[parent].add(child)  # the child's rows go first
    order: list[str] = []
    while referenced:
        ready = sorted(t for t, children in referenced.items() if not children)
        if not ready:
            return None
        order += ready
        for t in ready:
            del referenced[t]
        for children in referenced.values():
            children.difference_update(ready)
    return order


def _unqualified(name: str) -> str:
    return name.rsplit(".", 1)[-1].strip('"')


def _pristine(connection: Connection, schema: str) -> _Pristine | None:
    """What a schema just filled from the template holds; None when its rows could not be
    put back by deleting (a table of the template with rows in it that is not
    alembic_version, or a cycle of foreign keys): then no schema is handed on."""
    tables = _tables(connection, schema)
    kept = tuple((t, _rows(connection, schema, t)) for t in tables if t == "alembic_version")
    for table in tables:
        if (
            table != "alembic_version"
            and connection.execute(
                text(f'SELECT EXISTS (SELECT FROM "{schema}"."{table}")')
            ).scalar_one()
        ):
            return None
    order = _delete_order(connection, schema, [t for t in tables if t != "alembic_version"])
    if order is None:
        return None
    sequences = connection.execute(
        text(
            """SELECT sequencename, coalesce(last_value, start_value), last_value IS NOT NULL
               FROM pg_sequences WHERE schemaname = :schema ORDER BY 1"""
        ),
        {"schema": schema},
    )
    return _Pristine(
        structure=_structure(connection, schema),
        kept=kept,
        empty=tuple(order),
        sequences=tuple((name, int(value), bool(called)) for name, value, called in sequences),
    )


def _new_pg_schema(base: str) -> str:
    schema = f"t_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    with _admin(base).begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    fill_pg_schema(base, schema)
    if base not in _PRISTINE:
        with _admin(base).connect() as connection:
            _PRISTINE[base] = _pristine(connection, schema)
    return schema


def _emptied(base: str, schema: str) -> bool:
    """Put `schema` back as the template left it; False (and nothing changed) when its
    structure or the template's own rows are no longer the template's."""
    pristine = _PRISTINE.get(base)
    if pristine is None:
        return False
    with _admin(base).begin() as connection:
        if _structure(connection, schema) != pristine.structure:
            return False
        if tuple((t, _rows(connection, schema, t)) for t, _ in pristine.kept) != pristine.kept:
            return False
        connection.execute(text("SET LOCAL synchronous_commit = off"))
        for table in pristine.empty:
            connection.execute(text(f'DELETE FROM "{schema}"."{table}"'))
        for name, value, called in pristine.sequences:
            connection.execute(
                text("SELECT setval(:sequence, :value, :called)"),
                {"sequence": f'"{schema}"."{name}"', "value": value, "called": called},
            )
    return True


@contextmanager
def pooled_pg_schema(base: str) -> Iterator[str]:
    """The URL of a migrated, empty logbook in a schema of its own on the server at `base`,
    for the length of the `with`: one a test before handed on, or else a new one."""
    pool = _POOL.setdefault(base, [])
    schema = pool.pop() if pool else _new_pg_schema(base)
    try:
        yield _schema_url(base, schema)
    finally:
        try:
            reusable = _emptied(base, schema)
        except Exception:  # the test left the schema unreadable: drop it, as before
            reusable = False
        if reusable:
            pool.append(schema)
        else:
            with _admin(base).begin() as connection:
                connection.execute(text("SET LOCAL synchronous_commit = off"))
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
