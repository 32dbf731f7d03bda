"""The web app's records (issue 17): sets logged by a browser, and calendar feed secrets.

- `set_logs.client_id`: the id the browser made for a set (a UUID), unique per athlete, so
  a log sent again after the connection came back finds the stored set and never adds a
  second; `set_logs.set_no`: the set's number as the browser showed it. Both NULL for
  sets logged before, or by the CLI.
- `athletes.revision`: a count of the changes to the athlete's records, bumped by every
  writer under the athlete's lock, so the web app can keep a computed view (today, the
  plan) until the next change, whoever makes it (the CLI too). NULL reads as 0.
- `feed_tokens`: the SHA-256 of each athlete's calendar feed token (never the token
  itself), one per athlete, unique, so a feed URL finds its athlete and can be revoked.

Revision ID: 0008
Revises: 0006 (the lead re-chains it after 0007 at merge)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("athletes") as batch:
        batch.add_column(sa.Column("revision", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("set_logs") as batch:
        batch.add_column(sa.Column("client_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("set_no", sa.SmallInteger(), nullable=True))
        batch.create_unique_constraint(
            op.f("uq_set_logs_athlete_id_client_id"), ["athlete_id", "client_id"]
        )
    op.create_table(
        "feed_tokens",
        sa.Column("id", Id, nullable=False),
        sa.Column("athlete_id", Id, nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_feed_tokens_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_tokens")),
        sa.UniqueConstraint("athlete_id", name=op.f("uq_feed_tokens_athlete_id")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_feed_tokens_token_hash")),
    )


def downgrade() -> None:
    op.drop_table("feed_tokens")
    with op.batch_alter_table("set_logs") as batch:
        batch.drop_constraint("uq_set_logs_athlete_id_client_id", type_="unique")
        batch.drop_column("set_no")
        batch.drop_column("client_id")
    with op.batch_alter_table("athletes") as batch:
        batch.drop_column("revision")
