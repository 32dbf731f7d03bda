"""CSV plans in several spellings, and a fitness-platform activity export read as history."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from legday.calendars import read_calendar
from legday.calendars.csv_reader import parse_date
from legday.errors import CalendarError
from legday.model import RunKind

FIXTURES = Path(__file__).parents[2] / "fixtures" / "calendars"
WINDOW = (date(2027, 1, 1), date(2027, 3, 31))


def test_plan_csv_with_kind_start_and_duration() -> None:
    cal = read_calendar(FIXTURES / "plan.csv", *WINDOW)
    first = cal.entries[0]
    assert (first.day, first.start, first.end, first.minutes) == (
        date(2027, 3, 1),
        time(7, 0),
        time(7, 40),
        40,
    )
    kinds = {e.title: (e.activity, e.kind) for e in cal.entries}
    assert kinds["Track Tuesday"] == ("run", RunKind.HARD)
    assert kinds["Recovery jog, very easy"] == ("run", RunKind.EASY)  # quoted comma
    assert kinds["Parkrun"] == ("run", RunKind.HARD)  # a weekly hard effort, not a race
    assert kinds["Yoga"] == ("other", None)
    assert kinds["Leg day at the gym"] == ("strength", None)
    track = next(e for e in cal.entries if e.title == "Track Tuesday")
    assert (track.reason, track.source) == ('kind column "hard"', "plan.csv:line 3")


def test_german_semicolon_csv_with_day_first_dates() -> None:
    cal = read_calendar(FIXTURES / "plan-de.csv", *WINDOW)
    assert [e.day.day for e in cal.entries] == [1, 2, 4, 6, 7]
    assert [e.kind for e in cal.entries] == [
        RunKind.EASY,
        RunKind.HARD,
        RunKind.HARD,
        RunKind.REST,
        RunKind.LONG,
    ]
    assert cal.entries[1].minutes == 65  # "1:05"


def test_reordered_columns_spanish_date_header_and_pm_times() -> None:
    cal = read_calendar(FIXTURES / "plan-reordered.csv", *WINDOW)
    tempo = cal.entries[0]
    assert (tempo.day, tempo.start, tempo.minutes, tempo.kind) == (
        date(2027, 3, 14),
        time(18, 30),
        45,
        RunKind.HARD,
    )
    assert cal.entries[-1].kind == RunKind.REST


def test_csv_without_header_is_positional() -> None:
    cal = read_calendar(FIXTURES / "plan-noheader.csv", *WINDOW)
    assert [e.kind for e in cal.entries] == [RunKind.EASY, RunKind.HARD, RunKind.RACE]
    assert cal.entries[1].start == time(18, 0)


def test_activity_export_reads_as_history() -> None:
    cal = read_calendar(FIXTURES / "activities.csv", *WINDOW)
    kinds = {e.title: (e.activity, e.kind) for e in cal.entries}
    assert kinds["Berlin Long Run"] == ("run", RunKind.LONG)
    assert kinds["Intervals 6x800"] == ("run", RunKind.HARD)
    assert kinds["Berlin Running"] == ("run", RunKind.EASY)
    assert kinds["Valentine's 10K Race"] == ("run", RunKind.RACE)
    assert kinds["Strength"] == ("strength", None)
    assert kinds["Sunday ride"] == ("other", None)
    assert kinds["Pool Swim"] == ("other", None)
    long_run = next(e for e in cal.entries if e.title == "Berlin Long Run")
    assert (long_run.start, long_run.minutes) == (time(8, 2), 139)
    assert long_run.reason.startswith('activity type "Running"')


def test_csv_window_filters_rows() -> None:
    cal = read_calendar(FIXTURES / "plan.csv", date(2027, 3, 7), date(2027, 3, 7))
    assert {e.title for e in cal.entries} == {"Long run", "Yoga"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-25", date(2026, 12, 25)),
        ("25.12.2026", date(2026, 12, 25)),
        ("25/12/2026", date(2026, 12, 25)),
        ("12/25/2026", date(2026, 12, 25)),  # day-first impossible: month-first
        ("03/04/2027", date(2027, 4, 3)),  # ambiguous: day-first
        ("25.12.26", date(2026, 12, 25)),
        ("2027-02-28 08:02:11", date(2027, 2, 28)),
    ],
)
def test_dates(text: str, expected: date) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed[0] == expected


def test_bad_date_names_the_line() -> None:
    with pytest.raises(CalendarError, match=r"bad-date\.csv:3: date 'next tuesday'"):
        read_calendar(FIXTURES / "bad" / "bad-date.csv", *WINDOW)


def test_unknown_kind_is_refused(tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text("date,title,kind\n2027-03-01,Easy,banana\n")
    with pytest.raises(CalendarError, match=r"plan\.csv:2: kind 'banana' not understood"):
        read_calendar(plan, *WINDOW)


def test_a_multi_line_cell_keeps_its_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        'Date,Title,Notes\n2027-03-04,Thursday session,"WU 2 mi\nTempo 4 mi\nCD 1 mi"\n'
        '2027-03-05,"Morning\r\nrun",\n',
        encoding="utf-8",
        newline="",
    )
    session, morning = read_calendar(path, date(2027, 3, 1), date(2027, 3, 7)).entries
    assert session.kind is RunKind.HARD and "tempo" in session.reason
    assert morning.title == "Morning run"
