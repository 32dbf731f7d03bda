"""A change that meets another writer is run again whole, a bounded number of times."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from fakes import FakeUnitOfWork, fake_catalogue
from legday import services
from legday.errors import StoreError
from legday.model import Profile
from legday.progression import SetLog
from legday.services import ATTEMPTS, Logbook
from legday.store.ports import ConflictError

from .test_services import stub_plan

START = date(2027, 1, 4)


class CollidingUnitOfWork(FakeUnitOfWork):
    """Its next `collisions` commits fail as a deadlock would (nothing is published)."""

    def __init__(self) -> None:
        super().__init__()
        self.collisions = 0
        self.retry = True

    def commit(self) -> None:
        if self.collisions:
            self.collisions -= 1
            raise ConflictError("deadlock detected (another change at the same moment)",
                                retry=self.retry)  # fmt: skip
        super().commit()


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    seen: list[float] = []
    monkeypatch.setattr(services, "_pause", seen.append)
    return seen


@pytest.fixture
def book() -> tuple[Logbook, CollidingUnitOfWork]:
    uow = CollidingUnitOfWork()
    logbook = Logbook(lambda: uow, fake_catalogue(), stub_plan, lambda paths, p: [],
                      now=lambda: datetime(2027, 1, 1))  # fmt: skip
    logbook.add_athlete("sam", Profile(start=START, weeks=4), [], START)
    return logbook, uow


def test_a_collision_is_retried_and_makes_one_version(
    book: tuple[Logbook, CollidingUnitOfWork], pauses: list[float]
) -> None:
    logbook, uow = book
    uow.collisions = ATTEMPTS - 1
    assert logbook.skip("sam", START + timedelta(days=3), START).number == 2
    assert [v.number for v in logbook.versions("sam")] == [1, 2]
    assert len(pauses) == ATTEMPTS - 1
    assert pauses == sorted(pauses) and pauses[-1] < 1  # backs off, briefly


def test_collisions_past_the_last_try_are_one_line_and_change_nothing(
    book: tuple[Logbook, CollidingUnitOfWork], pauses: list[float]
) -> None:
    logbook, uow = book
    uow.collisions = ATTEMPTS
    with pytest.raises(StoreError) as caught:
        logbook.log("sam", [SetLog("reverse-lunge", START, reps=8)])
    assert "deadlock detected" in str(caught.value)
    assert f"after {ATTEMPTS} tries" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert len(pauses) == ATTEMPTS - 1
    assert logbook.history("sam", START) == []


def test_a_collision_that_cannot_clear_is_not_retried(
    book: tuple[Logbook, CollidingUnitOfWork], pauses: list[float]
) -> None:
    logbook, uow = book
    uow.collisions, uow.retry = 1, False
    with pytest.raises(ConflictError):
        logbook.sync("sam", START, force=True)  # a re-plan, as every change makes
    assert pauses == []
    assert [v.number for v in logbook.versions("sam")] == [1]
