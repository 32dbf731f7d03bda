"""Use cases over the in-memory unit of work and a stub planner: no database, no files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

import pytest

from fakes import FakeUnitOfWork, fake_catalogue, prescription
from legday.catalogue import Catalogue
from legday.errors import InputError
from legday.model import Plan, Profile, Run, Session, StrengthDay
from legday.progression import SetLog
from legday.services import Logbook

START = date(2027, 1, 4)


def stub_plan(
    profile: Profile,
    runs: Sequence[Run],
    catalogue: Catalogue,
    *,
    done: Sequence[StrengthDay] = (),
    care: object = None,
) -> Plan:
    """Mondays and Thursdays that are not blocked, one reverse lunge each."""
    days = [profile.start + timedelta(days=i) for i in range(profile.weeks * 7)]
    sessions = tuple(
        Session(d, 40, (), (prescription(),), (), "stub")
        for d in days
        if d.weekday() in (0, 3) and d not in profile.blocked
    )
    return Plan(profile.start, profile.end, (), tuple(runs), sessions)


@pytest.fixture
def logbook() -> tuple[Logbook, FakeUnitOfWork]:
    uow = FakeUnitOfWork()
    book = Logbook(lambda: uow, fake_catalogue(), stub_plan, lambda paths, p: [],
                   now=lambda: datetime(2027, 1, 1))  # fmt: skip
    book.add_athlete("sam", Profile(start=START, weeks=4), [], START)
    return book, uow


def test_today_applies_progression_to_the_plan(logbook: tuple[Logbook, FakeUnitOfWork]) -> None:
    book, _ = logbook
    book.log("sam", [SetLog("reverse-lunge", START, reps=8, load_kg=10, rpe=7)] * 3)
    view = book.today("sam", START + timedelta(days=3))
    assert view.session is not None
    assert view.session.main[0].reps == 9
    assert "one more rep" in view.changes[0].reason


def test_skip_blocks_the_day_and_appends_a_version(
    logbook: tuple[Logbook, FakeUnitOfWork],
) -> None:
    book, uow = logbook
    commits = uow.commits
    assert book.skip("sam", START + timedelta(days=3), START + timedelta(days=1)).number == 2
    assert uow.commits == commits + 1  # one transaction
    assert book.today("sam", START + timedelta(days=3)).session is None
    assert book.versions("sam")[0].plan.sessions[1].day == START + timedelta(days=3)


def test_failures_write_nothing(logbook: tuple[Logbook, FakeUnitOfWork]) -> None:
    book, uow = logbook
    before = uow.commits
    with pytest.raises(InputError):
        book.move("sam", START + timedelta(days=2), START)  # nothing planned on a Wednesday
    with pytest.raises(InputError):
        book.log("nobody", [SetLog("reverse-lunge", START, reps=8)])
    assert uow.commits == before


def test_pain_in_another_exercise_regresses_and_advises_until_pain_free(
    logbook: tuple[Logbook, FakeUnitOfWork],
) -> None:
    book, _ = logbook
    book.log("sam", [SetLog("goblet-squat", START, reps=8, load_kg=12, rpe=6, pain=8)] * 2)
    assert book.today("sam", START).advice  # at once, the day it was logged
    assert book.today("sam", START + timedelta(days=1)).advice  # a day without a session
    view = book.today("sam", START + timedelta(days=3))
    assert view.session is not None
    assert view.session.main[0].exercise == "split-squat"  # reverse lunge regressed
    assert view.changes[0].seek_advice and "physiotherapist or doctor" in view.advice[0]
    book.log("sam", [SetLog("split-squat", START + timedelta(days=3), reps=8, rpe=6)] * 3)
    later = book.today("sam", START + timedelta(days=7))
    assert later.advice == ()
    assert later.session is not None and later.session.main[0].exercise == "reverse-lunge"


def test_weather_refuses_a_day_past_the_plan_end(
    logbook: tuple[Logbook, FakeUnitOfWork],
) -> None:
    book, uow = logbook
    before = uow.commits
    with pytest.raises(InputError, match="plan ends"):
        book.weather("sam", date(9999, 12, 31), START)
    assert uow.commits == before and len(book.versions("sam")) == 1


def test_a_logged_session_reaches_the_planner_as_a_strength_day_not_a_run() -> None:
    asked: list[tuple[list[Run], list[StrengthDay]]] = []

    def recording(
        profile: Profile,
        runs: Sequence[Run],
        catalogue: Catalogue,
        *,
        done: Sequence[StrengthDay] = (),
        care: object = None,
    ) -> Plan:
        asked.append((list(runs), list(done)))
        return stub_plan(profile, runs, catalogue, done=done)

    uow = FakeUnitOfWork()
    book = Logbook(lambda: uow, fake_catalogue(), recording, lambda paths, p: [],
                   now=lambda: datetime(2027, 1, 1))  # fmt: skip
    book.add_athlete("sam", Profile(start=START, weeks=4), [], START)
    book.log("sam", [SetLog("reverse-lunge", START, reps=8, load_kg=10, rpe=7)] * 3)
    book.sync("sam", START + timedelta(days=2), force=True)  # the re-plan after the log
    runs, done = asked[-1]
    assert [(d.day, d.exercises) for d in done] == [(START, frozenset({"reverse-lunge"}))]
    assert [p.exercise for p in done[0].main] == ["reverse-lunge"]  # doses go on from it
    assert not any(r.is_strength for r in runs)
