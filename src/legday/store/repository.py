"""The logbook repository over a SQLAlchemy session (the only module that writes SQL).

It never commits: the unit of work owns the transaction, so an import, a log or a
re-plan lands whole or not at all. Every query filters by athlete id.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from legday.errors import InputError
from legday.model import Plan, Profile, Session
from legday.progression import SetLog
from legday.store.mapping import (
    plan_document,
    plan_from_document,
    profile_from_row,
    profile_to_row,
    session_from_row,
    session_to_row,
    set_from_row,
    set_to_row,
)
from legday.store.ports import (
    AbstractRepository,
    Athlete,
    CalendarSource,
    CareRecord,
    DayOverride,
    Performed,
    PlanVersion,
    ProgressPoint,
)
from legday.store.tables import (
    AthleteRow,
    CalendarSourceRow,
    CareLogRow,
    DayOverrideRow,
    PerformedSessionRow,
    PlannedSessionRow,
    PlanVersionRow,
    ProfileRow,
    SetLogRow,
)

__all__ = ["SqlRepository"]


class SqlRepository(AbstractRepository):
    def __init__(self, session: OrmSession) -> None:
        self.session = session

    # athletes and profiles
    def add_athlete(self, name: str, now: datetime) -> Athlete:
        if self.get_athlete(name) is not None:
            raise InputError("name", f"an athlete called {name!r} already exists")
        row = AthleteRow(name=name, created_at=now)
        self.session.add(row)
        self.session.flush()
        return Athlete(row.id, row.name, row.created_at)

    def get_athlete(self, name: str) -> Athlete | None:
        row = self.session.scalar(select(AthleteRow).where(AthleteRow.name == name))
        return Athlete(row.id, row.name, row.created_at) if row else None

    def list_athletes(self) -> list[Athlete]:
        rows = self.session.scalars(select(AthleteRow).order_by(AthleteRow.name))
        return [Athlete(r.id, r.name, r.created_at) for r in rows]

    def save_profile(self, athlete_id: int, profile: Profile, now: datetime) -> None:
        self.session.merge(profile_to_row(athlete_id, profile, now))

    def get_profile(self, athlete_id: int) -> Profile | None:
        row = self.session.get(ProfileRow, athlete_id)
        return profile_from_row(row) if row else None

    # calendars and day overrides
    def save_calendar_source(
        self, athlete_id: int, path: str, content_hash: str, now: datetime
    ) -> bool:
        row = self.session.scalar(
            select(CalendarSourceRow).where(
                CalendarSourceRow.athlete_id == athlete_id, CalendarSourceRow.path == path
            )
        )
        if row is None:
            self.session.add(CalendarSourceRow(
                athlete_id=athlete_id, path=path, content_hash=content_hash, synced_at=now
            ))  # fmt: skip
            return True
        changed = row.content_hash != content_hash
        row.content_hash, row.synced_at = content_hash, now
        return changed

    def calendar_sources(self, athlete_id: int) -> list[CalendarSource]:
        rows = self.session.scalars(
            select(CalendarSourceRow)
            .where(CalendarSourceRow.athlete_id == athlete_id)
            .order_by(CalendarSourceRow.id)
        )
        return [CalendarSource(r.path, r.content_hash, r.synced_at) for r in rows]

    def add_override(self, athlete_id: int, override: DayOverride, now: datetime) -> None:
        exists = self.session.scalar(
            select(DayOverrideRow.id).where(
                DayOverrideRow.athlete_id == athlete_id,
                DayOverrideRow.day == override.day,
                DayOverrideRow.kind == override.kind,
            )
        )
        if exists is None:
            self.session.add(DayOverrideRow(
                athlete_id=athlete_id, day=override.day, kind=override.kind,
                note=override.note, created_at=now,
            ))  # fmt: skip

    def overrides(self, athlete_id: int) -> list[DayOverride]:
        rows = self.session.scalars(
            select(DayOverrideRow)
            .where(DayOverrideRow.athlete_id == athlete_id)
            .order_by(DayOverrideRow.day, DayOverrideRow.kind)
        )
        return [DayOverride(r.day, r.kind, r.note) for r in rows]

    # plans
    def add_plan_version(
        self, athlete_id: int, plan: Plan, valid_from: date, reason: str, now: datetime
    ) -> int:
        # Lock the athlete row (PostgreSQL) so two re-plans cannot take the same number;
        # SQLite transactions here are BEGIN IMMEDIATE and already serialised.
        self.session.execute(
            select(AthleteRow.id).where(AthleteRow.id == athlete_id).with_for_update()
        )
        last = self.session.scalar(
            select(func.max(PlanVersionRow.number)).where(PlanVersionRow.athlete_id == athlete_id)
        )
        number = (last or 0) + 1
        version = PlanVersionRow(
            athlete_id=athlete_id,
            number=number,
            valid_from=valid_from,
            start=plan.start,
            end=plan.end,
            reason=reason,
            created_at=now,
            document=plan_document(plan),
        )
        self.session.add(version)
        self.session.flush()
        for s in plan.sessions:  # every one: the stored plan is the plan (plan_from_document)
            self.session.add(session_to_row(athlete_id, version.id, s))
        self.session.flush()
        return number

    def plan_versions(self, athlete_id: int) -> list[PlanVersion]:
        versions = self.session.scalars(
            select(PlanVersionRow)
            .where(PlanVersionRow.athlete_id == athlete_id)
            .order_by(PlanVersionRow.number)
        ).all()
        result = []
        for v in versions:
            rows = self.session.scalars(
                select(PlannedSessionRow)
                .where(PlannedSessionRow.plan_version_id == v.id)
                .order_by(PlannedSessionRow.day, PlannedSessionRow.id)
            )
            sessions = tuple(session_from_row(r) for r in rows)
            plan = plan_from_document(v.start, v.end, v.document, sessions)
            result.append(PlanVersion(v.number, v.valid_from, v.created_at, v.reason, plan))
        return result

    def planned_sessions(self, athlete_id: int, start: date, end: date) -> list[Session]:
        versions = self.session.execute(
            select(PlanVersionRow.id, PlanVersionRow.valid_from)
            .where(PlanVersionRow.athlete_id == athlete_id)
            .order_by(PlanVersionRow.number)
        ).all()
        if not versions:
            return []
        rows = self.session.scalars(
            select(PlannedSessionRow).where(
                PlannedSessionRow.athlete_id == athlete_id,
                PlannedSessionRow.day >= start,
                PlannedSessionRow.day <= end,
            )
        ).all()

        # The version in force on a day is the latest whose valid_from is on or before it.
        def in_force(day: date) -> int | None:
            found = None
            for version_id, valid_from in versions:
                if valid_from <= day:
                    found = version_id
            return found

        kept = [r for r in rows if in_force(r.day) == r.plan_version_id]
        return [session_from_row(r) for r in sorted(kept, key=lambda r: (r.day, r.id))]

    # the logbook
    def record_day(self, athlete_id: int, day: date, status: str, note: str, now: datetime) -> None:
        row = self._performed(athlete_id, day, status, note, now)
        if status == "done" and row.status != "done":
            row.status = "done"

    def add_sets(self, athlete_id: int, sets: Sequence[SetLog], now: datetime) -> None:
        by_day: dict[date, list[SetLog]] = {}
        for s in sets:
            by_day.setdefault(s.day, []).append(s)
        for day, day_sets in sorted(by_day.items()):
            performed = self._performed(athlete_id, day, "done", "", now)
            performed.status = "done"
            seq = self.session.scalar(
                select(func.coalesce(func.max(SetLogRow.seq), 0)).where(
                    SetLogRow.performed_session_id == performed.id
                )
            )
            rows = [
                set_to_row(athlete_id, performed.id, (seq or 0) + i, s, now)
                for i, s in enumerate(day_sets, start=1)
            ]
            self.session.add_all(rows)
        self.session.flush()

    def _performed(
        self, athlete_id: int, day: date, status: str, note: str, now: datetime
    ) -> PerformedSessionRow:
        """Get or create the day's row; a concurrent insert of the same day is re-read."""
        query = select(PerformedSessionRow).where(
            PerformedSessionRow.athlete_id == athlete_id, PerformedSessionRow.day == day
        )
        row = self.session.scalar(query)
        if row is not None:
            return row
        planned = self._planned_id(athlete_id, day)
        try:
            with self.session.begin_nested():
                row = PerformedSessionRow(
                    athlete_id=athlete_id, day=day, status=status,
                    planned_session_id=planned, note=note, created_at=now,
                )  # fmt: skip
                self.session.add(row)
        except IntegrityError:
            row = self.session.scalars(query).one()
        return row

    def _planned_id(self, athlete_id: int, day: date) -> int | None:
        current = self.planned_sessions(athlete_id, day, day)
        if not current:
            return None
        return self.session.scalar(
            select(PlannedSessionRow.id)
            .where(PlannedSessionRow.athlete_id == athlete_id, PlannedSessionRow.day == day)
            .order_by(PlannedSessionRow.plan_version_id.desc())
            .limit(1)
        )

    def set_logs(
        self, athlete_id: int, exercise: str | None = None, until: date | None = None
    ) -> list[SetLog]:
        query = select(SetLogRow).where(SetLogRow.athlete_id == athlete_id)
        if exercise is not None:
            query = query.where(SetLogRow.exercise == exercise)
        if until is not None:
            query = query.where(SetLogRow.day <= until)
        rows = self.session.scalars(query.order_by(SetLogRow.day, SetLogRow.id))
        return [set_from_row(r) for r in rows]

    def performed(self, athlete_id: int, start: date, end: date) -> list[Performed]:
        days = self.session.scalars(
            select(PerformedSessionRow)
            .where(
                PerformedSessionRow.athlete_id == athlete_id,
                PerformedSessionRow.day >= start,
                PerformedSessionRow.day <= end,
            )
            .order_by(PerformedSessionRow.day)
        ).all()
        result = []
        for d in days:
            rows = self.session.scalars(
                select(SetLogRow)
                .where(SetLogRow.performed_session_id == d.id)
                .order_by(SetLogRow.seq, SetLogRow.id)
            )
            result.append(Performed(d.day, d.status, d.note, tuple(set_from_row(r) for r in rows)))
        return result

    def progress(self, athlete_id: int, exercise: str) -> list[ProgressPoint]:
        s = SetLogRow
        rows = self.session.execute(
            select(
                s.day,
                func.count(),
                func.max(s.load_kg),
                func.coalesce(func.sum(s.reps), 0),
                func.coalesce(func.max(s.reps), 0),
                func.max(func.coalesce(s.rpe, 10 - s.rir)),
                func.max(s.pain),
                func.min(case((s.form_ok, 1), else_=0)),
            )
            .where(s.athlete_id == athlete_id, s.exercise == exercise)
            .group_by(s.day)
            .order_by(s.day)
        ).all()
        return [
            ProgressPoint(
                day=r[0],
                sets=int(r[1]),
                top_load_kg=None if r[2] is None else float(r[2]),
                total_reps=int(r[3]),
                best_reps=int(r[4]),
                max_effort=None if r[5] is None else float(r[5]),
                max_pain=int(r[6]),
                form_ok=bool(r[7]),
            )
            for r in rows
        ]

    # injury care
    def save_care(self, athlete_id: int, record: CareRecord, now: datetime) -> None:
        row = self.session.scalar(
            select(CareLogRow).where(
                CareLogRow.athlete_id == athlete_id,
                CareLogRow.day == record.day,
                CareLogRow.injury == record.injury,
            )
        )
        if row is None:
            row = CareLogRow(athlete_id=athlete_id, day=record.day, injury=record.injury)
            self.session.add(row)
        row.stage, row.pain, row.morning_pain = record.stage, record.pain, record.morning_pain
        row.logged_at = now
        self.session.flush()

    def care_records(self, athlete_id: int, injury: str | None = None) -> list[CareRecord]:
        query = select(CareLogRow).where(CareLogRow.athlete_id == athlete_id)
        if injury is not None:
            query = query.where(CareLogRow.injury == injury)
        rows = self.session.scalars(query.order_by(CareLogRow.day, CareLogRow.injury))
        return [CareRecord(r.day, r.injury, r.stage, r.pain, r.morning_pain) for r in rows]
