"""Files an adversarial run found hanging, slow or misread (issue 12, "Bad input"): each is
read right or refused with one line naming the file and line. The files are built here,
small; full-size versions and their times are in bench/hostile.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from legday.calendars import csv_reader, ics, read_calendar
from legday.errors import CalendarError

WINDOW = (date(2027, 1, 1), date(2027, 12, 31))
HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//legday//test//EN\r\n"
TAIL = "END:VCALENDAR\r\n"


def _event(uid: str, start: str, summary: str = "Easy run", extra: str = "") -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:{start}\r\nDURATION:PT45M\r\n"
        f"SUMMARY:{summary}\r\n{extra}END:VEVENT\r\n"
    )


def _write(tmp_path: Path, body: str, name: str = "plan.ics") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + body + TAIL, encoding="utf-8", newline="")
    return path


def _refused(path: Path) -> CalendarError:
    with pytest.raises(CalendarError) as caught:
        read_calendar(path, *WINDOW)
    message = str(caught.value)
    assert message.startswith(f"{path}:"), message
    assert "\n" not in message
    return caught.value


@pytest.mark.parametrize(
    ("interval", "words"),
    [
        ("0", "RRULE INTERVAL=0 (must be 1 or more)"),
        ("-2", "RRULE INTERVAL=-2 (must be 1 or more)"),
        ("often", "RRULE value 'FREQ=DAILY;INTERVAL=often' cannot be read"),
    ],
)
def test_an_interval_below_one_is_refused_not_looped_on(
    tmp_path: Path, interval: str, words: str
) -> None:
    # a 196-byte file with INTERVAL=0 ran for over 90 s
    rule = f"RRULE:FREQ=DAILY;INTERVAL={interval}\r\n"
    path = _write(tmp_path, _event("zero@x", "20270101T070000Z", extra=rule))
    error = _refused(path)
    assert words in str(error)
    assert error.line == 5  # the event's UID


def _zone(rule: str, start: str = "19700101T000000") -> str:
    return (
        "BEGIN:VTIMEZONE\r\nTZID:Track/Club\r\n"
        f"BEGIN:STANDARD\r\nDTSTART:{start}\r\nRRULE:{rule}\r\n"
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\n"
        f"BEGIN:DAYLIGHT\r\nDTSTART:{start[:4]}0329T020000\r\n"
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
        "TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:zone@x\r\nDTSTART;TZID=Track/Club:20270701T070000\r\n"
        "DURATION:PT1H\r\nSUMMARY:Tempo run\r\nEND:VEVENT\r\n"
    )


@pytest.mark.parametrize("freq", ["SECONDLY", "MINUTELY", "HOURLY"])
def test_a_time_zone_changing_within_the_day_is_refused(tmp_path: Path, freq: str) -> None:
    # a VTIMEZONE recurring MINUTELY or SECONDLY ran for over 60 s
    error = _refused(_write(tmp_path, _zone(f"FREQ={freq}")))
    assert f"time zone rule repeats FREQ={freq}" in str(error)
    assert error.line == 8  # the STANDARD's RRULE


def test_a_daily_time_zone_rule_from_long_ago_is_refused(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, _zone("FREQ=DAILY", start="10000101T000000")))
    assert "time zone rule FREQ=DAILY repeats too often" in str(error)


def test_a_real_custom_time_zone_still_reads(tmp_path: Path) -> None:
    path = _write(tmp_path, _zone("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", start="16010101T030000"))
    (entry,) = read_calendar(path, *WINDOW).entries
    assert entry.day == date(2027, 7, 1)


def test_fan_out_of_every_by_part_is_counted(tmp_path: Path) -> None:
    # BYYEARDAY x BYHOUR x BYMINUTE: 1.8 KB, half a million occurrences a year, took 21 s
    days = ",".join(str(d) for d in range(1, 367))
    minutes = ",".join(str(m) for m in range(60))
    rule = f"RRULE:FREQ=YEARLY;BYYEARDAY={days};BYHOUR=6,7,8,9,10,11;BYMINUTE={minutes}\r\n"
    error = _refused(_write(tmp_path, _event("fan@x", "20270101T060000Z", extra=rule)))
    assert "RRULE FREQ=YEARLY" in str(error)
    assert error.line == 5


@pytest.mark.parametrize(
    "rule", ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "FREQ=WEEKLY;BYMONTHDAY=32"]
)
def test_a_rule_that_can_never_repeat_is_refused(tmp_path: Path, rule: str) -> None:
    # dateutil looks for its next day up to year 9999: 4-5 s for a daily rule
    error = _refused(_write(tmp_path, _event("n@x", "20270101T070000Z", extra=f"RRULE:{rule}\r\n")))
    assert "can never repeat (its months have no day" in str(error)
    assert error.line == 5


@pytest.mark.parametrize(
    ("rule", "count"),
    [  # DTSTART (Sunday 3 January) is always the first occurrence, matching or not
        ("FREQ=WEEKLY;BYDAY=TU,TH", 1 + 104),  # a training week's two quality days
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;UNTIL=20270331T000000Z", 7),
        ("FREQ=DAILY;COUNT=10", 10),
        ("FREQ=MONTHLY;BYDAY=1SA", 1 + 11),  # the club's time trial (2 January is before)
        ("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=15,16,17,18,19,20,21;BYDAY=SU", 1 + 1),
    ],
)
def test_real_rules_still_read(tmp_path: Path, rule: str, count: int) -> None:
    path = _write(tmp_path, _event("r@x", "20270103T070000Z", extra=f"RRULE:{rule}\r\n"))
    assert len(read_calendar(path, *WINDOW).entries) == count


def test_too_many_events_are_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 100,000 VEVENTs took 25 s; the limit (20,000) is lowered here to keep the file small
    monkeypatch.setattr(ics, "MAX_EVENTS", 5)
    body = "".join(_event(f"e{i}@x", f"2020010{i + 1}T070000Z") for i in range(6))
    error = _refused(_write(tmp_path, body))
    assert "more than 5 events" in str(error)
    assert error.line == 34  # the sixth BEGIN:VEVENT


def test_too_many_lines_are_refused_before_the_pre_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ics, "MAX_LINES", 20)
    body = "".join(_event(f"e{i}@x", f"2020010{i + 1}T070000Z") for i in range(6))
    assert "more than 20 lines" in str(_refused(_write(tmp_path, body)))


def test_too_much_text_for_one_window_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ics, "MAX_PARSED_CHARS", 500)
    body = "".join(_event(f"e{i}@x", f"2027010{i + 1}T070000Z") for i in range(9))
    assert "MB of text (ask for a shorter window)" in str(_refused(_write(tmp_path, body)))


def test_events_outside_the_window_are_not_parsed_or_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ics, "MAX_PARSED", 3)
    old = "".join(_event(f"o{i}@x", f"2020{i % 12 + 1:02d}01T070000Z") for i in range(20))
    camp = (
        "BEGIN:VEVENT\r\nUID:camp@x\r\nDTSTART;VALUE=DATE:20261230\r\n"
        "DTEND;VALUE=DATE:20270103\r\nSUMMARY:Training camp\r\nEND:VEVENT\r\n"
    )
    series = _event("s@x", "20200106T070000Z", "Long run", "RRULE:FREQ=WEEKLY;BYDAY=SU\r\n")
    later = "".join(_event(f"l{i}@x", f"2029{i + 1:02d}01T070000Z") for i in range(9))
    path = _write(tmp_path, old + camp + series + later)
    entries = read_calendar(path, *WINDOW).entries
    titles = {e.title for e in entries}
    assert titles == {"Training camp", "Long run"}
    assert [e.day for e in entries if e.title == "Training camp"] == [
        date(2027, 1, 1),
        date(2027, 1, 2),
    ]
    assert sum(e.title == "Long run" for e in entries) == 52
    busy = "".join(_event(f"b{i}@x", f"202703{i + 1:02d}T070000Z") for i in range(4))
    error = _refused(_write(tmp_path, old + busy, "busy.ics"))
    assert "more than 3 events between 2027-01-01 and 2027-12-31" in str(error)


def test_too_many_exdates_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 300,000 EXDATE lines took 11 s; 20,000 are allowed in a file (lowered here to 3)
    monkeypatch.setattr(ics, "MAX_DATES", 3)
    extra = "RRULE:FREQ=DAILY\r\nEXDATE:20270102T070000Z,20270103T070000Z\r\n"
    ok = _write(tmp_path, _event("x@x", "20270101T070000Z", extra=extra))
    assert len(read_calendar(ok, *WINDOW).entries) == 363
    extra += "EXDATE:20270104T070000Z,20270105T070000Z\r\n"
    error = _refused(_write(tmp_path, _event("x@x", "20270101T070000Z", extra=extra), "x.ics"))
    assert "more than 3 EXDATE/RDATE dates" in str(error)
    alarm = (
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nEXDATE:20270101,20270102\r\nRDATE:20270103,20270104\r\n"
    )
    nested = _event("y@x", "20270101T070000Z", extra=alarm + "END:VALARM\r\n")
    assert "more than 3 EXDATE/RDATE dates" in str(_refused(_write(tmp_path, nested, "y.ics")))
    assert error.line == 11


def test_an_overlong_property_is_refused_even_folded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an 8 MB SUMMARY took 11 s; 100,000 characters are allowed (lowered here to 1,000)
    monkeypatch.setattr(ics, "MAX_VALUE", 1_000)
    line = "SUMMARY:" + "Tempo " * 300
    folded = "\r\n ".join(line[i : i + 74] for i in range(0, len(line), 74))
    body = f"BEGIN:VEVENT\r\nUID:big@x\r\nDTSTART:20270301T070000Z\r\n{folded}\r\nEND:VEVENT\r\n"
    error = _refused(_write(tmp_path, body))
    assert "SUMMARY is 1,808 characters long (at most 1,000)" in str(error)
    assert error.line == 7


def test_long_titles_and_descriptions_are_cut_before_reading(tmp_path: Path) -> None:
    title = "Tempo run " * 300
    extra = "DESCRIPTION:" + "6 x 800 m\\, " * 1000 + "\r\n"
    path = _write(tmp_path, _event("t@x", "20270301T070000Z", title, extra))
    (entry,) = read_calendar(path, *WINDOW).entries
    assert entry.title.startswith("Tempo run Tempo run")
    assert len(entry.title) <= ics.MAX_TITLE


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ("DTSTART:20270302T070000Z\r\n", "DTSTART appears more than once in one event"),
        ("DTEND:tomorrow\r\n", "DTEND value 'tomorrow' cannot be read"),
        ("EXDATE:someday\r\n", "EXDATE value 'someday' cannot be read"),
        ("RRULE:FREQ=FORTNIGHTLY\r\n", "FREQ=FORTNIGHTLY"),
    ],
)
def test_library_failures_are_named_by_property_and_line(
    tmp_path: Path, extra: str, words: str
) -> None:
    # ~2 % of fuzzer refusals gave "'list' object has no attribute 'dt'" and the like
    error = _refused(_write(tmp_path, _event("p@x", "20270301T070000Z", extra=extra)))
    assert words in str(error)
    assert error.line == 5
    assert "object has no attribute" not in str(error)


def test_an_unclosed_quote_in_a_plan_csv_is_refused_with_its_line(tmp_path: Path) -> None:
    # it swallowed the tempo run below into the easy run's title
    path = tmp_path / "plan.csv"
    path.write_text(
        'date,title\n2027-03-01,"Easy run 40 min\n2027-03-02,Tempo run 8 km\n2027-03-03,Easy\n'
    )
    error = _refused(path)
    assert error.line == 2
    assert "quote opened here never closes" in str(error)


def test_a_quote_that_closes_rows_later_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text('date,title\n2027-03-01,"Easy run\n2027-03-02,Tempo run 8 km"\n')
    error = _refused(path)
    assert error.line == 2
    assert "does not close before the row on line 3" in str(error)


def test_text_after_a_closing_quote_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text('date,title\n2027-03-01,Easy run\n2027-03-02,"5 x 1000" tempo\n')
    error = _refused(path)
    assert error.line == 3
    assert "text after a closing quote" in str(error)


def test_notes_over_several_lines_still_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        'date,title,notes\n2027-03-01,Intervals,"warm up\n6 x 800 m\ncool down"\n'
        "2027-03-02,Easy run,\n"
    )
    entries = read_calendar(path, *WINDOW).entries
    assert [e.title for e in entries] == ["Intervals", "Easy run"]
    assert entries[1].source.endswith("line 5")


def test_a_csv_mixing_utf8_and_latin1_reads_each_line_right(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(
        "date,title\n2027-03-01,Läufchen\n".encode()
        + "2027-03-02,Dauerlauf über 12 km\n".encode("latin-1")
    )
    titles = [e.title for e in read_calendar(path, *WINDOW).entries]
    assert titles == ["Läufchen", "Dauerlauf über 12 km"]


def test_too_many_csv_rows_in_the_window_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_reader, "MAX_IN_WINDOW", 3)
    path = tmp_path / "plan.csv"
    rows = "".join(f"2020-03-0{i + 1},Easy run\n" for i in range(5))
    rows += "".join(f"2027-03-0{i + 1},Easy run\n" for i in range(4))
    path.write_text("date,title\n" + rows)
    error = _refused(path)
    assert error.line == 10
    assert "more than 3 rows between 2027-01-01 and 2027-12-31" in str(error)
