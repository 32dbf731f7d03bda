"""Index set logs by (athlete, exercise, day): `legday progress` and the progression engine
read one athlete's history of one exercise, which 0.1 answered with a full scan.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_set_logs_athlete_exercise_day", "set_logs", ["athlete_id", "exercise", "day"]
    )


def downgrade() -> None:
    op.drop_index("ix_set_logs_athlete_exercise_day", table_name="set_logs")
