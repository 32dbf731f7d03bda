"""The logbook schema as typed SQLAlchemy 2 tables (the head of the Alembic history).

Athletes belong to a user (`users`): one local user in personal mode, the accounts of
the web app later, so names are unique per owner, not across the database. Every other
row hangs off an athlete (`athlete_id` on every table, indexed) so a coach's web
app can serve many athletes from one database and a query never crosses athletes. Rows
are only appended or flagged: plan versions, set logs and performed sessions are never
rewritten by a re-plan. Times are naive UTC; days are the athlete's wall-clock dates.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "AthleteRow",
    "Base",
    "CalendarSourceRow",
    "CareLogRow",
    "DayOverrideRow",
    "FeedTokenRow",
    "PerformedSessionRow",
    "PlanVersionRow",
    "PlannedSessionRow",
    "ProfileRow",
    "SetLogRow",
    "UserRow",
]

# Named constraints so Alembic can alter them on every dialect.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# BIGINT ids on PostgreSQL; SQLite only auto-increments an INTEGER PRIMARY KEY.
Id = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


def _athlete_fk() -> Mapped[int]:
    return mapped_column(Id, ForeignKey("athletes.id", ondelete="CASCADE"), index=True)


class UserRow(Base):
    """Who owns athletes (added by migration 0006). Personal mode has one row, `local`;
    web accounts get rows of their own, so nothing needs reshaping when they come."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    handle: Mapped[str] = mapped_column(String(120), unique=True)
    local: Mapped[bool] = mapped_column(Boolean(), default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime())


class AthleteRow(Base):
    __tablename__ = "athletes"
    __table_args__ = (UniqueConstraint("owner_id", "name"),)
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    owner_id: Mapped[int] = mapped_column(
        Id, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime())
    # Added by migration 0008: counts the changes of the athlete's records (every writer
    # bumps it under the athlete's lock), so a reader can tell a view is still current.
    revision: Mapped[int | None] = mapped_column(BigInteger(), default=0)


class ProfileRow(Base):
    """One profile per athlete, replaced in place (a profile is settings, not history)."""

    __tablename__ = "profiles"
    athlete_id: Mapped[int] = mapped_column(
        Id, ForeignKey("athletes.id", ondelete="CASCADE"), primary_key=True
    )
    start: Mapped[date] = mapped_column(Date())
    weeks: Mapped[int] = mapped_column(Integer())
    sessions: Mapped[int | None] = mapped_column(Integer())
    injuries: Mapped[list[Any]] = mapped_column()
    equipment: Mapped[list[Any]] = mapped_column()
    level: Mapped[str] = mapped_column(String(20))
    minutes: Mapped[int] = mapped_column(Integer())
    days: Mapped[list[Any]] = mapped_column()
    recovery_every: Mapped[int] = mapped_column(Integer())
    seed: Mapped[int] = mapped_column(Integer())
    blocked: Mapped[list[Any]] = mapped_column()
    races: Mapped[list[Any]] = mapped_column()
    dominant_leg: Mapped[str | None] = mapped_column(String(10))
    timezone: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime())
    # Added by migration 0003: [{"day": 0-6, "opens": "HH:MM", "closes": "HH:MM"}, ...];
    # NULL (rows of older releases) and [] both mean no windows.
    windows: Mapped[list[Any] | None] = mapped_column(JSON(none_as_null=True))
    # Added by migration 0004: NULL in rows of older releases (no age, no event, and a
    # typical set of weights: {"dumbbells": [...], "kettlebells": [...], "plates": [...],
    # "bar": kg}).
    age: Mapped[int | None] = mapped_column(Integer())
    event: Mapped[str | None] = mapped_column(String(20))
    weights: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))


class CalendarSourceRow(Base):
    """A running calendar as it was read (migration 0006): its bytes, their SHA-256 and
    when they were fetched, never a path on the server. `url` is kept for a subscribed
    feed only (its token included: `sync` fetches it again; it is never printed, see
    `legday.calendars.feeds.redact`). `name` is what people see: a file's name or the
    feed's redacted address. `note` says why `content` is missing (a file gone before
    the migration could read it)."""

    __tablename__ = "calendar_sources"
    __table_args__ = (UniqueConstraint("athlete_id", "name"),)
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    name: Mapped[str] = mapped_column(Text())
    url: Mapped[str | None] = mapped_column(Text())
    content: Mapped[bytes | None] = mapped_column(LargeBinary())
    content_hash: Mapped[str] = mapped_column(String(64))
    fetched_at: Mapped[datetime] = mapped_column(DateTime())
    note: Mapped[str] = mapped_column(Text(), default="")


class DayOverrideRow(Base):
    """A day the athlete blocked (skip), moved a session from (move; `moved_to` the day
    chosen, if one was: migration 0007) or turned into a strength day (weather)."""

    __tablename__ = "day_overrides"
    __table_args__ = (
        UniqueConstraint("athlete_id", "day", "kind"),
        CheckConstraint("kind IN ('blocked', 'weather', 'moved')", name="kind"),
        CheckConstraint("moved_to IS NULL OR kind = 'moved'", name="moved_to"),
    )
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    day: Mapped[date] = mapped_column(Date())
    kind: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text(), default="")
    moved_to: Mapped[date | None] = mapped_column(Date())
    created_at: Mapped[datetime] = mapped_column(DateTime())


class PlanVersionRow(Base):
    """A plan as made on `created_at`, in force from `valid_from` until the next version."""

    __tablename__ = "plan_versions"
    __table_args__ = (UniqueConstraint("athlete_id", "number"),)
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    number: Mapped[int] = mapped_column(Integer())
    valid_from: Mapped[date] = mapped_column(Date())
    start: Mapped[date] = mapped_column(Date())
    end: Mapped[date] = mapped_column(Date())
    reason: Mapped[str] = mapped_column(Text())
    created_at: Mapped[datetime] = mapped_column(DateTime())
    document: Mapped[dict[str, Any]] = mapped_column()  # weeks, runs, violations


