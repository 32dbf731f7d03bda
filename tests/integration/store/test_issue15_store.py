"""Issue 15 on both stores: owners, calendars as content, a unique set order under
concurrent writers, a fixed number of statements per read, bounded reads for `today`,
the one-SELECT schema check and the 0005 -> 0006 upgrade."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import IntegrityError

from legday.errors import InputError, StoreError
from legday.model import Profile
from legday.progression import SetLog, next_prescription, pain_flags
from legday.services import Logbook
from legday.store.migrate import upgrade
from legday.store.ports import AbstractRepository
from legday.store.schema import HEAD, check_schema, stored_revision
from legday.store.uow import Database, make_engine
from thorough import is_thorough

START = date(2027, 1, 4)
NOW = datetime(2027, 1, 1)
# A long history for the reads that must not grow with it: logged day by day, it was most
# of this module's time. The dev profile logs half as many days, still well past the 60
# days and the pain flags `today` looks back over; the ci profile all of them.
LONG = 1.0 if is_thorough() else 0.5


@contextmanager
def counted(engine: Engine) -> Iterator[list[str]]:
    """Every statement the engine sends while inside."""
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "SAVEPOINT", "RELEASE")):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def _add(logbook: Logbook, calendar: Path, name: str = "sam") -> None:
    logbook.add_athlete(name, Profile(start=START, weeks=6), [str(calendar)], START)


# --- owners ------------------------------------------------------------------------------


def test_names_are_unique_per_owner_not_across_owners(database: Database) -> None:
    with database.uow() as uow:
        mine = uow.repo.add_athlete("sam", NOW)
        theirs = uow.repo.add_athlete("sam", NOW, owner="coach@example.com")
        uow.commit()
    assert mine.id != theirs.id and mine.owner_id != theirs.owner_id
    with database.uow() as uow:
        assert uow.repo.get_athlete("sam") == mine
        assert uow.repo.get_athlete("sam", "coach@example.com") == theirs
        assert [a.name for a in uow.repo.list_athletes("nobody")] == []
        with pytest.raises(InputError, match="already exists"):
            uow.repo.add_athlete("sam", NOW)


# --- calendars as content ----------------------------------------------------------------


def test_a_calendar_is_kept_as_content_and_sync_reads_the_stored_copy(
    logbook: Logbook, database: Database, calendar: Path
) -> None:
    _add(logbook, calendar)
    data = calendar.read_bytes()
    with database.uow() as uow:
        (source,) = uow.repo.calendar_sources(1)
    assert source.name == "runs.csv" and source.url is None and source.content == data
    assert source.content_hash == hashlib.sha256(data).hexdigest()
    with database.engine.connect() as c:
        stored = " ".join(str(v) for v in c.execute(text("SELECT * FROM calendar_sources")).one())
    assert str(calendar.parent) not in stored  # no path of this machine is kept
    calendar.unlink()  # the logbook no longer needs the file
    assert logbook.sync("sam", START) is None
    assert logbook.sync("sam", START, force=True) == 2


def test_sync_takes_a_new_copy_of_a_file_given_by_name(
    logbook: Logbook, database: Database, calendar: Path
) -> None:
    _add(logbook, calendar)
    calendar.write_text(calendar.read_text() + "2027-01-26,Hills again,hard\n")
    assert logbook.sync("sam", START) is None  # the stored copy has not changed
    assert logbook.sync("sam", START, files=[str(calendar)]) == 2
    assert logbook.versions("sam")[-1].reason == "calendar changed: runs.csv"
    assert any(r.title == "Hills again" for r in logbook.versions("sam")[-1].plan.runs)


# --- the order of sets -------------------------------------------------------------------


def test_the_seq_of_a_session_is_unique(database: Database) -> None:
    with database.uow() as uow:
        athlete = uow.repo.add_athlete("sam", NOW)
        uow.repo.add_sets(athlete.id, [SetLog("goblet-squat", START, reps=8)] * 2, NOW)
        uow.commit()
    with pytest.raises(IntegrityError), database.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO set_logs (athlete_id, performed_session_id, seq, exercise, day,"
                " side, form_ok, pain, note, logged_at) SELECT athlete_id,"
                " performed_session_id, seq, exercise, day, side, form_ok, pain, note,"
                " logged_at FROM set_logs WHERE seq = 2"
            )
        )


def test_concurrent_writers_of_one_day_never_share_a_seq(database: Database) -> None:
    with database.uow() as uow:
        athlete = uow.repo.add_athlete("sam", NOW).id
        uow.commit()
    errors: list[BaseException] = []
    gate = threading.Barrier(6)

    def write(n: int) -> None:
        try:
            gate.wait()
            for _ in range(5):
                with database.uow() as uow:
                    uow.repo.add_sets(athlete, [SetLog("goblet-squat", START, reps=n)] * 3, NOW)
                    uow.commit()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n + 1,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with database.engine.connect() as c:
        seqs = sorted(c.execute(text("SELECT seq FROM set_logs")).scalars())
    assert seqs == list(range(1, 6 * 5 * 3 + 1))


# --- statements per read -----------------------------------------------------------------


def test_plan_versions_and_performed_take_a_fixed_number_of_statements(
    logbook: Logbook, database: Database, calendar: Path
) -> None:
    _add(logbook, calendar)
    counts = []
    for round_ in range(3):
        day = START + timedelta(days=7 * round_)
        logbook.log(
            "sam", [SetLog("goblet-squat", day + timedelta(days=d), reps=8) for d in (0, 1)]
        )
        logbook.sync("sam", day, force=True)
        with database.uow() as uow, counted(database.engine) as seen:
            versions = uow.repo.plan_versions(1)
            performed = uow.repo.performed(1, START, START + timedelta(weeks=6))
        counts.append(len(seen))
        assert len(versions) == round_ + 2 and len(performed) == 2 * (round_ + 1)
    assert counts[0] == counts[1] == counts[2] == 4


def test_today_reads_as_many_statements_whatever_the_history(
    logbook: Logbook, database: Database, calendar: Path
) -> None:
    _add(logbook, calendar)
    (session, *_) = logbook.versions("sam")[0].plan.sessions
    exercise = session.main[0].exercise
    counts = []
    for weeks in (4, round(40 * LONG)):
        early = [
            SetLog(exercise, START - timedelta(days=d), reps=8, rpe=7.0, pain=5 if d == 3 else 0)
            for d in range(1, 7 * weeks, 2)
        ]
        logbook.log("sam", early)
        with counted(database.engine) as seen:
            logbook.today("sam", session.day)
        counts.append(len(seen))
    assert counts[0] == counts[1]


# Each statement is a round trip to PostgreSQL (its CPU and the server's parse and plan):
# `today` and `log` are asked many times a day, so their counts are pinned.
TODAY_READS = (
    "the athlete and its profile",
    "the versions valid by the end of the three weeks ahead",
    "the sessions in force in those weeks",
    "the plan versions of the day (in force and latest)",
    "the days logged in the last 60 days",
    "the last days of each exercise the session may become",
    "their sets, the painful sets of those days and the sets that raise a pain flag",
    "the day each flag cleared",
    "the sets of the days that cleared a flag",
    "the care routines logged",
    "the day overrides",
)
LOG_STATEMENTS = (
    "the athlete",
    "its lock (the UPDATE of its revision)",
    "the latest plan version, as seen under the lock",
    "the day's performed session, locked",
    "the day's next set number",
)


def test_today_reads_in_a_fixed_small_number_of_statements(
    logbook: Logbook, database: Database, calendar: Path
) -> None:
    """Every branch of the read: a pain flag raised and cleared within the days looked
    at (so the clearing day's sets are read too), and a session done in the last weeks."""
    _add(logbook, calendar)
    (session, *_) = logbook.versions("sam")[0].plan.sessions
    exercise = session.main[0].exercise
    logbook.log(
        "sam",
        [
            SetLog(exercise, session.day - timedelta(days=d), reps=8, rpe=7.0, pain=5 * (d == 6))
            for d in range(20, 0, -2)
        ],
    )
    with counted(database.engine) as seen:
        view = logbook.today("sam", session.day)
    assert view.advice == ()  # the flag raised 6 days before cleared 4 days before
    # (SQLite switches `query_only` on when the pooled connection last wrote: in process)
    reads = [s for s in seen if not s.lstrip().upper().startswith("PRAGMA")]
    assert len(reads) == len(TODAY_READS), "\n---\n".join(reads)


def test_the_reads_joined_for_a_day_answer_as_the_separate_ones(
    logbook: Logbook, database: Database, calendar: Path
) -> None:
    """`athlete_with_profile` and `exposures_and_pain` (one round trip each) against the
    port's own answers from the separate reads."""
    _add(logbook, calendar)
    (session, *_) = logbook.versions("sam")[0].plan.sessions
    main = [p.exercise for p in session.main]
    logbook.log(
        "sam",
        [
            SetLog(e, session.day - timedelta(days=d), reps=8, rpe=7.0, pain=(d * i) % 7)
            for d in range(30, 0, -3)
            for i, e in enumerate([*main, "goblet-squat"])
        ],
    )
    until = session.day - timedelta(days=1)
    with database.uow().reading() as uow:
        repo = uow.repo
        assert repo.athlete_with_profile("sam") == AbstractRepository.athlete_with_profile(
            repo, "sam"
        )
        assert repo.athlete_with_profile("nobody") is None
        for exercises, count in ((main, 3), (main[:1], 8), ([], 8), (main, 0)):
            joined = repo.exposures_and_pain(1, exercises, count, until, 4, 5)
            apart = AbstractRepository.exposures_and_pain(repo, 1, exercises, count, until, 4, 5)
            assert joined == apart
        assert joined[1] and all(s.pain >= 4 for s in joined[1])


def test_a_log_writes_in_a_fixed_small_number_of_statements(
    logbook: Logbook, database: Database, calendar: Path
) -> None:
    _add(logbook, calendar)
    sets = [SetLog("goblet-squat", START, reps=8, rpe=7.0)] * 3
    logbook.log("sam", sets)  # the day's performed session exists from now on
    with counted(database.engine) as seen:
        logbook.log("sam", sets)
    inserts = [s for s in seen if s.lstrip().upper().startswith("INSERT")]
    others = [s for s in seen if s not in inserts and not s.lstrip().upper().startswith("PRAGMA")]
    assert len(others) == len(LOG_STATEMENTS), "\n---\n".join(others)
    # PostgreSQL inserts the sets in one statement; SQLite one by one (in process)
    assert len(inserts) == (1 if database.engine.dialect.name == "postgresql" else len(sets))


# --- today reads what progression needs, and decides as from the whole history -----------


def test_today_decides_as_the_whole_history_would(
    logbook: Logbook, database: Database, calendar: Path
) -> None:
    _add(logbook, calendar)
    sessions = logbook.versions("sam")[0].plan.sessions
    session = sessions[1]
    main = [p.exercise for p in session.main]
    others = [e.id for e in logbook.catalogue if e.id not in main][:6]
    logged = []
    days = round(200 * LONG)
    for d in range(days, 0, -1):  # days before the session, with pain now and then
        day = session.day - timedelta(days=d)
        for i, exercise in enumerate([*main, *others][d % 5 :: 3]):
            pain = 5 if (d % 37 == 0 or d == 1) and i == 0 else (2 if d % 23 == 0 else 0)
            rpe = 6.0 if d % 4 else 8.0
            reps = 8 + (days - d) // 40
            logged += [
                SetLog(exercise, day, reps=reps, load_kg=10.0 + d % 3, rpe=rpe, pain=pain)
            ] * 3
    logbook.log("sam", logged)
    view = logbook.today("sam", session.day)
    with database.uow() as uow:
        everything = uow.repo.set_logs(1, until=session.day)
        kit_profile = uow.repo.get_profile(1)
        last = uow.repo.last_done(1, session.day)
        recent = uow.repo.performed(1, session.day - timedelta(days=60), session.day)
    assert kit_profile is not None and last is not None
    flags = pain_flags(everything, logbook.catalogue, session.day)
    assert flags  # the pain of the day before stands
    assert view.advice[: len(flags)] == tuple(f.advice for f in flags)
    assert len({c.reason for c in view.changes}) > 1
    from legday.kit import kit_of

    for p, change in zip(session.main, view.changes, strict=True):
        full = next_prescription(
            p,
            [s for s in everything if s.day < session.day],
            logbook.catalogue,
            today=session.day,
            weeks_off=max(0, ((session.day - last).days - 1) // 7),
            missed=any(x.status == "skipped" and x.day > last for x in recent),
            kit=kit_of(kit_profile),
            last_logged=last,
        )
        assert change == full


def test_the_export_decides_as_the_whole_history_would(
    logbook: Logbook, database: Database, calendar: Path
) -> None:
    """`current_plan` reads what `today` reads for every session to come, not every set."""
    _add(logbook, calendar)
    sessions = logbook.versions("sam")[0].plan.sessions
    upcoming = sessions[1]
    main = sorted({p.exercise for s in sessions for p in s.main})
    logged = []
    days = round(200 * LONG)
    for d in range(days, 0, -1):  # days before the next session, with pain now and then
        day = upcoming.day - timedelta(days=d)
        for i, exercise in enumerate(main[d % 5 :: 3]):
            pain = 5 if (d % 37 == 0 or d == 1) and i == 0 else (2 if d % 23 == 0 else 0)
            rpe = 6.0 if d % 4 else 8.0
            reps = 8 + (days - d) // 40
            logged += [
                SetLog(exercise, day, reps=reps, load_kg=10.0 + d % 3, rpe=rpe, pain=pain)
            ] * 3
    logbook.log("sam", logged)
    plan = logbook.current_plan("sam", upcoming.day)
    with database.uow() as uow:
        everything = uow.repo.set_logs(1, until=upcoming.day - timedelta(days=1))
        profile = uow.repo.get_profile(1)
        last = uow.repo.last_done(1, upcoming.day)
    assert profile is not None and last is not None
    from legday.kit import kit_of

    due = [s for s in plan.sessions if s.day >= upcoming.day]
    planned = {s.day: s for s in sessions}
    assert len(due) > 3
    for session in due:
        for p, shown in zip(planned[session.day].main, session.main, strict=True):
            full = next_prescription(
                p,
                everything,
                logbook.catalogue,
                today=upcoming.day,
                weeks_off=max(0, ((upcoming.day - last).days - 1) // 7),
                kit=kit_of(profile),
                last_logged=last,
            )
            assert shown == full.prescription


def test_the_export_reads_as_many_statements_whatever_the_history_and_versions(
    logbook: Logbook, database: Database, calendar: Path
) -> None:
    _add(logbook, calendar)
    (session, *_) = logbook.versions("sam")[0].plan.sessions
    counts = []
    for weeks in (2, round(30 * LONG)):
        logbook.log(
            "sam",
            [
                SetLog(p.exercise, START - timedelta(days=d), reps=8, rpe=7.0)
                for d in range(1, 7 * weeks)
                for p in session.main
            ],
        )
        for _ in range(3):  # re-plans: more versions to pass over
            logbook.sync("sam", START, force=True)
        with counted(database.engine) as seen:
            logbook.current_plan("sam", START)
        counts.append(len(seen))
    assert counts[0] == counts[1]
    with database.uow() as uow:
        latest = uow.repo.latest_version(1)
        assert latest == uow.repo.plan_versions(1)[-1]
        assert uow.repo.latest_version(99) is None


# --- the schema check --------------------------------------------------------------------


def test_a_new_store_is_created_on_first_use_and_an_old_one_is_refused(db_url: str) -> None:
    engine = make_engine(db_url)
    assert stored_revision(engine) is None
    check_schema(engine)  # a new store: created
    assert stored_revision(engine) == HEAD
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '0005'"))
    with pytest.raises(StoreError, match=r"schema '0005'.*run `legday db upgrade`"):
        check_schema(engine)
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(StoreError, match="newer than this legday knows"):
        check_schema(engine)
    engine.dispose()


def test_head_matches_the_migrations() -> None:
    from legday.store.migrate import head

    assert head() == HEAD


def test_a_command_on_a_current_store_never_imports_alembic_or_the_other_dialect(
    db_url: str, tmp_path: Path
) -> None:
    """Alembic is for upgrades only; and SQLAlchemy's dialect of the other backend (the
    PostgreSQL one is about a fifteenth of a SQLite command's start) is never loaded."""
    engine = make_engine(db_url)
    upgrade(engine)
    other = "postgresql" if engine.dialect.name == "sqlite" else "sqlite"
    engine.dispose()
    script = (
        "import sys\n"
        "from legday.bootstrap import open_logbook\n"
        f"with open_logbook({db_url!r}) as (book, db):\n"
        "    book.athletes()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'"
        f" or m.startswith('sqlalchemy.dialects.{other}')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# --- 0005 -> 0006 ------------------------------------------------------------------------


def test_upgrading_0005_keeps_athletes_and_moves_calendars_into_the_store(
    db_url: str, tmp_path: Path, calendar: Path
) -> None:
    engine = make_engine(db_url)
    upgrade(engine, "0005")
    gone = tmp_path / "gone.csv"
    feed = "https://example.com/cal/private-abcdef0123456789/basic.ics?token=s3cr3t"
    with engine.begin() as c:
        for name in ("sam", "kim"):
            c.execute(
                text("INSERT INTO athletes (name, created_at) VALUES (:n, '2026-01-01')"),
                {"n": name},
            )
        for path in (str(calendar), str(gone), feed, str(tmp_path / "b" / "runs.csv")):
            c.execute(
                text(
                    "INSERT INTO calendar_sources (athlete_id, path, content_hash, synced_at)"
                    " VALUES (1, :p, 'old', '2026-01-02')"
                ),
                {"p": path},
            )
        c.execute(
            text(
                "INSERT INTO performed_sessions (athlete_id, day, status, note, created_at)"
                " VALUES (1, '2026-01-02', 'done', '', '2026-01-02')"
            )
        )
        for reps in (8, 9, 10):  # two writers of an older release took seq 1 twice
            c.execute(
                text(
                    "INSERT INTO set_logs (athlete_id, performed_session_id, seq, exercise, day,"
                    " side, reps, form_ok, pain, note, logged_at) VALUES (1, 1, :seq,"
                    " 'goblet-squat', '2026-01-02', 'both', :reps, true, 0, '', '2026-01-02')"
                ),
                {"seq": 1 if reps < 10 else 2, "reps": reps},
            )
    upgrade(engine)
    db = Database(db_url, engine)
    with db.uow() as uow:
        assert [a.name for a in uow.repo.list_athletes()] == ["kim", "sam"]
        sources = uow.repo.calendar_sources(1)
        assert [s.sets for s in uow.repo.performed(1, date(2026, 1, 2), date(2026, 1, 2))] == [
            tuple(SetLog("goblet-squat", date(2026, 1, 2), reps=r) for r in (8, 9, 10))
        ]
        assert uow.repo.add_athlete("lee", NOW).owner_id == uow.repo.get_athlete("sam").owner_id  # type: ignore[union-attr]
    here, missing, subscribed, second = sources
    assert (here.name, here.content, here.content_hash, here.note) == (
        "runs.csv",
        calendar.read_bytes(),
        "old",  # the plan in force was made from the old hash: the next sync re-plans
        "",
    )
    assert missing.content is None and "gone.csv could not be read" in missing.note
    assert subscribed.url == feed and "s3cr3t" not in subscribed.name
    assert subscribed.content is None and "next sync" in subscribed.note
    assert second.name == "runs.csv (2)" and second.content is None
    with engine.connect() as c:
        seqs = c.execute(text("SELECT seq FROM set_logs ORDER BY id")).scalars().all()
    assert seqs == [1, 2, 3]
    engine.dispose()


def test_a_backup_of_0005_restores_with_a_local_owner(
    database: Database, calendar: Path, tmp_path: Path
) -> None:
    from legday.store.backup import dump, restore

    old = {
        "format": "legday.backup/1",
        "revision": "0005",
        "created": "2026-01-01T00:00:00",
        "tables": {
            "athletes": [{"id": 1, "name": "sam", "created_at": "2026-01-01T00:00:00"}],
            "calendar_sources": [
                {"id": 1, "athlete_id": 1, "path": str(calendar), "content_hash": "0" * 64,
                 "synced_at": "2026-01-01T00:00:00"},
            ],
        },
    }  # fmt: skip
    restore(database.engine, old)
    with database.uow() as uow:
        athlete = uow.repo.get_athlete("sam")
        assert athlete is not None
        (source,) = uow.repo.calendar_sources(athlete.id)
    assert source.content == calendar.read_bytes()
    again = dump(database.engine)
    assert again["tables"]["users"][0]["handle"] == "local"
    target = Database(f"sqlite:///{tmp_path / 'copy.db'}")
    restore(target.engine, again)
    assert dump(target.engine)["tables"] == again["tables"]
    target.dispose()


# --- `legday db upgrade` -----------------------------------------------------------------


def test_db_upgrade_is_the_deploy_step(
    cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from legday.cli import main

    for key in ("LEGDAY_DATABASE_URL", "LEGDAY_CONFIG_DIR", "LEGDAY_TODAY"):
        monkeypatch.setenv(key, cli_env[key])
    engine = make_engine(cli_env["LEGDAY_DATABASE_URL"])
    upgrade(engine, "0005")
    assert main(["athlete", "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "schema '0005'" in err and "run `legday db upgrade`" in err
    assert main(["db", "upgrade"]) == 0
    assert f"from schema 0005 to {HEAD}" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert "nothing to do" in capsys.readouterr().out
    assert main(["athlete", "list"]) == 0
    engine.dispose()


def test_0006_on_sqlite_refuses_to_run_with_foreign_keys_on(tmp_path: Path) -> None:
    from alembic import command

    from legday.store.migrate import alembic_config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0005")
    with engine.begin() as c:
        c.execute(text("INSERT INTO athletes (name, created_at) VALUES ('sam', '2026-01-01')"))
    with pytest.raises(RuntimeError, match="foreign keys must be off"), engine.begin() as c:
        command.upgrade(alembic_config(c), "head")  # not through legday.store.migrate
    upgrade(engine)
    with engine.connect() as c:
        assert c.execute(text("SELECT name FROM athletes")).scalar_one() == "sam"
    engine.dispose()


def test_the_schema_check_does_not_wait_for_a_sqlite_writer(tmp_path: Path) -> None:
    import sqlite3
    import time

    engine = make_engine(f"sqlite:///{tmp_path / 'busy.db'}")
    upgrade(engine)
    writer = sqlite3.connect(tmp_path / "busy.db", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a `log` in the middle of its transaction
    try:
        began = time.monotonic()
        check_schema(engine)
        assert time.monotonic() - began < 5  # not the 30 s busy timeout
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        engine.dispose()
