"""Hostile and broken files: one-line CalendarError naming the file (and line), nothing else."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from legday.calendars import MAX_BYTES, read_calendar, read_overrides
from legday.errors import CalendarError, InputError

FIXTURES = Path(__file__).parents[2] / "fixtures" / "calendars"
BAD = FIXTURES / "bad"
WINDOW = (date(2027, 1, 1), date(2027, 12, 31))


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("truncated.ics", 32, "never ends"),
        ("binary.ics", 2, "binary"),
        ("latin1.ics", 6, "not UTF-8"),
        ("nested.ics", 10, "nested deeper"),
        ("rrule-secondly.ics", 5, "too dense"),
        ("mismatched.ics", 7, "END:VTODO"),
        ("not-a-calendar.ics", 1, "not an iCalendar file"),
    ],
)
def test_bad_files_give_one_line_with_file_and_line(name: str, line: int, words: str) -> None:
    with pytest.raises(CalendarError) as caught:
        read_calendar(BAD / name, *WINDOW)
    message = str(caught.value)
    assert message.startswith(f"{BAD / name}:{line}: ")
    assert words in message
    assert "\n" not in message
    assert caught.value.line == line


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.ics"
    with huge.open("wb") as handle:
        handle.write(b"BEGIN:VCALENDAR\r\n")
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk, no time
    started = time.perf_counter()
    with pytest.raises(CalendarError, match=r"50\.\d MB, above the 20 MB limit"):
        read_calendar(huge, *WINDOW)
    assert time.perf_counter() - started < 1
    assert MAX_BYTES == 20 * 1024 * 1024


def test_rrule_without_end_does_not_hang() -> None:
    started = time.perf_counter()
    cal = read_calendar(FIXTURES / "rrule-no-end.ics", date(2027, 1, 1), date(2028, 12, 31))
    assert len(cal.entries) == 731
    assert time.perf_counter() - started < 5


def test_dense_rule_in_a_huge_window_is_refused(tmp_path: Path) -> None:
    hourly = tmp_path / "hourly.ics"
    hourly.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:h\nDTSTART:20270101T000000Z\n"
        "RRULE:FREQ=MINUTELY\nSUMMARY:Run\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    with pytest.raises(CalendarError, match="RRULE FREQ=MINUTELY"):
        read_calendar(hourly, *WINDOW)


def test_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(CalendarError, match="cannot read"):
        read_calendar(tmp_path / "nope.ics", *WINDOW)
    empty = tmp_path / "empty.ics"
    empty.write_bytes(b"   \n")
    with pytest.raises(CalendarError, match="empty"):
        read_calendar(empty, *WINDOW)
    with pytest.raises(CalendarError, match="not a regular file"):
        read_calendar(tmp_path, *WINDOW)


def test_library_errors_are_wrapped(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ics"
    broken.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:b\nSUMMARY:Run\n"
        "DTSTART:2027-03-01\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    with pytest.raises(CalendarError, match=str(broken)):
        read_calendar(broken, *WINDOW)


def test_bad_arguments_are_input_errors() -> None:
    with pytest.raises(InputError, match="--tz"):
        read_calendar(FIXTURES / "personal.ics", *WINDOW, tz="Mars/Olympus")
    with pytest.raises(InputError, match="--end"):
        read_calendar(FIXTURES / "personal.ics", date(2027, 2, 1), date(2027, 1, 1))


def test_bad_override_files(tmp_path: Path) -> None:
    bad_toml = tmp_path / "kinds.toml"
    bad_toml.write_text('[titles]\n"Track" = "hard"\n"Oops = 3\n')
    with pytest.raises(CalendarError, match=r"kinds\.toml:3: not valid TOML"):
        read_overrides(bad_toml)
    bad_kind = tmp_path / "kinds2.toml"
    bad_kind.write_text('[titles]\n"Track" = "fast"\n')
    with pytest.raises(CalendarError, match="kind must be one of"):
        read_overrides(bad_kind)
    bad_table = tmp_path / "kinds3.toml"
    bad_table.write_text('[colours]\n"Track" = "hard"\n')
    with pytest.raises(CalendarError, match=r"unknown table \[colours\]"):
        read_overrides(bad_table)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x00\x01binary\x02", "binary data (NUL byte), not a text kinds file"),
        ('[titles]\n"Tr\u00e4ck" = "hard"\n'.encode("latin-1"), "not UTF-8 text"),
    ],
)
def test_unreadable_override_file_is_named_as_a_kinds_file(
    tmp_path: Path, data: bytes, words: str
) -> None:
    # review: `--kinds binary.file` said "not a text calendar", the calendar's message
    path = tmp_path / "binary.file"
    path.write_bytes(data)
    with pytest.raises(CalendarError) as caught:
        read_overrides(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert words in message
    assert "calendar" not in message


def test_cli_names_the_kinds_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from legday.cli import main

    kinds = tmp_path / "binary.file"
    kinds.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    plan = FIXTURES / "personal.ics"
    code = main(["runs", str(plan), "--start", "2027-03-01", "--kinds", str(kinds)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{kinds}:3: binary data (NUL byte), not a text kinds file" in err
