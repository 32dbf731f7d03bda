"""The logbook remembers a feed by its address and `sync` fetches it again."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from fakes import FakeUnitOfWork, fake_catalogue
from feed_server import EXAMPLE, FeedServer, serve
from legday.bootstrap import read_stored_runs
from legday.errors import CalendarError
from legday.model import Plan, Profile
from legday.profiles import read_profile_file
from legday.services import Logbook, read_source

START = date(2027, 1, 4)
BODY = EXAMPLE.read_bytes()


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FeedServer]:
    monkeypatch.setenv("LEGDAY_CACHE_DIR", str(tmp_path / "cache"))
    with serve() as feeds:
        feeds.routes["/plan.ics"] = lambda h: h.reply(200, BODY, "text/calendar")
        yield feeds


def _plan(
    profile: Profile, runs: object, catalogue: object, *, done: object = (), care: object = None
) -> Plan:
    return Plan(profile.start, profile.end, (), tuple(runs), ())  # type: ignore[arg-type]


def test_a_feed_is_stored_as_given_and_synced(server: FeedServer) -> None:
    uow = FakeUnitOfWork()
    book = Logbook(
        lambda: uow, fake_catalogue(), _plan, read_stored_runs, now=lambda: datetime(2027, 1, 1)
    )
    url = server.url("/plan.ics?token=s3cr3t")
    book.add_athlete("sam", Profile(start=START, weeks=18), [url], START)
    (source,) = uow.repo.calendar_sources(1)
    assert source.url == url  # kept as given: sync needs the token to fetch again
    assert source.name == f"http://127.0.0.1:{server.port}/plan.ics?token=…"  # what is shown
    assert source.content == BODY
    assert source.content_hash == hashlib.sha256(BODY).hexdigest()
    assert book.versions("sam")[0].plan.runs  # the feed's runs reached the planner
    assert book.sync("sam", START) is None
    server.routes["/plan.ics"] = lambda h: h.reply(
        200, BODY.replace(b"Fartlek", b"Hill repeats"), "text/calendar"
    )
    assert book.sync("sam", START) == 2
    reason = book.versions("sam")[-1].reason
    assert reason == f"calendar changed: http://127.0.0.1:{server.port}/plan.ics?token=…"


def test_reading_an_unreachable_feed_is_a_calendar_error(server: FeedServer) -> None:
    with pytest.raises(CalendarError, match=r"/gone\.ics: HTTP 404"):
        read_source(server.url("/gone.ics"), datetime(2027, 1, 4))


def test_a_profile_keeps_a_feed_address_and_resolves_files(tmp_path: Path) -> None:
    profile = tmp_path / "sam.toml"
    profile.write_text(
        'runs = ["webcal://example.com/ical/plan.ics", "club.csv"]\nkinds = ["kinds.toml"]\n',
        encoding="utf-8",
    )
    data = read_profile_file(profile)
    assert data["runs"] == ["webcal://example.com/ical/plan.ics", str(tmp_path / "club.csv")]
    assert data["kinds"] == [str(tmp_path / "kinds.toml")]