class PlannedSessionRow(Base):
    __tablename__ = "planned_sessions"
    __table_args__ = (Index("ix_planned_sessions_athlete_day", "athlete_id", "day"),)
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(Id, ForeignKey("athletes.id", ondelete="CASCADE"))
    plan_version_id: Mapped[int] = mapped_column(
        Id, ForeignKey("plan_versions.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[date] = mapped_column(Date())
    start_time: Mapped[time | None] = mapped_column(Time())
    minutes: Mapped[int] = mapped_column(Integer())
    phase: Mapped[str] = mapped_column(String(20))
    why: Mapped[str] = mapped_column(Text())
    body: Mapped[dict[str, Any]] = mapped_column()  # warmup, main, cooldown


class PerformedSessionRow(Base):
    """What happened on a day: `done` (sets follow) or `skipped`."""

    __tablename__ = "performed_sessions"
    __table_args__ = (
        UniqueConstraint("athlete_id", "day"),
        CheckConstraint("status IN ('done', 'skipped')", name="status"),
    )
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(Id, ForeignKey("athletes.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date())
    status: Mapped[str] = mapped_column(String(10))
    planned_session_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("planned_sessions.id", ondelete="SET NULL")
    )
    note: Mapped[str] = mapped_column(Text(), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime())


class SetLogRow(Base):
    __tablename__ = "set_logs"
    __table_args__ = (
        CheckConstraint("pain BETWEEN 0 AND 10", name="pain"),
        CheckConstraint("side IN ('left', 'right', 'both')", name="side"),
        CheckConstraint("rpe IS NULL OR (rpe >= 1 AND rpe <= 10)", name="rpe"),
        CheckConstraint("rir IS NULL OR rir >= 0", name="rir"),
        # Added by migration 0002: the progress and progression queries read by this key.
        Index("ix_set_logs_athlete_exercise_day", "athlete_id", "exercise", "day"),
        # Added by migration 0006: a set's place in its session is unique (writers lock
        # the session row first, so they never race for a number), and the sets that
        # raise a pain flag are found without reading the whole history.
        UniqueConstraint("performed_session_id", "seq"),
        # Partial: only the sets of pain >= 4 (`PAIN_INDEX_WHERE` of migration 0006, on
        # both dialects). The predicate is not repeated here: declaring it
        # (`sqlite_where`, `postgresql_where`) makes SQLAlchemy import both dialects to
        # check the names, and the PostgreSQL one is about a fifteenth of a whole `legday
        # today` on SQLite; the schema comes from the migrations, and Alembic's
        # comparison of indexes does not read a predicate.
        Index("ix_set_logs_athlete_pain_day", "athlete_id", "day"),
        # Added by migration 0008: the id a browser gave a set it logged (offline, maybe
        # sent twice), so a replay finds the set instead of storing it again.
        UniqueConstraint("athlete_id", "client_id"),
    )
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(Id, ForeignKey("athletes.id", ondelete="CASCADE"))
    performed_session_id: Mapped[int] = mapped_column(
        Id, ForeignKey("performed_sessions.id", ondelete="CASCADE")
    )
    seq: Mapped[int] = mapped_column(Integer())
    exercise: Mapped[str] = mapped_column(String(80))
    day: Mapped[date] = mapped_column(Date())
    side: Mapped[str] = mapped_column(String(5))
    reps: Mapped[int | None] = mapped_column(Integer())
    load_kg: Mapped[float | None] = mapped_column(Float())
    seconds: Mapped[int | None] = mapped_column(Integer())
    rpe: Mapped[float | None] = mapped_column(Float())
    rir: Mapped[int | None] = mapped_column(SmallInteger())
    form_ok: Mapped[bool] = mapped_column()
    pain: Mapped[int] = mapped_column(SmallInteger())
    note: Mapped[str] = mapped_column(Text(), default="")
    logged_at: Mapped[datetime] = mapped_column(DateTime())
    # Added by migration 0008: NULL for sets logged without one (the CLI, older releases).
    client_id: Mapped[str | None] = mapped_column(String(36))
    set_no: Mapped[int | None] = mapped_column(SmallInteger())


class CareLogRow(Base):
    """One care routine done (added by migration 0005): the worst pain during it and,
    once the athlete has said, the next morning's pain. One row per problem and day;
    logging the day again replaces the pain."""

    __tablename__ = "care_logs"
    __table_args__ = (
        UniqueConstraint("athlete_id", "day", "injury"),
        CheckConstraint("pain BETWEEN 0 AND 10", name="pain"),
        CheckConstraint("morning_pain IS NULL OR morning_pain BETWEEN 0 AND 10", name="morning"),
        CheckConstraint("stage >= 1", name="stage"),
    )
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    day: Mapped[date] = mapped_column(Date())
    injury: Mapped[str] = mapped_column(String(40))
    stage: Mapped[int] = mapped_column(SmallInteger())
    pain: Mapped[int] = mapped_column(SmallInteger())
    morning_pain: Mapped[int | None] = mapped_column(SmallInteger())
    logged_at: Mapped[datetime] = mapped_column(DateTime())


class FeedTokenRow(Base):
    """The secret of an athlete's calendar feed URL (added by migration 0008): only its
    SHA-256 is kept, so a copy of the database cannot subscribe to anyone's sessions. One
    live token per athlete; issuing a new one replaces (revokes) the old."""

    __tablename__ = "feed_tokens"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(
        Id, ForeignKey("athletes.id", ondelete="CASCADE"), unique=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime())
