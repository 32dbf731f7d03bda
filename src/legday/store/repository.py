"""The logbook repository over a SQLAlchemy session (the only module that writes SQL).

It never commits: the unit of work owns the transaction, so an import, a log or a
re-plan lands whole or not at all. Every query filters by athlete id, and every list is
read in a fixed number of statements (no query per version or per day). The reads of a
day's view (`last_exposures`, `pain_sets`, `first_pain_free_days`, `last_done`) walk
indexes from the newest row back and stop, so their cost does not grow with the history.

The statements a day's view and a log run on every call are built once, here, with
their parameters bound by name, and run on the session's connection (`_read`):
SQLAlchemy then neither rebuilds a statement nor works out its cache key per call, nor
does the ORM's per-statement work, which together cost more CPU than a small read
itself. Those whose shape depends on the call (as many index ranges as exercises, as
many clearing days as pain flags) are built once per shape (`functools.cache`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import (
    BindParameter,
    CompoundSelect,
    Date,
    Executable,
    Label,
    Select,
    String,
    TextualSelect,
    bindparam,
    case,
    column,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.engine import Result, Row
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import aliased

from legday.errors import InputError
from legday.model import Plan, Profile, Session
from legday.progression import SetLog
from legday.store.mapping import (
    SET_COLUMNS,
    plan_document,
    plan_from_document,
    profile_from_row,
    profile_to_row,
    session_from_row,
    session_to_row,
    set_from_columns,
    set_from_row,
    set_to_row,
)
from legday.store.ports import (
    LOCAL_USER,
    AbstractRepository,
    Athlete,
    CalendarSource,
    CareRecord,
    ConflictError,
    DayOverride,
    LoggedSet,
    Performed,
    PlanVersion,
    ProgressPoint,
)
from legday.store.tables import (
    AthleteRow,
    CalendarSourceRow,
    CareLogRow,
    DayOverrideRow,
    FeedTokenRow,
    PerformedSessionRow,
    PlannedSessionRow,
    PlanVersionRow,
    ProfileRow,
    SetLogRow,
    UserRow,
)

__all__ = ["ATHLETE_BY_ID", "SqlRepository"]

_Columns = tuple[Any, ...]  # a result row's columns, whatever the statement

# The athlete by id within its owner, revision included: every web request asks it (by
# `SqlRepository.athlete_by_id` or, cheaper, `legday.store.lookup.AthleteLookup`). Its only
# parameters are `owner` and `athlete` (the 0 is written into the statement).
ATHLETE_BY_ID = (
    select(
        AthleteRow.id,
        AthleteRow.name,
        AthleteRow.created_at,
        AthleteRow.owner_id,
        func.coalesce(AthleteRow.revision, literal_column("0")),
    )
    .join(UserRow, UserRow.id == AthleteRow.owner_id)
    .where(UserRow.handle == bindparam("owner"), AthleteRow.id == bindparam("athlete"))
)
_ATHLETE_BY_NAME = (
    select(AthleteRow.id, AthleteRow.name, AthleteRow.created_at, AthleteRow.owner_id)
    .join(UserRow, UserRow.id == AthleteRow.owner_id)
    .where(UserRow.handle == bindparam("owner"), AthleteRow.name == bindparam("name"))
)
_ATHLETE_WITH_PROFILE = _ATHLETE_BY_NAME.add_columns(ProfileRow.__table__).outerjoin(
    ProfileRow, ProfileRow.athlete_id == AthleteRow.id
)
# The athlete's write lock: the UPDATE that counts the revision takes the row's lock (on
# PostgreSQL; SQLite's write transaction holds the whole database) until the end.
_LOCK_ATHLETE = (
    update(AthleteRow)
    .where(AthleteRow.id == bindparam("athlete"))
    .values(revision=func.coalesce(AthleteRow.revision, 0) + 1)
)
_LATEST_NUMBER = select(func.max(PlanVersionRow.number)).where(
    PlanVersionRow.athlete_id == bindparam("athlete")
)
_VERSIONS_UNTIL = select(PlanVersionRow.id, PlanVersionRow.number, PlanVersionRow.valid_from).where(
    PlanVersionRow.athlete_id == bindparam("athlete"),
    PlanVersionRow.valid_from <= bindparam("end", type_=Date()),
)
_SESSIONS_OF_VERSIONS = select(PlannedSessionRow.__table__).where(
    PlannedSessionRow.athlete_id == bindparam("athlete"),
    PlannedSessionRow.plan_version_id.in_(bindparam("versions", expanding=True)),
    PlannedSessionRow.day >= bindparam("start", type_=Date()),
    PlannedSessionRow.day <= bindparam("end", type_=Date()),
)
_ANY = aliased(PlanVersionRow)


def _number_of(which: Any, *where: Any) -> Any:
    """The max or min number of the athlete's versions (`where`: of `_ANY`), as a subquery."""
    mine = _ANY.athlete_id == bindparam("athlete")
    return select(which(_ANY.number)).where(mine, *where).scalar_subquery()


