"""Owners, calendars as content, and a unique place for every set (issue 15).

- `users`, with one `local` user that owns every athlete already stored (a new store
  makes it with its first athlete); athletes get an
  `owner_id`, and a name is unique per owner instead of across the database.
- `calendar_sources` keep the calendar itself (`content`, bytes) and, for a subscribed
  feed, its `url`, instead of a path on the server. A file still on disk is read now
  (its bytes, bounded like any calendar); a file that is gone gets no content and a
  `note` saying so; a feed gets its address and its content at the next `sync`.
  `content_hash` stays the hash of what the plan in force was made from, so a file
  edited since the last sync is re-planned at the next one.
- `set_logs`: a unique (performed session, seq), after renumbering any duplicates that
  concurrent writers of older releases may have left, and a partial index on the sets
  that raise a pain flag (pain >= 4, `legday.progression.PAIN_SEEK_ADVICE`).

On SQLite, `legday.store.migrate.upgrade` runs this with foreign keys off: rebuilding
`athletes` (SQLite cannot drop its old unique name otherwise) must not cascade.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
PAIN_INDEX_WHERE = sa.text("pain >= 4")


def _foreign_keys_off() -> None:
    """Refuse to rebuild `athletes` on SQLite with foreign keys on: dropping the old table
    would cascade to every child row. `legday.store.migrate` switches them off."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("run 0006 through legday.store.migrate (foreign keys must be off)")


def upgrade() -> None:
    _foreign_keys_off()
    _users()
    _calendar_sources()
    _set_logs()


