"""What the services need from storage: records, a repository and a unit of work.

Plain ABCs with no SQLAlchemy, so the services and `tests/fakes.py` depend on this module
alone. Every repository method takes the athlete's id: nothing is global, so the same
code can serve one runner's laptop or a coach's web app with many athletes.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import TracebackType
from typing import Self

from legday.care.monitoring import CareLog
from legday.errors import InputError
from legday.model import Plan, Profile, Session
from legday.progression import SetLog

__all__ = [
    "AbstractRepository",
    "AbstractUnitOfWork",
    "Athlete",
    "CalendarSource",
    "CareRecord",
    "DayOverride",
    "Performed",
    "PlanVersion",
    "ProgressPoint",
]


@dataclass(frozen=True, slots=True)
class Athlete:
    id: int
    name: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class CalendarSource:
    path: str
    content_hash: str
    synced_at: datetime


@dataclass(frozen=True, slots=True)
class DayOverride:
    day: date
    kind: str  # "blocked" (skip, move) or "weather" (a lost run becomes a strength day)
    note: str = ""


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
    def add_athlete(self, name: str, now: datetime) -> Athlete: ...

    @abc.abstractmethod
    def get_athlete(self, name: str) -> Athlete | None: ...

    @abc.abstractmethod
    def list_athletes(self) -> list[Athlete]: ...

    @abc.abstractmethod
    def save_profile(self, athlete_id: int, profile: Profile, now: datetime) -> None: ...

    @abc.abstractmethod
    def get_profile(self, athlete_id: int) -> Profile | None: ...

    @abc.abstractmethod
    def save_calendar_source(
        self, athlete_id: int, path: str, content_hash: str, now: datetime
    ) -> bool:
        """Record a calendar's hash; True when it is new or changed since the last sync."""

    @abc.abstractmethod
    def calendar_sources(self, athlete_id: int) -> list[CalendarSource]: ...

    @abc.abstractmethod
    def add_override(self, athlete_id: int, override: DayOverride, now: datetime) -> None: ...

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
    def performed(self, athlete_id: int, start: date, end: date) -> list[Performed]: ...

    @abc.abstractmethod
    def progress(self, athlete_id: int, exercise: str) -> list[ProgressPoint]: ...

    @abc.abstractmethod
    def save_care(self, athlete_id: int, record: CareRecord, now: datetime) -> None:
        """Record a routine done; the same problem on the same day replaces the record."""

    @abc.abstractmethod
    def care_records(self, athlete_id: int, injury: str | None = None) -> list[CareRecord]:
        """Care routines done, in day order (then by problem)."""


class AbstractUnitOfWork(abc.ABC):
    """One transaction: `with uow: ...; uow.commit()`; leaving without commit rolls back."""

    repo: AbstractRepository

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
