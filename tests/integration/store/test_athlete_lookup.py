"""The athlete by id read without a unit of work (`legday.store.lookup`): the same row as
the unit of work reads, and every change committed elsewhere seen by the next read, on
SQLite and PostgreSQL. The web app keys what it keeps by the revision read here, so a read
that lagged behind a commit would serve an old page."""

from __future__ import annotations

from pathlib import Path

from legday.bootstrap import read_stored_runs
from legday.catalogue.loader import load_catalogue
from legday.model import Profile
from legday.planner import make_plan
from legday.progression import SetLog
from legday.services import Logbook
from legday.store.ports import LOCAL_USER
from legday.store.uow import Database

from .conftest import START


def _logbook(database: Database) -> Logbook:
    return Logbook(database.uow, load_catalogue(), make_plan, read_stored_runs)


def add_runner(logbook: Logbook, calendar: Path) -> int:
    """Sam, with a plan: his id."""
    added = logbook.add_athlete("Sam", Profile(start=START, weeks=4), [str(calendar)], START)
    return added.athlete_id


def test_the_lookup_reads_what_the_unit_of_work_reads(database: Database, calendar: Path) -> None:
    logbook = _logbook(database)
    athlete_id = add_runner(logbook, calendar)
    with database.uow().reading() as uow:
        expected = uow.repo.athlete_by_id(athlete_id, LOCAL_USER)
    assert expected is not None
    assert database.athlete_by_id(athlete_id, LOCAL_USER) == expected
    assert database.athlete_by_id(athlete_id + 1, LOCAL_USER) is None
    assert database.athlete_by_id(athlete_id, "someone-else") is None


def test_every_change_committed_elsewhere_is_seen_by_the_next_read(
    migrated_url: str, calendar: Path
) -> None:
    """The web app's database and another one on the same store (the CLI, a second app
    worker), each with its own connections: the lookup's connection never holds a
    snapshot that hides the other's commits."""
    web, cli = Database(migrated_url), Database(migrated_url)
    try:
        athlete_id = add_runner(_logbook(cli), calendar)
        seen = [web.athlete_by_id(athlete_id, LOCAL_USER)]
        other = _logbook(cli)
        other.log("Sam", [SetLog("goblet-squat", START, reps=8, load_kg=12.0, rpe=7.0)])
        seen.append(web.athlete_by_id(athlete_id, LOCAL_USER))
        later = max(s.day for s in other.current_plan("Sam", START).sessions)
        other.skip("Sam", later, START)
        seen.append(web.athlete_by_id(athlete_id, LOCAL_USER))
        revisions = [a.revision for a in seen if a is not None]
        assert len(revisions) == 3 and revisions[0] < revisions[1] < revisions[2]
    finally:
        web.dispose()
        cli.dispose()


def test_a_dropped_connection_is_replaced(database: Database, calendar: Path) -> None:
    athlete_id = add_runner(_logbook(database), calendar)
    lookup = database.athlete_by_id
    first = lookup(athlete_id, LOCAL_USER)
    lookup._connection.dbapi_connection.close()  # as a restarted server would drop it
    assert lookup(athlete_id, LOCAL_USER) == first
