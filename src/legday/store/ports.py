"""What the services need from storage: records, a repository and a unit of work.

Plain ABCs with no SQLAlchemy, so the services and `tests/fakes.py` depend on this module
alone. Every repository method takes the athlete's id, and athletes are found by name
within their owner (`owner`, a user's handle; `LOCAL_USER` in personal mode): nothing is
global, so the same code serves one runner's laptop or a web app with many accounts.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import TracebackType
from typing import Self

from legday.care.monitoring import CareLog
from legday.errors import InputError, StoreError
from legday.model import Plan, Profile, Session
from legday.progression import SetLog

__all__ = [
    "LOCAL_USER",
    "AbstractRepository",
    "AbstractUnitOfWork",
    "Athlete",
    "CalendarSource",
    "CareRecord",
    "ConflictError",
    "DayOverride",
    "LoggedSet",
    "Performed",
    "PlanVersion",
    "ProgressPoint",
]


LOCAL_USER = "local"  # the one user of personal mode, created by migration 0006


class ConflictError(StoreError):
    """Another writer got in the way: a deadlock, a serialization failure, or a re-plan
    whose plan version is no longer the latest. `retry` says whether running the whole
    use case again can succeed (the services do, a few times, then print this line)."""

    def __init__(self, problem: str, *, retry: bool = True) -> None:
        super().__init__(f"database: {problem}")
        self.retry = retry


@dataclass(frozen=True, slots=True)
class Athlete:
    """An athlete; `revision` (read by `athlete_by_id`) grows with every change of the
    athlete's records (`lock_athlete`), so a view computed at one revision stays right
    until the next: what the web app keys its cached answers by."""

    id: int
    name: str
    created_at: datetime
    owner_id: int = 0
    revision: int = 0


@dataclass(frozen=True, slots=True)
class CalendarSource:
    """A running calendar as last read: its bytes and their SHA-256, when they were
    fetched, and for a subscribed feed its address (`url`, token included: never print
    it, print `name`). `content` is None only for a file the 0006 upgrade could not
    read (`note` says so). `content_hash` is the hash the plan in force was made from."""

    name: str
    content: bytes | None
    content_hash: str
    fetched_at: datetime
    url: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class DayOverride:
    """A day every re-plan honours: "blocked" (skipped), "moved" (a session moved away
    from it; `moved_to` the day `move --to` chose, None when the planner finds one) or
    "weather" (its run lost: the day may hold strength)."""

    day: date
    kind: str
    note: str = ""
    moved_to: date | None = None


@dataclass(frozen=True, slots=True)
class PlanVersion:
    """A stored plan; `plan.sessions` holds only the sessions from `valid_from` on."""

    number: int
    valid_from: date
    created_at: datetime
    reason: str
    plan: Plan


@dataclass(frozen=True, slots=True)
class Performed:
    day: date
    status: str  # "done" or "skipped"
    note: str
    sets: tuple[SetLog, ...]


@dataclass(frozen=True, slots=True)
class LoggedSet:
    """A set logged under the id its browser made (`client_id`, a UUID) and the number the
    browser showed it by: what a replay of the same log finds and returns."""

    client_id: str
    set: SetLog
    set_no: int | None
    logged_at: datetime


@dataclass(frozen=True, slots=True)
class CareRecord:
    """One care routine done: which problem, at which stage, the worst pain during it and
    the next morning's pain (None until logged), each 0-10."""

    day: date
    injury: str
    stage: int
    pain: int
    morning_pain: int | None = None

    def __post_init__(self) -> None:
        for field, value in (("pain", self.pain), ("morning-pain", self.morning_pain)):
            if value is not None and not 0 <= value <= 10:
                raise InputError(field, f"must be between 0 and 10, not {value}")
        if self.stage < 1:
            raise InputError("stage", f"must be 1 or more, not {self.stage}")

    @property
    def log(self) -> CareLog:
        """The record as pain monitoring reads it."""
        return CareLog(self.day, self.stage, self.pain, self.morning_pain)


@dataclass(frozen=True, slots=True)
class ProgressPoint:
    """One day of one exercise, summarised for `legday progress`."""

    day: date
    sets: int
    top_load_kg: float | None
    total_reps: int
    best_reps: int
    max_effort: float | None
    max_pain: int
    form_ok: bool


