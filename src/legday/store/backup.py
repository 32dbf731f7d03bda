"""Backups: every table as versioned JSON, restored whole into an empty database.

Format `legday.backup/1`:

    {"format": "legday.backup/1", "revision": "<alembic head>", "created": "<UTC ISO>",
     "tables": {"<table>": [{"<column>": value, ...}, ...], ...}}

Rows keep their ids and are listed in primary-key order; dates, times and datetimes are
ISO strings, bytes (a calendar's content) base64, floats are JSON numbers (shortest
round-trip repr), JSON columns stay JSON,
so dump -> restore -> dump gives the same document. A restore is one transaction: a
killed restore leaves the database empty, never half-filled.

`revision` is the schema the rows were dumped from. Columns are only ever added, so a
backup of an older revision restores as it is: a column it lacks is NULL (a backup from
before 0003 has no `profiles.windows`, so its athletes have no time windows; one from
before 0004 has no age, event or weights: a typical set of weights). A backup of
a revision this release does not know (a newer legday) is refused with one line.

A backup from before 0007 keeps a moved session's day in the note of a `blocked`
override ("moved to DATE"): it comes back as a `moved` override to that day, as the 0007
migration converts a store.

A backup from before 0006 has no users, athletes without an owner and calendars kept as
paths: its athletes go to the local user, and its calendars are converted the way the
0006 migration converts them (a feed keeps its address; a file is read if it is still
there, else kept by name with a note saying to add it again).
"""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Date,
    DateTime,
    Engine,
    LargeBinary,
    Table,
    func,
    select,
    text,
)

from legday.errors import StoreError
from legday.store.migrate import ensure_schema, head, revisions
from legday.store.tables import Base

__all__ = ["FORMAT", "dump", "restore"]

FORMAT = "legday.backup/1"
_CHUNK = 2_000


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes):  # a calendar's content: base64 text
        return base64.b64encode(value).decode("ascii")
    return value


def _b64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _decoder(table: Table) -> dict[str, Any]:
    decoders: dict[str, Any] = {}
    for column in table.columns:
        if isinstance(column.type, DateTime):
            decoders[column.name] = datetime.fromisoformat
        elif isinstance(column.type, Date):
            decoders[column.name] = date.fromisoformat
        elif column.type.__class__.__name__ == "Time":
            decoders[column.name] = time.fromisoformat
        elif isinstance(column.type, LargeBinary):
            decoders[column.name] = _b64
    return decoders


def dump(engine: Engine, *, now: datetime | None = None) -> dict[str, Any]:
    """Everything in the database, in one consistent snapshot."""
    created = (now or datetime.now(UTC)).replace(tzinfo=None).isoformat()
    tables: dict[str, list[dict[str, Any]]] = {}
    with engine.begin() as connection:
        for table in _tables():
            order = list(table.primary_key.columns)
            rows = connection.execute(select(table).order_by(*order)).mappings()
            tables[table.name] = [{k: _encode(v) for k, v in row.items()} for row in rows]
    return {"format": FORMAT, "revision": head(), "created": created, "tables": tables}


