"""Time trials read from files: the flag survives the readers and the cache, and the
athlete's word on the kind (override file, CSV kind column) decides it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import legday.calendars as calendars
from legday.calendars import cache, read_calendar, read_overrides

WINDOW = (date(2027, 1, 1), date(2027, 12, 31))
CSV = (
    "date,title\n"
    "2027-03-04,Zeitlauf 3000 m\n"
    "2027-03-06,parkrun\n"
    "2027-03-11,Contrarreloj 5 km\n"
    "2027-03-18,Test VMA\n"
)
TRIALS = {date(2027, 3, 4), date(2027, 3, 11), date(2027, 3, 18)}


def _flags(path: Path, overrides: str | None = None) -> dict[date, bool]:
    kinds = None
    if overrides is not None:
        file = path.parent / "kinds.toml"
        file.write_text(overrides, encoding="utf-8")
        kinds = read_overrides(file)
    read = read_calendar(path, *WINDOW, overrides=kinds)
    return {r.day: r.all_out for r in read.runs()}


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LEGDAY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("LEGDAY_NO_CACHE", raising=False)
    path = tmp_path / "plan.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_time_trials_in_a_csv_are_all_out_and_parkrun_is_not(plan: Path) -> None:
    flags = _flags(plan)
    assert {day for day, flag in flags.items() if flag} == TRIALS
    assert flags[date(2027, 3, 6)] is False  # parkrun: a weekly hard effort


def test_the_cache_gives_back_the_flag(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = read_calendar(plan, *WINDOW)
    stored = list((plan.parent / "cache" / "calendars").glob("*.json"))
    assert len(stored) == 1
    rows = json.loads(stored[0].read_text(encoding="ascii"))["entries"]
    assert sorted(date.fromisoformat(row[0]) for row in rows if row[12] is True) == sorted(TRIALS)

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed although the cache holds this calendar")

    monkeypatch.setattr(calendars, "_parse", no_parsing)
    again = read_calendar(plan, *WINDOW)
    assert again == first
    assert {r.day for r in again.runs() if r.all_out} == TRIALS


def test_a_row_of_the_older_cache_shape_is_not_used(plan: Path) -> None:
    read_calendar(plan, *WINDOW)
    (stored,) = (plan.parent / "cache" / "calendars").glob("*.json")
    document = json.loads(stored.read_text(encoding="ascii"))
    for row in document["entries"]:
        del row[12]  # as schema 2 wrote it
    stored.write_text(json.dumps(document), encoding="ascii")
    assert cache.SCHEMA >= 3
    assert {r.day for r in read_calendar(plan, *WINDOW).runs() if r.all_out} == TRIALS


def test_an_override_to_another_kind_clears_it_and_one_to_hard_keeps_it(plan: Path) -> None:
    flags = _flags(plan, '[dates]\n2027-03-04 = "easy"\n[contains]\n"contrarreloj" = "hard"\n')
    assert flags[date(2027, 3, 4)] is False  # the athlete said easy: easy
    assert flags[date(2027, 3, 11)] is True  # the athlete agrees it is a hard run
    assert flags[date(2027, 3, 18)] is True
    flags = _flags(plan, '[titles]\n"Test VMA" = "race:C"\n')
    assert flags[date(2027, 3, 18)] is False  # a race now, with its own eve rule


def test_the_csv_kind_column_cannot_make_a_time_trial(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("date,title,kind\n2027-03-04,Zeitlauf 3000 m,hard\n", encoding="utf-8")
    (run,) = read_calendar(path, *WINDOW).runs()
    assert not run.all_out and run.reason == 'kind column "hard"'