class AbstractRepository(abc.ABC):
    @abc.abstractmethod
    def add_athlete(self, name: str, now: datetime, owner: str = LOCAL_USER) -> Athlete:
        """A new athlete of `owner` (the user is created on first use); a name the owner
        already uses is an InputError."""

    @abc.abstractmethod
    def get_athlete(self, name: str, owner: str = LOCAL_USER) -> Athlete | None: ...

    def athlete_with_profile(
        self, name: str, owner: str = LOCAL_USER
    ) -> tuple[Athlete, Profile | None] | None:
        """`get_athlete` and its `get_profile`: a day's view asks both, and a store may
        answer in one round trip."""
        athlete = self.get_athlete(name, owner)
        return None if athlete is None else (athlete, self.get_profile(athlete.id))

    @abc.abstractmethod
    def athlete_by_id(self, athlete_id: int, owner: str = LOCAL_USER) -> Athlete | None:
        """The athlete with this id when `owner` owns it (the web app's addresses)."""

    @abc.abstractmethod
    def lock_athlete(self, athlete_id: int) -> None:
        """Take the athlete's write lock until the transaction ends, before anything is
        read: every change of one athlete (re-plans and logs) then runs one at a time,
        each on what the one before committed. A store whose transactions are already
        serial (SQLite's write transaction, the fakes) has nothing more to do."""

    @abc.abstractmethod
    def list_athletes(self, owner: str = LOCAL_USER) -> list[Athlete]: ...

    @abc.abstractmethod
    def save_profile(self, athlete_id: int, profile: Profile, now: datetime) -> None: ...

    @abc.abstractmethod
    def get_profile(self, athlete_id: int) -> Profile | None: ...

    @abc.abstractmethod
    def save_calendar_source(self, athlete_id: int, source: CalendarSource) -> bool:
        """Store a calendar by its name (replacing the one of that name); True when it is
        new or its hash differs from the stored one."""

    @abc.abstractmethod
    def calendar_sources(self, athlete_id: int) -> list[CalendarSource]: ...

    @abc.abstractmethod
    def add_override(self, athlete_id: int, override: DayOverride, now: datetime) -> None:
        """Keep the override; one of the same day and kind is replaced (a session moved
        from a day twice went where the last move put it)."""

    @abc.abstractmethod
    def overrides(self, athlete_id: int) -> list[DayOverride]: ...

    @abc.abstractmethod
    def add_plan_version(
        self, athlete_id: int, plan: Plan, valid_from: date, reason: str, now: datetime
    ) -> int:
        """Append a version (numbered from 1); only sessions on or after valid_from are kept."""

    @abc.abstractmethod
    def plan_versions(self, athlete_id: int) -> list[PlanVersion]: ...

    @abc.abstractmethod
    def latest_version(self, athlete_id: int) -> PlanVersion | None:
        """The newest version with its sessions (None before the first plan): what an
        export, a move or a care log reads, whatever the number of re-plans before it."""

    @abc.abstractmethod
    def plan_versions_for(self, athlete_id: int, day: date) -> list[PlanVersion]:
        """The version in force on `day` (the latest valid on it, else the first) and the
        latest, in number order, without a duplicate and without their sessions: what a
        day's view needs, whatever the number of re-plans."""

    @abc.abstractmethod
    def planned_sessions(self, athlete_id: int, start: date, end: date) -> list[Session]:
        """Sessions in force: each day from the latest version valid on that day."""

    @abc.abstractmethod
    def record_day(self, athlete_id: int, day: date, status: str, note: str, now: datetime) -> None:
        """Mark a day done or skipped (get-or-create; `done` wins over `skipped`)."""

    @abc.abstractmethod
    def add_sets(self, athlete_id: int, sets: Sequence[SetLog], now: datetime) -> None:
        """Append sets to their day's performed session (created if needed)."""

    @abc.abstractmethod
    def set_logs(
        self, athlete_id: int, exercise: str | None = None, until: date | None = None
    ) -> list[SetLog]: ...

    @abc.abstractmethod
    def performed(
        self, athlete_id: int, start: date, end: date, *, with_sets: bool = True
    ) -> list[Performed]:
        """Days logged in [start, end] in day order; `with_sets=False` leaves `sets` empty
        (the statuses are all progression needs)."""

    @abc.abstractmethod
    def last_exposures(
        self, athlete_id: int, exercises: Sequence[str], count: int, until: date
    ) -> list[SetLog]:
        """The sets of each exercise on its last `count` logged days up to `until`, and
        every set with pain > 0 on those days (of any exercise: a day that hurt elsewhere
        in a muscle must not read as that muscle's pain-free day), in day order."""

    @abc.abstractmethod
    def pain_sets(self, athlete_id: int, threshold: int, until: date, limit: int) -> list[SetLog]:
        """The sets of pain >= `threshold` on the latest `limit` days up to `until` that
        have one (what raises a pain flag)."""

    def exposures_and_pain(
        self,
        athlete_id: int,
        exercises: Sequence[str],
        count: int,
        until: date,
        threshold: int,
        limit: int,
    ) -> tuple[list[SetLog], list[SetLog]]:
        """`last_exposures` and `pain_sets`: a day's view asks both, and a store may
        answer in one round trip."""
        return (
            self.last_exposures(athlete_id, exercises, count, until),
            self.pain_sets(athlete_id, threshold, until, limit),
        )

    @abc.abstractmethod
    def first_pain_free_days(
        self, athlete_id: int, flags: Sequence[tuple[Sequence[str], date]], until: date
    ) -> list[date | None]:
        """For each (exercises, after) in `flags`, the first day in (after, until] whose
        sets of `exercises` exist and are all pain-free (pain 0): the day a pain flag on
        their muscle clears. One statement for them all."""

    @abc.abstractmethod
    def sets_on(
        self, athlete_id: int, days: Sequence[date], exercises: Sequence[str] | None = None
    ) -> list[SetLog]:
        """Every set of the given days, in day and logging order; with `exercises`, only
        theirs and the sets with pain."""

    @abc.abstractmethod
    def last_done(self, athlete_id: int, before: date) -> date | None:
        """The last day before `before` with a session done."""

    @abc.abstractmethod
    def progress(self, athlete_id: int, exercise: str) -> list[ProgressPoint]: ...

    @abc.abstractmethod
    def logged_set(self, athlete_id: int, client_id: str) -> LoggedSet | None:
        """The set logged under `client_id`, if any."""

    @abc.abstractmethod
    def add_logged_set(self, athlete_id: int, logged: LoggedSet, now: datetime) -> None:
        """Append one set under its client id; a client id the athlete already used is a
        ConflictError (retry: the use case runs again and finds the stored set)."""

    @abc.abstractmethod
    def save_feed_token(self, athlete_id: int, token_hash: str, now: datetime) -> None:
        """Keep the hash of the athlete's new feed token, replacing any older one."""

    @abc.abstractmethod
    def delete_feed_token(self, athlete_id: int) -> bool:
        """Forget the athlete's feed token; False when there was none."""

    @abc.abstractmethod
    def athlete_by_feed_token(self, token_hash: str) -> Athlete | None:
        """The athlete whose live feed token has this hash."""

    @abc.abstractmethod
    def save_care(self, athlete_id: int, record: CareRecord, now: datetime) -> None:
        """Record a routine done; the same problem on the same day replaces the record."""

    @abc.abstractmethod
    def care_records(self, athlete_id: int, injury: str | None = None) -> list[CareRecord]:
        """Care routines done, in day order (then by problem)."""


class AbstractUnitOfWork(abc.ABC):
    """One transaction: `with uow: ...; uow.commit()`; leaving without commit rolls back.

    A unit of work writes unless `reading()` is called before `with`: a read takes no
    write lock, so it never waits behind a writer (and a writer never waits for it).
    """

    repo: AbstractRepository
    writes: bool = True

    def reading(self) -> Self:
        """This unit of work only reads (`today`, `history`, exports...)."""
        self.writes = False
        return self

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()

    @abc.abstractmethod
    def commit(self) -> None: ...

    @abc.abstractmethod
    def rollback(self) -> None: ...
