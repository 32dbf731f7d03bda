"""The logbook's care use cases on the in-memory fakes: what a re-plan hands the planner,
and which morning a next-morning pain belongs to."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from fakes import FakeUnitOfWork
from legday.catalogue.loader import load_catalogue
from legday.errors import InputError
from legday.model import Plan, Profile
from legday.planner import make_plan
from legday.planner.care.schedule import CareSchedule
from legday.services import Logbook
from legday.store.ports import CareRecord

START = date(2027, 1, 4)  # a Monday
handed: list[CareSchedule | None] = []


def recording_plan(*args: Any, care: CareSchedule | None = None, **kwargs: Any) -> Plan:
    handed.append(care)
    return make_plan(*args, care=care, **kwargs)


@pytest.fixture
def book() -> tuple[Logbook, FakeUnitOfWork]:
    handed.clear()
    uow = FakeUnitOfWork()
    logbook = Logbook(lambda: uow, load_catalogue(), recording_plan, lambda paths, p: [],
                      now=lambda: datetime(2027, 1, 1))  # fmt: skip
    profile = Profile(start=START, weeks=4, injuries=("achilles", "hamstring"))
    logbook.add_athlete("sam", profile, [], START)
    return logbook, uow


def test_every_replan_hands_the_planner_each_problems_stage_or_stop(
    book: tuple[Logbook, FakeUnitOfWork],
) -> None:
    logbook, uow = book
    assert handed == [CareSchedule({"achilles": 1, "hamstring": 1}, {})]
    uow.committed.save_care(1, CareRecord(START, "achilles", 2, 8), datetime(2027, 1, 4))
    logbook.sync("sam", START + timedelta(days=1), force=True)
    schedule = handed[-1]
    assert schedule is not None and schedule.stages == {"achilles": 2, "hamstring": 1}
    assert "see a physiotherapist or doctor" in schedule.stopped["achilles"]
    plan = logbook.versions("sam")[-1].plan
    assert plan.care and {c.injury for c in plan.care} == {"hamstring"}
    view = logbook.today("sam", START + timedelta(days=2))
    assert any(a.startswith("Achilles tendon care stopped.") for a in view.advice)


def test_morning_pain_needs_the_problem_when_two_were_cared_for(
    book: tuple[Logbook, FakeUnitOfWork],
) -> None:
    logbook, uow = book
    for injury in ("achilles", "hamstring"):
        uow.committed.save_care(1, CareRecord(START, injury, 1, 1), datetime(2027, 1, 4))
    tomorrow = START + timedelta(days=1)
    with pytest.raises(InputError, match="which problem"):
        logbook.log_morning_pain("sam", 2, tomorrow, tomorrow)
    done = logbook.log_morning_pain("sam", 2, tomorrow, tomorrow, "hamstring")
    assert done.record == CareRecord(START, "hamstring", 1, 1, 2)
    assert uow.committed.care_records(1, "achilles")[0].morning_pain is None
    with pytest.raises(InputError, match="morning-pain"):
        logbook.log_morning_pain("sam", 2, START, START)  # nothing before the first day