def restore(engine: Engine, data: Any) -> int:
    """Load a backup into an empty database (schema created if needed); returns rows loaded."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise StoreError(f"not a legday backup (format {found!r}, expected {FORMAT!r})")
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise StoreError("backup has no 'tables' object")
    revision = data.get("revision")
    if revision is not None and (not isinstance(revision, str) or revision not in revisions()):
        raise StoreError(
            f"backup is of schema revision {revision!r}, which this legday does not know"
            f" (it knows up to {head()!r}); restore it with a newer legday"
        )
    if isinstance(revision, str) and revision < "0006":
        tables = _before_0006(tables)
    if isinstance(revision, str) and revision < "0007":
        tables = _before_0007(tables)
    known = {t.name for t in _tables()}
    unknown = sorted(set(tables) - known)
    if unknown:
        raise StoreError(f"backup has a table this version does not know: {unknown[0]!r}")
    from legday.store.backup_schema import validate_backup  # pydantic: only for a restore

    ensure_schema(engine)  # a refused restore still leaves an empty, usable store
    decoded = validate_backup(tables, _tables())  # the whole backup, before any row
    loaded = 0
    with engine.begin() as connection:
        for table in _tables():
            if connection.scalar(select(func.count()).select_from(table)):
                raise StoreError(f"restore needs an empty database; {table.name!r} has rows")
        for table in _tables():
            loaded += _load(connection, table, decoded[table.name], tables.get(table.name, []))
        if connection.dialect.name == "postgresql":
            _reset_sequences(connection)
    return loaded


def _before_0006(tables: dict[str, Any]) -> dict[str, Any]:
    """Rows of an older backup in the 0006 shape: one local user owning every athlete,
    calendars as content (see the module's docstring)."""
    from legday.store.ports import LOCAL_USER

    created = datetime.now(UTC).replace(tzinfo=None).isoformat()
    upgraded = dict(tables)
    upgraded["users"] = [{"id": 1, "handle": LOCAL_USER, "local": True, "created_at": created}]
    athletes = tables.get("athletes", [])
    if isinstance(athletes, list):
        upgraded["athletes"] = [
            {**row, "owner_id": 1} if isinstance(row, dict) else row for row in athletes
        ]
    sources = tables.get("calendar_sources", [])
    if isinstance(sources, list):
        upgraded["calendar_sources"] = [_source_0006(row) for row in sources]
    return upgraded


def _source_0006(row: Any) -> Any:
    """A calendar row of the path era as the 0006 migration would have left it."""
    if not isinstance(row, dict) or not isinstance(row.get("path"), str):
        return row
    from legday.calendars.feeds import is_feed, redact

    path = row["path"]
    kept = {k: v for k, v in row.items() if k not in ("path", "synced_at")}
    kept["fetched_at"] = row.get("synced_at")
    if is_feed(path):
        note = "subscribed feed: its content is fetched at the next sync"
        return {**kept, "name": redact(path), "url": path, "content": None, "note": note}
    from legday.calendars._files import read_bytes
    from legday.errors import LegdayError

    name = Path(path).name or "calendar"
    try:
        content = base64.b64encode(read_bytes(Path(path))).decode("ascii")
        return {**kept, "name": name, "url": None, "content": content, "note": ""}
    except LegdayError:
        note = f"{name} was not found when this backup was restored; add it again"
        return {**kept, "name": name, "url": None, "content": None, "note": note}


def _before_0007(tables: dict[str, Any]) -> dict[str, Any]:
    """Overrides of an older backup as the 0007 migration leaves them: the days `move`
    blocked ("moved", "moved to DATE" in the note) become `moved` rows with that day;
    a blocked day the backup shows as skipped stays a skip, whatever its note says."""
    overrides = tables.get("day_overrides", [])
    performed = tables.get("performed_sessions", [])
    if not isinstance(overrides, list) or not isinstance(performed, list):
        return tables  # the validation names what is wrong
    skipped = {
        (row.get("athlete_id"), row.get("day"))
        for row in performed
        if isinstance(row, dict) and row.get("status") == "skipped"
    }
    moved = []
    for row in overrides:
        if not isinstance(row, dict):
            moved.append(row)
            continue
        if (
            row.get("kind") == "blocked"
            and (row.get("athlete_id"), row.get("day")) not in skipped
            and (to := _moved_note(row.get("note"))) is not None
        ):
            row = {**row, "kind": "moved", "note": "", "moved_to": to or None}
        # every row names the column: rows are inserted many at once, with the first
        # row's columns
        moved.append({"moved_to": None, **row})
    return {**tables, "day_overrides": moved}


def _moved_note(note: Any) -> str | None:
    """ "" for the note `move` wrote without a day, the ISO day of "moved to DATE", None
    for any other note."""
    if note == "moved":
        return ""
    if not isinstance(note, str) or not note.startswith("moved to "):
        return None
    day = note.removeprefix("moved to ")
    try:
        return date.fromisoformat(day).isoformat()
    except ValueError:
        return None


def _load(
    connection: Connection, table: Table, decoded: list[dict[str, Any]], rows: list[Any]
) -> int:
    """Insert the checked rows, each with the columns its backup row named (a column an
    older backup lacks keeps the table's default)."""
    kept = [{k: row[k] for k in raw} for row, raw in zip(decoded, rows, strict=True)]
    for start in range(0, len(kept), _CHUNK):
        connection.execute(table.insert(), kept[start : start + _CHUNK])
    return len(kept)


def _reset_sequences(connection: Connection) -> None:
    """Restored ids were explicit; move each id sequence past them."""
    for table in _tables():
        if "id" not in table.columns:
            continue
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 1), "
                f"(SELECT MAX(id) FROM {table.name}) IS NOT NULL)"
            )
        )
