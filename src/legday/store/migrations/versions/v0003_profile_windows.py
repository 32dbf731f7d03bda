"""Keep the profile's time windows: a nullable JSON list of
`{"day": 0-6, "opens": "HH:MM", "closes": "HH:MM"}` (Monday = 0). Rows stored before this
revision hold NULL, read back as "no windows" (any time of day), as they were planned before.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profiles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("windows", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("profiles", schema=None) as batch_op:
        batch_op.drop_column("windows")
