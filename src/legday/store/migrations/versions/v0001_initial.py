"""Initial schema, as released in legday 0.1 (the "previous release" of the migration tests).

Revision ID: 0001
Revises: none
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "athletes",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_athletes")),
        sa.UniqueConstraint("name", name=op.f("uq_athletes_name")),
    )
    op.create_table(
        "calendar_sources",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "athlete_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("synced_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_calendar_sources_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_sources")),
        sa.UniqueConstraint("athlete_id", "path", name=op.f("uq_calendar_sources_athlete_id_path")),
    )
    with op.batch_alter_table("calendar_sources", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_calendar_sources_athlete_id"), ["athlete_id"], unique=False
        )

    op.create_table(
        "day_overrides",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "athlete_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('blocked', 'weather')", name=op.f("ck_day_overrides_kind")),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_day_overrides_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_day_overrides")),
        sa.UniqueConstraint(
            "athlete_id", "day", "kind", name=op.f("uq_day_overrides_athlete_id_day_kind")
        ),
    )
    with op.batch_alter_table("day_overrides", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_day_overrides_athlete_id"), ["athlete_id"], unique=False
        )

    op.create_table(
        "plan_versions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "athlete_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_plan_versions_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_versions")),
        sa.UniqueConstraint(
            "athlete_id", "number", name=op.f("uq_plan_versions_athlete_id_number")
        ),
    )
    with op.batch_alter_table("plan_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_versions_athlete_id"), ["athlete_id"], unique=False
        )

    op.create_table(
        "profiles",
        sa.Column(
            "athlete_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("weeks", sa.Integer(), nullable=False),
        sa.Column("sessions", sa.Integer(), nullable=True),
        sa.Column("injuries", sa.JSON(), nullable=False),
        sa.Column("equipment", sa.JSON(), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("days", sa.JSON(), nullable=False),
        sa.Column("recovery_every", sa.Integer(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("blocked", sa.JSON(), nullable=False),
        sa.Column("races", sa.JSON(), nullable=False),
        sa.Column("dominant_leg", sa.String(length=10), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_profiles_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("athlete_id", name=op.f("pk_profiles")),
    )
    op.create_table(
        "planned_sessions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "athlete_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "plan_version_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("phase", sa.String(length=20), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_planned_sessions_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_version_id"],
            ["plan_versions.id"],
            name=op.f("fk_planned_sessions_plan_version_id_plan_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planned_sessions")),
    )
    with op.batch_alter_table("planned_sessions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_planned_sessions_athlete_day", ["athlete_id", "day"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_planned_sessions_plan_version_id"), ["plan_version_id"], unique=False
        )

    op.create_table(
        "performed_sessions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "athlete_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column(
            "planned_session_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('done', 'skipped')", name=op.f("ck_performed_sessions_status")
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_performed_sessions_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["planned_session_id"],
            ["planned_sessions.id"],
            name=op.f("fk_performed_sessions_planned_session_id_planned_sessions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_performed_sessions")),
        sa.UniqueConstraint("athlete_id", "day", name=op.f("uq_performed_sessions_athlete_id_day")),
    )
    op.create_table(
        "set_logs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "athlete_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "performed_session_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
        ),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(length=80), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("side", sa.String(length=5), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("load_kg", sa.Float(), nullable=True),
        sa.Column("seconds", sa.Integer(), nullable=True),
        sa.Column("rpe", sa.Float(), nullable=True),
        sa.Column("rir", sa.SmallInteger(), nullable=True),
        sa.Column("form_ok", sa.Boolean(), nullable=False),
        sa.Column("pain", sa.SmallInteger(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("side IN ('left', 'right', 'both')", name=op.f("ck_set_logs_side")),
        sa.CheckConstraint("pain BETWEEN 0 AND 10", name=op.f("ck_set_logs_pain")),
        sa.CheckConstraint("rir IS NULL OR rir >= 0", name=op.f("ck_set_logs_rir")),
        sa.CheckConstraint("rpe IS NULL OR (rpe >= 1 AND rpe <= 10)", name=op.f("ck_set_logs_rpe")),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_set_logs_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["performed_session_id"],
            ["performed_sessions.id"],
            name=op.f("fk_set_logs_performed_session_id_performed_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_set_logs")),
    )
    with op.batch_alter_table("set_logs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_set_logs_performed_session_id"), ["performed_session_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("set_logs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_set_logs_performed_session_id"))

    op.drop_table("set_logs")
    op.drop_table("performed_sessions")
    with op.batch_alter_table("planned_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_planned_sessions_plan_version_id"))
        batch_op.drop_index("ix_planned_sessions_athlete_day")

    op.drop_table("planned_sessions")
    op.drop_table("profiles")
    with op.batch_alter_table("plan_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_versions_athlete_id"))

    op.drop_table("plan_versions")
    with op.batch_alter_table("day_overrides", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_day_overrides_athlete_id"))

    op.drop_table("day_overrides")
    with op.batch_alter_table("calendar_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_sources_athlete_id"))

    op.drop_table("calendar_sources")
    op.drop_table("athletes")