def _users() -> None:
    op.create_table(
        "users",
        sa.Column("id", Id, nullable=False),
        sa.Column("handle", sa.String(length=120), nullable=False),
        sa.Column("local", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("handle", name=op.f("uq_users_handle")),
    )
    bind = op.get_bind()
    with op.batch_alter_table("athletes") as batch:
        batch.add_column(sa.Column("owner_id", Id, nullable=True))
    # The local user is made for the athletes already here; a new store makes it on the
    # first `athlete add` (so a restore still finds every table empty).
    if bind.execute(sa.text("SELECT COUNT(*) FROM athletes")).scalar_one():
        now = datetime.now(UTC).replace(tzinfo=None)
        bind.execute(
            sa.text("INSERT INTO users (handle, local, created_at) VALUES ('local', :t, :now)"),
            {"t": True, "now": now},
        )
        local = bind.execute(sa.text("SELECT id FROM users WHERE handle = 'local'")).scalar_one()
        bind.execute(sa.text("UPDATE athletes SET owner_id = :owner"), {"owner": local})
    with op.batch_alter_table("athletes") as batch:
        batch.alter_column("owner_id", existing_type=Id, nullable=False)
        batch.drop_constraint("uq_athletes_name", type_="unique")
        batch.create_unique_constraint(op.f("uq_athletes_owner_id_name"), ["owner_id", "name"])
        batch.create_foreign_key(
            op.f("fk_athletes_owner_id_users"), "users", ["owner_id"], ["id"], ondelete="CASCADE"
        )
        batch.create_index(op.f("ix_athletes_owner_id"), ["owner_id"])


def _calendar_sources() -> None:
    with op.batch_alter_table("calendar_sources") as batch:
        batch.add_column(sa.Column("name", sa.Text(), nullable=True))
        batch.add_column(sa.Column("url", sa.Text(), nullable=True))
        batch.add_column(sa.Column("content", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id, athlete_id, path FROM calendar_sources ORDER BY id")
    ).all()
    taken: set[tuple[int, str]] = set()
    for source_id, athlete_id, path in rows:
        values = _from_path(path)
        name, number = str(values["name"]), 2
        unique = name
        while (athlete_id, unique) in taken:
            unique = f"{name} ({number})"
            number += 1
        taken.add((athlete_id, unique))
        values["name"] = unique
        bind.execute(
            sa.text(
                "UPDATE calendar_sources SET name = :name, url = :url, content = :content,"
                " note = :note WHERE id = :id"
            ).bindparams(sa.bindparam("content", type_=sa.LargeBinary())),
            {**values, "id": source_id},
        )
    with op.batch_alter_table("calendar_sources") as batch:
        batch.drop_constraint("uq_calendar_sources_athlete_id_path", type_="unique")
        batch.drop_column("path")
        batch.alter_column("name", existing_type=sa.Text(), nullable=False)
        batch.alter_column("note", existing_type=sa.Text(), nullable=False)
        batch.alter_column(
            "synced_at",
            new_column_name="fetched_at",
            existing_type=sa.DateTime(),
            existing_nullable=False,
        )
        batch.create_unique_constraint(
            op.f("uq_calendar_sources_athlete_id_name"), ["athlete_id", "name"]
        )


def _from_path(path: str) -> dict[str, object]:
    """The new columns of a source stored as a path: a feed keeps its address; a file its
    bytes when it can still be read, else a note (never a traceback mid-migration)."""
    from legday.calendars.feeds import is_feed, redact

    if is_feed(path):
        note = "subscribed feed: its content is fetched at the next sync"
        return {"name": redact(path), "url": path, "content": None, "note": note}
    from legday.calendars._files import read_bytes
    from legday.errors import LegdayError

    name = Path(path).name or "calendar"
    try:
        content: bytes | None = read_bytes(Path(path))
        note = ""
    except LegdayError as error:
        content = None
        problem = str(error).removeprefix(f"{path}: ")
        note = f"{name} could not be read when the logbook was upgraded ({problem}); add it again"
    return {"name": name, "url": None, "content": content, "note": note}


def _set_logs() -> None:
    bind = op.get_bind()
    duplicated = bind.execute(
        sa.text(
            "SELECT DISTINCT performed_session_id FROM set_logs"
            " GROUP BY performed_session_id, seq HAVING COUNT(*) > 1"
        )
    ).scalars()
    for performed in list(duplicated):
        ids = bind.execute(
            sa.text("SELECT id FROM set_logs WHERE performed_session_id = :p ORDER BY seq, id"),
            {"p": performed},
        ).scalars()
        for seq, set_id in enumerate(list(ids), start=1):
            bind.execute(
                sa.text("UPDATE set_logs SET seq = :seq WHERE id = :id"), {"seq": seq, "id": set_id}
            )
    with op.batch_alter_table("set_logs") as batch:
        batch.drop_index("ix_set_logs_performed_session_id")
        batch.create_unique_constraint(
            op.f("uq_set_logs_performed_session_id_seq"), ["performed_session_id", "seq"]
        )
    op.create_index(
        "ix_set_logs_athlete_pain_day",
        "set_logs",
        ["athlete_id", "day"],
        sqlite_where=PAIN_INDEX_WHERE,
        postgresql_where=PAIN_INDEX_WHERE,
    )


def downgrade() -> None:
    _foreign_keys_off()
    op.drop_index("ix_set_logs_athlete_pain_day", table_name="set_logs")
    with op.batch_alter_table("set_logs") as batch:
        batch.drop_constraint("uq_set_logs_performed_session_id_seq", type_="unique")
        batch.create_index("ix_set_logs_performed_session_id", ["performed_session_id"])
    # A calendar goes back to a "path": the feed's address, else the name it was read as
    # (the content itself has nowhere to go in the older schema).
    with op.batch_alter_table("calendar_sources") as batch:
        batch.add_column(sa.Column("path", sa.Text(), nullable=True))
    op.get_bind().execute(sa.text("UPDATE calendar_sources SET path = COALESCE(url, name)"))
    with op.batch_alter_table("calendar_sources") as batch:
        batch.drop_constraint("uq_calendar_sources_athlete_id_name", type_="unique")
        for column in ("name", "url", "content", "note"):
            batch.drop_column(column)
        batch.alter_column("path", existing_type=sa.Text(), nullable=False)
        batch.alter_column(
            "fetched_at",
            new_column_name="synced_at",
            existing_type=sa.DateTime(),
            existing_nullable=False,
        )
        batch.create_unique_constraint(
            "uq_calendar_sources_athlete_id_path", ["athlete_id", "path"]
        )
    with op.batch_alter_table("athletes") as batch:
        batch.drop_index("ix_athletes_owner_id")
        batch.drop_constraint("fk_athletes_owner_id_users", type_="foreignkey")
        batch.drop_constraint("uq_athletes_owner_id_name", type_="unique")
        batch.drop_column("owner_id")
        batch.create_unique_constraint("uq_athletes_name", ["name"])
    op.drop_table("users")