# The version in force on a day (the latest valid on it, else the first) and the latest.
_VERSIONS_FOR_DAY = (
    select(PlanVersionRow.__table__)
    .where(
        PlanVersionRow.athlete_id == bindparam("athlete"),
        or_(
            PlanVersionRow.number
            == func.coalesce(
                _number_of(func.max, _ANY.valid_from <= bindparam("day", type_=Date())),
                _number_of(func.min),
            ),
            PlanVersionRow.number == _number_of(func.max),
        ),
    )
    .order_by(PlanVersionRow.number)
)
_PERFORMED_DAYS = (
    select(
        PerformedSessionRow.id,
        PerformedSessionRow.day,
        PerformedSessionRow.status,
        PerformedSessionRow.note,
    )
    .where(
        PerformedSessionRow.athlete_id == bindparam("athlete"),
        PerformedSessionRow.day >= bindparam("start", type_=Date()),
        PerformedSessionRow.day <= bindparam("end", type_=Date()),
    )
    .order_by(PerformedSessionRow.day)
)
_LAST_DONE = (
    select(PerformedSessionRow.day)
    .where(
        PerformedSessionRow.athlete_id == bindparam("athlete"),
        PerformedSessionRow.day < bindparam("before", type_=Date()),
        PerformedSessionRow.status == "done",
    )
    .order_by(PerformedSessionRow.day.desc())
    .limit(1)
)
_PROFILE = select(ProfileRow.__table__).where(ProfileRow.athlete_id == bindparam("athlete"))
_CARE_RECORDS = (
    select(
        CareLogRow.day,
        CareLogRow.injury,
        CareLogRow.stage,
        CareLogRow.pain,
        CareLogRow.morning_pain,
    )
    .where(CareLogRow.athlete_id == bindparam("athlete"))
    .order_by(CareLogRow.day, CareLogRow.injury)
)
_CARE_RECORDS_OF = _CARE_RECORDS.where(CareLogRow.injury == bindparam("injury"))
_OVERRIDES = (
    select(DayOverrideRow.day, DayOverrideRow.kind, DayOverrideRow.note, DayOverrideRow.moved_to)
    .where(DayOverrideRow.athlete_id == bindparam("athlete"))
    .order_by(DayOverrideRow.day, DayOverrideRow.kind)
)
_NEXT_SEQ = select(func.coalesce(func.max(SetLogRow.seq), 0)).where(
    SetLogRow.performed_session_id == bindparam("performed")
)


def _set(row: Any) -> SetLog:
    """A set from a row that starts with `SET_COLUMNS`."""
    return set_from_columns(*row)


