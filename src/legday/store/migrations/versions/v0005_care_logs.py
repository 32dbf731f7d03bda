"""Record care routines (issue 14): a `care_logs` table, one row per athlete, day and
problem, with the stage done, the worst pain during it and the next morning's pain
(NULL until the athlete logs it). Pain monitoring (`legday.care.monitoring`) reads it.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "care_logs",
        sa.Column("id", Id, nullable=False),
        sa.Column("athlete_id", Id, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("injury", sa.String(length=40), nullable=False),
        sa.Column("stage", sa.SmallInteger(), nullable=False),
        sa.Column("pain", sa.SmallInteger(), nullable=False),
        sa.Column("morning_pain", sa.SmallInteger(), nullable=True),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("pain BETWEEN 0 AND 10", name=op.f("ck_care_logs_pain")),
        sa.CheckConstraint(
            "morning_pain IS NULL OR morning_pain BETWEEN 0 AND 10",
            name=op.f("ck_care_logs_morning"),
        ),
        sa.CheckConstraint("stage >= 1", name=op.f("ck_care_logs_stage")),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_care_logs_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_logs")),
        sa.UniqueConstraint(
            "athlete_id", "day", "injury", name=op.f("uq_care_logs_athlete_id_day_injury")
        ),
    )
    op.create_index(op.f("ix_care_logs_athlete_id"), "care_logs", ["athlete_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_care_logs_athlete_id"), table_name="care_logs")
    op.drop_table("care_logs")
