"""A runner's override file kept with the stored calendars (`*.kinds.toml`, made by the
onboarding page's corrections) is read with every calendar at each re-plan, and is never
read as a calendar itself."""

from __future__ import annotations

from datetime import date, datetime
from importlib.resources import files

from legday.bootstrap import KINDS_SUFFIX, read_stored_runs
from legday.model import Profile, Run, RunKind
from legday.store.ports import CalendarSource

CSV = b"date,title\n2027-01-06,Easy run 40 min\n2027-01-09,Parkrun\n"
NOW = datetime(2027, 1, 1)


def source(name: str, data: bytes, at: datetime = NOW) -> CalendarSource:
    return CalendarSource(name, data, "", at)


def kinds_on(runs: list[Run], day: date) -> set[str]:
    return {r.kind.value for r in runs if r.day == day}


def test_without_an_override_file_the_calendar_reads_as_written() -> None:
    runs = read_stored_runs([source("plan.csv", CSV)], Profile(start=date(2027, 1, 4)))
    assert kinds_on(runs, date(2027, 1, 6)) == {RunKind.EASY.value}


def test_the_kept_override_file_decides_and_is_no_calendar() -> None:
    kinds = b'[dates]\n"2027-01-06" = "hard"\n'
    sources = [source("plan.csv", CSV), source(f"plan{KINDS_SUFFIX}", kinds)]
    runs = read_stored_runs(sources, Profile(start=date(2027, 1, 4)))
    assert kinds_on(runs, date(2027, 1, 6)) == {RunKind.HARD.value}
    assert all("kinds" not in r.source for r in runs)


def test_the_latest_override_file_wins() -> None:
    old = source(f"a{KINDS_SUFFIX}", b'[dates]\n"2027-01-06" = "long"\n', datetime(2027, 1, 1))
    new = source(f"b{KINDS_SUFFIX}", b'[dates]\n"2027-01-06" = "rest"\n', datetime(2027, 1, 2))
    runs = read_stored_runs([source("plan.csv", CSV), new, old], Profile(start=date(2027, 1, 4)))
    assert kinds_on(runs, date(2027, 1, 6)) == {RunKind.REST.value}


def test_the_bundled_calendar_reads_the_same_through_the_store() -> None:
    data = files("legday.examples").joinpath("marathon-plan.ics").read_bytes()
    runs = read_stored_runs([source("marathon-plan.ics", data)], Profile(start=date(2027, 1, 4)))
    assert any(r.kind is RunKind.RACE for r in runs)
