"""The review's two repros end to end: events past midnight hold every day they span
(`no-overlap`), and a C-race week takes the short session its busy day has room for
(`frequency`). `legday plan` gets both right and `legday check` agrees."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from legday.cli import main

# Conference Tue 5 Jan 09:00 to Thu 7 Jan 17:00; a night shift Fri 22:00 to Sat 07:30.
PAST_MIDNIGHT = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//legday tests//review//EN\r
BEGIN:VEVENT\r
UID:conference@review.test\r
DTSTAMP:20261201T000000Z\r
DTSTART:20270105T090000\r
DTEND:20270107T170000\r
SUMMARY:Conference\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:shift@review.test\r
DTSTAMP:20261201T000000Z\r
DTSTART:20270108T220000\r
DTEND:20270109T073000\r
SUMMARY:Night shift\r
END:VEVENT\r
END:VCALENDAR\r
"""
# Wednesday busy but for 17:30-18:05; a club 5K on Saturday.
C_RACE_WEEK = """date,title,kind,start,duration_min
2027-01-06,Work,other,06:00,690
2027-01-06,Choir,other,18:05,115
2027-01-09,club 5K,,09:00,30
"""


def _days(path: Path) -> dict[str, dict[str, Any]]:
    data = json.loads(path.read_text())
    return {day["date"]: day for day in data["days"]}


def test_events_past_midnight_keep_strength_off_every_day_they_span(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calendar = tmp_path / "c5.ics"
    calendar.write_text(PAST_MIDNIGHT, encoding="utf-8", newline="")
    target = tmp_path / "p.json"
    args = ["--start", "2027-01-04", "--weeks", "1", "--days", "wed,thu,sat"]
    args += ["--window", "default=06:00-21:30", "--sessions", "3"]
    assert main(["plan", "--runs", str(calendar), *args, "-f", "json", "-o", str(target)]) == 0
    days = _days(target)
    assert _clock(days["2027-01-06"]["busy"]) == [
        {"title": "Conference", "start": "00:00", "end": "23:59"}
    ]
    assert days["2027-01-06"]["strength"] == []  # the whole day is the conference's
    assert [s["start"] for s in days["2027-01-07"]["strength"]] == ["17:00"]
    assert _clock(days["2027-01-09"]["busy"]) == [
        {"title": "Night shift", "start": "00:00", "end": "07:30"}
    ]
    assert [s["start"] for s in days["2027-01-09"]["strength"]] == ["07:30"]
    assert main(["check", str(target), "--runs", str(calendar)]) == 0
    capsys.readouterr()
    # the plan the bug made: 06:00 on Wednesday and Saturday, which check now refuses
    data = json.loads(target.read_text())
    for day in data["days"]:
        if day["date"] in ("2027-01-06", "2027-01-09"):
            day["strength"] = [{**days["2027-01-07"]["strength"][0], "start": "06:00"}]
    target.write_text(json.dumps(data))
    for extra in (["--runs", str(calendar)], []):  # the plan file carries the busy days too
        assert main(["check", str(target), *extra]) == 1
        out = capsys.readouterr().out
        assert "overlaps Conference (busy time, 00:00-23:59)" in out
        assert "overlaps Night shift (busy time, 00:00-07:30)" in out


def test_a_c_race_week_takes_the_short_session_its_busy_day_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calendar = tmp_path / "c4.csv"
    calendar.write_text(C_RACE_WEEK, encoding="utf-8")
    target = tmp_path / "p4.json"
    args = ["--start", "2027-01-04", "--weeks", "2", "--days", "wed,sat"]
    args += ["--window", "wed=06:00-20:00", "--race", "2027-01-09:C"]
    assert main(["plan", "--runs", str(calendar), *args, "-f", "json", "-o", str(target)]) == 0
    (session,) = _days(target)["2027-01-06"]["strength"]
    # the estimate of the 30-min maintenance session (never past it), clear of the 18:05 choir
    assert session["start"] == "17:30" and 20 <= session["minutes"] <= 30
    assert not [v for v in json.loads(target.read_text())["violations"] if v["hard"]]
    assert main(["check", str(target), "--runs", str(calendar)]) == 0
    assert "0 hard" in capsys.readouterr().err


def _clock(busy: list[dict[str, object]]) -> list[dict[str, object]]:
    """Busy entries as the contract names them (the file also keeps the reading's reason,
    source, confidence and minutes)."""
    return [{k: b[k] for k in ("title", "start", "end")} for b in busy]
