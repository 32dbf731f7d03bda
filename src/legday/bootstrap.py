"""The composition root: the one place that picks the adapters and wires the services.

    planning()          -> Planning: plan, check, runs, export of a plan file
    catalogue()         -> the exercises (`legday exercises`)
    open_logbook(url)   -> Logbook (and its Database): athletes, sync, today, log, skip,
                           move, weather, history, progress, export of the logbook's plan
    open_maintenance()  -> Maintenance: db upgrade, backup, restore
    today()             -> the clock: `LEGDAY_TODAY=YYYY-MM-DD` pins it for scripts and tests

The real adapters: the database at `LEGDAY_DATABASE_URL` (else a SQLite file in the
user's data directory), the bundled catalogue, the planner, the calendar readers (files
and feeds) and the export formats of `legday.exports.formats`. The CLI (and the web app
to come) take their services from here; tests build the services with fakes instead.

Every adapter is imported inside the function that needs it, so a command loads only what
it uses: `legday today` never imports the planner, `legday plan` never SQLAlchemy.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from legday.errors import StoreError

if TYPE_CHECKING:
    from legday.calendars import Calendar
    from legday.calendars.overrides import KindOverrides
    from legday.catalogue import Catalogue
    from legday.maintenance import Maintenance
    from legday.model import Plan, Profile, Run
    from legday.planning import Planning
    from legday.services import Logbook
    from legday.store.ports import CalendarSource
    from legday.store.uow import Database

__all__ = [
    "KINDS_SUFFIX",
    "catalogue",
    "fetch_feeds_once",
    "open_database",
    "open_logbook",
    "open_maintenance",
    "planning",
    "read_stored_runs",
    "today",
    "warm_up",
]


# --- the clock -------------------------------------------------------------------------


def today() -> date:
    """Today, or the day `LEGDAY_TODAY` pins."""
    from legday.profiles import parse_date

    return parse_date(os.environ.get("LEGDAY_TODAY") or date.today().isoformat(), "LEGDAY_TODAY")


# --- a process that serves many commands ------------------------------------------------


# What the commands import on their way (the adapters and the libraries they call): all
# of it, for a process that serves any of them.
WARM_MODULES = (
    "legday.calendars.cache",
    "legday.calendars.classifier",
    "legday.calendars.csv_reader",
    "legday.calendars.feeds",
    "legday.calendars.ics",
    "legday.exports.formats",
    "legday.exports.jsontext",
    "legday.exports.markdown",
    "legday.exports.printout",
    "legday.maintenance",
    "legday.pictures.svg",
    "legday.planner",
    "legday.planning",
    "legday.profiles",
    "legday.services",
    "legday.store.schema",
    "legday.store.uow",
    "platformdirs",
    "rich.console",
    "rich.table",
    "statistics",
)


def warm_up() -> None:
    """Import the adapters the commands use and load the catalogue, once: for the warm
    worker (`legday daemon`), which then answers each command without these imports. A
    cold command imports only what it needs instead (see the module's docstring). From
    here on, each database address's engine is kept between commands (`_keep`)."""
    global _kept
    import importlib

    from legday.care.loader import load_protocols

    for name in WARM_MODULES:
        importlib.import_module(name)
    load_protocols(catalogue())
    _load_driver()
    if _kept is None:
        _kept = {}


def _load_driver() -> None:
    """The database driver of the configured address (SQLite's or psycopg), without
    connecting; an address that does not parse is left for the command to report."""
    from sqlalchemy.engine import make_url

    from legday.store.uow import default_url

    try:
        make_url(default_url()).get_dialect().import_dbapi()
    except Exception:  # any address problem: the first command says it in one line
        return


# --- the core and the file adapters ------------------------------------------------------


def catalogue() -> Catalogue:
    """The bundled exercise catalogue (loaded once a process)."""
    from legday.catalogue.loader import load_catalogue

    return load_catalogue()


def _make_plan(*args: Any, **kwargs: Any) -> Plan:
    """The planner, imported when a command plans (`today` and `log` never do)."""
    from legday.planner import make_plan

    return make_plan(*args, **kwargs)


def _read_runs(paths: Sequence[Path | str], start: date, end: date, **options: Any) -> list[Run]:
    from legday.calendars import read_runs

    return read_runs(paths, start, end, **options)


def _read_calendar(path: Path | str, start: date, end: date, **options: Any) -> Calendar:
    from legday.calendars import read_calendar

    return read_calendar(path, start, end, **options)


def _calendar_span(path: str) -> tuple[date, date]:
    from legday.calendars import calendar_span

    return calendar_span(path)


def _read_upload(name: str, data: bytes, start: date, end: date, **options: Any) -> Calendar:
    from legday.calendars import read_calendar_content

    return read_calendar_content(name, data, start, end, **options)


def _upload_span(name: str, data: bytes) -> tuple[date, date]:
    from legday.calendars import content_span

    return content_span(name, data)


def _read_overrides(path: Path) -> KindOverrides:
    from legday.calendars import read_overrides

    return read_overrides(path)


def _read_plan(path: Path) -> Plan:
    from legday.exports.plan_json import read_plan_file

    return read_plan_file(path)


def read_stored_runs(sources: Sequence[CalendarSource], profile: Profile) -> list[Run]:
    """The runs of the stored calendars in the profile's horizon. A stored file named
    `*.kinds.toml` is no calendar but the runner's override file (the onboarding page's
    corrections): every calendar is read with it, as `legday plan --kinds` reads them."""
    from legday.calendars import read_content
    from legday.planner import calendar_window

    start, end = calendar_window(profile)
    overrides = _stored_overrides(sources)
    found: list[Run] = []
    for s in sources:
        if s.content is not None and not s.name.endswith(KINDS_SUFFIX):
            found += read_content(
                s.name,
                s.content,
                start,
                end,
                tz=profile.timezone,
                url=s.url,
                overrides=overrides,
            )
    return found


KINDS_SUFFIX = ".kinds.toml"


def _stored_overrides(sources: Sequence[CalendarSource]) -> KindOverrides | None:
    """The override file kept with the calendars (the latest stored, if several)."""
    kept = [s for s in sources if s.name.endswith(KINDS_SUFFIX) and s.content is not None]
    if not kept:
        return None
    from legday.calendars.overrides import overrides_of

    latest = max(kept, key=lambda s: s.fetched_at)
    return overrides_of(Path(latest.name), latest.content or b"")


def fetch_feeds_once() -> None:
    """From here on in this context (a web request) each feed is fetched once and its
    bytes passed to every later reader (`calendars.feeds.fetch_once_from_here`)."""
    from legday.calendars.feeds import fetch_once_from_here

    fetch_once_from_here()


def planning() -> Planning:
    """Plan, check, runs and export, over the real catalogue, planner and files."""
    from legday.exports.formats import FORMATS
    from legday.planning import Planning

    return Planning(
        catalogue=catalogue,
        make_plan=_make_plan,
        read_runs=_read_runs,
        read_calendar=_read_calendar,
        calendar_span=_calendar_span,
        read_overrides=_read_overrides,
        read_plan=_read_plan,
        exports=FORMATS,
        read_upload=_read_upload,
        upload_span=_upload_span,
    )


# --- the database ------------------------------------------------------------------------


def open_database(url: str | None = None, *, must_exist: bool = False) -> Database:
    """The logbook's database: `url`, else `LEGDAY_DATABASE_URL`, else the default file;
    a bad address is one line naming where it came from, its password hidden. With
    `must_exist`, a SQLite file that is not there is that line too, and is not made."""
    from sqlalchemy.exc import SQLAlchemyError

    from legday.redaction import redact
    from legday.store.uow import Database, default_url

    target = url or default_url()
    where = "database URL" if url else "LEGDAY_DATABASE_URL"
    try:
        _refuse_memory(target, where)
        if must_exist:
            _require_file(target, where)
        if _kept is None:
            return Database(target)
        return _keep(target)
    except (SQLAlchemyError, ValueError, ImportError, OSError) as error:
        problem = (str(error).splitlines() or [type(error).__name__])[0]
        raise StoreError(redact(f"{where}: cannot open {target!r}: {problem}")) from None


# In a process that serves many commands (`warm_up`), each address's Database, newest
# last: its engine keeps the statements it compiled (per engine, in SQLAlchemy: compiling
# them again was half of a warm `today`). Every command still ends with `dispose`, which
# closes the connections, so each command connects afresh as a cold one does.
_kept: dict[str, Database] | None = None
KEPT_DATABASES = 8


def _keep(target: str) -> Database:
    from legday.store.uow import Database

    assert _kept is not None
    found = _kept.pop(target, None)
    if found is None:
        found = Database(target)
        while len(_kept) >= KEPT_DATABASES:
            _kept.pop(next(iter(_kept))).dispose()
    else:
        found.reuse()
    _kept[target] = found
    return found


def _require_file(url: str, where: str) -> None:
    """A command that only reads the logbook (a backup) must not make an empty one where
    a mistyped address points, and then report success."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").is_file():
        raise StoreError(f"{where}: no logbook at {parsed.database}; check the address")


def _refuse_memory(url: str, where: str) -> None:
    """An in-memory SQLite database forgets everything when the command ends: an athlete
    "added" to it is gone at once, so it is no logbook."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return
    name = parsed.database or ""
    memory = name in ("", ":memory:") or name.startswith("file::memory:")
    if memory or parsed.query.get("mode") == "memory":
        raise StoreError(
            f"{where}: {url!r} is an in-memory database, forgotten when the command ends; "
            "give a file, e.g. sqlite:////home/you/legday.db"
        )


@contextmanager
def _opened(url: str | None, *, check: bool, must_exist: bool = False) -> Iterator[Database]:
    """The database for one command, disposed of at its end; a database error is one line
    (a driver may quote the connection string it was given, password and all: redacted).
    With `check`, the schema is checked with one SELECT (and a new store created)."""
    from sqlalchemy.exc import SQLAlchemyError

    from legday.redaction import redact

    db = open_database(url, must_exist=must_exist)
    try:
        if check:
            from legday.store.schema import check_schema

            check_schema(db.engine, create=not must_exist)
        yield db
    except SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error
        raise StoreError(redact(f"database: {(str(cause).splitlines() or [''])[0]}")) from None
    finally:
        db.dispose()


@contextmanager
def open_logbook(url: str | None = None) -> Iterator[tuple[Logbook, Database]]:
    """The logbook's use cases over the real database, catalogue, planner and calendars
    (the database too: the CLI keys the current athlete by its address)."""
    from legday.services import Logbook

    with _opened(url, check=True) as db:
        yield (
            Logbook(db.uow, catalogue(), _make_plan, read_stored_runs, lookup=db.athlete_by_id),
            db,
        )


@contextmanager
def open_maintenance(
    url: str | None = None, *, check: bool = True, must_exist: bool = False
) -> Iterator[Maintenance]:
    """Upgrade, backup and restore; `check=False` for the upgrade itself, `must_exist` for
    a backup (of a logbook that is there, never a new empty one)."""
    from legday.maintenance import Maintenance

    with _opened(url, check=check, must_exist=must_exist) as db:
        yield Maintenance(db)