@cache
def _walk(exercises: int) -> TextualSelect:
    """The last :k days of each of `exercises` exercises (:e0, :e1, ...) up to :u, found by
    :k index probes each on (athlete, exercise, day), newest first: a walk, never a scan
    of its history. Rows of (exercise, day)."""
    seeds = " UNION ALL ".join(f"SELECT :e{i} AS exercise" for i in range(exercises))
    latest = "SELECT MAX(s.day) FROM set_logs s WHERE s.athlete_id = :a AND s.exercise = {e}"
    walk = text(
        f"WITH RECURSIVE walk(exercise, day, n) AS ("
        f" SELECT w.exercise, ({latest.format(e='w.exercise')} AND s.day <= :u), 1"
        f" FROM ({seeds}) w"
        f" UNION ALL"
        f" SELECT walk.exercise, ({latest.format(e='walk.exercise')} AND s.day < walk.day),"
        f" walk.n + 1 FROM walk WHERE walk.n < :k AND walk.day IS NOT NULL)"
        f" SELECT exercise, day FROM walk WHERE day IS NOT NULL"
    ).bindparams(bindparam("u", type_=Date()))
    return walk.columns(column("exercise", String()), column("day", Date()))


@cache
def _day_sets(exercises: int, threshold: int | None) -> CompoundSelect[*_Columns]:
    """What progression reads of a day's sets, each with its `seq` and `part`:

    - part 0: the sets of each of `exercises` exercises (:e0, :e1, ...) from its first
      day (:d0, :d1, ...) to :until (one index range each), and any set with pain on
      :days whose exercise is not :wanted (a day that hurt elsewhere in a muscle must
      not read as that muscle's pain-free day), by the days' performed sessions;
    - part 1, with a `threshold`: the sets of pain >= `threshold` on the latest :limit
      days up to :until that have one (what raises a pain flag). The threshold is
      written in, not a parameter: at 4 the partial index ix_set_logs_athlete_pain_day
      serves it, which PostgreSQL's plan for a parameter could not know.
    """
    s, p = SetLogRow, PerformedSessionRow
    mine: BindParameter[int] = bindparam("athlete")
    until: BindParameter[date] = bindparam("until", type_=Date())
    exposed: Label[int] = literal_column("0").label("part")
    parts = [
        select(*SET_COLUMNS, s.seq, exposed).where(
            s.athlete_id == mine,
            s.exercise == bindparam(f"e{i}"),
            s.day >= bindparam(f"d{i}", type_=Date()),
            s.day <= until,
        )
        for i in range(exercises)
    ]
    if exercises:
        days = select(p.id).where(
            p.athlete_id == mine, p.day.in_(bindparam("days", expanding=True, type_=Date()))
        )
        sore = select(*SET_COLUMNS, s.seq, exposed).where(
            s.performed_session_id.in_(days),
            s.pain > 0,
            s.exercise.not_in(bindparam("wanted", expanding=True)),
        )
        parts.append(sore)
    if threshold is not None:
        hurt = s.pain >= literal_column(str(int(threshold)))
        latest = (
            select(s.day)
            .where(s.athlete_id == mine, s.day <= until, hurt)
            .group_by(s.day)
            .order_by(s.day.desc())
            .limit(bindparam("limit"))
            .subquery()
        )
        raised = select(*SET_COLUMNS, s.seq, literal_column("1").label("part")).where(
            s.athlete_id == mine, hurt, s.day.in_(select(latest.c.day))
        )
        parts.append(raised)
    return union_all(*parts)


@cache
def _first_pain_free_days(flags: int) -> Select[*_Columns]:
    """For each of `flags` flags, the first day after :after0 (:after1, ...) up to
    :until whose sets of the exercises :x0 (:x1, ...) exist and are all pain-free. The
    exercise ids are written in (see `_SETS_ON`: 6 muscles of ~70 exercises each)."""
    p, s = PerformedSessionRow, SetLogRow
    firsts = []
    for i in range(flags):
        exercises: BindParameter[list[str]] = bindparam(
            f"x{i}", expanding=True, literal_execute=True
        )
        working = s.performed_session_id == p.id, s.exercise.in_(exercises)
        firsts.append(
            select(p.day)
            .where(
                p.athlete_id == bindparam("athlete"),
                p.day > bindparam(f"after{i}", type_=Date()),
                p.day <= bindparam("until", type_=Date()),
                exists().where(*working),
                ~exists().where(*working, s.pain > 0),
            )
            .order_by(p.day)
            .limit(1)
            .scalar_subquery()
        )
    return select(*firsts)


