"""A numeric CSV date that reads both ways (05/01/2027) is refused naming the file and
line, unless the file's other dates settle the order (a 13/01 elsewhere is day-first, a
01/13 month-first); a file using both orders is refused too. Dotted dates are day-first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from legday.calendars import read_calendar
from legday.cli import main
from legday.errors import CalendarError

WINDOW = (date(2027, 1, 1), date(2027, 12, 31))


def _days(tmp_path: Path, rows: str, name: str = "plan.csv") -> list[date]:
    path = tmp_path / name
    path.write_text("date,title\n" + rows, encoding="utf-8")
    return [e.day for e in read_calendar(path, *WINDOW).entries]


def test_an_ambiguous_date_alone_is_refused_naming_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(CalendarError) as caught:
        _days(tmp_path, "2027-01-04,Easy\n05/01/2027,Tempo 5k\n")
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'plan.csv'}:3: date '05/01/2027' could be")
    assert "January 5 or May 1, 2027" in message and "YYYY-MM-DD" in message


def test_a_day_first_date_elsewhere_settles_the_order(tmp_path: Path) -> None:
    days = _days(tmp_path, "05/01/2027,Tempo 5k\n13/01/2027,Long run\n")
    assert days == [date(2027, 1, 5), date(2027, 1, 13)]


def test_a_month_first_date_elsewhere_settles_the_order(tmp_path: Path) -> None:
    days = _days(tmp_path, "05/01/2027,Tempo 5k\n01/13/2027,Long run\n")
    assert days == [date(2027, 1, 13), date(2027, 5, 1)]


def test_a_file_mixing_both_orders_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CalendarError, match=r"plan.csv:4: dates are day-first on line 3"):
        _days(tmp_path, "05/01/2027,Tempo\n13/01/2027,Long\n01/14/2027,Hills\n")


def test_same_day_and_month_and_dotted_dates_need_no_settling(tmp_path: Path) -> None:
    days = _days(tmp_path, "01/01/2027,New year jog\n05.01.2027,Tempo\n")
    assert days == [date(2027, 1, 1), date(2027, 1, 5)]


def test_the_cli_names_the_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEGDAY_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "runs.csv"
    path.write_text("date,title\n2027-01-04,Easy\n05/01/2027,Tempo 5k\n", encoding="utf-8")
    assert main(["runs", str(path), "--start", "2027-01-04", "--weeks", "1"]) == 2
    err = capsys.readouterr().err
    assert "runs.csv:3: date '05/01/2027' could be January 5 or May 1, 2027" in err
    assert err.count("\n") == 1
