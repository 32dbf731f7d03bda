"""Keep the profile's age, event and the weights the athlete owns, so progression rounds
loads to their kit: `weights` is a nullable JSON object
`{"dumbbells": [kg, ...], "kettlebells": [kg, ...], "plates": [kg, ...], "bar": kg}`.
Rows stored before this revision hold NULL everywhere: no age, no event, a typical set.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profiles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("age", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("event", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("weights", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("profiles", schema=None) as batch_op:
        batch_op.drop_column("weights")
        batch_op.drop_column("event")
        batch_op.drop_column("age")
