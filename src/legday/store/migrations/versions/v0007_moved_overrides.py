"""A moved session is its own kind of day override, with the day it went to (issue 15).

`move` used to block the day it left (kind `blocked`) and keep the chosen day in that
row's note, "moved to YYYY-MM-DD", which every re-plan parsed back. Now:

- `day_overrides.kind` may be `moved`: the day a session left (closed to the planner like
  a blocked day), and `moved_to` the day chosen with `move --to` (NULL when the planner
  found the day itself). Only a `moved` row has a `moved_to`.
- The rows `move` wrote before are converted: a `blocked` row whose note is "moved"
  becomes `moved` without a day, one whose note is "moved to <a date>" becomes `moved` to
  that date, its note cleared. A `blocked` row on a day the logbook shows as skipped is a
  skip whatever its note says (a store written before skips kept the runner's note apart
  may hold "moved to ..." as the runner's words) and stays as it is.

The downgrade writes them back as `blocked` rows with those notes.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

MOVED = "moved"
MOVED_TO = "moved to "  # how 0006 and before kept the chosen day, in the blocked row's note


def upgrade() -> None:
    with op.batch_alter_table("day_overrides") as batch:
        batch.add_column(sa.Column("moved_to", sa.Date(), nullable=True))
        batch.drop_constraint(op.f("ck_day_overrides_kind"), type_="check")
        batch.create_check_constraint(
            op.f("ck_day_overrides_kind"), "kind IN ('blocked', 'weather', 'moved')"
        )
        batch.create_check_constraint(
            op.f("ck_day_overrides_moved_to"), "moved_to IS NULL OR kind = 'moved'"
        )
    bind = op.get_bind()
    moves = bind.execute(
        sa.text(
            "SELECT o.id, o.note FROM day_overrides o WHERE o.kind = 'blocked'"
            " AND o.note LIKE 'moved%' AND NOT EXISTS (SELECT 1 FROM performed_sessions p"
            " WHERE p.athlete_id = o.athlete_id AND p.day = o.day AND p.status = 'skipped')"
        )
    ).all()
    for override_id, note in moves:
        if note != MOVED and not note.startswith(MOVED_TO):
            continue
        to = _day(note.removeprefix(MOVED_TO)) if note != MOVED else None
        if note != MOVED and to is None:
            continue  # words after "moved to ", not a day legday wrote: left as they are
        bind.execute(
            sa.text(
                "UPDATE day_overrides SET kind = 'moved', moved_to = :to, note = '' WHERE id = :id"
            ),
            {"to": to, "id": override_id},
        )


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def downgrade() -> None:
    bind = op.get_bind()
    # a day both moved from and blocked (a skip) keeps the blocked row: one row per kind
    bind.execute(
        sa.text(
            "DELETE FROM day_overrides WHERE kind = 'moved' AND EXISTS (SELECT 1 FROM"
            " day_overrides b WHERE b.athlete_id = day_overrides.athlete_id"
            " AND b.day = day_overrides.day AND b.kind = 'blocked')"
        )
    )
    moved = bind.execute(
        sa.text("SELECT id, moved_to FROM day_overrides WHERE kind = 'moved'")
    ).all()
    for override_id, to in moved:
        day = to if isinstance(to, date) or to is None else date.fromisoformat(str(to))
        note = MOVED if day is None else f"{MOVED_TO}{day.isoformat()}"
        bind.execute(
            sa.text(
                "UPDATE day_overrides SET kind = 'blocked', moved_to = NULL, note = :note"
                " WHERE id = :id"
            ),
            {"note": note, "id": override_id},
        )
    with op.batch_alter_table("day_overrides") as batch:
        batch.drop_constraint(op.f("ck_day_overrides_moved_to"), type_="check")
        batch.drop_constraint(op.f("ck_day_overrides_kind"), type_="check")
        batch.create_check_constraint(
            op.f("ck_day_overrides_kind"), "kind IN ('blocked', 'weather')"
        )
        batch.drop_column("moved_to")
