"""Care logs (issue 14): stored per athlete, day and problem, kept by backup and restore,
and read by the logbook's pain monitoring when it re-plans."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from legday.errors import InputError
from legday.model import Profile
from legday.progression.logs import SetLog
from legday.services import Logbook
from legday.store.backup import dump, restore
from legday.store.ports import CareRecord
from legday.store.uow import Database

from .conftest import START

NOW = datetime(2027, 1, 1)


def _achilles_days(logbook: Logbook, name: str) -> list:
    plan = logbook.versions(name)[-1].plan
    return [c.day for c in plan.care if c.injury == "achilles" and not c.lightest]


def test_a_care_record_is_replaced_on_the_same_day_and_read_in_day_order(
    database: Database,
) -> None:
    with database.uow() as uow:
        athlete = uow.repo.add_athlete("sam", NOW)
        later = CareRecord(START + timedelta(days=1), "achilles", 1, 2)
        uow.repo.save_care(athlete.id, later, NOW)
        uow.repo.save_care(athlete.id, CareRecord(START, "achilles", 1, 4), NOW)
        uow.repo.save_care(athlete.id, CareRecord(START, "achilles", 1, 3, 1), NOW)
        uow.repo.save_care(athlete.id, CareRecord(START, "hamstring", 2, 0), NOW)
        uow.commit()
    with database.uow() as uow:
        assert uow.repo.care_records(1, "achilles") == [
            CareRecord(START, "achilles", 1, 3, 1),
            later,
        ]
        assert len(uow.repo.care_records(1)) == 3


@pytest.mark.parametrize(("pain", "morning", "field"), [(11, None, "pain"), (3, -1, "morning")])
def test_pain_outside_0_to_10_names_the_field(pain: int, morning: int | None, field: str) -> None:
    with pytest.raises(InputError, match=field):
        CareRecord(START, "achilles", 1, pain, morning)


def test_backup_keeps_care_logs_and_an_older_backup_restores_without(
    logbook: Logbook, database: Database, tmp_path: Path
) -> None:
    logbook.add_athlete("sam", Profile(start=START, weeks=4, injuries=("achilles",)), [], START)
    first, second = _achilles_days(logbook, "sam")[:2]
    logbook.log_care("sam", "achilles", first, 3, first)
    logbook.log_morning_pain("sam", 1, second, second)
    data = dump(database.engine)
    assert data["tables"]["care_logs"] == [
        {"id": 1, "athlete_id": 1, "day": first.isoformat(), "injury": "achilles", "stage": 1,
         "pain": 3, "morning_pain": 1, "logged_at": data["tables"]["care_logs"][0]["logged_at"]}
    ]  # fmt: skip
    new = Database(f"sqlite:///{tmp_path / 'new.db'}")
    restore(new.engine, json.loads(json.dumps(data)))
    with new.uow() as uow:
        assert uow.repo.care_records(1) == [CareRecord(first, "achilles", 1, 3, 1)]
    new.dispose()
    old = json.loads(json.dumps(data))  # a backup written before revision 0005
    old["revision"] = "0004"
    del old["tables"]["care_logs"]
    older = Database(f"sqlite:///{tmp_path / 'older.db'}")
    assert restore(older.engine, old) == sum(len(rows) for rows in old["tables"].values())
    with older.uow() as uow:
        assert uow.repo.care_records(1) == []
    older.dispose()


def test_a_stored_plan_keeps_its_care_routines(logbook: Logbook) -> None:
    logbook.add_athlete("kim", Profile(start=START, weeks=2, injuries=("achilles",)), [], START)
    plan = logbook.versions("kim")[0].plan
    assert plan.care and {c.injury for c in plan.care} == {"achilles"}
    assert all(c.exercises and c.minutes >= 1 for c in plan.care)


def _care_planned(logbook: Logbook) -> list[object]:
    """Every care schedule the logbook hands the planner from now on."""
    seen: list[object] = []
    planner = logbook.plan

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(kwargs.get("care"))
        return planner(*args, **kwargs)  # type: ignore[arg-type]

    logbook.plan = spy  # type: ignore[assignment]
    return seen


def test_a_knee_the_logbook_flags_sore_reaches_the_planner(logbook: Logbook) -> None:
    """Logged pain reaches the plan as a sore knee (`CareSchedule.sore`, which holds jumps
    back): pain of 4/10 in a split squat, until a pain-free session of the thigh clears
    it, and a knee routine whose pain went over the protocol's limit (pain monitoring
    holds the stage). An Achilles athlete's painful split squat flags no knee."""
    profile = Profile(start=START, weeks=4, injuries=("runners-knee",))
    logbook.add_athlete("kim", profile, [], START)
    logbook.add_athlete("ash", replace(profile, injuries=("achilles",)), [], START)
    seen = _care_planned(logbook)
    day = START + timedelta(days=1)
    for name in ("kim", "ash"):
        logbook.log(name, [SetLog("split-squat", day, reps=10, pain=5)])
        logbook.sync(name, day, force=True)
    assert [c.sore for c in seen] == [frozenset({"runners-knee"}), frozenset()]  # type: ignore[attr-defined]
    later = day + timedelta(days=2)
    logbook.log("kim", [SetLog("split-squat", later, reps=10, pain=0)])
    logbook.sync("kim", later, force=True)
    assert seen[-1].sore == frozenset()  # type: ignore[attr-defined]
    plan = logbook.versions("kim")[-1].plan
    routine = next(c.day for c in plan.care if c.injury == "runners-knee" and c.day >= later)
    logbook.log_care("kim", "runners-knee", routine, 5, routine)  # over its 3/10: held
    assert seen[-1].sore == frozenset({"runners-knee"})  # type: ignore[attr-defined]
