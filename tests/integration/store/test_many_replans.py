"""Every re-plan stores a whole plan, so an athlete who skips and moves a lot piles up
versions: the sessions in force on a day must still be the newest version's that started
on or before it, and reading a few weeks must not read every version's rows."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from legday.model import Profile, Session
from legday.services import Logbook
from legday.store.repository import SqlRepository
from legday.store.uow import Database

START = date(2027, 1, 4)
VERSIONS = 40


def _expected(
    stored: list[tuple[int, date, tuple[Session, ...]]], start: date, end: date
) -> list[Session]:
    """The rule written out the slow way: day by day, the newest version started by then."""
    found = []
    for number, _, sessions in stored:
        for s in sessions:
            started = [n for n, valid_from, _ in stored if valid_from <= s.day]
            if start <= s.day <= end and started and max(started) == number:
                found.append(s)
    return sorted(found, key=lambda s: s.day)


def test_many_replans_in_any_order_read_the_sessions_in_force(
    logbook: Logbook, database: Database, calendar: Path
) -> None:
    logbook.add_athlete("sam", Profile(start=START, weeks=8), [str(calendar)], START)
    first = logbook.versions("sam")[0]
    stored = [(1, first.valid_from, first.plan.sessions)]
    shuffle = random.Random(15)
    with database.uow() as uow:
        athlete = uow.repo.get_athlete("sam")
        assert athlete is not None
        for number in range(2, VERSIONS + 2):
            # a re-plan from some day of the plan (not always later than the last one),
            # holding a different subset of the sessions, so each version can be told apart
            valid_from = START + timedelta(days=shuffle.randrange(0, 56))
            kept = tuple(s for s in first.plan.sessions if shuffle.random() < 0.7)
            plan = replace(first.plan, sessions=kept)
            uow.repo.add_plan_version(athlete.id, plan, valid_from, "test", datetime(2027, 1, 1))
            stored.append((number, valid_from, kept))
        uow.commit()
    with database.uow() as uow:
        for start in (START, START + timedelta(days=17), START + timedelta(days=40)):
            end = start + timedelta(days=21)
            assert uow.repo.planned_sessions(athlete.id, start, end) == _expected(
                stored, start, end
            )


def test_a_window_reads_only_the_versions_in_force_in_it(
    logbook: Logbook, database: Database, calendar: Path
) -> None:
    """Forty re-plans made on one day: the three weeks ahead read one version's rows."""
    logbook.add_athlete("sam", Profile(start=START, weeks=8), [str(calendar)], START)
    first = logbook.versions("sam")[0]
    with database.uow() as uow:
        athlete = uow.repo.get_athlete("sam")
        assert athlete is not None
        for _ in range(VERSIONS):
            uow.repo.add_plan_version(athlete.id, first.plan, START, "again", datetime(2027, 1, 1))
        uow.commit()
    fetched: list[int] = []
    with database.uow() as uow:
        assert isinstance(uow.repo, SqlRepository)
        original = uow.repo._read

        def counting(*args: Any, **kwargs: Any) -> Any:
            rows = original(*args, **kwargs).all()
            fetched.append(len(rows))
            return _Listed(rows)

        uow.repo._read = counting  # type: ignore[method-assign]
        sessions = uow.repo.planned_sessions(athlete.id, START, START + timedelta(days=20))
    in_window = [s for s in first.plan.sessions if s.day <= START + timedelta(days=20)]
    assert sessions == in_window
    # each version's number and first day, then the rows of the one in force: not 41 copies
    assert fetched == [VERSIONS + 1, len(in_window)]


class _Listed:
    def __init__(self, rows: list[object]) -> None:
        self.rows = rows

    def all(self) -> list[object]:
        return self.rows

    def __iter__(self) -> Iterator[object]:
        return iter(self.rows)