# Every set of some days, in day and logging order, found by the days' performed sessions
# (athlete, day) and their sets (session, seq), never by a scan of the athlete's sets;
# `_OF`: only the sets of some exercises and the painful ones. The days and exercise ids
# are written into the statement: a day's view reads dozens of each, and as many
# parameters would cost more to send than the query costs to run (psycopg re-parses a
# statement of over 50 parameters each time). The driver quotes them.
_DAYS = select(PerformedSessionRow.id).where(
    PerformedSessionRow.athlete_id == bindparam("athlete"),
    PerformedSessionRow.day.in_(
        bindparam("days", expanding=True, literal_execute=True, type_=Date())
    ),
)
_SETS_ON = (
    select(*SET_COLUMNS)
    .where(SetLogRow.performed_session_id.in_(_DAYS))
    .order_by(SetLogRow.day, SetLogRow.seq, SetLogRow.id)
)
_SETS_ON_OF = _SETS_ON.where(
    SetLogRow.exercise.in_(bindparam("exercises", expanding=True, literal_execute=True))
    | (SetLogRow.pain > 0)
)


class SqlRepository(AbstractRepository):
    def __init__(self, session: OrmSession) -> None:
        self.session = session
        # the latest plan version of each athlete locked in this transaction, as seen then
        self._seen: dict[int, int] = {}

    def _read(self, statement: Executable, **params: Any) -> Result[*_Columns]:
        """A statement built once (above) on the session's connection, after flushing
        what the session holds, as the ORM's autoflush would."""
        self.session.flush()
        return self.session.connection().execute(statement, params)

    # athletes and profiles
    def add_athlete(self, name: str, now: datetime, owner: str = LOCAL_USER) -> Athlete:
        if self.get_athlete(name, owner) is not None:
            raise InputError("name", f"an athlete called {name!r} already exists")
        row = AthleteRow(owner_id=self._user_id(owner, now), name=name, created_at=now)
        try:
            with self.session.begin_nested():
                self.session.add(row)
        except IntegrityError:  # the same name added at the same moment by another writer
            raise InputError("name", f"an athlete called {name!r} already exists") from None
        return Athlete(row.id, row.name, row.created_at, row.owner_id)

    def _user_id(self, handle: str, now: datetime) -> int:
        """The user's id; created on first use (the local user exists from 0006 on)."""
        query = select(UserRow.id).where(UserRow.handle == handle)
        found = self.session.scalar(query)
        if found is not None:
            return found
        try:
            with self.session.begin_nested():
                row = UserRow(handle=handle, local=handle == LOCAL_USER, created_at=now)
                self.session.add(row)
        except IntegrityError:
            return self.session.scalars(query).one()
        return row.id

    def get_athlete(self, name: str, owner: str = LOCAL_USER) -> Athlete | None:
        row = self._read(_ATHLETE_BY_NAME, owner=owner, name=name).first()
        return Athlete(*row) if row else None

    def athlete_with_profile(
        self, name: str, owner: str = LOCAL_USER
    ) -> tuple[Athlete, Profile | None] | None:
        """One statement: the profile joined to the athlete."""
        row = self._read(_ATHLETE_WITH_PROFILE, owner=owner, name=name).first()
        if row is None:
            return None
        profile = None if row.athlete_id is None else profile_from_row(cast(ProfileRow, row))
        return Athlete(*row[:4]), profile

    def athlete_by_id(self, athlete_id: int, owner: str = LOCAL_USER) -> Athlete | None:
        """One prepared statement on the session's connection (the web app asks the same
        one through `legday.store.lookup.AthleteLookup`, without a unit of work)."""
        row = (
            self.session.connection()
            .execute(ATHLETE_BY_ID, {"owner": owner, "athlete": athlete_id})
            .first()
        )
        return Athlete(*row) if row else None

    def lock_athlete(self, athlete_id: int) -> None:
        """The athlete's row locked (PostgreSQL; on SQLite the write transaction already
        holds the database) by the UPDATE that counts its `revision` up (a reader's cache
        key, see `Athlete`; a change rolled back takes its count with it). Taken first,
        before any read, so a change is made from what the one before committed and two
        changes never wait for each other's locks in opposite orders (the deadlocks of
        taking it last). The latest plan version is noted: `add_plan_version` refuses to
        stack on one it did not see."""
        self._read(_LOCK_ATHLETE, athlete=athlete_id)
        self._seen[athlete_id] = self._latest_version(athlete_id)

    def _latest_version(self, athlete_id: int) -> int:
        last = self._read(_LATEST_NUMBER, athlete=athlete_id).scalar()
        return last or 0

    def list_athletes(self, owner: str = LOCAL_USER) -> list[Athlete]:
        rows = self.session.execute(
            select(AthleteRow.id, AthleteRow.name, AthleteRow.created_at, AthleteRow.owner_id)
            .join(UserRow, UserRow.id == AthleteRow.owner_id)
            .where(UserRow.handle == owner)
            .order_by(AthleteRow.name)
        )
        return [Athlete(*r) for r in rows]

    def save_profile(self, athlete_id: int, profile: Profile, now: datetime) -> None:
        self.session.merge(profile_to_row(athlete_id, profile, now))

    def get_profile(self, athlete_id: int) -> Profile | None:
        row = self._read(_PROFILE, athlete=athlete_id).first()
        return profile_from_row(cast(ProfileRow, row)) if row else None

    # calendars and day overrides
    def save_calendar_source(self, athlete_id: int, source: CalendarSource) -> bool:
        row = self.session.scalar(
            select(CalendarSourceRow).where(
                CalendarSourceRow.athlete_id == athlete_id, CalendarSourceRow.name == source.name
            )
        )
        if row is None:
            row = CalendarSourceRow(athlete_id=athlete_id, name=source.name)
            self.session.add(row)
            changed = True
        else:
            changed = row.content_hash != source.content_hash
        row.url, row.content, row.note = source.url, source.content, source.note
        row.content_hash, row.fetched_at = source.content_hash, source.fetched_at
        self.session.flush()
        return changed

    def calendar_sources(self, athlete_id: int) -> list[CalendarSource]:
        rows = self.session.scalars(
            select(CalendarSourceRow)
            .where(CalendarSourceRow.athlete_id == athlete_id)
            .order_by(CalendarSourceRow.id)
        )
        return [
            CalendarSource(r.name, r.content, r.content_hash, r.fetched_at, r.url, r.note or "")
            for r in rows
        ]

    def add_override(self, athlete_id: int, override: DayOverride, now: datetime) -> None:
        row = self.session.scalar(
            select(DayOverrideRow).where(
                DayOverrideRow.athlete_id == athlete_id,
                DayOverrideRow.day == override.day,
                DayOverrideRow.kind == override.kind,
            )
        )
        if row is None:
            row = DayOverrideRow(athlete_id=athlete_id, day=override.day, kind=override.kind)
            self.session.add(row)
        row.note, row.moved_to, row.created_at = override.note, override.moved_to, now
        self.session.flush()

    def overrides(self, athlete_id: int) -> list[DayOverride]:
        return [DayOverride(*r) for r in self._read(_OVERRIDES, athlete=athlete_id)]

    # plans
    def add_plan_version(
        self, athlete_id: int, plan: Plan, valid_from: date, reason: str, now: datetime
    ) -> int:
        # The athlete's row is locked (PostgreSQL) so two re-plans cannot take the same
        # number; the services lock it first (`lock_athlete`), this is for other callers.
        # SQLite write transactions are BEGIN IMMEDIATE and already serialised.
        if athlete_id not in self._seen:
            self.session.execute(
                select(AthleteRow.id).where(AthleteRow.id == athlete_id).with_for_update()
            )
        last = self._latest_version(athlete_id)
        seen = self._seen.get(athlete_id, last)
        if last != seen:  # made from a plan that is no longer the latest: never stack on it
            raise ConflictError(f"plan version {last} appeared during this re-plan (from {seen})")
        number = last + 1
        self._seen[athlete_id] = number
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
        """Every version with its sessions, in two statements whatever their number."""
        versions = self.session.scalars(
            select(PlanVersionRow)
            .where(PlanVersionRow.athlete_id == athlete_id)
            .order_by(PlanVersionRow.number)
        ).all()
        by_version: dict[int, list[Session]] = defaultdict(list)
        rows = self.session.scalars(
            select(PlannedSessionRow)
            .where(PlannedSessionRow.athlete_id == athlete_id)
            .order_by(
                PlannedSessionRow.plan_version_id, PlannedSessionRow.day, PlannedSessionRow.id
            )
        )
        for r in rows:
            by_version[r.plan_version_id].append(session_from_row(r))
        return [self._version(v, tuple(by_version[v.id])) for v in versions]

    def latest_version(self, athlete_id: int) -> PlanVersion | None:
        """The newest version by (athlete, number) and its sessions by version id."""
        v = self.session.scalars(
            select(PlanVersionRow)
            .where(PlanVersionRow.athlete_id == athlete_id)
            .order_by(PlanVersionRow.number.desc())
            .limit(1)
        ).first()
        if v is None:
            return None
        rows = self.session.scalars(
            select(PlannedSessionRow)
            .where(PlannedSessionRow.plan_version_id == v.id)
            .order_by(PlannedSessionRow.day, PlannedSessionRow.id)
        )
        return self._version(v, tuple(session_from_row(r) for r in rows))

    @staticmethod
    def _version(v: PlanVersionRow, sessions: tuple[Session, ...]) -> PlanVersion:
        plan = plan_from_document(v.start, v.end, v.document, sessions)
        return PlanVersion(v.number, v.valid_from, v.created_at, v.reason, plan)

    def plan_versions_for(self, athlete_id: int, day: date) -> list[PlanVersion]:
        """One statement: the numbers wanted are its subqueries."""
        rows = self._read(_VERSIONS_FOR_DAY, athlete=athlete_id, day=day)
        return [self._version(cast(PlanVersionRow, v), ()) for v in rows]

    def planned_sessions(self, athlete_id: int, start: date, end: date) -> list[Session]:
        versions = self._read(_VERSIONS_UNTIL, athlete=athlete_id, end=end).all()
        if not versions:
            return []
        in_force = _InForce(versions)
        # only the rows of versions in force on some day of the window: every re-plan
        # stores a whole plan, and the rows of the ones since replaced are never read
        wanted = sorted(in_force.within(start, end))
        rows = self._read(
            _SESSIONS_OF_VERSIONS, athlete=athlete_id, versions=wanted, start=start, end=end
        ).all()
        kept = [r for r in rows if in_force.on(r.day) == r.plan_version_id]
        return [
            session_from_row(cast(PlannedSessionRow, r))
            for r in sorted(kept, key=lambda r: (r.day, r.id))
        ]

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
            # The day's row, locked (PostgreSQL; SQLite writers are serialised by BEGIN
            # IMMEDIATE): a second writer of the same day waits here and then reads the
            # seq this one committed, so the unique (session, seq) never trips.
            performed = self._performed(athlete_id, day, "done", "", now, lock=True)
            performed.status = "done"
            seq = self._read(_NEXT_SEQ, performed=performed.id).scalar()
            rows = [
                set_to_row(athlete_id, performed.id, (seq or 0) + i, s, now)
                for i, s in enumerate(day_sets, start=1)
            ]
            self.session.add_all(rows)
        self.session.flush()

    def _performed(
        self,
        athlete_id: int,
        day: date,
        status: str,
        note: str,
        now: datetime,
        *,
        lock: bool = False,
    ) -> PerformedSessionRow:
        """Get or create the day's row (`lock`: FOR UPDATE); a concurrent insert of the
        same day is re-read once the other transaction ends."""
        query = select(PerformedSessionRow).where(
            PerformedSessionRow.athlete_id == athlete_id, PerformedSessionRow.day == day
        )
        if lock:
            query = query.with_for_update().execution_options(populate_existing=True)
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

    def last_exposures(
        self, athlete_id: int, exercises: Sequence[str], count: int, until: date
    ) -> list[SetLog]:
        return self._day_sets(athlete_id, exercises, count, until, None, 0)[0]

    def pain_sets(self, athlete_id: int, threshold: int, until: date, limit: int) -> list[SetLog]:
        return self._day_sets(athlete_id, (), 0, until, threshold, limit)[1]

    def exposures_and_pain(
        self,
        athlete_id: int,
        exercises: Sequence[str],
        count: int,
        until: date,
        threshold: int,
        limit: int,
    ) -> tuple[list[SetLog], list[SetLog]]:
        """Two statements: the walk, then the sets of both (`_day_sets`)."""
        return self._day_sets(athlete_id, exercises, count, until, threshold, limit)

    def _day_sets(
        self,
        athlete_id: int,
        exercises: Sequence[str],
        count: int,
        until: date,
        threshold: int | None,
        limit: int,
    ) -> tuple[list[SetLog], list[SetLog]]:
        """The walk (when exercises are asked), then one statement for the exposure days'
        sets and, with a `threshold`, the sets that raise a pain flag: (exposed, raised),
        each in day and logging order."""
        wanted = sorted(set(exercises)) if count >= 1 else []
        walked: Sequence[Row[*_Columns]] = ()
        if wanted:
            walked = self._read(
                _walk(len(wanted)),
                a=athlete_id,
                u=until,
                k=count,
                **{f"e{i}": e for i, e in enumerate(wanted)},
            ).all()
        if not walked and threshold is None:
            return [], []
        first: dict[str, date] = {}
        for e, day in walked:
            first[e] = min(day, first.get(e, day))
        params: dict[str, Any] = {f"e{i}": e for i, e in enumerate(first)}
        params.update({f"d{i}": day for i, day in enumerate(first.values())})
        if first:
            params.update(days=sorted({day for _, day in walked}), wanted=wanted)
        rows = self._read(
            _day_sets(len(first), threshold), athlete=athlete_id, until=until, limit=limit, **params
        ).all()
        in_order = sorted(rows, key=lambda r: (r.day, r.seq))
        return [_set(r) for r in in_order if not r.part], [_set(r) for r in in_order if r.part]

    def sets_on(
        self, athlete_id: int, days: Sequence[date], exercises: Sequence[str] | None = None
    ) -> list[SetLog]:
        if not days:
            return []
        wanted = {"athlete": athlete_id, "days": sorted(set(days))}
        if exercises is None:
            rows = self._read(_SETS_ON, **wanted)
        else:
            rows = self._read(_SETS_ON_OF, **wanted, exercises=sorted(set(exercises)))
        return [_set(r) for r in rows]

    def first_pain_free_days(
        self, athlete_id: int, flags: Sequence[tuple[Sequence[str], date]], until: date
    ) -> list[date | None]:
        """Each flag's day as a scalar subquery of one SELECT: a walk of the athlete's
        days from the flag on, which stops at the first that clears it."""
        if not flags:
            return []
        params: dict[str, Any] = {"athlete": athlete_id, "until": until}
        for i, (exercises, after) in enumerate(flags):
            params[f"x{i}"], params[f"after{i}"] = sorted(set(exercises)), after
        return list(self._read(_first_pain_free_days(len(flags)), **params).one())

    def last_done(self, athlete_id: int, before: date) -> date | None:
        return self._read(_LAST_DONE, athlete=athlete_id, before=before).scalar()

    def set_logs(
        self, athlete_id: int, exercise: str | None = None, until: date | None = None
    ) -> list[SetLog]:
        query = select(*SET_COLUMNS).where(SetLogRow.athlete_id == athlete_id)
        if exercise is not None:
            query = query.where(SetLogRow.exercise == exercise)
        if until is not None:
            query = query.where(SetLogRow.day <= until)
        rows = self.session.execute(query.order_by(SetLogRow.day, SetLogRow.id))
        return [_set(r) for r in rows]

    def performed(
        self, athlete_id: int, start: date, end: date, *, with_sets: bool = True
    ) -> list[Performed]:
        """The days and (in one more statement) all their sets: never a query per day."""
        p = PerformedSessionRow
        in_range = (p.athlete_id == athlete_id, p.day >= start, p.day <= end)
        days = self._read(_PERFORMED_DAYS, athlete=athlete_id, start=start, end=end).all()
        sets: dict[int, list[SetLog]] = defaultdict(list)
        if with_sets and days:
            rows = self.session.execute(
                select(*SET_COLUMNS, SetLogRow.performed_session_id)
                .where(SetLogRow.performed_session_id.in_(select(p.id).where(*in_range)))
                .order_by(SetLogRow.performed_session_id, SetLogRow.seq, SetLogRow.id)
            )
            for r in rows:
                sets[r.performed_session_id].append(_set(r))
        return [Performed(d.day, d.status, d.note or "", tuple(sets[d.id])) for d in days]

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

    # sets logged by the web app, under their browser's id
    def logged_set(self, athlete_id: int, client_id: str) -> LoggedSet | None:
        row = self.session.scalar(
            select(SetLogRow).where(
                SetLogRow.athlete_id == athlete_id, SetLogRow.client_id == client_id
            )
        )
        if row is None:
            return None
        return LoggedSet(client_id, set_from_row(row), row.set_no, row.logged_at)

    def add_logged_set(self, athlete_id: int, logged: LoggedSet, now: datetime) -> None:
        s = logged.set
        performed = self._performed(athlete_id, s.day, "done", "", now, lock=True)
        performed.status = "done"
        seq = self.session.scalar(
            select(func.coalesce(func.max(SetLogRow.seq), 0)).where(
                SetLogRow.performed_session_id == performed.id
            )
        )
        row = set_to_row(athlete_id, performed.id, (seq or 0) + 1, s, now)
        row.client_id, row.set_no = logged.client_id, logged.set_no
        try:
            with self.session.begin_nested():
                self.session.add(row)
        except IntegrityError:  # the same id from a writer that did not lock the athlete
            raise ConflictError(f"set {logged.client_id} was logged meanwhile") from None

    # calendar feed tokens (hashes only)
    def save_feed_token(self, athlete_id: int, token_hash: str, now: datetime) -> None:
        self.delete_feed_token(athlete_id)
        self.session.add(FeedTokenRow(athlete_id=athlete_id, token_hash=token_hash, created_at=now))
        self.session.flush()

    def delete_feed_token(self, athlete_id: int) -> bool:
        row = self.session.scalar(select(FeedTokenRow).where(FeedTokenRow.athlete_id == athlete_id))
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        return True

    def athlete_by_feed_token(self, token_hash: str) -> Athlete | None:
        row = self.session.execute(
            select(AthleteRow.id, AthleteRow.name, AthleteRow.created_at, AthleteRow.owner_id)
            .join(FeedTokenRow, FeedTokenRow.athlete_id == AthleteRow.id)
            .where(FeedTokenRow.token_hash == token_hash)
        ).first()
        return Athlete(*row) if row else None

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
        if injury is None:
            rows = self._read(_CARE_RECORDS, athlete=athlete_id)
        else:
            rows = self._read(_CARE_RECORDS_OF, athlete=athlete_id, injury=injury)
        return [CareRecord(*r) for r in rows]


class _InForce:
    """Which plan version is in force on a day: the newest (by number) whose valid_from is
    on or before it. Built once from (id, number, valid_from) rows, then a bisect a day."""

    def __init__(self, versions: Sequence[Row[int, int, date]]) -> None:
        by_start = sorted(versions, key=lambda v: (v.valid_from, v.number))
        self.starts = [v.valid_from for v in by_start]
        self.newest: list[int] = []  # the id of the newest version starting on or before
        best = None
        for v in by_start:
            if best is None or v.number > best.number:
                best = v
            self.newest.append(best.id)

    def on(self, day: date) -> int | None:
        at = bisect_right(self.starts, day)
        return self.newest[at - 1] if at else None

    def within(self, start: date, end: date) -> set[int]:
        """The versions in force on at least one day from `start` to `end`: at most one
        per day a version starts on, whatever the number of re-plans."""
        days = {start, *(d for d in self.starts if start < d <= end)}
        return {v for v in map(self.on, days) if v is not None}
