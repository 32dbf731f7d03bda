"""Plan versions are stored in the one plan codec's shape and come back equal.

On SQLite and PostgreSQL: a stored plan reloads as the planner made it (profile, music,
races, level, kit, time zone), so re-checking it finds nothing new; versions stored before
the codec still load; strength already logged is a strength day of its week, never a run.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from bench.athletes import random_athlete
from sqlalchemy.orm import Session

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.exports.plan_json import plan_to_json
from legday.model import Equipment, Level, Profile, StrengthDay
from legday.planner import make_plan
from legday.progression import SetLog
from legday.rules import check_plan
from legday.services import Logbook
from legday.store.mapping import LOGGED_RUN
from legday.store.tables import PlannedSessionRow, PlanVersionRow
from legday.store.uow import Database

NOW = datetime(2027, 1, 4, 7, 30)
START = date(2027, 1, 4)  # a Monday


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.mark.parametrize("seed", [0, 3])
def test_a_stored_plan_comes_back_equal(
    database: Database, catalogue: Catalogue, seed: int
) -> None:
    profile, runs = random_athlete(random.Random(seed), weeks=16)
    profile = replace(profile, timezone="Europe/Berlin", dominant_leg="left", age=51)
    done = [StrengthDay(START + timedelta(days=1), frozenset({"goblet-squat"}))]
    plan = make_plan(profile, runs, catalogue, done=done)
    assert plan.strength_days and any(s.music for s in plan.sessions)
    with database.uow() as uow:
        athlete = uow.repo.add_athlete("sam", NOW)
        uow.repo.add_plan_version(athlete.id, plan, START, "first plan", NOW)
        uow.commit()
    with database.uow() as uow:
        (version,) = uow.repo.plan_versions(athlete.id)
    assert version.plan == plan
    # nothing the planner did not see: no new `enjoyment` or `one-legged` findings
    assert list(check_plan(version.plan, catalogue)) == list(plan.violations)
    assert plan_to_json(version.plan) == plan_to_json(plan)  # `plan --format json`, same


def test_a_version_stored_before_the_codec_still_loads(database: Database) -> None:
    """The shape of release 0.x: weeks by `phase`, violations by `day`, a logged session
    as a run, sessions as rows of warm-up, main and cool-down only."""
    document = {
        "weeks": [{"start": "2027-01-04", "phase": "base", "note": "base", "target": 2}],
        "runs": [
            {
                "day": day, "title": title, "kind": kind, "start": None, "end": None,
                "minutes": None, "is_strength": strength, "reason": "", "source": "",
                "confidence": 1.0, "priority": None, "busy": False,
            }
            for day, title, kind, strength in [
                ("2027-01-05", "Intervals", "hard", False),
                ("2027-01-04", LOGGED_RUN, "easy", True),
            ]
        ],
        "violations": [{"rule": "spacing", "day": "2027-01-07", "message": "close", "hard": False}],
        "recovery_every": 4,
        "injuries": [],
        "races": [],
        "race_days": [],
    }  # fmt: skip
    body = {
        "warmup": [{"exercise": "jog", "minutes": 5}],
        "main": [{"exercise": "goblet-squat", "sets": 3, "reps": 8, "muscles": ["quads"]}],
        "cooldown": [{"exercise": "quad-stretch", "seconds": 30}],
    }
    with database.uow() as uow:
        athlete = uow.repo.add_athlete("sam", NOW)
        uow.commit()
    with Session(database.engine) as session:
        row = PlanVersionRow(
            athlete_id=athlete.id, number=1, valid_from=START, start=START,
            end=START + timedelta(days=6), reason="first plan", created_at=NOW, document=document,
        )  # fmt: skip
        session.add(row)
        session.flush()
        session.add(
            PlannedSessionRow(
                athlete_id=athlete.id, plan_version_id=row.id, day=START + timedelta(days=3),
                start_time=None, minutes=40, phase="base", why="old", body=body,
            )
        )  # fmt: skip
        session.commit()
    with database.uow() as uow:
        (version,) = uow.repo.plan_versions(athlete.id)
    plan = version.plan
    assert [w.phase.value for w in plan.weeks] == ["base"]
    assert [(v.rule, v.day) for v in plan.violations] == [("spacing", date(2027, 1, 7))]
    assert [r.title for r in plan.runs] == ["Intervals"]  # the logged session is no run
    assert plan.strength_days == (StrengthDay(START),)
    (session,) = plan.sessions
    assert (session.why, session.main[0].exercise, session.music) == ("old", "goblet-squat", "")


def test_a_logged_session_counts_toward_its_week_and_is_never_a_run(
    logbook: Logbook, calendar: Path
) -> None:
    profile = Profile(
        start=START,
        weeks=4,
        sessions=2,
        equipment=frozenset({Equipment.BODYWEIGHT, Equipment.WALL, Equipment.DUMBBELLS}),
        level=Level.INTERMEDIATE,
        timezone="Europe/Berlin",
    )
    logbook.add_athlete("sam", profile, [str(calendar)], START)
    first = logbook.versions("sam")[0].plan
    trained = first.sessions[0]
    assert trained.day < START + timedelta(days=7)  # a session of the first week
    logbook.log("sam", [SetLog(p.exercise, trained.day, reps=8, rpe=7) for p in trained.main])
    today = trained.day + timedelta(days=1)
    assert logbook.sync("sam", today, force=True) == 2
    plan = logbook.versions("sam")[-1].plan
    assert plan.strength_days == (StrengthDay(trained.day, trained.exercise_ids),)
    assert not any(r.is_strength for r in plan.runs)
    first_week = [s for s in plan.sessions if s.day < START + timedelta(days=7)]
    # the week aims at two: the logged one and one more, never two more
    assert len(first_week) == 1 and first_week[0].day > today - timedelta(days=1)
    assert not [v for v in plan.violations if v.rule == "frequency" and v.day == START]
    data = plan_to_json(plan)
    text = json.dumps(data)
    assert LOGGED_RUN not in text
    (day,) = [d for d in data["days"] if d["date"] == trained.day.isoformat()]
    assert day["logged"] == [{"exercises": sorted(trained.exercise_ids)}]
    assert day["runs"] == [r for r in day["runs"] if not r["strength"]] and day["strength"] == []
    assert data["timezone"] == "Europe/Berlin"
